import { COLL, type CollectionName } from '../shared/db';
import { z } from 'zod';
import {
  addDays,
  beijingDate,
  beijingInstant,
  CATEGORIES,
  CATEGORY_LABELS,
  dimensionField,
  dimensionLabel,
  LEDGER_COUNTERS,
  LEDGER_DIMENSION_LABELS,
  LEDGER_DIMENSIONS,
  LEDGER_OUTCOME_LABELS,
  listScope,
  maskPersonalDataInText,
  PERIOD_KEY_PATTERNS,
  PERIOD_LABELS,
  periodLabel,
  periodOf,
  periodRange,
  PERIODS,
  REASON_KINDS,
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
  type BadRatingCase,
  type Period,
  type Rating,
  type Settings,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import { loadSettings } from '../shared/config';
import { actorOf, type CaseDoc } from '../shared/cases';
import { loadCalendar } from '../shared/config';
import { putLedgerRow } from '../shared/ledger';
import { refreshPendingLedger } from '../shared/effects';
import type { Database } from '../shared/cloud';

/**
 * 台账 (§五(六)): statistics, rows for drill-down, and the .xlsx a county reports upward. Everything
 * is computed by database aggregation over the `ledger` collection (see shared/ledger.ts for why a
 * collection of its own): `match` on an indexed date range and the caller's scope, then `group`
 * summing each row's counters. A function never loads the cases to count them.
 * Leaders see their unit, the center everything; applicants and agents are refused (`ledger.view`).
 */

const SERIES_LENGTH: Record<Period, number> = { week: 12, month: 12, quarter: 8, year: 5 };
export const EXPORT_MAX_ROWS = 20_000;
const id = z.string().trim().min(1).max(64);

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
type PeriodInput = z.infer<typeof periodInput>;

interface Scope {
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
const SERIES_COUNTERS = ['fin', 'timed', 'onTime', 'used', 'rated', 'sat', 'bad'] as const;

/**
 * received, i.e. 受理件数 (by the period a case was accepted in: a submission refused, withdrawn or
 * not yet accepted is not 受理), and the rest (by the period it ended in), grouped by one field.
 * Matching on the period keys (equality or $in on an indexed field, ak.month etc.) lets the
 * database use an index for the leading $match.
 */
async function grouped(
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

async function reasonsIn(db: Database, where: Record<string, unknown>, period: Period, key: string) {
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

const count = z.number();
const rate = z.number().nullable();
/** One line of figures (core StatisticsLine): the counts, the shares in [0, 1] (null: nothing to divide by). */
const statisticsLineSchema = z.object({
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
function rowView(r: LedgerRow, viewer: Actor, settings: Settings, now: Date, units: Record<string, string>) {
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

function rowsFilter(
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

export const actions = {
  statistics: action({
    summary:
      '台账统计（§五(六)）：按周/月/季度/年，按事项类别、责任单位、帮代办员或期间：受理（该期间受理的件数，不含未受理的申请）、办结、终止、不予受理件数，按时办结率，平均办理工作日，满意率（非常满意+满意+基本满意），差评件数、回访率、整改率，常见不予受理/终止/差评原因；近若干期趋势。由数据库聚合计算。责任领导看本单位，政务服务中心看全部',
    roles: ['leader', 'center'],
    input: periodInput.and(z.object({ by: z.enum(LEDGER_DIMENSIONS).default('category') })),
    output: z.object({
      period: z.enum(PERIODS),
      key: z.string(),
      label: z.string(),
      by: z.enum(LEDGER_DIMENSIONS),
      range: z.object({ from: z.string(), to: z.string() }),
      series: z.array(statisticsLineSchema),
      breakdown: z.array(statisticsLineSchema),
      total: statisticsLineSchema,
      reasons: z.record(z.enum(REASON_KINDS), z.array(z.object({ reason: z.string(), count: z.number() }))),
      prevKey: z.string().nullable(),
      nextKey: z.string().nullable(),
      unit: z.object({ unitId: z.string(), name: z.string() }).nullable(),
      options: z.object({
        periods: z.array(z.object({ value: z.enum(PERIODS), label: z.string() })),
        dimensions: z.array(z.object({ value: z.enum(LEDGER_DIMENSIONS), label: z.string() })),
        units: z.array(z.object({ unitId: z.string(), name: z.string() })),
      }),
    }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      const scope = scopeOf(ctx, input);
      const key = keyOf(input, ctx.now);
      // current figures: cases still waiting for the notify timer are counted now, not in ten minutes
      await refreshPendingLedger(ctx.db, ctx.transaction, ctx.now, scope.where);
      const [stats, units] = await Promise.all([
        computeStatistics(ctx.db, scope, input.period, key, input.by),
        unitList(ctx.db),
      ]);
      const center = ctx.caller.staff?.role === 'center';
      const next = periodOf(input.period, addDays(stats.range.to, 1));
      return {
        period: input.period,
        key,
        label: periodLabel(input.period, key),
        by: input.by,
        ...stats,
        // for the page's ‹ › buttons; nothing after the period we are in
        prevKey: stats.series.length > 1 ? stats.series[stats.series.length - 2].key : null,
        nextKey: periodRange(input.period, next).from <= beijingDate(ctx.now) ? next : null,
        unit: scope.unitId
          ? { unitId: scope.unitId, name: units.find((u) => u.unitId === scope.unitId)?.name ?? scope.unitId }
          : null,
        options: {
          periods: PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] })),
          dimensions: LEDGER_DIMENSIONS.map((d) => ({ value: d, label: LEDGER_DIMENSION_LABELS[d] })),
          units: center ? units : [],
        },
      };
    },
  }),

  rows: action({
    summary:
      '台账明细（查看统计数字背后的案件）：某期间、某统计项（受理/办结/终止/不予受理/超时/差评）、某维度取值的案件；申请人已脱敏；中心设置隐藏评价人时，处理结束前不显示评价',
    roles: ['leader', 'center'],
    input: periodInput.and(
      z.object({
        measure: z.enum(MEASURES).default('received'),
        by: z.enum(LEDGER_DIMENSIONS).optional(),
        dimKey: z.string().trim().max(64).nullable().optional(),
        limit: z.number().int().min(1).max(50).default(20),
        offset: z.number().int().min(0).max(5000).default(0),
      }),
    ),
    output: z.object({
      items: z.array(
        z.object({
          caseId: z.string(),
          caseNo: z.string(),
          categoryLabel: z.string(),
          matter: z.string(),
          applicant: z.string(),
          unitName: z.string(),
          agentName: z.string(),
          receivedOn: z.string().nullable(),
          endedOn: z.string().nullable(),
          limitDays: z.number().nullable(),
          usedDays: z.number().nullable(),
          onTimeLabel: z.string(),
          departments: z.array(z.string()),
          outcomeLabel: z.string(),
          ratingLabel: z.string(),
          badLabel: z.string(),
        }),
      ),
      total: z.number(),
      measureLabel: z.string(),
      label: z.string(),
    }),
    errors: ['FORBIDDEN', 'INVALID_INPUT'],
    async run(ctx, input) {
      const scope = scopeOf(ctx, input);
      const key = keyOf(input, ctx.now);
      const where = rowsFilter(ctx.db, scope, input, key);
      await refreshPendingLedger(ctx.db, ctx.transaction, ctx.now, scope.where);
      const [page, total, settings, units] = await Promise.all([
        ctx.db
          .collection(COLL.ledger)
          .where(where)
          .orderBy('receivedOn', 'desc')
          .skip(input.offset)
          .limit(input.limit)
          .get(),
        ctx.db.collection(COLL.ledger).where(where).count(),
        loadSettings(ctx.db),
        unitList(ctx.db),
      ]);
      const names = Object.fromEntries(units.map((u) => [u.unitId, u.name]));
      const viewer = actorOf(ctx.caller);
      return {
        items: (page.data as LedgerRow[]).map((r) => rowView(r, viewer, settings, ctx.now, names)),
        total: total.total,
        measureLabel: MEASURE_LABELS[input.measure],
        label:
          input.by === 'period' && input.dimKey
            ? periodLabel(input.period, input.dimKey)
            : periodLabel(input.period, key),
      };
    },
  }),

  rebuild: action({
    summary:
      '重建台账行（中心管理员；上线台账前已有案件的环境用）：按案件编号顺序每次处理一批（一个事务：读取案件、评价和差评并写入台账行）；返回下一批的起点',
    roles: ['center'],
    input: z.object({
      after: z.string().trim().max(64).default(''),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    output: z.object({ processed: z.number(), next: z.string().nullable() }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      if (ctx.caller.staff?.admin !== true) throw new AppError('FORBIDDEN', '只有政务服务中心管理员可以重建台账');
      const _ = ctx.db.command;
      const [cal, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db)]);
      const { data } = await ctx.db
        .collection(COLL.cases)
        .where({ _id: _.gt(input.after) })
        .orderBy('_id', 'asc')
        .field({ _id: true })
        .limit(input.limit)
        .get();
      const read = <T>(t: Parameters<Parameters<typeof ctx.transaction>[0]>[0], coll: CollectionName, id: string) =>
        t
          .collection(coll)
          .doc(id)
          .get()
          .then(
            (r) => (r.data as T) ?? null,
            () => null,
          );
      // one transaction for the batch: a live change to one of these cases comes before or after it, never half
      await ctx.transaction(async (t) => {
        for (const { _id } of data) {
          const id = String(_id);
          const c = await read<CaseDoc>(t, COLL.cases, id);
          if (!c) continue;
          const rating = await read<Rating>(t, COLL.ratings, id);
          const bads = (
            await Promise.all([
              read<BadRatingCase>(t, COLL.badRatings, `${id}-0`),
              read<BadRatingCase>(t, COLL.badRatings, `${id}-1`),
            ])
          ).filter((b): b is BadRatingCase => !!b);
          await putLedgerRow(t, c, rating, bads, cal, ctx.now, settings);
        }
      });
      return { processed: data.length, next: data.length === input.limit ? String(data[data.length - 1]._id) : null };
    },
  }),
} satisfies ActionTable<Database>;
