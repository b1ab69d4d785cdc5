import { z } from 'zod';
import {
  applyBadRatingAction,
  authorize,
  BAD_RATING_OPEN_STATES,
  BAD_RATING_STATE_LABELS,
  BAD_RATING_TRANSITIONS,
  badRatingDueOn,
  badRatingNotices,
  badRatingStepText,
  beijingDate,
  CONTACT_CHANNELS,
  deadlineLevel,
  followUpRating,
  maskPersonalDataInText,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_TAGS,
  rateService,
  ratingVisibleTo,
  ROLE_LABELS,
  WARNING_LEVEL_LABELS,
  type Actor,
  type BadRatingAction,
  type BadRatingActionType,
  type BadRatingCase,
  type RatableCase,
  type Rating,
  type RatingTag,
  type Settings,
  type WorkCalendar,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import type { Database, Transaction } from '../shared/cloud';
import { loadSettings } from '../shared/applicant';
import { actorOf, caseFacts, loadCalendar, loadVisibleCase, type CaseDoc } from '../shared/cases';
import { putLedgerRow } from '../shared/ledger';
import { enqueue } from '../shared/outbox';

/**
 * 好差评 (§五(五)). The applicant rates an ended service once and may add one 追评, decided by the
 * core (core/rating.ts). Ratings are stored in `ratings` with the case id as document id, so "once
 * per case" holds even for two taps at once; staff have no action that writes a rating. A 差评
 * opens a record in `badRatings` (`<caseId>-0`, or `-1` for a 追评) that the unit handles here:
 * call-back, rectification, the center's verification, or an appeal the center reviews. Every
 * write also rewrites the case's ledger row and enqueues its messages, in one transaction.
 */

const level = z.enum(RATING_LEVELS, { message: '请选择评价等级' });
const entryInput = z.object({
  level,
  dimensions: z.partialRecord(z.enum(RATING_DIMENSIONS), level).optional(),
  tags: z.array(z.enum(Object.keys(RATING_TAGS) as [RatingTag, ...RatingTag[]])).max(12).optional(),
  comment: z.string().max(600).optional(),
});
const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });
const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);

type RatingDoc = Rating & { _id: string };
type BadRatingDoc = BadRatingCase & { _id: string; version?: number };

function ratable(c: CaseDoc): RatableCase {
  return { caseId: c._id, applicantId: c.applicantId, status: c.status, endedAt: c.endedAt ? new Date(c.endedAt) : null, agentIds: [c.agentId, c.firstAgentId], unitId: c.unitId };
}

function entryView(e: { level: Rating['level']; dimensions: Rating['dimensions']; tags: RatingTag[]; comment: string | null; at: Date }) {
  return {
    level: e.level,
    levelLabel: RATING_LEVEL_LABELS[e.level],
    dimensions: Object.entries(e.dimensions ?? {}).map(([d, l]) => ({ dimension: d, label: RATING_DIMENSION_LABELS[d as keyof typeof RATING_DIMENSION_LABELS], levelLabel: RATING_LEVEL_LABELS[l as Rating['level']] })),
    tags: e.tags.map((t) => RATING_TAGS[t]?.label ?? t),
    comment: e.comment,
    at: new Date(e.at).toISOString(),
  };
}

/** What the rater may see of a 差评's handling: state, steps and what was done, never staff ids. */
function badRatingView(b: BadRatingCase) {
  return {
    followUp: b.followUp,
    status: b.status,
    statusLabel: BAD_RATING_STATE_LABELS[b.status],
    history: b.history.map((h) => ({ label: BAD_RATING_TRANSITIONS[h.action]?.label ?? h.action, statusLabel: BAD_RATING_STATE_LABELS[h.to], at: new Date(h.at).toISOString(), note: badRatingStepText(h) })),
  };
}

const readDoc = <T>(t: Pick<Transaction, 'collection'>, coll: string, id: string) =>
  t
    .collection(coll)
    .doc(id)
    .get()
    .then((r) => (r.data as unknown as T) ?? null, () => null);

const asRating = (r: RatingDoc | null): Rating | null => (r ? { ...r, at: new Date(r.at), followUp: r.followUp ? { ...r.followUp, at: new Date(r.followUp.at) } : null } : null);
const asBad = (b: BadRatingDoc | null): BadRatingDoc | null => (b ? { ...b, openedAt: new Date(b.openedAt), history: b.history.map((h) => ({ ...h, at: new Date(h.at), ...(h.data?.calledAt ? { data: { ...h.data, calledAt: new Date(h.data.calledAt) } } : {}) })) } : null);

async function load(ctx: ActionContext<Database>, caseId: string) {
  const c = await loadVisibleCase({ ...ctx, caller: { ...ctx.caller, staff: null } }, caseId);
  return { c, rating: asRating(await readDoc<RatingDoc>(ctx.db, 'ratings', c._id)) };
}

async function answerFor(ctx: ActionContext<Database>, c: CaseDoc, rating: Rating | null) {
  const { data } = await ctx.db.collection('badRatings').where({ caseId: c._id }).limit(5).get();
  const bad = (data as unknown as BadRatingCase[]).sort((a, b) => Number(a.followUp) - Number(b.followUp));
  return {
    canRate: ['finished', 'terminated', 'refused'].includes(c.status) && !rating,
    canFollowUp: !!rating && !rating.followUp,
    rating: rating ? { ...entryView(rating), source: rating.source, followUp: rating.followUp ? entryView(rating.followUp) : null } : null,
    badRatings: bad.map(badRatingView),
  };
}

const refused = (d: { code: string; message: string }) => new AppError('RULE_REFUSED', d.message, { [d.code]: d.message });
const levelsAndTags = {
  levels: RATING_LEVELS.map((l) => ({ value: l, label: RATING_LEVEL_LABELS[l] })),
  dimensions: RATING_DIMENSIONS.map((d) => ({ value: d, label: RATING_DIMENSION_LABELS[d] })),
  tags: Object.entries(RATING_TAGS).map(([value, t]) => ({ value, label: t.label, polarity: t.polarity })),
};
const isDuplicate = (e: unknown) => /E11000|duplicate|exist/i.test(String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e));

/**
 * Writes a rating change with everything that follows from it in one transaction: the rating, a new
 * 差评 record (with its messages to the unit), the case's ledger row.
 */
async function saveRating(ctx: ActionContext<Database>, c: CaseDoc, decide: (current: Rating | null) => { rating: Rating; badRating: BadRatingCase | null; create: boolean }) {
  const [cal, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db)]);
  const out = await ctx.transaction(async (t) => {
    const current = asRating(await readDoc<RatingDoc>(t, 'ratings', c._id));
    const d = decide(current);
    if (d.create) await t.collection('ratings').add({ data: { _id: c._id, ...d.rating } });
    else await t.collection('ratings').doc(c._id).update({ data: { followUp: d.rating.followUp } });
    const bads: BadRatingCase[] = [];
    const other = asBad(await readDoc<BadRatingDoc>(t, 'badRatings', `${c._id}-${d.rating.followUp ? 0 : 1}`));
    if (other) bads.push(other);
    let outboxIds: string[] = [];
    if (d.badRating) {
      await t.collection('badRatings').doc(`${c._id}-${d.badRating.followUp ? 1 : 0}`).set({ data: { ...d.badRating, version: 1 } });
      bads.push(d.badRating);
      outboxIds = await enqueue(t, badRatingNotices(null, d.badRating, c.applicantId), caseFacts(c), ctx.now);
    }
    await putLedgerRow(t, c, d.rating, bads, cal, ctx.now, settings);
    return { rating: d.rating, outboxIds };
  });
  return out.rating;
}

// ─── staff: 差评 handling ────────────────────────────────────────────────────────────────────────

const badActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('callBack'), note: text(500), calledAt: z.coerce.date().optional(), channel: z.enum(CONTACT_CHANNELS).optional() }),
  z.object({ type: z.literal('rectify'), measures: text(1000), result: text(500) }),
  z.object({ type: z.literal('verify'), accepted: z.boolean(), note: text(500) }),
  z.object({ type: z.literal('appeal'), grounds: text(1000) }),
  z.object({ type: z.literal('reviewAppeal'), upheld: z.boolean(), note: text(500) }),
]) satisfies z.ZodType<BadRatingAction, unknown>;

const badId = z.string().trim().regex(/^[\w-]{1,64}-[01]$/, '差评编号不正确');

/** Staff may see a 差评 as they may see its case: the agents on it, the unit's leader, the center. */
function visibleTo(actor: Actor, b: BadRatingCase): boolean {
  return authorize(actor, 'case.view', b.owners).ok;
}

function scopeFilter(actor: Actor): Record<string, unknown> | null {
  if (actor.role === 'center') return {};
  if (actor.role === 'leader') return actor.unitId ? { 'owners.unitIds': actor.unitId } : null;
  if (actor.role === 'agent') return { 'owners.agentIds': actor.id };
  return null;
}

function offered(actor: Actor, b: BadRatingCase, settings: Settings): BadRatingActionType[] {
  return (Object.keys(BAD_RATING_TRANSITIONS) as BadRatingActionType[]).filter((type) => {
    const spec = BAD_RATING_TRANSITIONS[type];
    if (!spec.from.includes(b.status) || !authorize(actor, spec.permission, b.owners).ok) return false;
    if (type === 'appeal' && b.appeal) return false;
    return !(type === 'callBack' && actor.role !== 'center' && settings.rating.hideRaterFromStaff);
  });
}

async function staffNames(db: Database, ids: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return {};
  const { data } = await db.collection('staff').where({ _id: db.command.in(wanted) }).limit(100).get();
  return Object.fromEntries(data.map((s) => [String(s._id), String(s.name)]));
}

/** A 差评 as the staff page shows it; with the rater hidden, nothing that tells which case it was. */
function staffBadView(b: BadRatingDoc, rating: Rating | null, c: Pick<CaseDoc, '_id' | 'caseNo' | 'matter' | 'unitName' | 'agentName'> | null, actor: Actor, settings: Settings, cal: WorkCalendar, now: Date, names: Record<string, string>) {
  const entry = b.followUp ? rating?.followUp : rating;
  const shown = ratingVisibleTo(actor.role, rating, [b.status], now, settings);
  const dueOn = badRatingDueOn(cal, b, settings);
  let warning: { level: string; label: string } | null = null;
  if (dueOn) {
    try {
      const l = deadlineLevel(cal, beijingDate(now), dueOn, settings.calendar).level;
      warning = { level: l, label: `${WARNING_LEVEL_LABELS[l]} · ${dueOn}前` };
    } catch {
      warning = null;
    }
  }
  return {
    id: b._id,
    version: b.version ?? 0,
    raterHidden: !shown,
    caseId: shown ? c?._id ?? null : null,
    caseNo: shown ? c?.caseNo ?? null : null,
    matter: shown ? c?.matter ?? null : null,
    unitName: c?.unitName ?? null,
    agentName: shown ? c?.agentName ?? null : null,
    followUp: b.followUp,
    level: b.level,
    levelLabel: RATING_LEVEL_LABELS[b.level],
    tags: (entry?.tags ?? []).map((t) => RATING_TAGS[t]?.label ?? t),
    comment: entry?.comment ? maskPersonalDataInText(entry.comment) : null,
    openedAt: new Date(b.openedAt).toISOString(),
    status: b.status,
    statusLabel: BAD_RATING_STATE_LABELS[b.status],
    dueOn,
    warning,
    appeal: b.appeal ? { on: b.appeal.on, grounds: b.appeal.grounds } : null,
    history: b.history.map((h) => ({
      label: BAD_RATING_TRANSITIONS[h.action]?.label ?? h.action,
      text: badRatingStepText(h),
      at: new Date(h.at).toISOString(),
      calledAt: h.data?.calledAt ? new Date(h.data.calledAt).toISOString() : null,
      by: `${ROLE_LABELS[h.by.role]}${names[h.by.id] ? ` ${names[h.by.id]}` : ''}`,
    })),
    actions: offered(actor, b, settings).map((type) => ({ type, label: BAD_RATING_TRANSITIONS[type].label })),
  };
}

export const BAD_RATING_FILTERS = ['open', 'closed', 'all'] as const;

export const actions: ActionTable<Database> = {
  getForCase: action({
    summary: '某条申请的评价：能否评价或追评、已给的评价和追评、差评的回访整改进度；以及可选的等级、维度、标签',
    roles: ['applicant'],
    input: caseRef,
    output: '{ canRate, canFollowUp, rating: { levelLabel, dimensions, tags, comment, at, followUp } | null, badRatings: [{ statusLabel, history: [{ label, note, at }] }], options: { levels, dimensions, tags } }',
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const { c, rating } = await load(ctx, input.caseId);
      return { ...(await answerFor(ctx, c, rating)), options: levelsAndTags };
    },
  }),

  submit: action({
    summary: '评价（好差评）：服务结束后由申请人本人评价一次，五个等级，可选维度、标签和意见；差评须说明原因并转责任单位回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: '{ canRate: false, canFollowUp, rating, badRatings }',
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      const { c } = await load(ctx, input.caseId);
      const settings = await loadSettings(ctx.db);
      let rating: Rating;
      try {
        rating = await saveRating(ctx, c, (current) => {
          const d = rateService({ id: ctx.caller.openid, role: 'applicant' }, ratable(c), current, input, ctx.now, settings);
          if (!d.ok) throw refused(d);
          return { ...d.value, create: true };
        });
      } catch (e) {
        // the case id is the rating's id: a second submit committed at the same moment fails here
        if (!(e instanceof AppError) && isDuplicate(e)) throw new AppError('RULE_REFUSED', '该服务已评价过，可以追评一次。', { ALREADY_RATED: '该服务已评价过，可以追评一次。' });
        throw e;
      }
      return answerFor(ctx, c, rating);
    },
  }),

  followUp: action({
    summary: '追评：评价后可追加一次评价（默认90天内）；追评为差评同样转回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: '{ canRate: false, canFollowUp: false, rating: {…, followUp}, badRatings }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      const { c } = await load(ctx, input.caseId);
      const settings = await loadSettings(ctx.db);
      const rating = await saveRating(ctx, c, (current) => {
        const d = followUpRating({ id: ctx.caller.openid, role: 'applicant' }, ratable(c), current, input, ctx.now, settings);
        if (!d.ok) throw refused(d);
        return { ...d.value, create: false };
      });
      return answerFor(ctx, c, rating);
    },
  }),

  listBad: action({
    summary: '差评处理列表（工作人员）：帮代办员看经办案件的差评，责任领导看本单位的，政务服务中心看全部；含当前环节的期限与预警、处理记录、可执行的操作',
    roles: ['agent', 'leader', 'center'],
    input: z.object({ filter: z.enum(BAD_RATING_FILTERS).default('open'), limit: z.number().int().min(1).max(50).default(20), offset: z.number().int().min(0).max(5000).default(0) }),
    output: '{ items: [{ id, version, raterHidden, caseId, caseNo, matter, unitName, levelLabel, tags, comment (masked), statusLabel, dueOn, warning, history: [{ label, text, by, at, calledAt }], actions: [{ type, label }] }], total, counts: { open, closed } }',
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const scope = scopeFilter(actor);
      if (!scope) return { items: [], total: 0, counts: { open: 0, closed: 0 } };
      const _ = ctx.db.command;
      const byFilter = (f: (typeof BAD_RATING_FILTERS)[number]) => (f === 'all' ? scope : { ...scope, status: f === 'open' ? _.in([...BAD_RATING_OPEN_STATES]) : _.in(['closed', 'voided']) });
      const [page, total, open, closed, cal, settings] = await Promise.all([
        ctx.db.collection('badRatings').where(byFilter(input.filter)).orderBy('openedAt', 'desc').skip(input.offset).limit(input.limit).get(),
        ctx.db.collection('badRatings').where(byFilter(input.filter)).count(),
        ctx.db.collection('badRatings').where(byFilter('open')).count(),
        ctx.db.collection('badRatings').where(byFilter('closed')).count(),
        loadCalendar(ctx.db),
        loadSettings(ctx.db),
      ]);
      const bads = (page.data as unknown as BadRatingDoc[]).map((b) => asBad(b)!);
      const caseIds = [...new Set(bads.map((b) => b.caseId))];
      const [cases, ratings] = caseIds.length
        ? await Promise.all([
            ctx.db.collection('cases').where({ _id: _.in(caseIds) }).field({ caseNo: true, matter: true, unitName: true, agentName: true }).limit(50).get(),
            ctx.db.collection('ratings').where({ _id: _.in(caseIds) }).limit(50).get(),
          ])
        : [{ data: [] }, { data: [] }];
      const caseById = new Map(cases.data.map((c) => [String(c._id), c as unknown as CaseDoc]));
      const ratingById = new Map(ratings.data.map((r) => [String(r._id), asRating(r as unknown as RatingDoc)]));
      const names = await staffNames(ctx.db, bads.flatMap((b) => b.history.map((h) => h.by.id)));
      return {
        items: bads.map((b) => staffBadView(b, ratingById.get(b.caseId) ?? null, caseById.get(b.caseId) ?? null, actor, settings, cal, ctx.now, names)),
        total: total.total,
        counts: { open: open.total, closed: closed.total },
      };
    },
  }),

  handleBad: action({
    summary: '处理差评（§五(五)）：回访（谁、何时、方式、申请人所说）、整改（措施与结果，告知评价人）、中心核实整改、单位对不实差评申诉、中心复核；每步记入处理记录，期限按工作日计',
    roles: ['agent', 'leader', 'center'],
    input: z.object({ id: badId, version: z.number().int().min(0), action: badActionInput }),
    output: '{ item: {…as in listBad}, notified: [kind] }',
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_REFUSED'],
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const [cal, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db)]);
      const out = await ctx.transaction(async (t) => {
        const current = asBad(await readDoc<BadRatingDoc>(t, 'badRatings', input.id));
        // someone else's 差评 answers like a missing one
        if (!current || !visibleTo(actor, current)) throw new AppError('NOT_FOUND', '没有找到这条差评');
        if ((current.version ?? 0) !== input.version) throw new AppError('CONFLICT', '这条差评刚被他人处理，请刷新后再操作');
        const d = applyBadRatingAction(cal, current, input.action, actor, ctx.now, settings);
        if (!d.ok) throw refused(d);
        const next: BadRatingDoc = { ...d.value, _id: current._id, version: (current.version ?? 0) + 1 };
        const { _id, ...body } = next;
        await t.collection('badRatings').doc(_id).set({ data: body });
        const c = await readDoc<CaseDoc>(t, 'cases', current.caseId);
        if (!c) throw new AppError('NOT_FOUND', '没有找到这条差评');
        const rating = asRating(await readDoc<RatingDoc>(t, 'ratings', current.caseId));
        const other = asBad(await readDoc<BadRatingDoc>(t, 'badRatings', `${current.caseId}-${current.followUp ? 0 : 1}`));
        await putLedgerRow(t, c, rating, [next, ...(other ? [other] : [])], cal, ctx.now, settings);
        const notices = badRatingNotices(current, next, c.applicantId);
        const outboxIds = await enqueue(t, notices, caseFacts(c), ctx.now);
        return { next, c, rating, notices, outboxIds };
      });
      const names = await staffNames(ctx.db, out.next.history.map((h) => h.by.id));
      return { item: staffBadView(out.next, out.rating, out.c, actor, settings, cal, ctx.now, names), notified: out.notices.map((n) => n.kind) };
    },
  }),
};
