import { z } from 'zod';
import { CASE_STATUS_LABELS, CATEGORY_LABELS, maskName, maskPhone } from '../../core';
import { action, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import type { CaseDoc } from '../cases/actions';

export const actions: ActionTable<Database> = {
  listCases: action({
    summary: '工作台案件列表：帮代办员看分配给自己的，责任领导看本单位的，政务服务中心看全部',
    roles: ['agent', 'leader', 'center'],
    input: z.object({}),
    output: '{ items: [{ caseId, caseNo, matter, category, categoryLabel, status, statusLabel, submittedAt, applicantName (masked), contactPhone (masked), unitName, agentName }] }',
    async run({ caller, db }) {
      const staff = caller.staff!;
      const scope = staff.role === 'agent' ? { agentId: staff._id } : staff.role === 'leader' ? { unitId: staff.unitId } : {};
      const { data } = await db.collection('cases').where(scope).orderBy('submittedAt', 'desc').limit(200).get();
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
          applicantName: maskName(c.contactName),
          contactPhone: maskPhone(c.contactPhone),
          unitName: c.unitName,
          agentName: c.agentName,
        })),
      };
    },
  }),
};
