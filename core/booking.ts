import {
  addDays,
  beijingDate,
  beijingInstant,
  clockTimeOf,
  daysBetween,
  minutesOfDay,
  weekday,
  type CivilDate,
} from './beijing-time';
import type { WorkCalendar } from './calendar';
import type { Recipient } from './lifecycle';
import { authorize, type Actor } from './permissions';
import { allow, CoreError, filled, guarded, refuse, type Decision, type Refusal } from './result';
import type { Role } from './roles';
import type { Category } from './scope';
import { DEFAULT_SETTINGS, type BookingSettings, type ServiceWindow, type ServiceWindowKind } from './settings';

/**
 * 预约、延时、错时服务 (§二(四)) and 上门 home visits. The timetable is configuration (settings.booking
 * .windows); this module turns it into bookable slots for a Beijing day and decides bookings,
 * cancellations and reschedules. Capacity counts come from the bookings the caller passes in; the
 * caller's store keeps them exact when people race for a seat (cloudfunctions-src/bookings: a unique
 * index on the seat each active booking holds).
 */

export interface Slot {
  /** stable: date@window@start, e.g. 2026-03-02@am@10:00 */
  id: string;
  windowId: string;
  kind: ServiceWindowKind;
  label: string;
  date: CivilDate;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export const BOOKING_STATUSES = ['active', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  active: '已预约',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '未到场',
};

export interface Booking {
  id: string;
  applicantId: string;
  slotId: string;
  kind: ServiceWindowKind;
  startsAt: Date;
  status: BookingStatus;
  category: Category;
  caseId: string | null;
  /** home visits only; personal data, shown masked to anyone but the visiting agent */
  homeAddress: string | null;
  bookedBy: { id: string; role: Role };
  bookedAt: Date;
  rescheduleCount: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export type BookingDraft = Omit<Booking, 'id'>;

export interface BookingNotice {
  kind: 'booking_confirmed' | 'booking_cancelled' | 'booking_rescheduled';
  to: Recipient;
  params: Record<string, string>;
}

export const BOOKING_MESSAGES = {
  SLOT_NOT_FOUND: '没有这个预约时段。',
  SLOT_PAST: '该时段已过，请选择其他时段。',
  SLOT_FULL: '该时段已约满，请选择其他时段。',
  DUPLICATE_BOOKING: '您已预约了这个时段。',
  HOME_VISIT_LIVELIHOOD_ONLY: '上门服务限于民生保障类事项（行动不便或其他特殊群众）。',
  HOME_VISIT_ADDRESS_REQUIRED: '请填写上门服务地址。',
  BOOKING_NOT_ACTIVE: '该预约已取消或已结束。',
  CANCEL_REASON_REQUIRED: '工作人员取消预约须填写原因，系统会通知申请人。',
  SAME_SLOT: '新时段与原时段相同。',
  ATTENDANCE_TOO_EARLY: '时段开始后才能登记是否到场。',
  CHECK_IN_CODE_INVALID: '签到码不对，或不是今天的预约。请核对后再输，或按名单登记到场。',
} as const;

type BookingCode =
  | keyof typeof BOOKING_MESSAGES
  | 'BOOKING_CLOSED'
  | 'TOO_FAR_AHEAD'
  | 'TOO_MANY_BOOKINGS'
  | 'CANCEL_TOO_LATE'
  | 'TOO_MANY_RESCHEDULES';

function no(code: keyof typeof BOOKING_MESSAGES): Refusal {
  return refuse(code, BOOKING_MESSAGES[code]);
}

// ─── Timetable → slots ───────────────────────────────────────────────────────────────────────────

function inSeason(window: ServiceWindow, date: CivilDate): boolean {
  if (!window.season) return true;
  const md = date.slice(5);
  const { from, to } = window.season;
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

/** Does a window open on this Beijing day? Throws CALENDAR_YEAR_MISSING for an unknown year. */
export function windowOpensOn(cal: WorkCalendar, window: ServiceWindow, date: CivilDate): boolean {
  if (!inSeason(window, date)) return false;
  switch (window.days.type) {
    case 'working_days':
      return cal.isWorkingDay(date);
    case 'rest_days':
      return cal.dayInfo(date).kind === 'weekend' && window.days.weekdays.includes(weekday(date));
    case 'dates':
      return window.days.dates.includes(date);
  }
}

/** All slots of a Beijing day, in time order. */
export function generateSlots(
  cal: WorkCalendar,
  date: CivilDate,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
): Slot[] {
  const slots: Slot[] = [];
  for (const w of settings.windows) {
    if (!windowOpensOn(cal, w, date)) continue;
    const end = minutesOfDay(w.end);
    for (let m = minutesOfDay(w.start); m + w.slotMinutes <= end; m += w.slotMinutes) {
      const start = clockTimeOf(m);
      const finish = clockTimeOf(m + w.slotMinutes);
      slots.push({
        id: `${date}@${w.id}@${start}`,
        windowId: w.id,
        kind: w.kind,
        label: w.label,
        date,
        start,
        end: finish,
        startsAt: beijingInstant(date, start),
        endsAt: beijingInstant(date, finish),
        capacity: w.capacity,
      });
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.windowId.localeCompare(b.windowId));
}

/** A slot id from a client, checked against the timetable as it is now. */
export function findSlot(
  cal: WorkCalendar,
  slotId: string,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
): Decision<Slot> {
  const date = String(slotId ?? '').split('@')[0];
  return guarded(() => {
    const slot = /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? generateSlots(cal, date, settings).find((s) => s.id === slotId)
      : undefined;
    return slot ? allow(slot) : no('SLOT_NOT_FOUND');
  });
}

export interface OpenSlot extends Slot {
  remaining: number;
}

/**
 * What an applicant can book from now on: each day up to maxAdvanceDays, slots not yet closed, with
 * places left. Days in a year without a calendar are left out and reported, never guessed.
 */
export function bookableSlots(
  cal: WorkCalendar,
  now: Date,
  bookings: Booking[],
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
  kind?: ServiceWindowKind,
): { slots: OpenSlot[]; missingYears: number[] } {
  const today = beijingDate(now);
  const slots: OpenSlot[] = [];
  const missingYears = new Set<number>();
  for (let i = 0; i <= settings.maxAdvanceDays; i++) {
    const date = addDays(today, i);
    let daySlots: Slot[];
    try {
      daySlots = generateSlots(cal, date, settings);
    } catch (e) {
      if (e instanceof CoreError && e.code === 'CALENDAR_YEAR_MISSING') {
        missingYears.add(Number(date.slice(0, 4)));
        continue;
      }
      throw e;
    }
    for (const s of daySlots) {
      if (kind && s.kind !== kind) continue;
      if (closedAt(s, settings.bookingCutoffMinutes) < now.getTime()) continue;
      const remaining = s.capacity - activeOn(bookings, s.id).length;
      if (remaining > 0) slots.push({ ...s, remaining });
    }
  }
  return { slots, missingYears: [...missingYears] };
}

function closedAt(slot: { startsAt: Date }, cutoffMinutes: number): number {
  return new Date(slot.startsAt).getTime() - cutoffMinutes * 60_000;
}

function activeOn(bookings: Booking[], slotId: string): Booking[] {
  return bookings.filter((b) => b.slotId === slotId && b.status === 'active');
}

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
