import type { WorkCalendar } from './calendar';
import type { BookingStatus } from './booking';
import type { Recipient } from './lifecycle';
import { badRatingWarning, type BadRatingCase } from './rating';
import { DEFAULT_SETTINGS, type BookingSettings, type Settings } from './settings';
import type { BookingMessageKind, ReminderKind } from './subscribe';

/**
 * What the scheduler has to say about bookings and 差评, decided here so the timer function only
 * loads, asks and writes. Each answer comes with the key that makes it happen once: the scheduler
 * writes the key with the message, so a second or overlapping run finds it and stays quiet.
 */

export type AppointmentReminderKind = Extract<BookingMessageKind, 'appointment_day_before' | 'appointment_hour_before'>;

export interface ReminderBooking {
  id: string;
  status: BookingStatus;
  startsAt: Date;
  /** when the applicant last heard the time: booked, or moved to this slot */
  confirmedAt: Date;
}

/**
 * 预约提醒: a day before, then an hour before. Only the latest reminder that has come is sent (a
 * timer that was down all morning does not send yesterday's "tomorrow"), and none that would
 * repeat what the confirmation just said (booked for this afternoon: no "tomorrow" message). The key
 * carries the slot's start, so a moved booking is reminded of its new time.
 */
export function appointmentReminderDue(
  b: ReminderBooking,
  now: Date,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
): { kind: AppointmentReminderKind; key: string } | null {
  const start = new Date(b.startsAt).getTime();
  const t = now.getTime();
  if (b.status !== 'active' || t >= start) return null;
  const confirmed = new Date(b.confirmedAt).getTime();
  const at = (minutes: number) => start - minutes * 60_000;
  const key = (kind: AppointmentReminderKind) => ({
    kind,
    key: `appt:${b.id}:${kind}:${new Date(start).toISOString()}`,
  });
  if (t >= at(settings.remindHourBeforeMinutes))
    return confirmed < at(settings.remindHourBeforeMinutes) ? key('appointment_hour_before') : null;
  if (t >= at(settings.remindDayBeforeMinutes))
    return confirmed < at(settings.remindDayBeforeMinutes) ? key('appointment_day_before') : null;
  return null;
}

/** 未到场: an active booking whose slot ended more than the grace ago was not checked in. */
export function noShowDue(
  b: { status: BookingStatus; endsAt: Date },
  now: Date,
  settings: BookingSettings = DEFAULT_SETTINGS.booking,
): boolean {
  return b.status === 'active' && now.getTime() >= new Date(b.endsAt).getTime() + settings.noShowGraceMinutes * 60_000;
}

const STAGE = { awaiting_call_back: 'call_back', awaiting_rectification: 'rectify', under_appeal: 'review' } as const;

/**
 * 差评 deadlines (回访, 整改, 申诉复核): due soon → the responsible unit's leader; overdue → the
 * leader and the center (督促). An appeal is the center's to review, so its warnings go to the
 * center alone. One reminder per state, level and due date: a 差评 sent back for rectification
 * again gets fresh warnings.
 */
export function badRatingReminder(
  cal: WorkCalendar,
  rec: BadRatingCase,
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): { kind: ReminderKind; to: Recipient[]; key: string } | null {
  const warning = badRatingWarning(cal, rec, now, settings);
  if (!warning || warning.level === 'on_track') return null;
  const stage = STAGE[rec.status as keyof typeof STAGE];
  const leaders: Recipient[] = rec.owners.unitIds.map((unitId) => ({ kind: 'unit_leader', unitId }));
  const to: Recipient[] =
    stage === 'review'
      ? [{ kind: 'center' }]
      : warning.level === 'overdue'
        ? [...leaders, { kind: 'center' }]
        : leaders;
  const kind = `bad_rating_${stage}_${warning.level}` as ReminderKind;
  return { kind, to, key: `bad:${rec.caseId}:${rec.followUp ? 1 : 0}:${rec.status}:${warning.level}:${warning.due}` };
}

/**
 * A 未到场 the scheduler marked (nobody recorded it) stays open to a check-in: the person may have
 * come late and been served after the grace. What staff recorded themselves is final.
 */
export function reopenedForCheckIn<B extends { status: BookingStatus }>(b: B, markedBySystem: boolean): B {
  return b.status === 'no_show' && markedBySystem ? { ...b, status: 'active' } : b;
}
