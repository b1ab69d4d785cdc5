import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { CoreError } from './result';

dayjs.extend(utc);

/**
 * Everything in the rulebook happens on Beijing time (UTC+8, no daylight saving since 1991), while
 * cloud functions run on UTC and developers' machines on anything. So the core never asks the
 * process for its zone: an instant is a Date, a calendar day is a 'YYYY-MM-DD' string (CivilDate)
 * meaning that day in Beijing, and the two are converted only here, through dayjs in UTC mode.
 */
export type CivilDate = string;

/** Minutes east of UTC; Xinjiang's offices keep Beijing time too (their hours are shifted instead). */
export const BEIJING_OFFSET_MINUTES = 480;

export const CIVIL_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const MONTH_DAY_PATTERN = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real day of the Gregorian calendar written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === 'string' && CIVIL_DATE_PATTERN.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}

/** Dates already found real: the slot and deadline loops check the same few hundred days again and again. */
const realDates = new Set<CivilDate>();

function assertCivilDate(date: CivilDate): void {
  if (realDates.has(date)) return;
  if (!isCivilDate(date))
    throw new CoreError('INVALID_DATE', `日期格式不正确：${String(date)}（应为 YYYY-MM-DD）`, { date });
  // bounded: dates come from requests too
  if (realDates.size >= 20_000) realDates.clear();
  realDates.add(date);
}

function assertInstant(at: Date): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new CoreError('INVALID_TIME', '时间无效', { at: String(at) });
}

/** The Beijing calendar day an instant falls on. */
export function beijingDate(at: Date): CivilDate {
  assertInstant(at);
  return dayjs.utc(at).add(BEIJING_OFFSET_MINUTES, 'minute').format('YYYY-MM-DD');
}

/** The Beijing wall-clock time of an instant, as HH:mm. */
export function beijingClock(at: Date): string {
  assertInstant(at);
  return dayjs.utc(at).add(BEIJING_OFFSET_MINUTES, 'minute').format('HH:mm');
}

/** The instant at which a Beijing wall-clock time occurs on a Beijing day. */
export function beijingInstant(date: CivilDate, time = '00:00'): Date {
  assertCivilDate(date);
  if (!CLOCK_TIME_PATTERN.test(time))
    throw new CoreError('INVALID_TIME', `时刻格式不正确：${time}（应为 HH:mm）`, { time });
  // an ISO date-time with its zone is parsed exactly by the language (years 0000–9999 included)
  return new Date(Date.parse(`${date}T${time}:00Z`) - BEIJING_OFFSET_MINUTES * 60_000);
}

/** Day arithmetic is the calendar's inner loop; the day after a date is remembered once computed. */
const nextDayCache = new Map<CivilDate, CivilDate>();

export function addDays(date: CivilDate, days: number): CivilDate {
  if (days === 1) {
    const cached = nextDayCache.get(date);
    if (cached) return cached;
  }
  assertCivilDate(date);
  const result = dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
  if (days === 1 && nextDayCache.size < 100_000) nextDayCache.set(date, result);
  return result;
}

/** Day of the week of a Beijing day: 0 Sunday … 6 Saturday. */
export function weekday(date: CivilDate): number {
  assertCivilDate(date);
  return dayjs.utc(date).day();
}

export function yearOf(date: CivilDate): number {
  assertCivilDate(date);
  return Number(date.slice(0, 4));
}

/** Minutes since midnight of an HH:mm time. */
export function minutesOfDay(time: string): number {
  if (!CLOCK_TIME_PATTERN.test(time))
    throw new CoreError('INVALID_TIME', `时刻格式不正确：${time}（应为 HH:mm）`, { time });
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function clockTimeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whole calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  assertCivilDate(a);
  assertCivilDate(b);
  return dayjs.utc(b).diff(dayjs.utc(a), 'day');
}
