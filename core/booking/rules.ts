import { beijingDate, daysBetween } from '../beijing-time';
import { authorize, type Actor } from '../permissions';
import { allow, filled, refuse, type Decision, type Refusal } from '../result';
import type { Category } from '../scope';
import { DEFAULT_SETTINGS, type BookingSettings } from '../settings';
import { activeOn, closedAt, no, type BookingCode } from './helpers';
import type { Booking, BookingDraft, BookingNotice, Slot } from './types';

// ─── Booking rules ───────────────────────────────────────────────────────────────────────────────

export interface BookingRequest {
  applicantId: string;
  slot: Slot;
  category: Category;
  caseId?: string | null;
  homeAddress?: string | null;
}

/** The checks a slot must pass for this applicant, shared by booking and rescheduling. */
function slotRules(
  req: BookingRequest,
  bookings: Booking[],
  now: Date,
  settings: BookingSettings,
  ignoreId?: string,
): Refusal | null {
  const { slot } = req;
  if (new Date(slot.startsAt).getTime() <= now.getTime()) return no('SLOT_PAST');
  if (closedAt(slot, settings.bookingCutoffMinutes) < now.getTime())
    return refuse(
      'BOOKING_CLOSED',
      `该时段已截止预约（开始前${settings.bookingCutoffMinutes}分钟截止），请选择其他时段。`,
    );
  if (daysBetween(beijingDate(now), slot.date) > settings.maxAdvanceDays)
    return refuse('TOO_FAR_AHEAD', `只能预约${settings.maxAdvanceDays}天内的时段。`);
  if (slot.kind === 'home_visit') {
    if (req.category !== 'livelihood') return no('HOME_VISIT_LIVELIHOOD_ONLY');
    if (!filled(req.homeAddress)) return no('HOME_VISIT_ADDRESS_REQUIRED');
  }
  const others = bookings.filter((b) => b.id !== ignoreId);
  const mine = others.filter((b) => b.applicantId === req.applicantId && b.status === 'active');
  if (mine.some((b) => b.slotId === slot.id)) return no('DUPLICATE_BOOKING');
  if (activeOn(others, slot.id).length >= slot.capacity) return no('SLOT_FULL');
  if (
    ignoreId === undefined &&
    mine.filter((b) => new Date(b.startsAt).getTime() > now.getTime()).length >= settings.maxActiveBookingsPerApplicant
  ) {
    return refuse('TOO_MANY_BOOKINGS', `每人同时最多保留${settings.maxActiveBookingsPerApplicant}个有效预约。`);
  }
  return null;
}

/**
 * 预约: a new booking, by the applicant for themself or by staff on their behalf (帮办 for someone
 * who cannot use the phone). `bookings` must hold the slot's and the applicant's active bookings.
 */
export function book(
  actor: Actor,
  req: BookingRequest,
  bookings: Booking[],
  now: Date,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
): Decision<{ booking: BookingDraft; notices: BookingNotice[] }, BookingCode | string> {
  const permitted = authorize(actor, 'booking.create', { applicantId: req.applicantId });
  if (!permitted.ok) return permitted;
  const broken = slotRules(req, bookings, now, settings);
  if (broken) return broken;
  const booking: BookingDraft = {
    applicantId: req.applicantId,
    slotId: req.slot.id,
    kind: req.slot.kind,
    startsAt: req.slot.startsAt,
    status: 'active',
    category: req.category,
    caseId: req.caseId ?? null,
    homeAddress: req.slot.kind === 'home_visit' ? req.homeAddress!.trim() : null,
    bookedBy: { id: actor.id, role: actor.role },
    bookedAt: now,
    rescheduleCount: 0,
    cancelledAt: null,
    cancelReason: null,
  };
  return allow({
    booking,
    notices: [
      {
        kind: 'booking_confirmed',
        to: { kind: 'applicant', id: req.applicantId },
        params: { date: req.slot.date, time: req.slot.start },
      },
    ],
  });
}

/** Rules for giving up a booking that are the same for cancelling and moving it. */
function releaseRules(
  actor: Actor,
  booking: Booking,
  now: Date,
  settings: BookingSettings,
  action: 'booking.cancel' | 'booking.reschedule',
): Refusal | null {
  const permitted = authorize(actor, action, { applicantId: booking.applicantId });
  if (!permitted.ok) return permitted;
  if (booking.status !== 'active') return no('BOOKING_NOT_ACTIVE');
  const starts = new Date(booking.startsAt).getTime();
  if (starts <= now.getTime()) return no('SLOT_PAST');
  // staff may release a booking up to its start (a closure, an agent falling ill); applicants until the cut-off
  if (actor.role === 'applicant' && starts - settings.cancelCutoffMinutes * 60_000 < now.getTime()) {
    return refuse(
      'CANCEL_TOO_LATE',
      `开始前${settings.cancelCutoffMinutes}分钟内不能在线取消或改约，请致电政务服务中心。`,
    );
  }
  return null;
}

/**
 * What `actor` may still do to a booking now, by the same rules as cancelling and moving it (for
 * lists that offer the buttons; the decision itself is made again when the button is used).
 */
export function bookingChanges(
  actor: Actor,
  booking: Booking,
  now: Date,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
): { cancel: boolean; reschedule: boolean } {
  return {
    cancel: releaseRules(actor, booking, now, settings, 'booking.cancel') === null,
    reschedule:
      releaseRules(actor, booking, now, settings, 'booking.reschedule') === null &&
      booking.rescheduleCount < settings.maxReschedulesPerBooking,
  };
}

/** 取消预约: the applicant until the cut-off; staff until the start, with a reason the applicant hears. */
export function cancelBooking(
  actor: Actor,
  booking: Booking,
  now: Date,
  reason: string | null = null,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
): Decision<{ booking: Booking; notices: BookingNotice[] }, BookingCode | string> {
  const broken = releaseRules(actor, booking, now, settings, 'booking.cancel');
  if (broken) return broken;
  const byStaff = actor.role !== 'applicant';
  if (byStaff && !filled(reason)) return no('CANCEL_REASON_REQUIRED');
  return allow({
    booking: { ...booking, status: 'cancelled', cancelledAt: now, cancelReason: filled(reason) ? reason.trim() : null },
    notices: byStaff
      ? [
          {
            kind: 'booking_cancelled',
            to: { kind: 'applicant', id: booking.applicantId },
            params: { reason: reason!.trim() },
          },
        ]
      : [],
  });
}

/** 改约: moving a booking is releasing it and booking the new slot in one step. */
export function rescheduleBooking(
  actor: Actor,
  booking: Booking,
  slot: Slot,
  bookings: Booking[],
  now: Date,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
  homeAddress?: string | null,
): Decision<{ booking: Booking; notices: BookingNotice[] }, BookingCode | string> {
  const broken = releaseRules(actor, booking, now, settings, 'booking.reschedule');
  if (broken) return broken;
  if (slot.id === booking.slotId) return no('SAME_SLOT');
  if (booking.rescheduleCount >= settings.maxReschedulesPerBooking)
    return refuse('TOO_MANY_RESCHEDULES', `每个预约最多改约${settings.maxReschedulesPerBooking}次，请取消后重新预约。`);
  const address = homeAddress ?? booking.homeAddress;
  const rules = slotRules(
    { applicantId: booking.applicantId, slot, category: booking.category, homeAddress: address },
    bookings,
    now,
    settings,
    booking.id,
  );
  if (rules) return rules;
  return allow({
    booking: {
      ...booking,
      slotId: slot.id,
      kind: slot.kind,
      startsAt: slot.startsAt,
      homeAddress: slot.kind === 'home_visit' ? address!.trim() : null,
      rescheduleCount: booking.rescheduleCount + 1,
    },
    notices:
      actor.role === 'applicant'
        ? []
        : [
            {
              kind: 'booking_rescheduled',
              to: { kind: 'applicant', id: booking.applicantId },
              params: { date: slot.date, time: slot.start },
            },
          ],
  });
}

/** 台账: staff record whether the applicant came, once the slot has begun. */
/** A six-digit 签到码 the applicant shows at the desk; `random` in [0, 1) (the adapter's randomness). */
export function newCheckInCode(random: number): string {
  return String(Math.floor(random * 1_000_000)).padStart(6, '0');
}

/**
 * 扫码/签到码签到: the code the applicant shows marks arrival — only a code that belongs to this
 * active booking and only on the booking's own day (Beijing): arriving early for the slot is fine,
 * a code from another day is not. Staff marking by hand (recordAttendance) stays as it is.
 */
export function arriveWithCode(
  actor: Actor,
  booking: Booking & { checkInCode?: string | null },
  code: string,
  now: Date,
): Decision<Booking> {
  const permitted = authorize(actor, 'booking.recordAttendance');
  if (!permitted.ok) return permitted;
  if (
    !booking.checkInCode ||
    booking.checkInCode !== code ||
    beijingDate(new Date(booking.startsAt)) !== beijingDate(now)
  )
    return no('CHECK_IN_CODE_INVALID');
  if (booking.status !== 'active') return no('BOOKING_NOT_ACTIVE');
  return allow({ ...booking, status: 'attended' });
}

export function recordAttendance(actor: Actor, booking: Booking, attended: boolean, now: Date): Decision<Booking> {
  const permitted = authorize(actor, 'booking.recordAttendance');
  if (!permitted.ok) return permitted;
  if (booking.status !== 'active') return no('BOOKING_NOT_ACTIVE');
  if (new Date(booking.startsAt).getTime() > now.getTime()) return no('ATTENDANCE_TOO_EARLY');
  return allow({ ...booking, status: attended ? 'attended' : 'no_show' });
}
