import { beijingDate, type CivilDate } from '../beijing-time';
import { dueDate, type DeadlineClock, type WorkCalendar, usedWorkingDays } from '../calendar';
import { ENDED_STATUSES, type CaseStatus } from '../case-status';
import { TERMINATION_GROUND_LABELS, type ApprovalOutcome, type TerminationGround } from '../lifecycle';
import { maskName, maskPersonalDataInText } from '../privacy';
import {
  RATING_TAGS,
  badRatingDeadlines,
  type BadRatingCase,
  type BadRatingState,
  type Rating,
  type RatingLevel,
} from '../rating';
import type { Category, ServiceMode } from '../scope';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { periodKeys, type PeriodKeys } from './periods';

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
