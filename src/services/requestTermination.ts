import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

/** 申请终止委托 */
export async function requestTermination(input: {
  caseId: string;
  reason: string;
}): Promise<{ terminationRequest: { reason: string; at: string } }> {
  return unwrap(
    await callCloud<CloudAnswer<{ terminationRequest: { reason: string; at: string } }>>('cases', {
      action: 'requestTermination',
      input: input,
    }),
  );
}
