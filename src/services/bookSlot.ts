import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/** 预约 */
export async function bookSlot(input: {
  slotId: string;
  category?: string;
  caseId?: string;
}): Promise<{ booking: BookingView }> {
  return unwrap(await callCloud<CloudAnswer<{ booking: BookingView }>>('bookings', { action: 'book', input: input }));
}
