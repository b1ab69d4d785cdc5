import {
  addDays,
  beijingDate,
  beijingInstant,
  clockTimeOf,
  minutesOfDay,
  type CivilDate,
  weekday,
} from '../beijing-time';
import type { WorkCalendar } from '../calendar';
import { CoreError, allow, guarded, type Decision } from '../result';
import { DEFAULT_SETTINGS, type BookingSettings, type ServiceWindow, type ServiceWindowKind } from '../settings';
import { activeOn, closedAt, no } from './helpers';
import type { Booking, Slot } from './types';

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
