import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { RatingInput, RatingState } from './ratingTypes';

/** 追评 */
export async function followUpRating(input: RatingInput): Promise<RatingState> {
  return unwrap(await callCloud<CloudAnswer<RatingState>>('ratings', { action: 'followUp', input: input }));
}
