import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
export interface PrivacyStatus {
  agreed: boolean;
  version: string;
  agreedAt: string | null;
}

/** 是否已同意用户隐私保护指引 */
export async function getPrivacyStatus(): Promise<PrivacyStatus> {
  return unwrap(await callCloud<CloudAnswer<PrivacyStatus>>('applicant', { action: 'privacyStatus', input: {} }));
}
