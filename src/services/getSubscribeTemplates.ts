import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
export interface SubscribeTemplates {
  acceptResult: string | null;
  progress: string | null;
  bookingReminder: string | null;
  finished: string | null;
}

/** 订阅消息模板编号 */
export async function getSubscribeTemplates(): Promise<SubscribeTemplates> {
  return unwrap(
    await callCloud<CloudAnswer<SubscribeTemplates>>('applicant', { action: 'subscribeTemplates', input: {} }),
  );
}
