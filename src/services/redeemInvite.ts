import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface BoundStaff {
  staff: { name: string; role: string; roleLabel: string; unitName: string };
}

/** 输入邀请码绑定工作人员身份 */
export async function redeemInvite(code: string): Promise<BoundStaff> {
  return unwrap(await callCloud<CloudAnswer<BoundStaff>>('center', { action: 'redeemInvite', input: { code } }));
}
