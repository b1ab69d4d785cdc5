import type { BadRatingDoc, RatingDoc } from '../shared/db/documents';
import { COLL } from '../shared/db';
import { z } from 'zod';
import { applyBadRatingAction, BAD_RATING_OPEN_STATES, badRatingNotices } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadSettings } from '../shared/config';
import { actorOf, caseFacts } from '../shared/cases';
import { loadCalendar } from '../shared/config';
import { putLedgerRow } from '../shared/ledger';
import { enqueue } from '../shared/effects';
import { staffBadSchema, readDoc, asRating, asBad, refused } from './common';
import {
  badActionInput,
  badId,
  visibleTo,
  scopeFilter,
  staffNames,
  staffBadView,
  BAD_RATING_FILTERS,
} from './staff-views';
import type { CaseDoc } from '../shared/db';

export const staffActions = {
  listBad: action({
    summary:
      '差评处理列表（工作人员）：帮代办员看经办案件的差评，责任领导看本单位的，政务服务中心看全部；含当前环节的期限与预警、处理记录、可执行的操作',
    roles: ['agent', 'leader', 'center'],
    input: z.object({
      filter: z.enum(BAD_RATING_FILTERS).default('open'),
      limit: z.number().int().min(1).max(50).default(20),
      offset: z.number().int().min(0).max(5000).default(0),
    }),
    output: z.object({
      items: z.array(staffBadSchema),
      total: z.number(),
      counts: z.object({ open: z.number(), closed: z.number() }),
    }),
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const scope = scopeFilter(actor);
      if (!scope) return { items: [], total: 0, counts: { open: 0, closed: 0 } };
      const _ = ctx.db.command;
      const byFilter = (f: (typeof BAD_RATING_FILTERS)[number]) =>
        f === 'all'
          ? scope
          : { ...scope, status: f === 'open' ? _.in([...BAD_RATING_OPEN_STATES]) : _.in(['closed', 'voided']) };
      const [page, total, open, closed, cal, settings] = await Promise.all([
        ctx.db
          .collection(COLL.badRatings)
          .where(byFilter(input.filter))
          .orderBy('openedAt', 'desc')
          .skip(input.offset)
          .limit(input.limit)
          .get(),
        ctx.db.collection(COLL.badRatings).where(byFilter(input.filter)).count(),
        ctx.db.collection(COLL.badRatings).where(byFilter('open')).count(),
        ctx.db.collection(COLL.badRatings).where(byFilter('closed')).count(),
        loadCalendar(ctx.db),
        loadSettings(ctx.db),
      ]);
      const bads = (page.data as BadRatingDoc[]).map((b) => asBad(b)!);
      const caseIds = [...new Set(bads.map((b) => b.caseId))];
      const [cases, ratings] = caseIds.length
        ? await Promise.all([
            ctx.db
              .collection(COLL.cases)
              .where({ _id: _.in(caseIds) })
              .field({ caseNo: true, matter: true, unitName: true, agentName: true })
              .limit(50)
              .get(),
            ctx.db
              .collection(COLL.ratings)
              .where({ _id: _.in(caseIds) })
              .limit(50)
              .get(),
          ])
        : [{ data: [] }, { data: [] }];
      const caseById = new Map(cases.data.map((c) => [String(c._id), c as CaseDoc]));
      const ratingById = new Map(ratings.data.map((r) => [String(r._id), asRating(r as RatingDoc)]));
      const names = await staffNames(
        ctx.db,
        bads.flatMap((b) => b.history.map((h) => h.by.id)),
      );
      return {
        items: bads.map((b) =>
          staffBadView(
            b,
            ratingById.get(b.caseId) ?? null,
            caseById.get(b.caseId) ?? null,
            actor,
            settings,
            cal,
            ctx.now,
            names,
          ),
        ),
        total: total.total,
        counts: { open: open.total, closed: closed.total },
      };
    },
  }),

  handleBad: action({
    summary:
      '处理差评（§五(五)）：回访（谁、何时、方式、申请人所说）、整改（措施与结果，告知评价人）、中心核实整改、单位对不实差评申诉、中心复核；每步记入处理记录，期限按工作日计',
    roles: ['agent', 'leader', 'center'],
    input: z.object({ id: badId, version: z.number().int().min(0), action: badActionInput }),
    output: z.object({ item: staffBadSchema, notified: z.array(z.string()) }),
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_REFUSED'],
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const [cal, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db)]);
      const out = await ctx.transaction(async (t) => {
        const current = asBad(await readDoc<BadRatingDoc>(t, COLL.badRatings, input.id));
        // someone else's 差评 answers like a missing one
        if (!current || !visibleTo(actor, current)) throw new AppError('NOT_FOUND', '没有找到这条差评');
        if ((current.version ?? 0) !== input.version)
          throw new AppError('CONFLICT', '这条差评刚被他人处理，请刷新后再操作');
        const d = applyBadRatingAction(cal, current, input.action, actor, ctx.now, settings);
        if (!d.ok) throw refused(d);
        const next: BadRatingDoc = { ...d.value, _id: current._id, version: (current.version ?? 0) + 1 };
        const { _id, ...body } = next;
        await t.collection(COLL.badRatings).doc(_id).set({ data: body });
        const c = await readDoc<CaseDoc>(t, COLL.cases, current.caseId);
        if (!c) throw new AppError('NOT_FOUND', '没有找到这条差评');
        const rating = asRating(await readDoc<RatingDoc>(t, COLL.ratings, current.caseId));
        const other = asBad(
          await readDoc<BadRatingDoc>(t, COLL.badRatings, `${current.caseId}-${current.followUp ? 0 : 1}`),
        );
        await putLedgerRow(t, c, rating, [next, ...(other ? [other] : [])], cal, ctx.now, settings);
        const notices = badRatingNotices(current, next, c.applicantId);
        const outboxIds = await enqueue(t, notices, caseFacts(c), ctx.now);
        return { next, c, rating, notices, outboxIds };
      });
      const names = await staffNames(
        ctx.db,
        out.next.history.map((h) => h.by.id),
      );
      return {
        item: staffBadView(out.next, out.rating, out.c, actor, settings, cal, ctx.now, names),
        notified: out.notices.map((n) => n.kind),
      };
    },
  }),
} satisfies ActionTable<Database>;
