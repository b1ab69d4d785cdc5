import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  beijingDate,
  LEDGER_COLUMNS,
  ledgerSheetRow,
  PERIOD_LABELS,
  periodLabel,
  periodRange,
  REASON_KIND_LABELS,
  REASON_KINDS,
  STATISTICS_COLUMNS,
  statisticsLines,
  statisticsSheetRow,
  type LedgerRow,
} from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import { cloud, type Database } from '../shared/cloud';
import { refreshPendingLedger } from '../shared/effects';
import { computeStatistics, EXPORT_MAX_ROWS, keyOf, periodInput, scopeOf, unitList } from '../ledger/actions';

/**
 * The 台账's .xlsx export, a function of its own: exceljs is 2.5 MB of the bundle, and every
 * statistics call of the ledger function would otherwise load it at a cold start. The figures come
 * from the same aggregation as ledger.statistics (imported from it), so both always agree.
 */
export const actions = {
  export: action({
    summary:
      '导出台账与统计（.xlsx）：汇总（按事项类别、责任单位、帮代办员、近若干期）、台账明细（该期间申请、受理或办结的案件，个人信息脱敏）、常见问题；保存到云存储，返回临时下载链接',
    roles: ['leader', 'center'],
    input: periodInput,
    output: z.object({ fileID: z.string(), url: z.string(), fileName: z.string(), rows: z.number() }),
    errors: ['FORBIDDEN', 'RULE_REFUSED'],
    async run(ctx, input) {
      const scope = scopeOf(ctx, input);
      const key = keyOf(input, ctx.now);
      const { period } = input;
      const range = periodRange(period, key);
      const _ = ctx.db.command;
      const where = _.and([
        scope.where,
        _.or([{ [`rk.${period}`]: key }, { [`ak.${period}`]: key }, { [`ek.${period}`]: key }]),
      ]) as Record<string, unknown>;
      await refreshPendingLedger(ctx.db, ctx.transaction, ctx.now, scope.where);
      const { total } = await ctx.db.collection(COLL.ledger).where(where).count();
      if (total > EXPORT_MAX_ROWS)
        throw new AppError(
          'RULE_REFUSED',
          `该期间共${total}件，超过单次导出上限${EXPORT_MAX_ROWS}件，请按月或按单位分别导出`,
          {
            EXPORT_TOO_LARGE: String(total),
          },
        );
      const units = await unitList(ctx.db);
      const unitNames = Object.fromEntries(units.map((u) => [u.unitId, u.name]));
      const [byCategory, byUnit, byAgent, rows] = await Promise.all([
        computeStatistics(ctx.db, scope, period, key, 'category'),
        computeStatistics(ctx.db, scope, period, key, 'unit'),
        computeStatistics(ctx.db, scope, period, key, 'agent'),
        (async () => {
          // keyset paging by id: a get answers at most 1000 rows
          const out: LedgerRow[] = [];
          let after = '';
          for (;;) {
            const { data } = await ctx.db
              .collection(COLL.ledger)
              .where(_.and([where, { _id: _.gt(after) }]) as Record<string, unknown>)
              .orderBy('_id', 'asc')
              .limit(1000)
              .get();
            out.push(...(data as LedgerRow[]));
            if (data.length < 1000) break;
            after = String(data[data.length - 1]._id);
          }
          return out.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.caseNo.localeCompare(b.caseNo));
        })(),
      ]);
      const unitName = scope.unitId ? (unitNames[scope.unitId] ?? scope.unitId) : '全县';
      const title = `和硕县帮办代办工作台账（${unitName}，${periodLabel(period, key)}：${range.from}至${range.to}）`;

      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      wb.creator = '和硕县政务服务中心帮办代办系统';
      wb.created = ctx.now;
      const bold = { bold: true } as const;

      const summary = wb.addWorksheet('统计汇总');
      summary.addRow([title]).font = { bold: true, size: 14 };
      summary.addRow([
        `导出时间：${beijingDate(ctx.now)}；受理件数为该期间受理的件数（按受理日期计，不含不予受理、撤回和尚未受理的申请），其余按办结（终止）日期计；满意率=（非常满意+满意+基本满意）÷评价件数，默认评价与申诉成立的差评不计；个人信息已脱敏。`,
      ]);
      const section = (
        name: string,
        lines: ReturnType<typeof statisticsLines>['lines'],
        totalLine?: ReturnType<typeof statisticsLines>['total'],
      ) => {
        summary.addRow([]);
        summary.addRow([name]).font = bold;
        summary.addRow([...STATISTICS_COLUMNS]).font = bold;
        for (const l of lines) summary.addRow(statisticsSheetRow(l));
        if (totalLine) summary.addRow(statisticsSheetRow(totalLine)).font = bold;
      };
      section('按事项类别', byCategory.breakdown, byCategory.total);
      if (!scope.unitId) section('按责任单位', byUnit.breakdown, byUnit.total);
      section('按帮代办员', byAgent.breakdown, byAgent.total);
      section(`近${byCategory.series.length}${PERIOD_LABELS[period]}趋势`, byCategory.series);
      summary.getColumn(1).width = 28;
      for (let i = 2; i <= STATISTICS_COLUMNS.length; i++) summary.getColumn(i).width = 12;

      const detail = wb.addWorksheet('台账明细');
      detail.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
      detail.getRow(1).font = bold;
      rows.forEach((r, i) => detail.addRow(ledgerSheetRow(r, i + 1, unitNames)));
      detail.views = [{ state: 'frozen', ySplit: 1 }];

      const problems = wb.addWorksheet('常见问题');
      problems.columns = [
        { header: '类型', width: 16 },
        { header: '原因', width: 44 },
        { header: '件数', width: 8 },
      ];
      problems.getRow(1).font = bold;
      for (const kind of REASON_KINDS)
        for (const r of byCategory.reasons[kind]) problems.addRow([REASON_KIND_LABELS[kind], r.reason, r.count]);

      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      const fileName = `帮办代办台账-${unitName}-${key}.xlsx`;
      const { fileID } = await cloud.uploadFile({
        cloudPath: `exports/ledger/${scope.unitId ?? 'all'}/${key}-${stamp}-${ctx.caller.staff!._id}.xlsx`,
        fileContent: buffer,
      });
      const temp = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
      return { fileID, url: temp.fileList[0]?.tempFileURL ?? '', fileName, rows: rows.length };
    },
  }),
} satisfies ActionTable<Database>;
