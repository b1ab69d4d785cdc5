import { addDays, beijingDate, weekday, type CivilDate } from './beijing-time';
import { addWorkingDays, dueDate, usedWorkingDays, type DeadlineClock, type WorkCalendar } from './calendar';
import { CASE_STATUS_LABELS, ENDED_STATUSES, type CaseStatus } from './case-status';
import {
  APPROVAL_OUTCOME_LABELS,
  TERMINATION_GROUND_LABELS,
  type ApprovalOutcome,
  type TerminationGround,
} from './lifecycle';
import { maskName, maskPersonalDataInText } from './privacy';
import {
  BAD_RATING_STATE_LABELS,
  RATING_LEVEL_LABELS,
  RATING_TAGS,
  badRatingDeadlines,
  type BadRatingCase,
  type BadRatingState,
  type Rating,
  type RatingLevel,
} from './rating';
import { CATEGORY_LABELS, SERVICE_MODE_LABELS, type Category, type ServiceMode } from './scope';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * §五(六) 台账: every case is one ledger row holding the facts a county reports (who, what, when,
 * how long against the limit, outcome, rating, 差评 handling). Rows are flat and small on purpose:
 * statistics are computed by the database (aggregate: match → group) over these rows, never by
 * loading cases into a function. Each row carries its 0/1 counters (`n`) so a `$group` only sums.
 */

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

// ─── Rows ────────────────────────────────────────────────────────────────────────────────────────

export const LEDGER_OUTCOMES = ['open', 'finished', 'terminated', 'refused'] as const;
export type LedgerOutcome = (typeof LEDGER_OUTCOMES)[number];
export const LEDGER_OUTCOME_LABELS: Record<LedgerOutcome, string> = {
  open: '在办',
  finished: '办结',
  terminated: '终止',
  refused: '不予受理',
};

export const REASON_KINDS = ['refusal', 'termination', 'bad'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];
export const REASON_KIND_LABELS: Record<ReasonKind, string> = {
  refusal: '不予受理原因',
  termination: '终止原因',
  bad: '差评原因',
};

/** What the ledger reads from a case (the stored case document has more). */
export interface LedgerCase {
  _id: string;
  caseNo: string;
  category: Category;
  mode: ServiceMode;
  matter: string;
  contactName: string;
  unitId: string;
  unitName: string;
  agentId: string | null;
  agentName: string | null;
  firstAgentId: string | null;
  status: CaseStatus;
  submittedAt: Date;
  endedAt: Date | null;
  clock: DeadlineClock | null;
  tasks: { departmentId: string }[];
  refusalReasons: { message: string }[];
  termination: { ground: TerminationGround; reason: string } | null;
  result: { outcome: ApprovalOutcome } | null;
  timeline: { action: string; at: Date }[];
}

/** The sums a `$group` adds up; every one is a number on each row. */
export interface LedgerCounters {
  /** finished, terminated, refused (by the period the case ended in) */
  fin: number;
  ter: number;
  ref: number;
  /** finished with a time limit: counted for on-time and average working days */
  timed: number;
  onTime: number;
  used: number;
  /** rated by the applicant (a default rating or a voided 差评 is left out), and 非常满意/满意/基本满意 */
  rated: number;
  sat: number;
  /** 差评 not voided on appeal; called back (and in time); rectified (and in time) */
  bad: number;
  cb: number;
  cbOnTime: number;
  rect: number;
  rectOnTime: number;
}
export const LEDGER_COUNTERS = [
  'fin',
  'ter',
  'ref',
  'timed',
  'onTime',
  'used',
  'rated',
  'sat',
  'bad',
  'cb',
  'cbOnTime',
  'rect',
  'rectOnTime',
] as const satisfies readonly (keyof LedgerCounters)[];

export interface LedgerRow {
  _id: string;
  caseNo: string;
  category: Category;
  mode: ServiceMode;
  matter: string;
  /** masked: the ledger never holds a full name or any phone or ID number */
  applicant: string;
  unitId: string;
  unitName: string;
  agentId: string | null;
  agentName: string | null;
  firstAgentId: string | null;
  status: CaseStatus;
  outcome: LedgerOutcome;
  approval: ApprovalOutcome | null;
  receivedOn: CivilDate;
  acceptedOn: CivilDate | null;
  deliveredOn: CivilDate | null;
  endedOn: CivilDate | null;
  dueOn: CivilDate | null;
  /** committed limit plus extensions, working days */
  limitDays: number | null;
  /** working days the clock ran until the case ended (补正 and 中止 not counted) */
  usedDays: number | null;
  onTime: boolean | null;
  /** §五(四) parallel approval: the departments with a task */
  departments: string[];
  /** received-in and ended-in periods */
  rk: PeriodKeys;
  ek: PeriodKeys | null;
  /**
   * accepted-in periods: 受理件数 counts a case in the period it was accepted (受理), never a
   * submission that was refused (不予受理), withdrawn or is still waiting; null until accepted
   */
  ak: PeriodKeys | null;
  reasons: { k: ReasonKind; v: string }[];
  rating: { level: RatingLevel; followUpLevel: RatingLevel | null; source: Rating['source']; on: CivilDate } | null;
  badStates: BadRatingState[];
  n: LedgerCounters;
}

const SATISFIED: readonly RatingLevel[] = ['very_satisfied', 'satisfied', 'basically_satisfied'];
const short = (text: string) => {
  const t = maskPersonalDataInText(text.replace(/\s+/g, ' ').trim());
  return [...t].length > 40 ? `${[...t].slice(0, 39).join('')}…` : t;
};

function eventDay(c: LedgerCase, action: string): CivilDate | null {
  const e = c.timeline.find((x) => x.action === action);
  return e ? beijingDate(new Date(e.at)) : null;
}

/** A 差评's counters: called back and rectified, each also "in time" against its working-day deadline. */
function badCounters(cal: WorkCalendar, b: BadRatingCase, settings: Settings) {
  const n = { bad: 0, cb: 0, cbOnTime: 0, rect: 0, rectOnTime: 0 };
  if (b.status === 'voided') return n;
  n.bad = 1;
  let due: ReturnType<typeof badRatingDeadlines> | null = null;
  try {
    due = badRatingDeadlines(cal, b, settings);
  } catch {
    // a year without a calendar: counted, but nobody can say whether in time
  }
  const call = b.history.find((h) => h.action === 'callBack');
  if (call) {
    n.cb = 1;
    const on = beijingDate(new Date(call.data?.calledAt ?? call.at));
    n.cbOnTime = due && on <= due.callBackDue ? 1 : 0;
  }
  if (b.status === 'awaiting_verification' || b.status === 'closed') {
    n.rect = 1;
    const last = [...b.history].reverse().find((h) => h.action === 'rectify');
    n.rectOnTime = due && last && beijingDate(new Date(last.at)) <= due.rectifyDue ? 1 : 0;
  }
  return n;
}

/**
 * The ledger row of a case with its rating and 差评 records, as of now. Written in the same
 * transaction as every change of any of them, so the row never disagrees with the case.
 */
export function ledgerRow(
  c: LedgerCase,
  rating: Rating | null,
  badRatings: readonly BadRatingCase[],
  cal: WorkCalendar,
  settings: Settings = DEFAULT_SETTINGS,
): LedgerRow {
  const ended = ENDED_STATUSES.includes(c.status) && !!c.endedAt;
  const outcome: LedgerOutcome = ended ? (c.status as LedgerOutcome) : 'open';
  const receivedOn = beijingDate(new Date(c.submittedAt));
  const endedOn = ended ? beijingDate(new Date(c.endedAt!)) : null;
  let limitDays: number | null = null;
  let usedDays: number | null = null;
  let dueOn: CivilDate | null = null;
  if (c.clock) {
    limitDays = c.clock.limitWorkingDays + c.clock.extraWorkingDays;
    try {
      dueOn = dueDate(cal, c.clock);
      if (endedOn) usedDays = usedWorkingDays(cal, c.clock, endedOn);
    } catch {
      // a year nobody entered into the calendar: the row says "unknown" rather than guess
    }
  }
  const onTime = outcome === 'finished' && usedDays !== null && limitDays !== null ? usedDays <= limitDays : null;

  const reasons: LedgerRow['reasons'] = [];
  if (c.status === 'refused')
    for (const r of c.refusalReasons) if (r.message.trim()) reasons.push({ k: 'refusal', v: short(r.message) });
  if (c.status === 'terminated')
    reasons.push({
      k: 'termination',
      v: c.termination ? TERMINATION_GROUND_LABELS[c.termination.ground] : '申请人撤回申请',
    });

  const counted = badRatings.filter((b) => b.status !== 'voided');
  for (const b of counted) {
    const entry = b.followUp ? rating?.followUp : rating;
    const tags = entry?.tags?.length ? entry.tags : ['other' as const];
    for (const t of tags) reasons.push({ k: 'bad', v: RATING_TAGS[t]?.label ?? t });
  }
  const firstVoided = badRatings.some((b) => !b.followUp && b.status === 'voided');
  const rated = rating && rating.source === 'applicant' && !firstVoided ? 1 : 0;

  const n: LedgerCounters = {
    fin: outcome === 'finished' ? 1 : 0,
    ter: outcome === 'terminated' ? 1 : 0,
    ref: outcome === 'refused' ? 1 : 0,
    timed: onTime === null ? 0 : 1,
    onTime: onTime ? 1 : 0,
    used: onTime === null ? 0 : usedDays!,
    rated,
    sat: rated && SATISFIED.includes(rating!.level) ? 1 : 0,
    bad: 0,
    cb: 0,
    cbOnTime: 0,
    rect: 0,
    rectOnTime: 0,
  };
  for (const b of counted) {
    const x = badCounters(cal, b, settings);
    n.bad += x.bad;
    n.cb += x.cb;
    n.cbOnTime += x.cbOnTime;
    n.rect += x.rect;
    n.rectOnTime += x.rectOnTime;
  }

  const acceptedOn = eventDay(c, 'accept');
  return {
    _id: c._id,
    caseNo: c.caseNo,
    category: c.category,
    mode: c.mode,
    matter: short(c.matter),
    applicant: maskName(c.contactName),
    unitId: c.unitId,
    unitName: c.unitName,
    agentId: c.agentId,
    agentName: c.agentName,
    firstAgentId: c.firstAgentId,
    status: c.status,
    outcome,
    approval: c.result?.outcome ?? null,
    receivedOn,
    acceptedOn,
    deliveredOn: eventDay(c, 'deliver'),
    endedOn,
    dueOn,
    limitDays,
    usedDays,
    onTime,
    departments: [...new Set(c.tasks.map((t) => t.departmentId))],
    rk: periodKeys(receivedOn),
    ek: endedOn ? periodKeys(endedOn) : null,
    ak: acceptedOn ? periodKeys(acceptedOn) : null,
    reasons,
    rating: rating
      ? {
          level: rating.level,
          followUpLevel: rating.followUp?.level ?? null,
          source: rating.source,
          on: beijingDate(new Date(rating.at)),
        }
      : null,
    badStates: badRatings.map((b) => b.status),
    n,
  };
}

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
      ? `${RATING_LEVEL_LABELS[r.rating.level]}${r.rating.source === 'default' ? '（默认）' : ''}${r.rating.followUpLevel ? `，追评${RATING_LEVEL_LABELS[r.rating.followUpLevel]}` : ''}`
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
