import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

/** 把我的消息标为已读（不传 ids 则全部） */
export async function markMessagesRead(ids?: string[]): Promise<{ updated: number }> {
  return unwrap(
    await callCloud<CloudAnswer<{ updated: number }>>('notify', { action: 'markRead', input: ids ? { ids } : {} }),
  );
}
