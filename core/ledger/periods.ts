import { addDays, type CivilDate, weekday } from '../beijing-time';

// ─── Periods ─────────────────────────────────────────────────────────────────────────────────────

export const PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<Period, string> = { week: '周', month: '月', quarter: '季度', year: '年' };
export type PeriodKeys = Record<Period, string>;

/** ISO 8601 week of a Beijing calendar day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: CivilDate): string {
  const thursday = addDays(date, 3 - ((weekday(date) + 6) % 7));
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function dayOfYear(date: CivilDate): number {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  const d = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((d - start) / 86_400_000) + 1;
}

/** The week, month, quarter and year a Beijing day belongs to: '2026-W48', '2026-11', '2026-Q4', '2026'. */
export function periodKeys(date: CivilDate): PeriodKeys {
  const month = Number(date.slice(5, 7));
  return {
    week: isoWeek(date),
    month: date.slice(0, 7),
    quarter: `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`,
    year: date.slice(0, 4),
  };
}

export const PERIOD_KEY_PATTERNS: Record<Period, RegExp> = {
  week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** The first Beijing day of a period. */
export function periodStart(period: Period, key: string): CivilDate {
  const y = key.slice(0, 4);
  switch (period) {
    case 'year':
      return `${y}-01-01`;
    case 'quarter':
      return `${y}-${String((Number(key.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    case 'month':
      return `${key}-01`;
    case 'week': {
      // Monday of ISO week 1 is the Monday on or before 4 January
      const jan4 = `${y}-01-04`;
      const monday1 = addDays(jan4, -((weekday(jan4) + 6) % 7));
      return addDays(monday1, (Number(key.slice(6)) - 1) * 7);
    }
  }
}

/** The `count` periods ending with `key`, oldest first (a chart's x axis). */
export function periodSeries(period: Period, key: string, count: number): string[] {
  const keys = [key];
  let day = periodStart(period, key);
  while (keys.length < count) {
    day = addDays(day, -1);
    const k = periodKeys(day)[period];
    keys.unshift(k);
    day = periodStart(period, k);
  }
  return keys;
}

export function periodLabel(period: Period, key: string): string {
  switch (period) {
    case 'year':
      return `${key}年`;
    case 'quarter':
      return `${key.slice(0, 4)}年第${key.slice(6)}季度`;
    case 'month':
      return `${key.slice(0, 4)}年${Number(key.slice(5))}月`;
    case 'week':
      return `${key.slice(0, 4)}年第${Number(key.slice(6))}周`;
  }
}

/** The Beijing days a period covers, first and last inclusive (database range filters use them). */
export function periodRange(period: Period, key: string): { from: CivilDate; to: CivilDate } {
  const from = periodStart(period, key);
  const step = { week: 7, month: 31, quarter: 92, year: 366 }[period];
  const next = periodKeys(addDays(from, step))[period];
  return { from, to: addDays(periodStart(period, next), -1) };
}

/** The period a Beijing day is in. */
export function periodOf(period: Period, date: CivilDate): string {
  return periodKeys(date)[period];
}
