import { COLL } from '../shared/db';
import { z } from 'zod';
import { action, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { PRIVACY_VERSION } from '../shared/applicant';
import { loadTemplateRegistry } from '../shared/templates';

/**
 * The subscribe templates the applicant is asked for, by purpose (accept_result, progress,
 * appointment, finished): the same registry the notify function sends with — functionEnv
 * BANGBAN_SUBSCRIBE_TEMPLATES, with what the center administrator set in the settings screen.
 */
const PURPOSES = {
  acceptResult: 'accept_result',
  progress: 'progress',
  bookingReminder: 'appointment',
  finished: 'finished',
} as const;

export const actions = {
  privacyStatus: action({
    summary: '是否已同意当前版本的《用户隐私保护指引》（收集任何个人信息之前先问）',
    roles: ['applicant'],
    input: z.object({}),
    output: z.object({ agreed: z.boolean(), version: z.string(), agreedAt: z.string().nullable() }),
    async run({ caller, db }) {
      const doc = await db
        .collection(COLL.consents)
        .doc(caller.openid)
        .get()
        .then(
          (r) => r.data as { version?: string; agreedAt?: Date } | null,
          () => null,
        );
      const agreed = doc?.version === PRIVACY_VERSION;
      return {
        agreed,
        version: PRIVACY_VERSION,
        agreedAt: agreed && doc?.agreedAt ? new Date(doc.agreedAt).toISOString() : null,
      };
    },
  }),

  agreePrivacy: action({
    summary: '同意《用户隐私保护指引》：按微信用户记录同意的版本和时间',
    roles: ['applicant'],
    input: z.object({ version: z.literal(PRIVACY_VERSION, { message: '隐私保护指引已更新，请重新阅读后同意' }) }),
    output: z.object({ agreed: z.literal(true), version: z.string(), agreedAt: z.string() }),
    async run({ caller, db, now }) {
      await db
        .collection(COLL.consents)
        .doc(caller.openid)
        .set({ data: { version: PRIVACY_VERSION, agreedAt: now } });
      return { agreed: true as const, version: PRIVACY_VERSION, agreedAt: now.toISOString() };
    },
  }),

  subscribeTemplates: action({
    summary: '订阅消息模板编号（受理结果、办理进度、预约提醒、办结通知）：云函数环境变量，中心管理员在设置中修改的优先',
    roles: ['applicant'],
    input: z.object({}),
    output: z.object({
      acceptResult: z.string().nullable(),
      progress: z.string().nullable(),
      bookingReminder: z.string().nullable(),
      finished: z.string().nullable(),
    }),
    async run({ db }) {
      const config = (await loadTemplateRegistry(db)) as Record<string, { id?: string } | undefined>;
      const id = (k: keyof typeof PURPOSES) => config[PURPOSES[k]]?.id || null;
      return {
        acceptResult: id('acceptResult'),
        progress: id('progress'),
        bookingReminder: id('bookingReminder'),
        finished: id('finished'),
      };
    },
  }),
} satisfies ActionTable<Database>;
