import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { CaseDetail } from './caseTypes';

/** 申请详情 */
export async function getCase(caseId: string): Promise<{ case: CaseDetail }> {
  return unwrap(await callCloud<CloudAnswer<{ case: CaseDetail }>>('cases', { action: 'get', input: { caseId } }));
}
