import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { RatingState } from './ratingTypes';

/** 某条申请的评价与差评处理情况 */
export async function getRating(input: { caseId: string }): Promise<RatingState> {
  return unwrap(await callCloud<CloudAnswer<RatingState>>('ratings', { action: 'getForCase', input: input }));
}
