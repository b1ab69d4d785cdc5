import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { SlotDays } from './bookingTypes';

/** 可预约时段（14天） */
export async function listSlots(input: { kind?: string } = {}): Promise<SlotDays> {
  return unwrap(await callCloud<CloudAnswer<SlotDays>>('bookings', { action: 'listSlots', input: input }));
}
