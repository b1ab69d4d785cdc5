import { COLL } from '../shared/db';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  SERVICE_WINDOW_KINDS,
  book,
  maskName,
  maskPhone,
  newCheckInCode,
  weekday,
  type Actor,
  type BookingNotice,
  type Category,
} from '../../core';
import { type ActionContext } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadCenterConfig } from '../shared/config';
import { outboxSeeds, pendingForInsert } from '../shared/effects';
import { bookingFacts } from '../shared/booking-facts';
import type { BookingDoc } from '../shared/db';
import {
  KIND_SHORT,
  WEEKDAYS,
  BOOKING_PLACE,
  BRING,
  seatOf,
  holderOf,
  newBookingId,
  refused,
  toBooking,
  slotIn,
  activeAround,
  claimSeat,
} from './common';
export const slotViewSchema = z.object({
  slotId: z.string(),
  kind: z.enum(SERVICE_WINDOW_KINDS),
  kindLabel: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number(),
  remaining: z.number(),
});
export const bookingViewSchema = z.object({
  bookingId: z.string(),
  date: z.string(),
  weekday: z.string(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(SERVICE_WINDOW_KINDS),
  kindLabel: z.string(),
  windowLabel: z.string(),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
  place: z.string(),
  bring: z.array(z.string()),
  homeAddress: z.string().nullable(),
  caseId: z.string().nullable(),
  rescheduleCount: z.number(),
  cancelReason: z.string().nullable(),
  canChange: z.boolean(),
  /** the applicant's own view only */
  checkInCode: z.string().nullable().optional(),
  /** the staff view only (masked) */
  contactName: z.string().nullable().optional(),
  contactPhone: z.string().nullable().optional(),
  bookedByStaff: z.boolean().optional(),
});
export const bookingAnswer = z.object({ booking: bookingViewSchema });

export function bookingView(
  b: BookingDoc,
  now: Date,
  cancelCutoffMinutes: number,
  forStaff: false | 'agent' | 'other' = false,
) {
  const startsAt = new Date(b.startsAt);
  return {
    bookingId: b._id,
    date: b.date,
    weekday: `星期${WEEKDAYS[weekday(b.date)]}`,
    start: b.start,
    end: b.end,
    kind: b.kind,
    kindLabel: KIND_SHORT[b.kind],
    windowLabel: b.windowLabel,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    place: b.kind === 'home_visit' ? '上门服务（工作人员到您填写的地址）' : BOOKING_PLACE,
    bring: BRING[b.category] ?? [],
    homeAddress: b.homeAddress === null ? null : forStaff === 'other' ? '***' : b.homeAddress,
    caseId: b.caseId,
    rescheduleCount: b.rescheduleCount,
    // a reason staff gave is told to the applicant (their message says to look here)
    cancelReason: b.status === 'cancelled' ? (b.cancelReason ?? null) : null,
    canChange: b.status === 'active' && startsAt.getTime() - cancelCutoffMinutes * 60_000 > now.getTime(),
    // 签到码: shown to the applicant only, for an active booking (the desk types it in to mark arrival)
    ...(!forStaff ? { checkInCode: b.status === 'active' ? (b.checkInCode ?? null) : null } : {}),
    ...(forStaff
      ? {
          contactName: b.contactName ? maskName(b.contactName) : null,
          contactPhone: b.contactPhone ? maskPhone(b.contactPhone) : null,
          bookedByStaff: b.bookedBy.role !== 'applicant',
        }
      : {}),
  };
}

/** Who is looking at a booking changed by `applicantId` (null: by staff). */
export const viewerOf = (ctx: ActionContext<Database>, applicantId: string | null) =>
  applicantId ? false : ctx.caller.staff?.role === 'agent' ? 'agent' : 'other';

export interface BookRequest {
  actor: Actor;
  applicantId: string;
  slotId: string;
  category: Category;
  caseId: string | null;
  homeAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** the linked case's number, kept on the booking for its messages */
  caseNo: string | null;
}

/** Outbox entries of the core's notices about a booking (ids fixed now, written with the booking). */
export const seedsOf = (notices: BookingNotice[], b: BookingDoc, now: Date) =>
  outboxSeeds(
    notices.map((n) => ({ kind: n.kind, to: n.to })),
    bookingFacts(b, b.caseNo ?? null),
    now,
  );

/** The center's config and the slot's and applicant's active bookings, read side by side. */
export const readForBooking = (db: Database, slotId: string, applicantId: string) =>
  Promise.all([loadCenterConfig(db), activeAround(db, slotId, applicantId)]);

/**
 * One booking: the reads (`config`, `first`) were made by the caller, side by side with whatever
 * else it needed; then one insert of the booking on a free seat, its 预约成功 message in
 * `pending` (so the message is stored with the booking or not at all).
 */
export async function placeBooking(
  ctx: ActionContext<Database>,
  req: BookRequest,
  [config, first]: Awaited<ReturnType<typeof readForBooking>>,
) {
  const { db, now } = ctx;
  const slot = slotIn(config, req.slotId);
  const bookingId = newBookingId();
  const doc = await claimSeat(
    slot,
    first,
    () => activeAround(db, slot.id, req.applicantId),
    async (active) => {
      const decision = book(
        req.actor,
        {
          applicantId: req.applicantId,
          slot,
          category: req.category,
          caseId: req.caseId,
          homeAddress: req.homeAddress,
        },
        active.map(toBooking),
        now,
        config.settings.booking,
      );
      if (!decision.ok) throw refused(decision);
      const booking: BookingDoc = {
        _id: bookingId,
        ...decision.value.booking,
        date: slot.date,
        start: slot.start,
        end: slot.end,
        windowLabel: slot.label,
        contactName: req.contactName,
        contactPhone: req.contactPhone,
        checkedInAt: null,
        caseNo: req.caseNo,
        checkInCode: newCheckInCode(randomInt(1_000_000) / 1_000_000),
      };
      const pending = pendingForInsert(now, { outbox: seedsOf(decision.value.notices, booking, now) });
      return async (n: number) => {
        await db
          .collection(COLL.bookings)
          .add({ data: { ...booking, seat: seatOf(slot.id, n), holder: holderOf(slot.id, req.applicantId), pending } });
        return booking;
      };
    },
  );
  return { booking: bookingView(doc, now, config.settings.booking.cancelCutoffMinutes) };
}
