import { z } from 'zod';
import { action, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';

export const actions: ActionTable<Database> = {
  whoami: action({
    summary: '当前身份：是否为工作人员，及其单位和角色（用于显示工作台入口）',
    roles: ['applicant', 'agent', 'leader', 'center'],
    input: z.object({}),
    output: '{ roles: ("applicant"|"agent"|"leader"|"center")[], staff: { name, unitName, role, admin } | null }',
    async run({ caller }) {
      const s = caller.staff;
      return {
        roles: caller.roles,
        staff: s ? { name: s.name, unitName: s.unitName, role: s.role, admin: s.admin === true } : null,
      };
    },
  }),
};
