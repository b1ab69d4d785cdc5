import { AppError } from './result';
import { callApi, type ApiInput, type ApiOutput } from './transport';

/** The applicant's ratings of a case (function `ratings`): the 好差评 form, its answer and follow-up. */
type GetForCase = ApiOutput<'ratings', 'getForCase'>;
/** What a rating call answers; reading the case's ratings also brings the form's options. */
export type RatingState = ApiOutput<'ratings', 'submit'> & { options?: GetForCase['options'] };
/** one rating as given (the first one, or its 追评) */
export type RatingEntryView = NonNullable<NonNullable<RatingState['rating']>['followUp']>;

type Entry = ApiInput<'ratings', 'submit'>;
type Level = Entry['level'];
type Dimension = keyof NonNullable<Entry['dimensions']>;
type Tag = NonNullable<Entry['tags']>[number];

// The values the form's options offer, checked against the contract both ways (a missing or an
// unknown one does not compile): the form keeps them as plain strings, the call takes them typed.
const LEVELS: Record<Level, true> = {
  very_satisfied: true,
  satisfied: true,
  basically_satisfied: true,
  dissatisfied: true,
  very_dissatisfied: true,
};
const DIMENSIONS: Record<Dimension, true> = { overall: true, efficiency: true, competence: true, attitude: true };
const TAGS: Record<Tag, true> = {
  one_visit: true,
  efficient: true,
  attentive: true,
  clear_guidance: true,
  proactive_feedback: true,
  slow: true,
  many_trips: true,
  unclear_guidance: true,
  poor_attitude: true,
  no_feedback: true,
  asked_for_fees: true,
  other: true,
};
const known = <K extends string>(table: Record<K, true>, v: string): v is K =>
  Object.prototype.hasOwnProperty.call(table, v);

/** The rating form's answers as the page keeps them: the values of the options the server sent. */
export interface RatingDraft {
  caseId: string;
  level: string;
  dimensions?: Record<string, string>;
  tags?: string[];
  comment?: string;
}

/** The draft as the contract types it; a value no option offers is refused before any call. */
function entryOf({ caseId, level, dimensions = {}, tags = [], comment }: RatingDraft): Entry {
  const dims: Partial<Record<Dimension, Level>> = {};
  for (const [k, v] of Object.entries(dimensions)) {
    if (!known(DIMENSIONS, k) || !known(LEVELS, v))
      throw new AppError('INVALID_INPUT', '评价内容无法识别，请重新选择。');
    dims[k] = v;
  }
  if (!known(LEVELS, level) || !tags.every((t) => known(TAGS, t)))
    throw new AppError('INVALID_INPUT', '评价内容无法识别，请重新选择。');
  return { caseId, level, dimensions: dims, tags: tags.filter((t) => known(TAGS, t)), ...(comment ? { comment } : {}) };
}

/** 某条申请的评价与差评处理情况 */
export const getRating = (input: ApiInput<'ratings', 'getForCase'>) => callApi('ratings', 'getForCase', input);
/** 评价 */
export const submitRating = (draft: RatingDraft) => callApi('ratings', 'submit', entryOf(draft));
/** 追评 */
export const followUpRating = (draft: RatingDraft) => callApi('ratings', 'followUp', entryOf(draft));
