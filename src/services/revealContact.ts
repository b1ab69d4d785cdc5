import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface RevealedContact {
  contactName: string;
  contactPhone: string;
  revealedAt: string;
}

/** 查看申请人的完整电话（每次查看都有记录）：只给经办的帮代办员、责任领导和政务服务中心 */
export async function revealContact(caseId: string): Promise<RevealedContact> {
  return unwrap(
    await callCloud<CloudAnswer<RevealedContact>>('workbench', { action: 'revealContact', input: { caseId } }),
  );
}

/** 预约名单上查看申请人的完整电话（上门前联系；每次查看都有记录），与案件同一规则 */
export async function revealBookingContact(bookingId: string): Promise<RevealedContact> {
  return unwrap(
    await callCloud<CloudAnswer<RevealedContact>>('workbench', {
      action: 'revealBookingContact',
      input: { bookingId },
    }),
  );
}
