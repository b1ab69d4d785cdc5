import { COLL } from '../shared/db';
import { z } from 'zod';
import { authorize, contactRevealTarget, OPEN_STATUSES } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import { loadCenterConfig } from '../shared/config';
import type { BookingDoc } from '../shared/db';
import type { Database } from '../shared/cloud';
import { actorOf, loadVisibleCase, readCase } from '../shared/cases';
import { caseFiles, signFileLinks, FILE_LINK_MAX_AGE_S } from './files';
import { caseRef, id, revealedContactSchema, today, recordReveal } from './common';

export const contactActions = {
  fileLink: action({
    summary:
      '查看申请人上传的文件（§五(一) 核实资料）：本案的材料（含补正）、代办委托书签名、签收签名、窗口受理签字，换取短时有效的下载链接；只对能查看该案件的工作人员，且只对属于该案件的文件，其他一律与不存在的案件相同（NOT_FOUND）',
    roles: ['agent', 'leader', 'center'],
    input: caseRef.extend({
      /** the files to open: one, or every image of the case for a preview that can swipe through them */
      fileIDs: z.array(z.string().trim().min(1).max(500)).min(1).max(40),
    }),
    output: z.object({
      files: z.array(
        z.object({ fileID: z.string(), url: z.string(), kind: z.enum(['image', 'pdf']), name: z.string() }),
      ),
      expiresAt: z.string(),
    }),
    returns: `链接 ${FILE_LINK_MAX_AGE_S / 60} 分钟内有效`,
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      // the case is the only read: visibility (refused like a missing case) and the list of its files
      const doc = await loadVisibleCase(ctx, input.caseId);
      const files = caseFiles(doc);
      const wanted = [...new Set(input.fileIDs)];
      const own = wanted.map((id) => files.get(id));
      if (own.some((f) => !f)) throw new AppError('NOT_FOUND', '没有找到这个文件');
      const links = await signFileLinks(wanted);
      if (links.some((l) => !l)) throw new AppError('NOT_FOUND', '文件已不在存储中，请联系申请人重新上传');
      return {
        files: wanted.map((fileID, i) => ({ fileID, url: links[i]!, kind: own[i]!.kind, name: own[i]!.name })),
        expiresAt: new Date(ctx.now.getTime() + FILE_LINK_MAX_AGE_S * 1000).toISOString(),
      };
    },
  }),

  revealContact: action({
    summary:
      '查看申请人的完整联系电话，以便主动联系（§五(二)）：只对经办和首问帮代办员、责任单位的责任领导、政务服务中心；每次查看记入审计（谁、何时、哪件案件，不记号码）；其他人与不存在的案件相同（NOT_FOUND）',
    roles: ['agent', 'leader', 'center'],
    input: caseRef,
    output: revealedContactSchema,
    errors: ['NOT_FOUND'],
    reveals: '申请人联系电话',
    async run(ctx, input) {
      const doc = await readCase(ctx.db, input.caseId);
      if (!doc || !authorize(actorOf(ctx.caller), 'case.revealContact', contactRevealTarget(doc)).ok)
        throw new AppError('NOT_FOUND', '没有找到这条申请');
      return recordReveal(ctx, { kind: 'case', id: doc._id }, doc.caseNo, doc);
    },
  }),

  revealBookingContact: action({
    summary:
      '预约名单上查看申请人的完整电话（上门服务出发前、到场前联系），与 revealContact 同一规则和记录：关联申请的预约只对该申请的经办和首问帮代办员、' +
      '责任单位的责任领导、政务服务中心；没有关联申请的预约属于窗口，只对中心单位的帮代办员和责任领导、政务服务中心；每次查看记入审计“查看电话”（谁、' +
      '何时、哪个预约，不记号码）；其他人与不存在的预约相同（NOT_FOUND）',
    roles: ['agent', 'leader', 'center'],
    input: z.object({ bookingId: id }),
    output: revealedContactSchema,
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    reveals: '申请人联系电话',
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const missing = () => new AppError('NOT_FOUND', '没有找到这个预约');
      const b = await ctx.db
        .collection(COLL.bookings)
        .doc(input.bookingId)
        .get()
        .then(
          (r) => r.data as BookingDoc | null,
          () => null,
        );
      if (!b) throw missing();
      const doc = b.caseId ? await readCase(ctx.db, b.caseId) : null;
      if (b.caseId && !doc) throw missing();
      const allowed = doc
        ? authorize(actor, 'case.revealContact', contactRevealTarget(doc)).ok
        : await loadCenterConfig(ctx.db).then(({ settings }) => {
            // a booking without a case is the desk's own: the center unit's agents serve the desk
            const desk = settings.routing.centerUnitId;
            return (
              (actor.role === 'agent' && actor.unitId === desk) ||
              authorize(actor, 'case.revealContact', { unitIds: [desk] }).ok
            );
          });
      if (!allowed) throw missing();
      // said only to someone who may see the booking: an applicant's own booking may carry no phone
      if (!b.contactPhone)
        throw new AppError('RULE_REFUSED', '这个预约没有登记电话', {
          NO_CONTACT_PHONE: '这个预约没有登记电话，请按申请编号查看申请',
        });
      return recordReveal(ctx, { kind: 'booking', id: b._id }, doc?.caseNo ?? null, b);
    },
  }),

  unitLoad: action({
    summary:
      '本单位帮代办员的工作量（责任领导看本单位，政务服务中心可选单位）：在办、已超期、等申请人；也是转派时选择接手人的名单',
    roles: ['leader', 'center'],
    input: z.object({ unitId: id.optional() }),
    output: z.object({
      unitId: z.string(),
      agents: z.array(
        z.object({
          staffId: z.string(),
          name: z.string(),
          onDuty: z.boolean(),
          open: z.number(),
          overdue: z.number(),
          waiting: z.number(),
        }),
      ),
      unassigned: z.number(),
    }),
    async run(ctx, input) {
      const me = ctx.caller.staff!;
      const unitId = me.role === 'center' && input.unitId ? input.unitId : me.unitId;
      const _ = ctx.db.command;
      const t = await today(ctx.db, ctx.now);
      const [staff, cases] = await Promise.all([
        ctx.db.collection(COLL.staff).where({ unitId, role: 'agent', active: true }).limit(100).get(),
        ctx.db
          .collection(COLL.cases)
          .where({ unitId, status: _.in([...OPEN_STATUSES]) })
          .field({ agentId: true, status: true, dueOn: true })
          .limit(1000)
          .get(),
      ]);
      const rows = cases.data as { agentId: string | null; status: string; dueOn?: string | null }[];
      return {
        unitId,
        agents: staff.data.map((s) => {
          const mine = rows.filter((c) => c.agentId === s._id);
          return {
            staffId: String(s._id),
            name: String(s.name),
            onDuty: s.onDuty === true,
            open: mine.length,
            overdue: mine.filter((c) => !!c.dueOn && c.dueOn < t.today).length,
            waiting: mine.filter((c) => c.status === 'awaiting_materials' || c.status === 'suspended').length,
          };
        }),
        unassigned: rows.filter((c) => !c.agentId).length,
      };
    },
  }),
} satisfies ActionTable<Database>;
