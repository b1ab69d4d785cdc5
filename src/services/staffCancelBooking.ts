import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/** 取消预约（工作人员）：开始前取消申请人的预约，须填写原因（2–100字），系统通知申请人 */
export async function staffCancelBooking(input: {
  bookingId: string;
  reason: string;
}): Promise<{ booking: BookingView }> {
  return unwrap(
    await callCloud<CloudAnswer<{ booking: BookingView }>>('bookings', { action: 'staffCancel', input: input }),
  );
}
