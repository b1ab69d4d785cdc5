import { z } from 'zod';
import { CASE_STATUS_LABELS, CATEGORY_LABELS, OPEN_STATUSES, openCase, pickAgent, responsibleUnit, submitApplicationInput, type AgentCandidate } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { actorOf, loadVisibleCase, transitionCase, visibleCasesFilter, type CaseDoc } from '../shared/cases';
import { caseDetailView, caseSummaryView } from '../shared/views';

/** Case numbers read BB + Beijing date + a daily sequence, e.g. BB20261128-0007. */
function beijingDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The unit's agents with their open-case counts, for the core's pickAgent (one query + one aggregate). */
async function agentCandidates(db: Database, unitId: string): Promise<AgentCandidate[]> {
  const _ = db.command;
  const [{ data: staff }, load] = await Promise.all([
    db.collection('staff').where({ unitId, role: 'agent', active: true }).limit(200).get(),
    db.collection('cases').aggregate().match({ unitId, status: _.in([...OPEN_STATUSES]) }).group({ _id: '$agentId', n: _.aggregate.sum(1) }).end(),
  ]);
  const open = new Map<string, number>(load.list.map((r) => [String(r._id), Number(r.n)]));
  return staff.map((s) => ({
    id: String(s._id),
    name: String(s.name),
    unitId: String(s.unitId),
    active: s.active === true,
    onDuty: s.onDuty === true,
    skills: Array.isArray(s.skills) ? s.skills.map(String) : [],
    openCases: open.get(String(s._id)) ?? 0,
  }));
}

const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });

export const actions: ActionTable<Database> = {
  submit: action({
    summary: '提交帮办代办申请：按事项类别确定责任单位，并分配当班帮代办员（§四、§五(一)）',
    roles: ['applicant'],
    input: submitApplicationInput,
    output: '{ caseId, caseNo, status, statusLabel, unitName, agentName | null }',
    async run({ caller, db, now, transaction }, input) {
      const unitId = responsibleUnit(input.category);
      const [unit, candidates] = await Promise.all([
        db
          .collection('units')
          .doc(unitId)
          .get()
          .then((r) => r.data as { name?: string } | null, () => null),
        agentCandidates(db, unitId),
      ]);
      if (!unit?.name) throw new AppError('INTERNAL', '责任单位未配置');
      const picked = pickAgent(candidates, { unitId, skill: input.category });
      const agent = picked.ok ? picked.value : null;
      const opened = openCase({ applicantId: caller.openid, category: input.category, mode: input.mode, unitId, agentId: agent?.agentId ?? null }, now);
      const day = beijingDay(now);
      // the daily sequence and the case are written in one transaction: two submissions at the
      // same instant never share a number
      const created = await transaction(async (t) => {
        const counterId = `caseNo-${day}`;
        const counter = await t.collection('counters').doc(counterId).get().then((r) => r.data as { value?: number } | null, () => null);
        const seq = (counter?.value ?? 0) + 1;
        await t.collection('counters').doc(counterId).set({ data: { value: seq } });
        const caseNo = `BB${day}-${String(seq).padStart(4, '0')}`;
        const doc: Omit<CaseDoc, '_id'> = {
          ...opened.case,
          caseNo,
          applicantType: input.applicantType,
          matter: input.matter,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          unitName: unit.name!,
          agentName: agent?.name ?? null,
          firstAgentName: null,
          submittedAt: now,
          updatedAt: now,
          version: 1,
        };
        const { _id } = await t.collection('cases').add({ data: doc });
        return { _id, caseNo };
      });
      return { caseId: created._id, caseNo: created.caseNo, status: 'applied', statusLabel: CASE_STATUS_LABELS.applied, unitName: unit.name, agentName: agent?.name ?? null };
    },
  }),

  listMine: action({
    summary: '我的申请：当前微信用户自己提交的申请，最新的在前',
    roles: ['applicant'],
    input: z.object({}),
    output: '{ items: [{ caseId, caseNo, matter, category, categoryLabel, status, statusLabel, submittedAt, unitName, agentName }] }',
    async run({ caller, db }) {
      const filter = visibleCasesFilter(db, { id: caller.openid, role: 'applicant' })!;
      const { data } = await db.collection('cases').where(filter).orderBy('submittedAt', 'desc').limit(100).get();
      return { items: (data as unknown as CaseDoc[]).map((c) => ({ ...caseSummaryView(c), categoryLabel: CATEGORY_LABELS[c.category] })) };
    },
  }),

  get: action({
    summary: '申请详情：状态、责任单位和帮代办员（首问负责）、时限、完整办理记录',
    roles: ['applicant'],
    input: caseRef,
    output: '{ case: { caseId, caseNo, version, status, statusLabel, matter, unitName, agentName, firstAgentName, due, timeline: [{ at, label, by, note }] } }',
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const doc = await loadVisibleCase({ ...ctx, caller: { ...ctx.caller, staff: null } }, input.caseId);
      return { case: caseDetailView(doc, actorOf({ ...ctx.caller, staff: null })) };
    },
  }),

  withdraw: action({
    summary: '撤回尚未受理的申请（§二(三) 自愿：申请人可随时终止委托）',
    roles: ['applicant'],
    input: caseRef.extend({ version: z.number().int().min(1), reason: z.string().trim().max(200).optional() }),
    output: '{ status, statusLabel, version }',
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_REFUSED'],
    async run(ctx, input) {
      const applicantCtx = { ...ctx, caller: { ...ctx.caller, staff: null } };
      const { doc } = await transitionCase(applicantCtx, input.caseId, input.version, { type: 'withdraw', reason: input.reason });
      return { status: doc.status, statusLabel: CASE_STATUS_LABELS[doc.status], version: doc.version };
    },
  }),
};
