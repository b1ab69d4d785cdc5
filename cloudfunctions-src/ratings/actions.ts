import { z } from 'zod';
import {
  BAD_RATING_STATE_LABELS,
  BAD_RATING_TRANSITIONS,
  followUpRating,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_TAGS,
  rateService,
  type BadRatingCase,
  type RatableCase,
  type Rating,
  type RatingTag,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadSettings } from '../shared/applicant';
import { loadVisibleCase, type CaseDoc } from '../shared/cases';

/**
 * 好差评 (§五(五)) for the applicant: one rating per ended service and one 追评, decided by the core
 * (core/rating.ts). Ratings are stored in `ratings` with the case id as document id, so "once per
 * case" holds even for two taps at once. A 差评 opens a document in `badRatings`; staff handle it
 * elsewhere, the applicant sees its state here.
 */

const level = z.enum(RATING_LEVELS, { message: '请选择评价等级' });
const entryInput = z.object({
  level,
  dimensions: z.partialRecord(z.enum(RATING_DIMENSIONS), level).optional(),
  tags: z.array(z.enum(Object.keys(RATING_TAGS) as [RatingTag, ...RatingTag[]])).max(12).optional(),
  comment: z.string().max(600).optional(),
});
const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });

type RatingDoc = Rating & { _id: string };

function ratable(c: CaseDoc): RatableCase {
  return { caseId: c._id, applicantId: c.applicantId, status: c.status, endedAt: c.endedAt ? new Date(c.endedAt) : null, agentIds: [c.agentId, c.firstAgentId], unitId: c.unitId };
}

function entryView(e: { level: Rating['level']; dimensions: Rating['dimensions']; tags: RatingTag[]; comment: string | null; at: Date }) {
  return {
    level: e.level,
    levelLabel: RATING_LEVEL_LABELS[e.level],
    dimensions: Object.entries(e.dimensions ?? {}).map(([d, l]) => ({ dimension: d, label: RATING_DIMENSION_LABELS[d as keyof typeof RATING_DIMENSION_LABELS], levelLabel: RATING_LEVEL_LABELS[l as Rating['level']] })),
    tags: e.tags.map((t) => RATING_TAGS[t]?.label ?? t),
    comment: e.comment,
    at: new Date(e.at).toISOString(),
  };
}

/** What the rater may see of a 差评's handling: state, steps and their notes, never staff ids. */
function badRatingView(b: BadRatingCase) {
  return {
    followUp: b.followUp,
    status: b.status,
    statusLabel: BAD_RATING_STATE_LABELS[b.status],
    history: b.history.map((h) => ({ label: BAD_RATING_TRANSITIONS[h.action]?.label ?? h.action, statusLabel: BAD_RATING_STATE_LABELS[h.to], at: new Date(h.at).toISOString(), note: h.note })),
  };
}

async function load(ctx: ActionContext<Database>, caseId: string) {
  const c = await loadVisibleCase({ ...ctx, caller: { ...ctx.caller, staff: null } }, caseId);
  const rating = await ctx.db
    .collection('ratings')
    .doc(c._id)
    .get()
    .then((r) => r.data as unknown as RatingDoc | null, () => null);
  return { c, rating: rating ? { ...rating, at: new Date(rating.at) } : null };
}

async function answerFor(ctx: ActionContext<Database>, c: CaseDoc, rating: RatingDoc | Rating | null) {
  const { data } = await ctx.db.collection('badRatings').where({ caseId: c._id }).limit(5).get();
  const bad = (data as unknown as BadRatingCase[]).sort((a, b) => Number(a.followUp) - Number(b.followUp));
  return {
    canRate: ['finished', 'terminated', 'refused'].includes(c.status) && !rating,
    canFollowUp: !!rating && !rating.followUp,
    rating: rating ? { ...entryView(rating), source: rating.source, followUp: rating.followUp ? entryView(rating.followUp) : null } : null,
    badRatings: bad.map(badRatingView),
  };
}

const refused = (d: { code: string; message: string }) => new AppError('RULE_REFUSED', d.message, { [d.code]: d.message });
const levelsAndTags = {
  levels: RATING_LEVELS.map((l) => ({ value: l, label: RATING_LEVEL_LABELS[l] })),
  dimensions: RATING_DIMENSIONS.map((d) => ({ value: d, label: RATING_DIMENSION_LABELS[d] })),
  tags: Object.entries(RATING_TAGS).map(([value, t]) => ({ value, label: t.label, polarity: t.polarity })),
};

export const actions: ActionTable<Database> = {
  getForCase: action({
    summary: '某条申请的评价：能否评价或追评、已给的评价和追评、差评的回访整改进度；以及可选的等级、维度、标签',
    roles: ['applicant'],
    input: caseRef,
    output: '{ canRate, canFollowUp, rating: { levelLabel, dimensions, tags, comment, at, followUp } | null, badRatings: [{ statusLabel, history }], options: { levels, dimensions, tags } }',
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const { c, rating } = await load(ctx, input.caseId);
      return { ...(await answerFor(ctx, c, rating)), options: levelsAndTags };
    },
  }),

  submit: action({
    summary: '评价（好差评）：服务结束后由申请人本人评价一次，五个等级，可选维度、标签和意见；差评须说明原因并转回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: '{ canRate: false, canFollowUp, rating, badRatings }',
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      const { c, rating } = await load(ctx, input.caseId);
      const settings = await loadSettings(ctx.db);
      const d = rateService({ id: ctx.caller.openid, role: 'applicant' }, ratable(c), rating, input, ctx.now, settings);
      if (!d.ok) throw refused(d);
      try {
        // the case id is the document id: a second submit at the same moment fails here
        await ctx.db.collection('ratings').add({ data: { _id: c._id, ...d.value.rating } });
      } catch (e) {
        if (/E11000|duplicate|exist/i.test(String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e))) throw new AppError('RULE_REFUSED', '该服务已评价过，可以追评一次。', { ALREADY_RATED: '该服务已评价过，可以追评一次。' });
        throw e;
      }
      if (d.value.badRating) await ctx.db.collection('badRatings').doc(`${c._id}-0`).set({ data: d.value.badRating });
      return answerFor(ctx, c, d.value.rating);
    },
  }),

  followUp: action({
    summary: '追评：评价后可追加一次评价（默认90天内）；追评为差评同样转回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: '{ canRate: false, canFollowUp: false, rating: {…, followUp}, badRatings }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      const { c } = await load(ctx, input.caseId);
      const settings = await loadSettings(ctx.db);
      const outcome = await ctx.transaction(async (t) => {
        const stored = (await t
          .collection('ratings')
          .doc(c._id)
          .get()
          .then((r) => r.data, () => null)) as unknown as RatingDoc | null;
        const current = stored ? { ...stored, at: new Date(stored.at) } : null;
        const d = followUpRating({ id: ctx.caller.openid, role: 'applicant' }, ratable(c), current, input, ctx.now, settings);
        if (!d.ok) throw refused(d);
        await t.collection('ratings').doc(c._id).update({ data: { followUp: d.value.rating.followUp } });
        if (d.value.badRating) await t.collection('badRatings').doc(`${c._id}-1`).set({ data: d.value.badRating });
        return d.value.rating;
      });
      return answerFor(ctx, c, outcome);
    },
  }),
};
