import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface Message {
  id: string;
  title: string;
  caseNo: string;
  matter: string;
  status: string;
  note: string;
  /** already formatted in Beijing time by the server, as the push shows it */
  time: string;
  /** the mini-program page the message opens, with its query */
  page: string;
  read: boolean;
  push: 'pending' | 'sent' | 'no_grant' | 'no_template' | 'failed';
  pushLabel: string;
  /** the same message by code, for the reader's language; null on messages stored before (issue 20) */
  purpose?: string;
  kind?: string | null;
  audience?: string | null;
  facts?: MessageCodes | null;
  at?: string | null;
}

/** What a message is about, by code: a case's (category, mode, status) or a booking's (kind, date, start). */
export interface MessageCodes {
  category?: string;
  mode?: string;
  status?: string;
  bookingId?: string;
  kind?: string;
  date?: string;
  start?: string;
}

export interface MessageList {
  items: Message[];
  unread: number;
}

/** 获取我的站内消息 */
export async function listMessages(offset = 0): Promise<MessageList> {
  return unwrap(await callCloud<CloudAnswer<MessageList>>('notify', { action: 'inbox', input: { offset, limit: 20 } }));
}
