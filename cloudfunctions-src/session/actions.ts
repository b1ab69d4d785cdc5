import { z } from 'zod';
import { action, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';

export const actions = {
  whoami: action({
    summary: '当前身份：是否为工作人员，及其单位和角色（用于显示工作台入口）',
    roles: ['applicant', 'agent', 'leader', 'center'],
    input: z.object({}),
    output: z.object({
      roles: z.array(z.enum(['applicant', 'agent', 'leader', 'center'])),
      staff: z
        .object({
          name: z.string(),
          unitName: z.string(),
          role: z.enum(['agent', 'leader', 'center']),
          admin: z.boolean(),
        })
        .nullable(),
    }),
    async run({ caller }) {
      const s = caller.staff;
      return {
        roles: caller.roles,
        staff: s ? { name: s.name, unitName: s.unitName, role: s.role, admin: s.admin === true } : null,
      };
    },
  }),
} satisfies ActionTable<Database>;
