const DAY_MS = 86400_000;

/** Beijing calendar day `offset` days from today, YYYY-MM-DD (the center keeps Beijing time). */
export const beijingDay = (offset: number) =>
  new Date(Date.now() + 8 * 3600_000 + offset * DAY_MS).toISOString().slice(0, 10);

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
export const dayLabel = (date: string, offset: number) =>
  `${offset === 0 ? '今天' : offset === 1 ? '明天' : `周${WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]}`} ${date.slice(5)}`;

export const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** How many days from today (Beijing) a YYYY-MM-DD date is: the desk's day tab to jump to. */
export const daysFromToday = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${beijingDay(0)}T00:00:00Z`)) / DAY_MS);

/** What the desk says after an action, and what went wrong (with the server's per-field words). */
export type DeskError = { text: string; fields: Record<string, string> };
