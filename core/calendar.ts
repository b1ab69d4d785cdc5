import statutory from 'chinese-days/dist/chinese-days.json';
import { addDays, beijingDate, isCivilDate, weekday, yearOf, type CivilDate } from './beijing-time';
import { CoreError } from './result';
import { DEFAULT_SETTINGS, type CalendarSettings } from './settings';

/**
 * 工作日 calendar. Time limits (承诺时限, 限时办结) count in working days: not weekends, not
 * statutory holidays, but yes the 调休 make-up Saturdays and Sundays. The State Council's calendar
 * comes from chinese-days (through 2026); the center adds what it lacks: next year's calendar once
 * published, Xinjiang's regional holidays (肉孜节, 古尔邦节, not in the national calendar), and
 * one-off closures or extra working days. A year nobody has supplied is never guessed from weekdays:
 * asking about it throws CALENDAR_YEAR_MISSING.
 */

export type DayKind =
  'workday' | 'weekend' | 'statutory_holiday' | 'makeup_workday' | 'center_holiday' | 'center_workday';

export interface DayInfo {
  date: CivilDate;
  working: boolean;
  kind: DayKind;
  /** holiday name, e.g. 春节 or 古尔邦节; null for ordinary days */
  name: string | null;
}

/** One day set by the center; overrides win over everything else. */
export interface DayOverride {
  date: CivilDate;
  working: boolean;
  name: string;
  /** a Xinjiang regional holiday (自治区少数民族习惯节日), so the readiness check knows it was entered */
  regional?: boolean;
}

/** A whole year's State Council calendar typed in by the center when chinese-days lacks it. */
export interface YearCalendar {
  /** days off, including the weekend days inside a holiday period */
  holidays: { date: CivilDate; name: string }[];
  /** 调休 make-up working days that fall on a weekend */
  makeupWorkdays: { date: CivilDate; name: string }[];
}

export interface CenterCalendar {
  years?: Record<number, YearCalendar>;
  overrides?: DayOverride[];
}

export interface WorkCalendar {
  /** throws CoreError CALENDAR_YEAR_MISSING for a year nobody supplied */
  dayInfo(date: CivilDate): DayInfo;
  isWorkingDay(date: CivilDate): boolean;
  hasYear(year: number): boolean;
  /** the years the calendar can answer for */
  years(): number[];
  /** center overrides in a year flagged as regional holidays */
  hasRegionalHolidays(year: number): boolean;
}

type StatutoryData = { holidays: Record<string, string>; workdays: Record<string, string> };
const STATUTORY: StatutoryData = statutory;

/** "Spring Festival,春节,4" → 春节 */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

const STATUTORY_YEARS: ReadonlySet<number> = new Set(Object.keys(STATUTORY.holidays).map((d) => Number(d.slice(0, 4))));

/** The years chinese-days carries (2004–2026 in version 1.5.7). */
export function statutoryYears(): number[] {
  return [...STATUTORY_YEARS].sort((a, b) => a - b);
}

/** chinese-days' calendar of one year, in the shape a center enters one; null when it lacks the year. */
export function statutoryYear(year: number): YearCalendar | null {
  if (!STATUTORY_YEARS.has(year)) return null;
  const of = (map: Record<string, string>) =>
    Object.keys(map)
      .filter((d) => yearOf(d) === year)
      .sort()
      .map((date) => ({ date, name: chineseName(map[date]) }));
  return { holidays: of(STATUTORY.holidays), makeupWorkdays: of(STATUTORY.workdays) };
}

export const CALENDAR_MESSAGES = {
  CALENDAR_YEAR_MISSING: (year: number) =>
    `尚未录入${year}年的法定节假日和调休安排，无法计算工作日。请政务服务中心管理员在“设置 › 法定节假日与调休”中录入国务院办公厅公布的${year}年放假安排。`,
  REGIONAL_HOLIDAYS_MISSING: (year: number) =>
    `尚未录入${year}年自治区少数民族习惯节日（肉孜节、古尔邦节）放假安排，这些日子目前按工作日计算。`,
  CALENDAR_NO_WORKING_DAY: '日历设置中连续十年没有工作日，请检查日历设置。',
} as const;

export function createWorkCalendar(center: CenterCalendar = {}): WorkCalendar {
  const overrides = new Map<CivilDate, DayOverride>();
  for (const o of center.overrides ?? []) {
    if (!isCivilDate(o.date))
      throw new CoreError('INVALID_DATE', `日历设置中的日期不正确：${String(o.date)}`, { date: o.date });
    overrides.set(o.date, o);
  }
  const centerYears = new Map<number, { holidays: Map<CivilDate, string>; workdays: Map<CivilDate, string> }>();
  for (const [y, cal] of Object.entries(center.years ?? {})) {
    const year = Number(y);
    const holidays = new Map(cal.holidays.map((h) => [h.date, h.name] as const));
    const workdays = new Map(cal.makeupWorkdays.map((h) => [h.date, h.name] as const));
    for (const d of [...holidays.keys(), ...workdays.keys()]) {
      if (!isCivilDate(d) || yearOf(d) !== year)
        throw new CoreError('INVALID_DATE', `${year}年日历中的日期不正确：${String(d)}`, { date: d, year });
    }
    centerYears.set(year, { holidays, workdays });
  }
  const regionalYears = new Set([...overrides.values()].filter((o) => o.regional).map((o) => yearOf(o.date)));

  const hasYear = (year: number) => STATUTORY_YEARS.has(year) || centerYears.has(year);

  // a calendar is immutable once built, so each day is worked out once
  const known = new Map<CivilDate, DayInfo>();

  function dayInfo(date: CivilDate): DayInfo {
    let info = known.get(date);
    if (!info) {
      info = computeDayInfo(date);
      known.set(date, info);
    }
    return info;
  }

  function computeDayInfo(date: CivilDate): DayInfo {
    const o = overrides.get(date);
    if (o) return { date, working: o.working, kind: o.working ? 'center_workday' : 'center_holiday', name: o.name };
    const year = yearOf(date);
    const supplied = centerYears.get(year);
    let holiday: string | undefined;
    let makeup: string | undefined;
    // chinese-days first: once an update carries a year the center typed in, the published data wins
    if (STATUTORY_YEARS.has(year)) {
      holiday = STATUTORY.holidays[date] && chineseName(STATUTORY.holidays[date]);
      makeup = STATUTORY.workdays[date] && chineseName(STATUTORY.workdays[date]);
    } else if (supplied) {
      holiday = supplied.holidays.get(date);
      makeup = supplied.workdays.get(date);
    } else {
      throw new CoreError('CALENDAR_YEAR_MISSING', CALENDAR_MESSAGES.CALENDAR_YEAR_MISSING(year), { year });
    }
    if (holiday) return { date, working: false, kind: 'statutory_holiday', name: holiday };
    if (makeup) return { date, working: true, kind: 'makeup_workday', name: makeup };
    const wd = weekday(date);
    return wd === 0 || wd === 6
      ? { date, working: false, kind: 'weekend', name: null }
      : { date, working: true, kind: 'workday', name: null };
  }

  return {
    dayInfo,
    isWorkingDay: (date) => dayInfo(date).working,
    hasYear,
    years: () => [...new Set([...STATUTORY_YEARS, ...centerYears.keys()])].sort((a, b) => a - b),
    hasRegionalHolidays: (year) => regionalYears.has(year),
  };
}

/**
 * CivilDate strings sort like the days they name (zero-padded YYYY-MM-DD), so the loops below compare
 * them as strings instead of parsing each one again.
 */
function assertDate(date: CivilDate): void {
  if (!isCivilDate(date))
    throw new CoreError('INVALID_DATE', `日期格式不正确：${String(date)}（应为 YYYY-MM-DD）`, { date });
}

/** Ten years without a working day means the center's settings are broken, not that we should spin. */
const SEARCH_LIMIT_DAYS = 3660;

/** The first working day on or after `date` (inclusive) or strictly after it. */
export function nextWorkingDay(cal: WorkCalendar, date: CivilDate, inclusive = false): CivilDate {
  let d = inclusive ? date : addDays(date, 1);
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, d = addDays(d, 1)) {
    if (cal.isWorkingDay(d)) return d;
  }
  throw new CoreError('CALENDAR_NO_WORKING_DAY', CALENDAR_MESSAGES.CALENDAR_NO_WORKING_DAY, { from: date });
}

/**
 * The n-th working day after `date`, counting from the day after (行政许可法: 期限从次日起算). With
 * n = 0 the answer is the first working day on or after `date`: same-day matters (即办件) are due
 * that day, or the next working day when received on a rest day.
 */
export function addWorkingDays(cal: WorkCalendar, date: CivilDate, n: number): CivilDate {
  assertCount(n);
  if (n === 0) return nextWorkingDay(cal, date, true);
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(cal, d);
  return d;
}

/** Working days in (from, to]: how many working days pass after `from` up to and including `to`. */
export function workingDaysBetween(cal: WorkCalendar, from: CivilDate, to: CivilDate): number {
  assertDate(to);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) count++;
  return count;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new CoreError('INVALID_TIME_LIMIT', `时限应为非负整数个工作日：${n}`, { n });
}

// ─── Deadline clocks: 承诺时限 with 补正 and 中止 pauses ──────────────────────────────────────────

export type PauseKind = 'materials' | 'suspension';

/**
 * A pause stops the clock: the days after `from` up to and including `until` do not count, so the
 * count restarts the day after the materials arrive (or the case is resumed). `until` is null while
 * the pause lasts. The day the pause begins still counts: the window worked on the case that day.
 */
export interface ClockPause {
  kind: PauseKind;
  from: CivilDate;
  until: CivilDate | null;
}

export interface DeadlineClock {
  /** the day the count starts after (a rest-day receipt moved to the next working day, per settings) */
  receivedOn: CivilDate;
  receivedAt: Date;
  limitWorkingDays: number;
  /** added by 延长服务时限 */
  extraWorkingDays: number;
  pauses: ClockPause[];
}

export function startClock(
  cal: WorkCalendar,
  receivedAt: Date,
  limitWorkingDays: number,
  settings: CalendarSettings = DEFAULT_SETTINGS.calendar,
): DeadlineClock {
  assertCount(limitWorkingDays);
  const day = beijingDate(receivedAt);
  const receivedOn = settings.nonWorkingDayReceipt === 'next_working_day' ? nextWorkingDay(cal, day, true) : day;
  return { receivedOn, receivedAt, limitWorkingDays, extraWorkingDays: 0, pauses: [] };
}

export function isPaused(clock: DeadlineClock): boolean {
  return clock.pauses.some((p) => p.until === null);
}

export function pauseClock(clock: DeadlineClock, at: Date, kind: PauseKind): DeadlineClock {
  if (isPaused(clock)) return clock;
  return { ...clock, pauses: [...clock.pauses, { kind, from: beijingDate(at), until: null }] };
}

export function resumeClock(clock: DeadlineClock, at: Date): DeadlineClock {
  const day = beijingDate(at);
  return {
    ...clock,
    pauses: clock.pauses.map((p) => (p.until === null ? { ...p, until: day < p.from ? p.from : day } : p)),
  };
}

export function extendClock(clock: DeadlineClock, extraWorkingDays: number): DeadlineClock {
  assertCount(extraWorkingDays);
  return { ...clock, extraWorkingDays: clock.extraWorkingDays + extraWorkingDays };
}

function inPause(clock: DeadlineClock, date: CivilDate): boolean {
  return clock.pauses.some((p) => date > p.from && (p.until === null || date <= p.until));
}

/** Working days of a clock that counted in (receivedOn, to]. */
export function usedWorkingDays(cal: WorkCalendar, clock: DeadlineClock, to: CivilDate): number {
  assertDate(to);
  let count = 0;
  for (let d = addDays(clock.receivedOn, 1); d <= to; d = addDays(d, 1))
    if (!inPause(clock, d) && cal.isWorkingDay(d)) count++;
  return count;
}

/**
 * The due date: the day the limit's last working day falls on, skipping paused days. Null while the
 * clock is paused and the limit was not already reached before the pause (it depends on when the
 * pause ends).
 */
export function dueDate(cal: WorkCalendar, clock: DeadlineClock): CivilDate | null {
  const total = clock.limitWorkingDays + clock.extraWorkingDays;
  if (total === 0) return nextWorkingDay(cal, clock.receivedOn, true);
  const open = clock.pauses.find((p) => p.until === null);
  let counted = 0;
  let d = clock.receivedOn;
  for (let i = 0; i < SEARCH_LIMIT_DAYS * 2; i++) {
    d = addDays(d, 1);
    if (open && d > open.from) return null;
    if (!inPause(clock, d) && cal.isWorkingDay(d)) counted++;
    if (counted === total) return d;
  }
  throw new CoreError('CALENDAR_NO_WORKING_DAY', CALENDAR_MESSAGES.CALENDAR_NO_WORKING_DAY, { from: clock.receivedOn });
}

export const WARNING_LEVELS = ['on_track', 'due_soon', 'overdue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = {
  on_track: '正常',
  due_soon: '即将到期',
  overdue: '已超期',
};

export interface ClockStatus {
  level: WarningLevel;
  paused: boolean;
  due: CivilDate | null;
  /** working days left after today up to the due date; negative = working days overdue */
  remainingWorkingDays: number;
}

/** How a deadline stands on a Beijing day: overdue after the due day, due soon within the threshold. */
export function deadlineLevel(
  cal: WorkCalendar,
  today: CivilDate,
  due: CivilDate,
  settings: CalendarSettings = DEFAULT_SETTINGS.calendar,
): { level: WarningLevel; remainingWorkingDays: number } {
  assertDate(today);
  assertDate(due);
  if (due < today) return { level: 'overdue', remainingWorkingDays: 0 - workingDaysBetween(cal, due, today) };
  const remaining = workingDaysBetween(cal, today, due);
  return {
    level: remaining <= settings.dueSoonWithinWorkingDays ? 'due_soon' : 'on_track',
    remainingWorkingDays: remaining,
  };
}

export function clockStatus(
  cal: WorkCalendar,
  clock: DeadlineClock,
  now: Date,
  settings: CalendarSettings = DEFAULT_SETTINGS.calendar,
): ClockStatus {
  const today = beijingDate(now);
  const paused = isPaused(clock);
  const due = dueDate(cal, clock);
  if (due) return { paused, due, ...deadlineLevel(cal, today, due, settings) };
  // paused before the limit was reached: nothing runs, what is left is what was left at the pause
  const open = clock.pauses.find((p) => p.until === null)!;
  const remaining = clock.limitWorkingDays + clock.extraWorkingDays - usedWorkingDays(cal, clock, open.from);
  return {
    paused,
    due: null,
    level: remaining <= settings.dueSoonWithinWorkingDays ? 'due_soon' : 'on_track',
    remainingWorkingDays: remaining,
  };
}

// ─── Readiness: say early that a calendar is missing ─────────────────────────────────────────────

export interface CalendarWarning {
  code: 'CALENDAR_YEAR_MISSING' | 'REGIONAL_HOLIDAYS_MISSING';
  year: number;
  message: string;
}

/**
 * What the center must enter before deadlines can be trusted: each year from today to the horizon
 * (settings.warnMissingYearWithinDays ahead) must have a calendar, and, when required, Xinjiang's
 * regional holidays.
 */
export function calendarWarnings(
  cal: WorkCalendar,
  now: Date,
  settings: CalendarSettings = DEFAULT_SETTINGS.calendar,
): CalendarWarning[] {
  const today = beijingDate(now);
  const first = yearOf(today);
  const last = yearOf(addDays(today, settings.warnMissingYearWithinDays));
  const warnings: CalendarWarning[] = [];
  for (let year = first; year <= last; year++) {
    if (!cal.hasYear(year))
      warnings.push({ code: 'CALENDAR_YEAR_MISSING', year, message: CALENDAR_MESSAGES.CALENDAR_YEAR_MISSING(year) });
    else if (settings.requireRegionalHolidays && !cal.hasRegionalHolidays(year))
      warnings.push({
        code: 'REGIONAL_HOLIDAYS_MISSING',
        year,
        message: CALENDAR_MESSAGES.REGIONAL_HOLIDAYS_MISSING(year),
      });
  }
  return warnings;
}
