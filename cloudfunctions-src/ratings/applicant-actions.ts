import { COLL, isDuplicateKey } from '../shared/db';
import { followUpRating, rateService } from '../../core';
import { action, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadCenterConfig } from '../shared/config';
import { pendingForInsert, pendingForUpdate } from '../shared/effects';
import {
  entryInput,
  caseRef,
  ratingStateSchema,
  optionsSchema,
  ratable,
  load,
  answerFor,
  refused,
  levelsAndTags,
  effectsOf,
} from './common';

export const applicantActions = {
  getForCase: action({
    summary: '某条申请的评价：能否评价或追评、已给的评价和追评、差评的回访整改进度；以及可选的等级、维度、标签',
    roles: ['applicant'],
    input: caseRef,
    output: ratingStateSchema.extend({ options: optionsSchema }),
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const [{ c, rating, bads }, config] = await Promise.all([load(ctx, input.caseId), loadCenterConfig(ctx.db)]);
      return { ...answerFor(ratable(c, config), rating, bads), options: levelsAndTags };
    },
  }),

  submit: action({
    summary:
      '评价（好差评）：服务结束后由申请人本人评价一次，五个等级，可选维度、标签和意见；差评须说明原因并转责任单位回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: ratingStateSchema,
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      // the case with any rating ∥ the settings and calendar (one query), then one insert: 3 round trips
      const [{ c, rating: existing }, config] = await Promise.all([load(ctx, input.caseId), loadCenterConfig(ctx.db)]);
      const { settings } = config;
      const rater = { id: ctx.caller.openid, role: 'applicant' as const };
      const subject = ratable(c, config);
      const d = rateService(rater, subject, existing, input, ctx.now, settings);
      if (!d.ok) throw refused(d);
      const { rating, badRating } = d.value;
      // kept with the rating: the 台账 and the 差评 count it against these agents and this unit only
      const attributedTo = subject.attribution;
      try {
        await ctx.db.collection(COLL.ratings).add({
          data: {
            _id: c._id,
            ...rating,
            attributedTo,
            pending: pendingForInsert(ctx.now, effectsOf(c, badRating, ctx.now)),
          },
        });
      } catch (e) {
        // the case id is the rating's id: a second tap, or the scheduler's default rating, committed first
        if (!isDuplicateKey(e)) throw e;
        const again = rateService(rater, subject, rating, input, ctx.now, settings);
        throw refused(again.ok ? { code: 'ALREADY_RATED', message: '该服务已评价过，可以追评一次。' } : again);
      }
      return answerFor(subject, rating, badRating ? [badRating] : []);
    },
  }),

  followUp: action({
    summary: '追评：评价后可追加一次评价（默认90天内）；追评为差评同样转回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: ratingStateSchema,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      // the case with its rating and 差评 records ∥ the settings and calendar, then one conditional update: 3 round trips
      const [{ c, rating: current, bads }, config] = await Promise.all([
        load(ctx, input.caseId),
        loadCenterConfig(ctx.db),
      ]);
      const { settings } = config;
      const rater = { id: ctx.caller.openid, role: 'applicant' as const };
      const subject = ratable(c, config);
      const d = followUpRating(rater, subject, current, input, ctx.now, settings);
      if (!d.ok) throw refused(d);
      const { rating, badRating } = d.value;
      const _ = ctx.db.command;
      // only while the rating has no 追评: of two at once, one is written and the other refused
      const { stats } = await ctx.db
        .collection(COLL.ratings)
        .where({ _id: c._id, followUp: null })
        .update({
          data: {
            followUp: _.set(rating.followUp),
            ...pendingForUpdate(ctx.db, ctx.now, effectsOf(c, badRating, ctx.now)),
          },
        });
      if (stats.updated !== 1) {
        const again = followUpRating(rater, subject, rating, input, ctx.now, settings);
        throw refused(again.ok ? { code: 'FOLLOW_UP_ALREADY_GIVEN', message: '每项服务只能追评一次。' } : again);
      }
      return answerFor(subject, rating, badRating ? [...bads.filter((b) => !b.followUp), badRating] : bads);
    },
  }),
} satisfies ActionTable<Database>;
