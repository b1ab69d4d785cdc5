import { COLL, isDuplicateKey } from '../shared/db';
import { z } from 'zod';
import { action, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { PUSH_STATUSES, type MessageDoc } from '../shared/db';
import { loadTemplateRegistry } from '../shared/templates';

const PUSH_LABELS: Record<string, string> = {
  pending: '发送中',
  sent: '已推送到微信',
  no_grant: '未推送（未授权订阅）',
  no_template: '未推送（未配置模板）',
  failed: '推送失败',
};

export const actions = {
  inbox: action({
    summary: '站内消息：推送给我的全部消息（无论微信是否送达），最新的在前',
    roles: ['applicant', 'agent', 'leader', 'center'],
    input: z.object({
      offset: z.number().int().min(0).max(10_000).default(0),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          caseNo: z.string(),
          matter: z.string(),
          status: z.string(),
          note: z.string(),
          time: z.string(),
          page: z.string(),
          read: z.boolean(),
          push: z.enum(PUSH_STATUSES),
          pushLabel: z.string(),
        }),
      ),
      unread: z.number(),
    }),
    async run({ caller, db }, input) {
      const [list, unread] = await Promise.all([
        // messages delivered in one run share createdAt: within it, the later event comes first
        db
          .collection(COLL.messages)
          .where({ openid: caller.openid })
          .orderBy('createdAt', 'desc')
          .orderBy('seq', 'desc')
          .skip(input.offset)
          .limit(input.limit)
          .get(),
        db.collection(COLL.messages).where({ openid: caller.openid, read: false }).count(),
      ]);
      return {
        unread: unread.total,
        items: (list.data as MessageDoc[]).map((m) => ({
          id: m._id,
          title: m.title,
          ...m.fields,
          page: m.page,
          read: m.read,
          push: m.push.status,
          pushLabel: PUSH_LABELS[m.push.status],
        })),
      };
    },
  }),

  markRead: action({
    summary: '把我的消息标为已读（不传 ids 则全部已读）',
    roles: ['applicant', 'agent', 'leader', 'center'],
    input: z.object({ ids: z.array(z.string().max(100)).max(50).optional() }),
    output: z.object({ updated: z.number() }),
    async run({ caller, db }, input) {
      const _ = db.command;
      const where = input.ids
        ? { openid: caller.openid, _id: _.in(input.ids) }
        : { openid: caller.openid, read: false };
      const r = await db
        .collection(COLL.messages)
        .where(where)
        .update({ data: { read: true } });
      return { updated: r.stats.updated };
    },
  }),

  recordGrants: action({
    summary: '记录用户在 wx.requestSubscribeMessage 中同意的模板（一次性订阅每次同意可发一条）',
    roles: ['applicant', 'agent', 'leader', 'center'],
    input: z.object({ accepted: z.array(z.string().min(1).max(64)).max(3) }),
    output: z.object({ recorded: z.number() }),
    async run({ caller, db }, input) {
      const _ = db.command;
      const known = new Set(Object.values(await loadTemplateRegistry(db)).map((t) => t!.id));
      const accepted = [...new Set(input.accepted.filter((id) => known.has(id)))];
      if (accepted.length === 0) return { recorded: 0 };
      // one grants document per person: each accepted template counts one more send, atomically
      // ($inc), so two grants recorded at once both count; the first grant creates the document
      const inc = Object.fromEntries(accepted.map((t) => [`counts.${t}`, _.inc(1)]));
      const grants = db.collection(COLL.grants);
      if ((await grants.where({ _id: caller.openid }).update({ data: inc })).stats.updated === 0) {
        try {
          await grants.add({ data: { _id: caller.openid, counts: Object.fromEntries(accepted.map((t) => [t, 1])) } });
        } catch (e) {
          // created a moment ago by another call: count on it
          if (!isDuplicateKey(e)) throw e;
          await grants.where({ _id: caller.openid }).update({ data: inc });
        }
      }
      const recorded = accepted.length;
      return { recorded };
    },
  }),
} satisfies ActionTable<Database>;
