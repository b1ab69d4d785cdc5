import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/** 改约（工作人员）：把申请人的预约改到另一个时段，系统通知申请人新时间 */
export async function staffRescheduleBooking(input: {
  bookingId: string;
  slotId: string;
}): Promise<{ booking: BookingView }> {
  return unwrap(
    await callCloud<CloudAnswer<{ booking: BookingView }>>('bookings', { action: 'staffReschedule', input: input }),
  );
}
