import { beijingDate, daysBetween, type CivilDate } from '../beijing-time';
import { addWorkingDays, deadlineLevel, type WarningLevel, type WorkCalendar } from '../calendar';
import { CONTACT_CHANNEL_LABELS, type ContactChannel, type NotificationKind, type Recipient } from '../lifecycle';
import { authorize, type Actor, type PermissionAction } from '../permissions';
import { allow, filled, guarded, refuse, type Decision } from '../result';
import type { Role } from '../roles';
import { DEFAULT_SETTINGS, type RatingLevel, type Settings } from '../settings';
import type { RatableCase, Rating } from './levels';

// ─── 差评 handling: 评价 → 反馈(回访) → 整改 → 监督, or 申诉 → 复核 ────────────────────────────────

export const BAD_RATING_STATES = [
  'awaiting_call_back',
  'awaiting_rectification',
  'awaiting_verification',
  'under_appeal',
  'closed',
  'voided',
] as const;
export type BadRatingState = (typeof BAD_RATING_STATES)[number];
export const BAD_RATING_STATE_LABELS: Record<BadRatingState, string> = {
  awaiting_call_back: '待回访',
  awaiting_rectification: '待整改',
  awaiting_verification: '待中心核实',
  under_appeal: '申诉复核中',
  closed: '已整改办结',
  voided: '申诉成立，不计入差评',
};

/** One step of a 差评's handling: who, when, what was said or done. */
export interface BadRatingStep {
  action: BadRatingActionType;
  from: BadRatingState;
  to: BadRatingState;
  by: { id: string; role: Role };
  at: Date;
  note: string;
  /** callBack: when the call took place and how; rectify: the result; verify/reviewAppeal: the decision */
  data?: { calledAt?: Date; channel?: ContactChannel; result?: string; accepted?: boolean; upheld?: boolean };
}

export interface BadRatingCase {
  caseId: string;
  /** true when the 差评 came with the 追评 */
  followUp: boolean;
  level: RatingLevel;
  openedAt: Date;
  openedOn: CivilDate;
  status: BadRatingState;
  owners: { agentIds: (string | null)[]; unitIds: string[] };
  appeal: { on: CivilDate; by: string; grounds: string; returnTo: BadRatingState } | null;
  history: BadRatingStep[];
}

export function openBadRating(c: RatableCase, level: RatingLevel, followUp: boolean, at: Date): BadRatingCase {
  return {
    caseId: c.caseId,
    followUp,
    level,
    openedAt: at,
    openedOn: beijingDate(at),
    status: 'awaiting_call_back',
    owners: { agentIds: c.agentIds, unitIds: [c.unitId] },
    appeal: null,
    history: [],
  };
}

export type BadRatingAction =
  /** 回访: what the applicant said; the call may have taken place before it is recorded */
  | { type: 'callBack'; note: string; calledAt?: Date; channel?: ContactChannel }
  /** 整改: the measures taken and their result (told to the applicant) */
  | { type: 'rectify'; measures: string; result?: string }
  | { type: 'verify'; accepted: boolean; note: string }
  | { type: 'appeal'; grounds: string }
  | { type: 'reviewAppeal'; upheld: boolean; note: string };
export type BadRatingActionType = BadRatingAction['type'];

export const BAD_RATING_TRANSITIONS: Record<
  BadRatingActionType,
  { from: readonly BadRatingState[]; permission: PermissionAction; label: string }
> = {
  callBack: { from: ['awaiting_call_back'], permission: 'badRating.callBack', label: '回访' },
  rectify: { from: ['awaiting_rectification'], permission: 'badRating.rectify', label: '整改' },
  verify: { from: ['awaiting_verification'], permission: 'badRating.review', label: '核实整改' },
  appeal: { from: ['awaiting_call_back', 'awaiting_rectification'], permission: 'badRating.appeal', label: '申诉' },
  reviewAppeal: { from: ['under_appeal'], permission: 'badRating.review', label: '复核申诉' },
};

export const BAD_RATING_MESSAGES = {
  NOTE_REQUIRED: '请填写回访、整改或复核情况。',
  RESULT_REQUIRED: '请填写整改结果，它会告知评价人。',
  APPEAL_ALREADY_FILED: '每条差评只能申诉一次。',
  CALLED_AT_INVALID: '回访时间不能早于差评时间，也不能晚于现在。',
  RATER_HIDDEN: '按中心设置，评价人信息对单位隐藏，回访由政务服务中心进行。',
} as const;

export interface BadRatingDeadlines {
  callBackDue: CivilDate;
  rectifyDue: CivilDate;
  appealDue: CivilDate;
  reviewDue: CivilDate | null;
}

/** Every deadline counts in working days from the day after the 差评 (or the appeal). */
export function badRatingDeadlines(
  cal: WorkCalendar,
  rec: BadRatingCase,
  settings: Settings = DEFAULT_SETTINGS,
): BadRatingDeadlines {
  const r = settings.rating;
  return {
    callBackDue: addWorkingDays(cal, rec.openedOn, r.callBackWithinWorkingDays),
    rectifyDue: addWorkingDays(cal, rec.openedOn, r.rectifyWithinWorkingDays),
    appealDue: addWorkingDays(cal, rec.openedOn, r.appealWithinWorkingDays),
    reviewDue: rec.appeal ? addWorkingDays(cal, rec.appeal.on, r.reviewWithinWorkingDays) : null,
  };
}

/** The deadline that matters in the current state and how it stands today. */
export function badRatingWarning(
  cal: WorkCalendar,
  rec: BadRatingCase,
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): { due: CivilDate; level: WarningLevel; remainingWorkingDays: number } | null {
  const d = badRatingDeadlines(cal, rec, settings);
  const due =
    rec.status === 'awaiting_call_back'
      ? d.callBackDue
      : rec.status === 'awaiting_rectification'
        ? d.rectifyDue
        : rec.status === 'under_appeal'
          ? d.reviewDue
          : null;
  if (!due) return null;
  return { due, ...deadlineLevel(cal, beijingDate(now), due, settings.calendar) };
}

export function applyBadRatingAction(
  cal: WorkCalendar,
  rec: BadRatingCase,
  action: BadRatingAction,
  actor: Actor,
  at: Date,
  settings: Settings = DEFAULT_SETTINGS,
): Decision<BadRatingCase> {
  const spec = Object.prototype.hasOwnProperty.call(BAD_RATING_TRANSITIONS, action?.type)
    ? BAD_RATING_TRANSITIONS[action.type]
    : undefined;
  if (!spec) return refuse('UNKNOWN_ACTION', '没有这个操作。');
  if (!spec.from.includes(rec.status))
    return refuse('ILLEGAL_TRANSITION', `差评当前为“${BAD_RATING_STATE_LABELS[rec.status]}”，不能${spec.label}。`, {
      status: rec.status,
    });
  const permitted = authorize(actor, spec.permission, rec.owners);
  if (!permitted.ok) return permitted;
  // the unit cannot call someone it is not told about: with the rater hidden, the center calls back
  if (action.type === 'callBack' && actor.role !== 'center' && settings.rating.hideRaterFromStaff)
    return refuse('RATER_HIDDEN', BAD_RATING_MESSAGES.RATER_HIDDEN);
  const note = action.type === 'rectify' ? action.measures : action.type === 'appeal' ? action.grounds : action.note;
  if (!filled(note)) return refuse('NOTE_REQUIRED', BAD_RATING_MESSAGES.NOTE_REQUIRED);
  let data: BadRatingStep['data'];
  if (action.type === 'callBack') {
    const calledAt = action.calledAt ?? at;
    if (
      !(calledAt instanceof Date) ||
      Number.isNaN(calledAt.getTime()) ||
      calledAt < new Date(rec.openedAt) ||
      calledAt > at
    )
      return refuse('CALLED_AT_INVALID', BAD_RATING_MESSAGES.CALLED_AT_INVALID);
    data = { calledAt, ...(action.channel ? { channel: action.channel } : {}) };
  } else if (action.type === 'rectify') {
    if (!filled(action.result)) return refuse('RESULT_REQUIRED', BAD_RATING_MESSAGES.RESULT_REQUIRED);
    data = { result: action.result.trim() };
  } else if (action.type === 'verify') data = { accepted: action.accepted };
  else if (action.type === 'reviewAppeal') data = { upheld: action.upheld };
  return guarded(() => {
    let to: BadRatingState;
    let appeal = rec.appeal;
    switch (action.type) {
      case 'callBack':
        to = 'awaiting_rectification';
        break;
      case 'rectify':
        to = 'awaiting_verification';
        break;
      case 'verify':
        // 监督: the center confirms the rectification or sends it back
        to = action.accepted ? 'closed' : 'awaiting_rectification';
        break;
      case 'appeal': {
        if (rec.appeal) return refuse('APPEAL_ALREADY_FILED', BAD_RATING_MESSAGES.APPEAL_ALREADY_FILED);
        const due = badRatingDeadlines(cal, rec, settings).appealDue;
        if (daysBetween(due, beijingDate(at)) > 0)
          return refuse(
            'APPEAL_TOO_LATE',
            `差评须在${settings.rating.appealWithinWorkingDays}个工作日内申诉（截止${due}）。`,
            { due },
          );
        appeal = { on: beijingDate(at), by: actor.id, grounds: action.grounds, returnTo: rec.status };
        to = 'under_appeal';
        break;
      }
      case 'reviewAppeal':
        // upheld: the 差评 was untrue and leaves the statistics; rejected: handling goes on where it stopped
        to = action.upheld ? 'voided' : rec.appeal!.returnTo;
        break;
    }
    const step: BadRatingStep = {
      action: action.type,
      from: rec.status,
      to,
      by: { id: actor.id, role: actor.role },
      at,
      note: note.trim(),
      ...(data ? { data } : {}),
    };
    return allow({ ...rec, status: to, appeal, history: [...rec.history, step] });
  });
}

/** Open (still being handled) vs. settled 差评 states. */
export const BAD_RATING_OPEN_STATES: readonly BadRatingState[] = [
  'awaiting_call_back',
  'awaiting_rectification',
  'awaiting_verification',
  'under_appeal',
];

/** 差评 messages (the kinds live with the lifecycle's in NOTIFICATION_KINDS). */
export type BadRatingNotice = { kind: Extract<NotificationKind, `bad_rating_${string}`>; to: Recipient };

/**
 * Who hears of a 差评 step: a new one goes to the unit's leader and the case's agents (回访 within
 * a working day); the rectification result goes to the rater (the national rule: the rater is told
 * what was done); an appeal goes to the center; the center's decision goes back to the unit.
 */
export function badRatingNotices(
  before: BadRatingCase | null,
  after: BadRatingCase,
  applicantId: string,
): BadRatingNotice[] {
  const unit = after.owners.unitIds.map((unitId) => ({ kind: 'unit_leader' as const, unitId }));
  const agents = [...new Set(after.owners.agentIds.filter((a): a is string => !!a))].map((id) => ({
    kind: 'staff' as const,
    id,
  }));
  if (!before) return [...unit, ...agents].map((to) => ({ kind: 'bad_rating_opened', to }));
  const last = after.history[after.history.length - 1];
  switch (last?.action) {
    case 'rectify':
      return [{ kind: 'bad_rating_rectified', to: { kind: 'applicant', id: applicantId } }];
    case 'appeal':
      return [{ kind: 'bad_rating_appealed', to: { kind: 'center' } }];
    case 'verify':
    case 'reviewAppeal':
      return [...unit, ...agents].map((to) => ({ kind: 'bad_rating_reviewed', to }));
    default:
      return [];
  }
}

/** A step in words, for the rater's and the staff's timelines. */
export function badRatingStepText(step: BadRatingStep): string {
  const d = step.data ?? {};
  switch (step.action) {
    case 'callBack':
      return `${d.channel ? `${CONTACT_CHANNEL_LABELS[d.channel]}回访` : '回访'}：${step.note}`;
    case 'rectify':
      return `整改措施：${step.note}；整改结果：${d.result ?? ''}`;
    case 'verify':
      return `${d.accepted ? '核实通过' : '退回重新整改'}：${step.note}`;
    case 'appeal':
      return `申诉理由：${step.note}`;
    case 'reviewAppeal':
      return `${d.upheld ? '申诉成立，不计入差评' : '申诉不成立，继续整改'}：${step.note}`;
  }
}

/**
 * Whether a staff member may see who rated a case and how. The center always may; with
 * settings.rating.hideRaterFromStaff, agents and leaders only once the rating is settled: its 差评
 * handling is over and no 追评 can still come, so nobody leans on the rater to change it.
 */
export function ratingVisibleTo(
  role: Role,
  rating: Pick<Rating, 'at' | 'followUp'> | null,
  badStates: readonly BadRatingState[],
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): boolean {
  if (role === 'center' || role === 'applicant' || !settings.rating.hideRaterFromStaff) return true;
  if (!rating) return true;
  if (badStates.some((s) => BAD_RATING_OPEN_STATES.includes(s))) return false;
  if (rating.followUp) return true;
  const limit = settings.rating.followUpWithinDays;
  return limit !== null && daysBetween(beijingDate(new Date(rating.at)), beijingDate(now)) > limit;
}
