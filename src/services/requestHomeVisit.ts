import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/** 申请上门服务 */
export async function requestHomeVisit(input: {
  slotId: string;
  caseId: string;
  address: string;
}): Promise<{ booking: BookingView }> {
  return unwrap(
    await callCloud<CloudAnswer<{ booking: BookingView }>>('bookings', { action: 'requestHomeVisit', input: input }),
  );
}
