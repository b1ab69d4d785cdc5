import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/** 取消预约 */
export async function cancelBooking(input: { bookingId: string }): Promise<{ booking: BookingView }> {
  return unwrap(await callCloud<CloudAnswer<{ booking: BookingView }>>('bookings', { action: 'cancel', input: input }));
}
