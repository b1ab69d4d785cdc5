import { beijingInstant, type Booking, type BookingFacts } from '../../core';

/** A booking as stored in `bookings` (the core's Booking plus the slot's words and check-in). */
export interface BookingDoc extends Omit<Booking, 'id'> {
  _id: string;
  date: string;
  start: string;
  end: string;
  windowLabel: string;
  contactName: string | null;
  contactPhone: string | null;
  checkedInAt: Date | null;
  /** when it was last moved to another slot: its reminders count from the later confirmation */
  rescheduledAt?: Date | null;
  /** set when the scheduler, not a person, marked it 未到场 */
  noShowMarkedAt?: Date | null;
  /** the linked case's number, for messages (absent on bookings stored before it was kept) */
  caseNo?: string | null;
  /** `<slotId>#<n>` while it holds seat n of its slot, `x:<id>` once given up (unique index) */
  seat?: string;
  /** `<slotId>|<applicantId>` while it holds the applicant's place in the slot, `x:<id>` once given up (unique index) */
  holder?: string;
  /** 签到码 the applicant shows at the desk (absent on bookings stored before it was kept) */
  checkInCode?: string | null;
  /** effects not yet settled (shared/effects.ts) */
  pending?: unknown;
}

/** What a 预约 message may carry (core BookingFacts): no name, phone or address. */
export function bookingFacts(
  b: Pick<BookingDoc, '_id' | 'caseId' | 'category' | 'kind' | 'status' | 'date' | 'start'>,
  caseNo: string | null,
): BookingFacts {
  return {
    bookingId: b._id,
    caseId: b.caseId,
    caseNo,
    category: b.category,
    kind: b.kind,
    status: b.status,
    date: b.date,
    start: b.start,
  };
}

export const endsAt = (b: Pick<BookingDoc, 'date' | 'end'>) => beijingInstant(b.date, b.end);
export const confirmedAt = (b: Pick<BookingDoc, 'bookedAt' | 'rescheduledAt'>) =>
  new Date(b.rescheduledAt ?? b.bookedAt);
