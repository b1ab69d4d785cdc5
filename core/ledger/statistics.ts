import { CATEGORY_LABELS, type Category } from '../scope';
import { periodLabel, type Period } from './periods';
import type { LedgerCounters, ReasonKind } from './rows';

// ─── Statistics ──────────────────────────────────────────────────────────────────────────────────

export const LEDGER_DIMENSIONS = ['period', 'category', 'unit', 'agent'] as const;
export type LedgerDimension = (typeof LEDGER_DIMENSIONS)[number];
export const LEDGER_DIMENSION_LABELS: Record<LedgerDimension, string> = {
  period: '按期间',
  category: '按事项类别',
  unit: '按责任单位',
  agent: '按帮代办员',
};

/** The row field each dimension groups by (the period's by the period granularity). */
export function dimensionField(by: LedgerDimension, period: Period, side: 'rk' | 'ek' | 'ak'): string {
  switch (by) {
    case 'period':
      return `${side}.${period}`;
    case 'category':
      return 'category';
    case 'unit':
      return 'unitId';
    case 'agent':
      return 'agentId';
  }
}

export interface LedgerCounts {
  /** 受理件数: cases accepted in the period (the row's `ak`), not submissions */
  received: number;
  finished: number;
  terminated: number;
  refused: number;
  timed: number;
  onTime: number;
  usedDays: number;
  rated: number;
  satisfied: number;
  bad: number;
  calledBack: number;
  calledBackOnTime: number;
  rectified: number;
  rectifiedOnTime: number;
}

export interface LedgerFigures extends LedgerCounts {
  /** shares in [0, 1], null when there is nothing to divide by */
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  satisfactionRate: number | null;
  callBackRate: number | null;
  callBackOnTimeRate: number | null;
  rectificationRate: number | null;
  rectificationOnTimeRate: number | null;
}

const ratio = (a: number, b: number, digits = 4) => (b > 0 ? Math.round((a / b) * 10 ** digits) / 10 ** digits : null);

export function figures(c: LedgerCounts): LedgerFigures {
  return {
    ...c,
    onTimeRate: ratio(c.onTime, c.timed),
    averageWorkingDays: ratio(c.usedDays, c.timed, 1),
    satisfactionRate: ratio(c.satisfied, c.rated),
    callBackRate: ratio(c.calledBack, c.bad),
    callBackOnTimeRate: ratio(c.calledBackOnTime, c.bad),
    rectificationRate: ratio(c.rectified, c.bad),
    rectificationOnTimeRate: ratio(c.rectifiedOnTime, c.bad),
  };
}

export const EMPTY_COUNTS: LedgerCounts = {
  received: 0,
  finished: 0,
  terminated: 0,
  refused: 0,
  timed: 0,
  onTime: 0,
  usedDays: 0,
  rated: 0,
  satisfied: 0,
  bad: 0,
  calledBack: 0,
  calledBackOnTime: 0,
  rectified: 0,
  rectifiedOnTime: 0,
};
const FROM_COUNTER: Record<keyof LedgerCounters, Exclude<keyof LedgerCounts, 'received'>> = {
  fin: 'finished',
  ter: 'terminated',
  ref: 'refused',
  timed: 'timed',
  onTime: 'onTime',
  used: 'usedDays',
  rated: 'rated',
  sat: 'satisfied',
  bad: 'bad',
  cb: 'calledBack',
  cbOnTime: 'calledBackOnTime',
  rect: 'rectified',
  rectOnTime: 'rectifiedOnTime',
};

export interface GroupedReceived {
  _id: string | null;
  received: number;
  label?: string | null;
}
export type GroupedEnded = { _id: string | null; label?: string | null } & Partial<
  Record<keyof LedgerCounters, number>
>;

export interface StatisticsLine extends LedgerFigures {
  key: string | null;
  label: string;
}

/**
 * Joins the two aggregation answers (received by the period a case was accepted in; the rest by the
 * period it ended in) into one line per key, in `order` when given (a period series keeps its empty
 * periods), else by received then key. `labelOf` names a key (a unit, an agent, a month).
 */
export function statisticsLines(
  received: readonly GroupedReceived[],
  ended: readonly GroupedEnded[],
  labelOf: (key: string | null, seen: string | null) => string,
  order?: readonly string[],
): { lines: StatisticsLine[]; total: StatisticsLine } {
  const byKey = new Map<string | null, { counts: LedgerCounts; seen: string | null }>();
  const slot = (key: string | null, seen?: string | null) => {
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { counts: { ...EMPTY_COUNTS }, seen: null }));
    if (seen && !s.seen) s.seen = seen;
    return s;
  };
  for (const k of order ?? []) slot(k);
  for (const r of received) slot(r._id, r.label).counts.received += r.received;
  for (const e of ended) {
    const s = slot(e._id, e.label);
    for (const [counter, field] of Object.entries(FROM_COUNTER) as [
      keyof LedgerCounters,
      Exclude<keyof LedgerCounts, 'received'>,
    ][])
      s.counts[field] += Number(e[counter] ?? 0);
  }
  let keys = [...byKey.keys()];
  if (order) keys = [...order, ...keys.filter((k) => !order.includes(k as string))];
  else
    keys.sort(
      (a, b) => byKey.get(b)!.counts.received - byKey.get(a)!.counts.received || String(a).localeCompare(String(b)),
    );
  const total = { ...EMPTY_COUNTS };
  const lines = keys.map((k) => {
    const s = byKey.get(k)!;
    for (const f of Object.keys(total) as (keyof LedgerCounts)[]) total[f] += s.counts[f];
    return { key: k, label: labelOf(k, s.seen), ...figures(s.counts) };
  });
  return { lines, total: { key: null, label: '合计', ...figures(total) } };
}

/** Top reasons per kind from a `$unwind` + `$group` answer: the common problems of §五(六). */
export function topReasons(
  grouped: readonly { _id: { k: string; v: string }; n: number }[],
  perKind = 5,
): Record<ReasonKind, { reason: string; count: number }[]> {
  const out = { refusal: [], termination: [], bad: [] } as Record<ReasonKind, { reason: string; count: number }[]>;
  const sorted = [...grouped].sort((a, b) => b.n - a.n || a._id.v.localeCompare(b._id.v));
  for (const g of sorted) {
    const list = out[g._id.k as ReasonKind];
    if (list && list.length < perKind) list.push({ reason: g._id.v, count: g.n });
  }
  return out;
}

export function dimensionLabel(by: LedgerDimension, period: Period, key: string | null, seen: string | null): string {
  if (key === null || key === '') return by === 'agent' ? '未分派' : '未知';
  if (by === 'period') return periodLabel(period, key);
  if (by === 'category') return CATEGORY_LABELS[key as Category] ?? key;
  return seen ?? key;
}
