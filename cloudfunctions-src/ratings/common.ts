import type { BadRatingDoc, RatingDoc } from '../shared/db/documents';
import { COLL, type CollectionName } from '../shared/db';
import { z } from 'zod';
import {
  authorize,
  BAD_RATING_STATE_LABELS,
  BAD_RATING_TRANSITIONS,
  caseViewTarget,
  badRatingNotices,
  badRatingStepText,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  BAD_RATING_STATES,
  RATING_TAGS,
  ratingAttribution,
  RATING_MESSAGES,
  type BadRatingActionType,
  type BadRatingCase,
  type RatableCase,
  type RatingAttribution,
  type Rating,
  type RatingTag,
  type Settings,
  type WorkCalendar,
} from '../../core';
import { AppError, type ActionContext } from '../shared/action';
import type { Database, Transaction } from '../shared/cloud';
import { actorOf, caseFacts } from '../shared/cases';
import { outboxSeeds, type PendingEffects } from '../shared/effects';
import type { CaseDoc } from '../shared/db';

/**
 * 好差评 (§五(五)). The applicant rates an ended service once and may add one 追评, decided by the
 * core (core/rating.ts). Ratings are stored in `ratings` with the case id as document id, so "once
 * per case" holds even for two taps at once; staff have no action that writes a rating. A 差评
 * opens a record in `badRatings` (`<caseId>-0`, or `-1` for a 追评) that the unit handles here:
 * call-back, rectification, the center's verification, or an appeal the center reviews.
 *
 * The applicant's rating and 追评 answer after ONE write (issue 9: at most four round trips; they
 * take three): the case with its rating and 差评 records is read in one aggregation beside the
 * settings, then the rating is inserted (its fixed id makes "once" atomic against a second tap and
 * the scheduler's default rating) or its 追评 set by a conditional update (only while it has none).
 * The 差评 record, its messages and the case's 台账 row ride on that write in `pending`
 * (shared/effects.ts) and are made real by the notify timer within seconds, so a 差评 can never
 * stand without its handling record. Staff handling keeps its transaction, which writes the
 * record, the ledger row and the outbox together.
 */

export const level = z.enum(RATING_LEVELS, { message: '请选择评价等级' });
export const entryInput = z.object({
  level,
  dimensions: z.partialRecord(z.enum(RATING_DIMENSIONS), level).optional(),
  tags: z
    .array(z.enum(Object.keys(RATING_TAGS) as [RatingTag, ...RatingTag[]]))
    .max(12)
    .optional(),
  comment: z.string().max(600).optional(),
});
export const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });
export const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);

export const BAD_RATING_ACTION_TYPES = [
  'callBack',
  'rectify',
  'verify',
  'appeal',
  'reviewAppeal',
] as const satisfies readonly BadRatingActionType[];

// what the rater and the staff are answered (entryView, badRatingView, answerFor, staffBadView)
export const entrySchema = z.object({
  level: z.enum(RATING_LEVELS),
  levelLabel: z.string(),
  dimensions: z.array(
    z.object({ dimension: z.string(), label: z.string(), level: z.enum(RATING_LEVELS), levelLabel: z.string() }),
  ),
  tags: z.array(z.string()),
  tagCodes: z.array(z.custom<RatingTag>((v) => typeof v === 'string')),
  comment: z.string().nullable(),
  at: z.string(),
});
export const ratingStateSchema = z.object({
  canRate: z.boolean(),
  noServiceReason: z.string().nullable(),
  canFollowUp: z.boolean(),
  rating: entrySchema.extend({ source: z.enum(['applicant', 'default']), followUp: entrySchema.nullable() }).nullable(),
  badRatings: z.array(
    z.object({
      followUp: z.boolean(),
      status: z.enum(BAD_RATING_STATES),
      statusLabel: z.string(),
      history: z.array(z.object({ label: z.string(), statusLabel: z.string(), at: z.string(), note: z.string() })),
    }),
  ),
});
export const option = z.object({ value: z.string(), label: z.string() });
export const optionsSchema = z.object({
  levels: z.array(option),
  dimensions: z.array(option),
  tags: z.array(option.extend({ polarity: z.string() })),
});
export const staffBadSchema = z.object({
  id: z.string(),
  version: z.number(),
  raterHidden: z.boolean(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  matter: z.string().nullable(),
  unitName: z.string().nullable(),
  agentName: z.string().nullable(),
  followUp: z.boolean(),
  level: z.enum(RATING_LEVELS),
  levelLabel: z.string(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  openedAt: z.string(),
  status: z.enum(BAD_RATING_STATES),
  statusLabel: z.string(),
  dueOn: z.string().nullable(),
  warning: z.object({ level: z.string(), label: z.string() }).nullable(),
  appeal: z.object({ on: z.string(), grounds: z.string() }).nullable(),
  history: z.array(
    z.object({ label: z.string(), text: z.string(), at: z.string(), calledAt: z.string().nullable(), by: z.string() }),
  ),
  actions: z.array(z.object({ type: z.enum(BAD_RATING_ACTION_TYPES), label: z.string() })),
});

/**
 * The case as rating sees it: whom a rating is about (core ratingAttribution, §五(五)): the agents who
 * served, the agent or unit that owed an answer the applicant gave up waiting for, or nobody when the
 * applicant withdrew before anyone acted and before an answer was due (then there is nothing to rate).
 */
export function ratable(
  c: CaseDoc,
  config: { settings: Settings; calendar: WorkCalendar },
): RatableCase & { attribution: RatingAttribution | null } {
  const base = {
    caseId: c._id,
    applicantId: c.applicantId,
    status: c.status,
    endedAt: c.endedAt ? new Date(c.endedAt) : null,
    unitId: c.unitId,
  };
  const a = ratingAttribution(c, config.calendar, config.settings);
  if (!a.ok) return { ...base, agentIds: [], serviceGiven: false, attribution: null };
  return { ...base, agentIds: a.value.agentIds, unitId: a.value.unitId, attribution: a.value };
}

export function entryView(e: {
  level: Rating['level'];
  dimensions: Rating['dimensions'];
  tags: RatingTag[];
  comment: string | null;
  at: Date;
}) {
  return {
    level: e.level,
    levelLabel: RATING_LEVEL_LABELS[e.level],
    dimensions: Object.entries(e.dimensions ?? {}).map(([d, l]) => ({
      dimension: d,
      label: RATING_DIMENSION_LABELS[d as keyof typeof RATING_DIMENSION_LABELS],
      level: l,
      levelLabel: RATING_LEVEL_LABELS[l as Rating['level']],
    })),
    tags: e.tags.map((t) => RATING_TAGS[t]?.label ?? t),
    // the codes beside the words, for the reader's language on the phone
    tagCodes: e.tags,
    comment: e.comment,
    at: new Date(e.at).toISOString(),
  };
}

/** What the rater may see of a 差评's handling: state, steps and what was done, never staff ids. */
export function badRatingView(b: BadRatingCase) {
  return {
    followUp: b.followUp,
    status: b.status,
    statusLabel: BAD_RATING_STATE_LABELS[b.status],
    history: b.history.map((h) => ({
      label: BAD_RATING_TRANSITIONS[h.action]?.label ?? h.action,
      statusLabel: BAD_RATING_STATE_LABELS[h.to],
      at: new Date(h.at).toISOString(),
      note: badRatingStepText(h),
    })),
  };
}

export const readDoc = <T>(t: Pick<Transaction, 'collection'>, coll: CollectionName, id: string) =>
  t
    .collection(coll)
    .doc(id)
    .get()
    .then(
      (r) => (r.data as T) ?? null,
      () => null,
    );

export const asRating = (r: RatingDoc | null): Rating | null =>
  r ? { ...r, at: new Date(r.at), followUp: r.followUp ? { ...r.followUp, at: new Date(r.followUp.at) } : null } : null;
export const asBad = (b: BadRatingDoc | null): BadRatingDoc | null =>
  b
    ? {
        ...b,
        openedAt: new Date(b.openedAt),
        history: b.history.map((h) => ({
          ...h,
          at: new Date(h.at),
          ...(h.data?.calledAt ? { data: { ...h.data, calledAt: new Date(h.data.calledAt) } } : {}),
        })),
      }
    : null;

export type StoredRating = RatingDoc & { pending?: PendingEffects };

/**
 * The case with its rating and its 差评 records in ONE round trip (an aggregation that looks both
 * up by the case id), visible to the applicant calling or answered as not found. A 差评 record the
 * rating still carries in `pending` (not yet created by the notify timer) counts as existing: the
 * applicant sees it at once, and a 追评 answers with it.
 */
export async function load(
  ctx: ActionContext<Database>,
  caseId: string,
): Promise<{ c: CaseDoc; rating: Rating | null; bads: BadRatingCase[] }> {
  const { list } = await ctx.db
    .collection(COLL.cases)
    .aggregate()
    .match({ _id: caseId })
    .lookup({ from: COLL.ratings, localField: '_id', foreignField: '_id', as: 'ratingDocs' })
    .lookup({ from: COLL.badRatings, localField: '_id', foreignField: 'caseId', as: 'badRatingDocs' })
    .end<CaseDoc & { ratingDocs?: StoredRating[]; badRatingDocs?: BadRatingDoc[] }>();
  const found = list[0] as (typeof list)[number] | undefined;
  const { ratingDocs = [], badRatingDocs = [], ...c } = found ?? ({} as NonNullable<typeof found>);
  const applicant = actorOf({ ...ctx.caller, staff: null });
  if (!found || !authorize(applicant, 'case.view', caseViewTarget(c as CaseDoc)).ok)
    throw new AppError('NOT_FOUND', '没有找到这条申请');
  const stored = ratingDocs[0] ?? null;
  const bads = new Map(badRatingDocs.map((b) => [String(b._id), asBad(b)!]));
  for (const ins of stored?.pending?.inserts ?? [])
    if (ins.collection === COLL.badRatings && !bads.has(ins._id))
      bads.set(ins._id, asBad({ ...(ins.data as BadRatingCase), _id: ins._id })!);
  return { c: c as CaseDoc, rating: asRating(stored), bads: [...bads.values()] };
}

export function answerFor(c: RatableCase, rating: Rating | null, bads: readonly BadRatingCase[]) {
  const sorted = [...bads].sort((a, b) => Number(a.followUp) - Number(b.followUp));
  return {
    canRate: ['finished', 'terminated', 'refused'].includes(c.status) && c.serviceGiven !== false && !rating,
    noServiceReason: c.serviceGiven === false ? RATING_MESSAGES.NO_SERVICE_GIVEN : null,
    canFollowUp: !!rating && !rating.followUp,
    rating: rating
      ? { ...entryView(rating), source: rating.source, followUp: rating.followUp ? entryView(rating.followUp) : null }
      : null,
    badRatings: sorted.map(badRatingView),
  };
}

export const refused = (d: { code: string; message: string }) =>
  new AppError('RULE_REFUSED', d.message, { [d.code]: d.message });
export const levelsAndTags = {
  levels: RATING_LEVELS.map((l) => ({ value: l, label: RATING_LEVEL_LABELS[l] })),
  dimensions: RATING_DIMENSIONS.map((d) => ({ value: d, label: RATING_DIMENSION_LABELS[d] })),
  tags: Object.entries(RATING_TAGS).map(([value, t]) => ({ value, label: t.label, polarity: t.polarity })),
};

/**
 * What follows a rating entry, carried in the rating document's `pending` and made real by the
 * notify timer (shared/effects.ts settle): the case's 台账 row recomputed, and for a 差评 its
 * handling record (`<caseId>-0`, `-1` for a 追评) and the messages to the unit. Never one without
 * the other: they are written in the same single-document write as the rating itself.
 */
export function effectsOf(c: CaseDoc, badRating: BadRatingCase | null, now: Date) {
  if (!badRating) return { ledger: c._id };
  return {
    ledger: c._id,
    inserts: [
      {
        collection: COLL.badRatings,
        _id: `${c._id}-${badRating.followUp ? 1 : 0}`,
        data: { ...badRating, version: 1 } as Record<string, unknown>,
      },
    ],
    outbox: outboxSeeds(badRatingNotices(null, badRating, c.applicantId), caseFacts(c), now),
  };
}
