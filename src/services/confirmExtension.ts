import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

/** 确认已知晓延长服务时限 */
export async function confirmExtension(input: { caseId: string; seq: number }): Promise<{ confirmed: number }> {
  return unwrap(
    await callCloud<CloudAnswer<{ confirmed: number }>>('cases', { action: 'confirmExtension', input: input }),
  );
}
