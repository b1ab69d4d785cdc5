import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

/** 同意用户隐私保护指引 */
export async function agreePrivacy(version: string): Promise<{ agreed: true }> {
  return unwrap(
    await callCloud<CloudAnswer<{ agreed: true }>>('applicant', { action: 'agreePrivacy', input: { version } }),
  );
}
