import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BadRatingItem } from './badRatingTypes';

/** 处理差评一步：回访、整改、核实、申诉、复核 */
export async function handleBadRating(
  id: string,
  version: number,
  action: Record<string, unknown>,
): Promise<{ item: BadRatingItem; notified: string[] }> {
  return unwrap(
    await callCloud<CloudAnswer<{ item: BadRatingItem; notified: string[] }>>('ratings', {
      action: 'handleBad',
      input: { id, version, action },
    }),
  );
}
