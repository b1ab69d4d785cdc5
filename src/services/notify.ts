import { callApi, requestSubscribe } from './transport';

/** The applicant's messages (function `notify`): the inbox, and the subscribe-message grants. */

/** 获取我的站内消息 */
export const listMessages = (offset = 0) => callApi('notify', 'inbox', { offset, limit: 20 });
/** 一条站内消息（中文原文 + 按代码显示所需的字段） */
export type Message = Awaited<ReturnType<typeof listMessages>>['items'][number];
/** 把我的消息标为已读（不传 ids 则全部） */
export const markMessagesRead = (ids?: string[]) => callApi('notify', 'markRead', ids ? { ids } : {});

/** WeChat answers 'acceptWithAudio' when the user also turned on the sound reminder: still a yes. */
export const isAccepted = (answer: string | undefined): boolean => answer === 'accept' || answer === 'acceptWithAudio';

/**
 * 请求订阅消息授权（须在点击中调用），并把用户同意的模板记到云端：云端只在有授权时推送，
 * 没授权的消息仍在「消息」页里。拒绝或失败都不影响当前操作。
 */
export async function askToSubscribe(tmplIds: string[]): Promise<string[]> {
  const answers = await requestSubscribe(tmplIds);
  const accepted = tmplIds.filter((id) => isAccepted(answers[id]));
  if (accepted.length > 0) {
    await callApi('notify', 'recordGrants', { accepted }).catch(() => undefined);
  }
  return accepted;
}
