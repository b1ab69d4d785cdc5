import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

/** 签收办结结果 */
export async function signReceipt(input: {
  caseId: string;
  signatureFileID: string;
}): Promise<{ receipt: { signedAt: string } }> {
  return unwrap(
    await callCloud<CloudAnswer<{ receipt: { signedAt: string } }>>('cases', { action: 'signReceipt', input: input }),
  );
}
