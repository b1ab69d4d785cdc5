import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/** 改约 */
export async function rescheduleBooking(input: {
  bookingId: string;
  slotId: string;
}): Promise<{ booking: BookingView }> {
  return unwrap(
    await callCloud<CloudAnswer<{ booking: BookingView }>>('bookings', { action: 'reschedule', input: input }),
  );
}
