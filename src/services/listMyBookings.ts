import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/** 我的预约 */
export async function listMyBookings(): Promise<{ items: BookingView[] }> {
  return unwrap(await callCloud<CloudAnswer<{ items: BookingView[] }>>('bookings', { action: 'listMine', input: {} }));
}
