import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { RatingInput, RatingState } from './ratingTypes';

/** 评价 */
export async function submitRating(input: RatingInput): Promise<RatingState> {
  return unwrap(await callCloud<CloudAnswer<RatingState>>('ratings', { action: 'submit', input: input }));
}
