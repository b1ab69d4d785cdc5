import { addDays, daysBetween, isCivilDate, weekday, yearOf, type CivilDate } from './beijing-time';
import type { HolidayPeriod, NamedDay } from './holiday-notice';
import { statutoryYear, type CenterCalendar, type YearCalendar } from './calendar';
import { allow, refuse, type Decision } from './result';

/**
 * A year's State Council calendar (国务院办公厅关于某年部分节假日安排的通知) entered by the center when
 * chinese-days does not carry it yet. The notice is written as periods ("春节：2月5日至13日放假调休，
 * 共9天。2月14日（周日）上班。"), so that is what the administrator types or pastes; the calendar
 * itself wants single days, so the periods are expanded here, checked, and never guessed.
 */

export interface YearCalendarEntry {
  year: number;
  periods: HolidayPeriod[];
  makeupWorkdays: NamedDay[];
}

export type YearCalendarCode = 'CALENDAR_YEAR_BUILT_IN' | 'CALENDAR_YEAR_OUT_OF_RANGE' | 'CALENDAR_ENTRY_INVALID';

/** The longest holiday period in any notice is 春节's 8–9 days; a longer one is a typing error. */
export const MAX_PERIOD_DAYS = 12;

/**
 * Checks an entered year and expands it into the calendar's days. Refused: a year chinese-days
 * already carries (the center adjusts single days of those instead), a year outside this one and the
 * next two, and anything a notice would never say (a period ending before it starts or longer than
 * MAX_PERIOD_DAYS, overlapping periods, a make-up working day that is not a weekend day or falls
 * inside a holiday, a year with no holiday at all).
 */
export function buildYearCalendar(
  entry: YearCalendarEntry,
  today: CivilDate,
): Decision<YearCalendar, YearCalendarCode> {
  const { year } = entry;
  if (statutoryYear(year))
    return refuse(
      'CALENDAR_YEAR_BUILT_IN',
      `${year}年的法定节假日已内置（国务院办公厅通知），无需录入；个别日期请用“节假日调整”`,
      {
        year,
      },
    );
  const thisYear = yearOf(today);
  if (!Number.isInteger(year) || year < thisYear || year > thisYear + 2)
    return refuse('CALENDAR_YEAR_OUT_OF_RANGE', `只能录入${thisYear}年至${thisYear + 2}年的安排`, { year });
  const problems: string[] = [];
  const inYear = (d: string) => isCivilDate(d) && yearOf(d) === year;
  const holidays: NamedDay[] = [];
  const taken = new Map<CivilDate, string>();
  if (entry.periods.length === 0) problems.push('至少录入一个放假安排（如元旦、春节）');
  for (const p of entry.periods) {
    const name = p.name.trim();
    if (!name) problems.push(`${p.from} 起的放假安排没有名称`);
    if (!inYear(p.from) || !inYear(p.to)) {
      problems.push(`${name || '放假安排'}的日期应在${year}年内`);
      continue;
    }
    const span = daysBetween(p.from, p.to) + 1;
    if (span < 1) problems.push(`${name}：结束日期早于开始日期`);
    else if (span > MAX_PERIOD_DAYS) problems.push(`${name}：放假${span}天，超过${MAX_PERIOD_DAYS}天，请核对日期`);
    else
      for (let d = p.from; d <= p.to; d = addDays(d, 1)) {
        const other = taken.get(d);
        if (other) problems.push(`${d} 同时属于${other}和${name}`);
        taken.set(d, name);
        holidays.push({ date: d, name });
      }
  }
  const makeups = new Map<CivilDate, string>();
  for (const m of entry.makeupWorkdays) {
    if (!inYear(m.date)) problems.push(`调休上班日 ${m.date} 应在${year}年内`);
    else if (weekday(m.date) !== 0 && weekday(m.date) !== 6) problems.push(`调休上班日 ${m.date} 不是周六或周日`);
    else if (taken.has(m.date)) problems.push(`${m.date} 既是放假日又是调休上班日`);
    else makeups.set(m.date, m.name.trim() || '调休上班');
  }
  if (problems.length > 0)
    return refuse('CALENDAR_ENTRY_INVALID', [...new Set(problems)].join('；'), { problems: [...new Set(problems)] });
  return allow({
    holidays: holidays.sort((a, b) => a.date.localeCompare(b.date)),
    makeupWorkdays: [...makeups].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date)),
  });
}

/** Consecutive days off with the same name, as the notice states them. */
export function holidayPeriods(cal: YearCalendar): HolidayPeriod[] {
  const out: HolidayPeriod[] = [];
  for (const h of [...cal.holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = out[out.length - 1];
    if (last && last.name === h.name && addDays(last.to, 1) === h.date) last.to = h.date;
    else out.push({ name: h.name, from: h.date, to: h.date });
  }
  return out;
}

export interface CalendarYearView {
  year: number;
  /** built_in: chinese-days (the State Council's notice); center: entered here; missing: nobody yet */
  source: 'built_in' | 'center' | 'missing';
  periods: HolidayPeriod[];
  makeupWorkdays: NamedDay[];
}

/** This year and the next two, as the settings screen shows them. */
export function calendarYearsView(center: CenterCalendar, today: CivilDate): CalendarYearView[] {
  const first = yearOf(today);
  return [first, first + 1, first + 2].map((year) => {
    const builtIn = statutoryYear(year);
    const entered = center.years?.[year];
    const cal = builtIn ?? entered ?? null;
    return {
      year,
      source: builtIn ? 'built_in' : entered ? 'center' : 'missing',
      periods: cal ? holidayPeriods(cal) : [],
      makeupWorkdays: cal ? cal.makeupWorkdays : [],
    };
  });
}
