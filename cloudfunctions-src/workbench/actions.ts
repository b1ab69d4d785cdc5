import { z } from 'zod';
import { availableCaseActions, caseActionInput, CASE_TRANSITIONS, CASE_STATUS_LABELS } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { actorOf, loadVisibleCase, transitionCase, visibleCasesFilter, type CaseDoc } from '../shared/cases';
import { caseDetailView, staffCaseRowView } from '../shared/views';

const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });

export const actions: ActionTable<Database> = {
  listCases: action({
    summary: '工作台案件列表：帮代办员看经办和首问的，责任领导看本单位的，政务服务中心看全部',
    roles: ['agent', 'leader', 'center'],
    input: z.object({}),
    output: '{ items: [{ caseId, caseNo, version, matter, category, categoryLabel, status, statusLabel, submittedAt, applicantName (masked), contactPhone (masked), unitName, agentName }] }',
    async run({ caller, db }) {
      const filter = visibleCasesFilter(db, actorOf(caller));
      if (!filter) return { items: [] };
      const { data } = await db.collection('cases').where(filter).orderBy('submittedAt', 'desc').limit(200).get();
      return { items: (data as unknown as CaseDoc[]).map(staffCaseRowView) };
    },
  }),

  get: action({
    summary: '案件详情（工作人员）：办理记录、当前可执行的操作',
    roles: ['agent', 'leader', 'center'],
    input: caseRef,
    output: '{ case: {…detail, applicant masked}, actions: [{ type, label, clause }] }',
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const doc = await loadVisibleCase(ctx, input.caseId);
      const actor = actorOf(ctx.caller);
      return {
        case: caseDetailView(doc, actor),
        actions: availableCaseActions(doc, actor).map((type) => ({ type, label: CASE_TRANSITIONS[type].label, clause: CASE_TRANSITIONS[type].clause })),
      };
    },
  }),

  act: action({
    summary: '执行一步办理操作（受理、不予受理、送达窗口、补正、中止、续办、延期、反馈、办结、终止、转派、并联审批…），由规则核心判定',
    roles: ['agent', 'leader', 'center'],
    input: caseRef.extend({ version: z.number().int().min(1), action: caseActionInput }),
    output: '{ status, statusLabel, version, event: { label, at } }',
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_REFUSED'],
    async run(ctx, input) {
      const staff = ctx.caller.staff!;
      const names: Record<string, string> = { [staff._id]: staff.name };
      if (input.action.type === 'reassign') {
        const target = await ctx.db
          .collection('staff')
          .doc(input.action.toAgentId)
          .get()
          .then((r) => r.data as { name?: string; role?: string; active?: boolean } | null, () => null);
        if (!target?.name || target.role !== 'agent' || target.active !== true) throw new AppError('INVALID_INPUT', '请选择在岗的帮代办员', { 'action.toAgentId': '没有这位帮代办员' });
        names[input.action.toAgentId] = target.name;
      }
      const { doc, event } = await transitionCase(ctx, input.caseId, input.version, input.action, names);
      return { status: doc.status, statusLabel: CASE_STATUS_LABELS[doc.status], version: doc.version, event: { label: CASE_TRANSITIONS[input.action.type].label, at: new Date(event.at).toISOString() } };
    },
  }),
};
