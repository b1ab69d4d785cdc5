import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

/** 撤回尚未受理的申请 */
export async function withdrawCase(input: {
  caseId: string;
  version: number;
}): Promise<{ status: string; statusLabel: string; version: number }> {
  return unwrap(
    await callCloud<CloudAnswer<{ status: string; statusLabel: string; version: number }>>('cases', {
      action: 'withdraw',
      input: input,
    }),
  );
}
