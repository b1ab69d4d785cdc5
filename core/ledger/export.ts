import { beijingDate, type CivilDate } from '../beijing-time';
import { addWorkingDays, type WorkCalendar } from '../calendar';
import { CASE_STATUS_LABELS } from '../case-status';
import { APPROVAL_OUTCOME_LABELS } from '../lifecycle';
import { BAD_RATING_STATE_LABELS, RATING_LEVEL_LABELS, badRatingDeadlines, type BadRatingCase } from '../rating';
import { CATEGORY_LABELS, SERVICE_MODE_LABELS } from '../scope';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { LEDGER_OUTCOME_LABELS, type LedgerRow } from './rows';
import type { StatisticsLine } from './statistics';

// ─── Export (what a county reports, in Chinese) ──────────────────────────────────────────────────

export const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '案件编号', width: 18 },
  { header: '申请日期', width: 12 },
  { header: '事项类别', width: 20 },
  { header: '服务方式', width: 8 },
  { header: '事项名称', width: 30 },
  { header: '申请人', width: 10 },
  { header: '责任单位', width: 22 },
  { header: '帮代办员', width: 10 },
  { header: '受理日期', width: 12 },
  { header: '送达窗口日期', width: 12 },
  { header: '办结（终止）日期', width: 14 },
  { header: '承诺时限（工作日）', width: 10 },
  { header: '实际用时（工作日）', width: 10 },
  { header: '是否按时办结', width: 8 },
  { header: '并联审批部门', width: 24 },
  { header: '办理状态', width: 10 },
  { header: '审批结果', width: 10 },
  { header: '不予受理或终止原因', width: 30 },
  { header: '评价', width: 10 },
  { header: '差评处理', width: 16 },
] as const;

/** One row of the 台账 sheet, in the column order above. Names are already masked in the row. */
export function ledgerSheetRow(
  r: LedgerRow,
  index: number,
  unitNames: Record<string, string> = {},
): (string | number)[] {
  return [
    index,
    r.caseNo,
    r.receivedOn,
    CATEGORY_LABELS[r.category],
    SERVICE_MODE_LABELS[r.mode],
    r.matter,
    r.applicant,
    r.unitName,
    r.agentName ?? '未分派',
    r.acceptedOn ?? '',
    r.deliveredOn ?? '',
    r.endedOn ?? '',
    r.limitDays ?? '',
    r.usedDays ?? '',
    r.onTime === null ? '' : r.onTime ? '是' : '否',
    r.departments.map((d) => unitNames[d] ?? d).join('、'),
    `${LEDGER_OUTCOME_LABELS[r.outcome]}${r.outcome === 'open' ? `（${CASE_STATUS_LABELS[r.status]}）` : ''}`,
    r.approval ? APPROVAL_OUTCOME_LABELS[r.approval] : '',
    r.reasons
      .filter((x) => x.k !== 'bad')
      .map((x) => x.v)
      .join('；'),
    r.rating
      ? RATING_LEVEL_LABELS[r.rating.level] +
        (r.rating.source === 'default' ? '（默认）' : '') +
        (r.rating.followUpLevel ? `，追评${RATING_LEVEL_LABELS[r.rating.followUpLevel]}` : '')
      : '未评价',
    r.badStates.map((s) => BAD_RATING_STATE_LABELS[s]).join('；'),
  ];
}

export const STATISTICS_COLUMNS = [
  '统计项',
  '受理件数',
  '办结件数',
  '终止件数',
  '不予受理件数',
  '按时办结率',
  '平均办理用时（工作日）',
  '评价件数',
  '满意率',
  '差评件数',
  '差评回访率',
  '差评整改率',
] as const;

export function statisticsSheetRow(l: StatisticsLine): (string | number)[] {
  return [
    l.label,
    l.received,
    l.finished,
    l.terminated,
    l.refused,
    percent(l.onTimeRate),
    l.averageWorkingDays ?? '—',
    l.rated,
    percent(l.satisfactionRate),
    l.bad,
    percent(l.callBackRate),
    percent(l.rectificationRate),
  ];
}

/** Used by the 差评 page: the deadline of the current step. */
export function badRatingDueOn(
  cal: WorkCalendar,
  b: BadRatingCase,
  settings: Settings = DEFAULT_SETTINGS,
): CivilDate | null {
  try {
    const d = badRatingDeadlines(cal, b, settings);
    if (b.status === 'awaiting_call_back') return d.callBackDue;
    if (b.status === 'awaiting_rectification') return d.rectifyDue;
    if (b.status === 'under_appeal') return d.reviewDue;
    if (b.status === 'awaiting_verification')
      return addWorkingDays(
        cal,
        beijingDate(new Date(b.history[b.history.length - 1]?.at ?? b.openedAt)),
        settings.rating.reviewWithinWorkingDays,
      );
    return null;
  } catch {
    return null;
  }
}
