import type { BookingDoc } from './db/documents';
import { beijingInstant, type BookingFacts } from '../../core';

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
