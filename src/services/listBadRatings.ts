import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BadRatingFilter, BadRatingList } from './badRatingTypes';

/** 差评处理列表（帮代办员、责任领导、政务服务中心） */
export async function listBadRatings(input: {
  filter: BadRatingFilter;
  limit?: number;
  offset?: number;
}): Promise<BadRatingList> {
  return unwrap(await callCloud<CloudAnswer<BadRatingList>>('ratings', { action: 'listBad', input }));
}
