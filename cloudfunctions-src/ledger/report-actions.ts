import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  addDays,
  beijingDate,
  LEDGER_DIMENSION_LABELS,
  LEDGER_DIMENSIONS,
  PERIOD_LABELS,
  periodLabel,
  periodOf,
  periodRange,
  PERIODS,
  REASON_KINDS,
  type LedgerRow,
} from '../../core';
import { action, type ActionTable } from '../shared/action';
import { loadSettings } from '../shared/config';
import { actorOf } from '../shared/cases';
import { refreshPendingLedger } from '../shared/effects';
import type { Database } from '../shared/cloud';
import {
  periodInput,
  scopeOf,
  keyOf,
  computeStatistics,
  unitList,
  statisticsLineSchema,
  MEASURES,
  MEASURE_LABELS,
  rowView,
  rowsFilter,
} from './common';

export const reportActions = {
  statistics: action({
    summary:
      '台账统计（§五(六)）：按周/月/季度/年，按事项类别、责任单位、帮代办员或期间：受理（该期间受理的件数，不含未受理的申请）、办结、终止、不予受理件数，' +
      '按时办结率，平均办理工作日，满意率（非常满意+满意+基本满意），差评件数、回访率、整改率，常见不予受理/终止/差评原因；近若干期趋势。由数据库聚合计算。责任领导看本单位，' +
      '政务服务中心看全部',
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
} satisfies ActionTable<Database>;
