import { z } from 'zod';
import { CASE_STATUS_LABELS, CATEGORY_LABELS, OPEN_STATUSES, responsibleUnit, submitApplicationInput, type CaseStatus, type Category } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';

export interface CaseDoc {
  _id: string;
  caseNo: string;
  applicantOpenid: string;
  applicantType: string;
  category: Category;
  mode: string;
  matter: string;
  contactName: string;
  contactPhone: string;
  status: CaseStatus;
  unitId: string;
  unitName: string;
  agentId: string | null;
  agentName: string | null;
  submittedAt: Date;
  updatedAt: Date;
  version: number;
}

/** Case numbers read BB + Beijing date + a daily sequence, e.g. BB20261128-0007. */
function beijingDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The responsible unit's on-duty agent with the fewest open cases (§四: every case has an agent at once). */
async function pickAgent(db: Database, unitId: string): Promise<{ _id: string; name: string } | null> {
  const _ = db.command;
  const [{ data: agents }, load] = await Promise.all([
    db.collection('staff').where({ unitId, role: 'agent', active: true, onDuty: true }).limit(100).get(),
    db.collection('cases').aggregate().match({ unitId, status: _.in([...OPEN_STATUSES]) }).group({ _id: '$agentId', n: _.aggregate.sum(1) }).end(),
  ]);
  if (agents.length === 0) return null;
  const open = new Map<string, number>(load.list.map((r) => [String(r._id), Number(r.n)]));
  const sorted = [...agents].sort((a, b) => (open.get(a._id as string) ?? 0) - (open.get(b._id as string) ?? 0) || String(a.name).localeCompare(String(b.name), 'zh'));
  return { _id: sorted[0]._id as string, name: sorted[0].name as string };
}

export const actions: ActionTable<Database> = {
  submit: action({
    summary: '提交帮办代办申请：按事项类别确定责任单位，并分配当班帮代办员',
    roles: ['applicant'],
    input: submitApplicationInput,
    output: '{ caseId, caseNo, status, statusLabel, unitName, agentName | null }',
    async run({ caller, db, now, transaction }, input) {
      const unitId = responsibleUnit(input.category);
      const unit = (await db.collection('units').doc(unitId).get().catch(() => ({ data: null }))).data as { name?: string } | null;
      if (!unit?.name) throw new AppError('INTERNAL', '责任单位未配置');
      const agent = await pickAgent(db, unitId);
      const day = beijingDay(now);
      // the daily sequence and the case are written in one transaction: two submissions at the
      // same instant never share a number
      const created = await transaction(async (t) => {
        const counterId = `caseNo-${day}`;
        const counter = await t.collection('counters').doc(counterId).get().then((r) => r.data as { value?: number } | null, () => null);
        const seq = (counter?.value ?? 0) + 1;
        if (counter) await t.collection('counters').doc(counterId).update({ data: { value: seq } });
        else await t.collection('counters').doc(counterId).set({ data: { value: seq } });
        const caseNo = `BB${day}-${String(seq).padStart(4, '0')}`;
        const doc: Omit<CaseDoc, '_id'> = {
          caseNo,
          applicantOpenid: caller.openid,
          applicantType: input.applicantType,
          category: input.category,
          mode: input.mode,
          matter: input.matter,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          status: 'applied',
          unitId,
          unitName: unit.name!,
          agentId: agent?._id ?? null,
          agentName: agent?.name ?? null,
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
      const { data } = await db.collection('cases').where({ applicantOpenid: caller.openid }).orderBy('submittedAt', 'desc').limit(100).get();
      return {
        items: (data as unknown as CaseDoc[]).map((c) => ({
          caseId: c._id,
          caseNo: c.caseNo,
          matter: c.matter,
          category: c.category,
          categoryLabel: CATEGORY_LABELS[c.category],
          status: c.status,
          statusLabel: CASE_STATUS_LABELS[c.status],
          submittedAt: new Date(c.submittedAt).toISOString(),
          unitName: c.unitName,
          agentName: c.agentName,
        })),
      };
    },
  }),
};
