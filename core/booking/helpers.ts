import { refuse, type Refusal } from '../result';
import { BOOKING_MESSAGES, type Booking } from './types';

/** Refusals and slot helpers the booking rules share (internal: not re-exported by index.ts). */

export type BookingCode =
  | keyof typeof BOOKING_MESSAGES
  | 'BOOKING_CLOSED'
  | 'TOO_FAR_AHEAD'
  | 'TOO_MANY_BOOKINGS'
  | 'CANCEL_TOO_LATE'
  | 'TOO_MANY_RESCHEDULES';

export function no(code: keyof typeof BOOKING_MESSAGES): Refusal {
  return refuse(code, BOOKING_MESSAGES[code]);
}

export function closedAt(slot: { startsAt: Date }, cutoffMinutes: number): number {
  return new Date(slot.startsAt).getTime() - cutoffMinutes * 60_000;
}

export function activeOn(bookings: Booking[], slotId: string): Booking[] {
  return bookings.filter((b) => b.slotId === slotId && b.status === 'active');
}
