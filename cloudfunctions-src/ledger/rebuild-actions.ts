import { COLL, type CollectionName } from '../shared/db';
import { z } from 'zod';
import { type BadRatingCase, type Rating } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import { loadSettings } from '../shared/config';
import { loadCalendar } from '../shared/config';
import { putLedgerRow } from '../shared/ledger';
import type { Database } from '../shared/cloud';
import type { CaseDoc } from '../shared/db';

export const rebuildActions = {
  rebuild: action({
    summary:
      '重建台账行（中心管理员；上线台账前已有案件的环境用）：按案件编号顺序每次处理一批（一个事务：读取案件、评价和差评并写入台账行）；返回下一批的起点',
    roles: ['center'],
    input: z.object({
      after: z.string().trim().max(64).default(''),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ processed: z.number(), next: z.string().nullable() }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      if (ctx.caller.staff?.admin !== true) throw new AppError('FORBIDDEN', '只有政务服务中心管理员可以重建台账');
      const _ = ctx.db.command;
      const [cal, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db)]);
      const { data } = await ctx.db
        .collection(COLL.cases)
        .where({ _id: _.gt(input.after) })
        .orderBy('_id', 'asc')
        .field({ _id: true })
        .limit(input.limit)
        .get();
      const read = <T>(t: Parameters<Parameters<typeof ctx.transaction>[0]>[0], coll: CollectionName, id: string) =>
        t
          .collection(coll)
          .doc(id)
          .get()
          .then(
            (r) => (r.data as T) ?? null,
            () => null,
          );
      // one transaction for the batch: a live change to one of these cases comes before or after it, never half
      await ctx.transaction(async (t) => {
        for (const { _id } of data) {
          const id = String(_id);
          const c = await read<CaseDoc>(t, COLL.cases, id);
          if (!c) continue;
          const rating = await read<Rating>(t, COLL.ratings, id);
          const bads = (
            await Promise.all([
              read<BadRatingCase>(t, COLL.badRatings, `${id}-0`),
              read<BadRatingCase>(t, COLL.badRatings, `${id}-1`),
            ])
          ).filter((b): b is BadRatingCase => !!b);
          await putLedgerRow(t, c, rating, bads, cal, ctx.now, settings);
        }
      });
      return { processed: data.length, next: data.length === input.limit ? String(data[data.length - 1]._id) : null };
    },
  }),
} satisfies ActionTable<Database>;
