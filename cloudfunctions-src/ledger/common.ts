import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  beijingDate,
  beijingInstant,
  CATEGORIES,
  CATEGORY_LABELS,
  dimensionField,
  dimensionLabel,
  LEDGER_COUNTERS,
  LEDGER_OUTCOME_LABELS,
  listScope,
  maskPersonalDataInText,
  PERIOD_KEY_PATTERNS,
  PERIOD_LABELS,
  periodLabel,
  periodOf,
  periodRange,
  PERIODS,
  periodSeries,
  RATING_LEVEL_LABELS,
  ratingVisibleTo,
  statisticsLines,
  topReasons,
  BAD_RATING_STATE_LABELS,
  type Actor,
  type GroupedEnded,
  type GroupedReceived,
  type LedgerDimension,
  type LedgerRow,
  type Period,
  type Settings,
} from '../../core';
import { AppError, type ActionContext } from '../shared/action';
import { actorOf } from '../shared/cases';
import type { Database } from '../shared/cloud';

/**
 * 台账 (§五(六)): statistics, rows for drill-down, and the .xlsx a county reports upward. Everything
 * is computed by database aggregation over the `ledger` collection (see shared/ledger.ts for why a
 * collection of its own): `match` on an indexed date range and the caller's scope, then `group`
 * summing each row's counters. A function never loads the cases to count them.
 * Leaders see their unit, the center everything; applicants and agents are refused (`ledger.view`).
 */

export const SERIES_LENGTH: Record<Period, number> = { week: 12, month: 12, quarter: 8, year: 5 };
export const EXPORT_MAX_ROWS = 20_000;
export const id = z.string().trim().min(1).max(64);

export const periodInput = z
  .object({
    period: z.enum(PERIODS).default('month'),
    /** '2026-W48', '2026-11', '2026-Q4', '2026'; default: the period of today (Beijing) */
    key: z.string().trim().max(8).optional(),
    unitId: id.optional(),
    category: z.enum(CATEGORIES).optional(),
    agentId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.key && !PERIOD_KEY_PATTERNS[v.period].test(v.key))
      ctx.addIssue({ code: 'custom', path: ['key'], message: `期间格式不正确（${PERIOD_LABELS[v.period]}）` });
  });
export type PeriodInput = z.infer<typeof periodInput>;

export interface Scope {
  /** the match every query starts with */
  where: Record<string, unknown>;
  unitId: string | null;
}

/** The caller's part of the ledger: a leader's unit, the center's all (optionally narrowed). */
export function scopeOf(ctx: ActionContext<Database>, input: PeriodInput): Scope {
  const actor = actorOf(ctx.caller);
  const scope = listScope(actor, 'ledger.view');
  if (!scope) throw new AppError('FORBIDDEN', '只有责任领导和政务服务中心可以查看台账');
  const unitId = scope.scope === 'unit' ? scope.key : (input.unitId ?? null);
  const where: Record<string, unknown> = {};
  if (unitId) where.unitId = unitId;
  if (input.category) where.category = input.category;
  if (input.agentId) where.agentId = input.agentId;
  return { where, unitId };
}

export function keyOf(input: PeriodInput, now: Date): string {
  return input.key ?? periodOf(input.period, beijingDate(now));
}

/** The series shows fewer figures than a breakdown: the trend chart reads these, and each sum costs a pass. */
export const SERIES_COUNTERS = ['fin', 'timed', 'onTime', 'used', 'rated', 'sat', 'bad'] as const;

/**
 * received, i.e. 受理件数 (by the period a case was accepted in: a submission refused, withdrawn or
 * not yet accepted is not 受理), and the rest (by the period it ended in), grouped by one field.
 * Matching on the period keys (equality or $in on an indexed field, ak.month etc.) lets the
 * database use an index for the leading $match.
 */
export async function grouped(
  db: Database,
  where: Record<string, unknown>,
  period: Period,
  keys: string[],
  by: LedgerDimension,
  counters: readonly string[] = LEDGER_COUNTERS,
) {
  const $ = db.command.aggregate;
  const nameField = by === 'unit' ? '$unitName' : by === 'agent' ? '$agentName' : null;
  const label = nameField ? { label: $.first(nameField) } : {};
  const sums = Object.fromEntries(counters.map((k) => [k, $.sum(`$n.${k}`)]));
  const inKeys = keys.length === 1 ? keys[0] : db.command.in(keys);
  const [received, ended] = await Promise.all([
    db
      .collection(COLL.ledger)
      .aggregate()
      .match({ [`ak.${period}`]: inKeys, ...where })
      .group({ _id: `$${dimensionField(by, period, 'ak')}`, received: $.sum(1), ...label })
      .end<GroupedReceived>(),
    db
      .collection(COLL.ledger)
      .aggregate()
      .match({ [`ek.${period}`]: inKeys, ...where })
      .group({ _id: `$${dimensionField(by, period, 'ek')}`, ...sums, ...label })
      .end<GroupedEnded>(),
  ]);
  return { received: received.list, ended: ended.list };
}

export async function reasonsIn(db: Database, where: Record<string, unknown>, period: Period, key: string) {
  const $ = db.command.aggregate;
  const r = await db
    .collection(COLL.ledger)
    .aggregate()
    .match({ [`ek.${period}`]: key, ...where, 'reasons.0': db.command.exists(true) })
    .project({ reasons: 1 })
    .unwind('$reasons')
    .group({ _id: { k: '$reasons.k', v: '$reasons.v' }, n: $.sum(1) })
    .sort({ n: -1 })
    .limit(100)
    .end<{ _id: { k: string; v: string }; n: number }>();
  return topReasons(r.list);
}

/** One period's figures by a dimension, the trend over the last periods, and the common problems. */
export async function computeStatistics(db: Database, scope: Scope, period: Period, key: string, by: LedgerDimension) {
  const range = periodRange(period, key);
  const seriesKeys = periodSeries(period, key, SERIES_LENGTH[period]);
  const [series, breakdown, reasons] = await Promise.all([
    // by period, the breakdown is the series: every counter then
    grouped(db, scope.where, period, seriesKeys, 'period', by === 'period' ? LEDGER_COUNTERS : SERIES_COUNTERS),
    by === 'period' ? null : grouped(db, scope.where, period, [key], by),
    reasonsIn(db, scope.where, period, key),
  ]);
  const trend = statisticsLines(series.received, series.ended, (k) => periodLabel(period, k ?? ''), seriesKeys);
  const current = trend.lines[trend.lines.length - 1];
  const parts = breakdown
    ? statisticsLines(breakdown.received, breakdown.ended, (k, seen) => dimensionLabel(by, period, k, seen))
    : trend;
  return {
    range,
    series: trend.lines,
    breakdown: parts.lines,
    total: breakdown ? parts.total : { ...current, label: '合计' },
    reasons,
  };
}

export async function unitList(db: Database) {
  const { data } = await db.collection(COLL.units).limit(200).get();
  return data.map((u) => ({ unitId: String(u._id), name: String(u.name) }));
}

export const count = z.number();
export const rate = z.number().nullable();
/** One line of figures (core StatisticsLine): the counts, the shares in [0, 1] (null: nothing to divide by). */
export const statisticsLineSchema = z.object({
  key: z.string().nullable(),
  label: z.string(),
  received: count,
  finished: count,
  terminated: count,
  refused: count,
  timed: count,
  onTime: count,
  usedDays: count,
  rated: count,
  satisfied: count,
  bad: count,
  calledBack: count,
  calledBackOnTime: count,
  rectified: count,
  rectifiedOnTime: count,
  onTimeRate: rate,
  averageWorkingDays: rate,
  satisfactionRate: rate,
  callBackRate: rate,
  callBackOnTimeRate: rate,
  rectificationRate: rate,
  rectificationOnTimeRate: rate,
});

export const MEASURES = ['received', 'finished', 'terminated', 'refused', 'late', 'bad'] as const;
export const MEASURE_LABELS: Record<(typeof MEASURES)[number], string> = {
  received: '受理',
  finished: '办结',
  terminated: '终止',
  refused: '不予受理',
  late: '超时办结',
  bad: '差评',
};

/** A ledger row as the drill-down list shows it (the applicant is already masked in the row). */
export function rowView(r: LedgerRow, viewer: Actor, settings: Settings, now: Date, units: Record<string, string>) {
  const rating = r.rating
    ? {
        at: beijingInstant(r.rating.on),
        followUp: r.rating.followUpLevel
          ? { level: r.rating.followUpLevel, dimensions: {}, tags: [], comment: null, at: now }
          : null,
      }
    : null;
  const shown = ratingVisibleTo(viewer.role, rating, r.badStates, now, settings);
  return {
    caseId: r._id,
    caseNo: r.caseNo,
    categoryLabel: CATEGORY_LABELS[r.category],
    matter: maskPersonalDataInText(r.matter),
    applicant: r.applicant,
    unitName: r.unitName,
    agentName: r.agentName ?? '未分派',
    receivedOn: r.receivedOn,
    endedOn: r.endedOn,
    limitDays: r.limitDays,
    usedDays: r.usedDays,
    onTimeLabel: r.onTime === null ? '' : r.onTime ? '按时' : '超时',
    departments: r.departments.map((d) => units[d] ?? d),
    outcomeLabel: LEDGER_OUTCOME_LABELS[r.outcome],
    ratingLabel: !r.rating
      ? '未评价'
      : shown
        ? `${RATING_LEVEL_LABELS[r.rating.level]}${r.rating.followUpLevel ? `，追评${RATING_LEVEL_LABELS[r.rating.followUpLevel]}` : ''}`
        : '已评价（处理结束后可见）',
    badLabel: shown
      ? r.badStates.map((s) => BAD_RATING_STATE_LABELS[s]).join('；')
      : r.badStates.length
        ? '有差评'
        : '',
  };
}

export function rowsFilter(
  db: Database,
  scope: Scope,
  input: PeriodInput & { measure: (typeof MEASURES)[number]; by?: LedgerDimension; dimKey?: string | null },
  key: string,
): Record<string, unknown> {
  const _ = db.command;
  let periodKey = key;
  const where: Record<string, unknown> = { ...scope.where };
  if (input.by && input.dimKey !== undefined) {
    if (input.by === 'period') {
      if (!input.dimKey || !PERIOD_KEY_PATTERNS[input.period].test(input.dimKey))
        throw new AppError('INVALID_INPUT', '期间格式不正确', { dimKey: '期间格式不正确' });
      periodKey = input.dimKey;
    } else if (input.by === 'category') where.category = input.dimKey;
    else if (input.by === 'unit') {
      // a leader's unit stays his: narrowing to another one finds nothing
      if (scope.unitId && input.dimKey !== scope.unitId) where.unitId = '-';
      else where.unitId = input.dimKey;
    } else where.agentId = input.dimKey ?? null;
  }
  const ak = `ak.${input.period}`;
  const ek = `ek.${input.period}`;
  switch (input.measure) {
    case 'received':
      return { [ak]: periodKey, ...where };
    case 'late':
      return { [ek]: periodKey, ...where, onTime: false };
    case 'bad':
      return { [ek]: periodKey, ...where, 'n.bad': _.gt(0) };
    default:
      return { [ek]: periodKey, ...where, outcome: input.measure };
  }
}
