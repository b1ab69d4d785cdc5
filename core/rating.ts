import { beijingDate, daysBetween, type CivilDate } from './beijing-time';
import { addWorkingDays, deadlineLevel, type WarningLevel, type WorkCalendar } from './calendar';
import { ENDED_STATUSES, type CaseStatus } from './case-status';
import { CONTACT_CHANNEL_LABELS, type ContactChannel, type NotificationKind, type Recipient } from './lifecycle';
import { authorize, type Actor, type PermissionAction } from './permissions';
import { allow, filled, guarded, refuse, type Decision, type Refusal } from './result';
import type { Role } from './roles';
import { DEFAULT_SETTINGS, RATING_LEVELS, type RatingLevel, type Settings } from './settings';

/**
 * 五(五) 评价反馈 through the national 好差评 system (国办发〔2019〕51号, GB/T 39734/39735-2020):
 * five levels, the offline dimensions, reason tags; one rating per service by the person served,
 * after it ends, plus one 追评; every 差评 is called back and rectified, or appealed and reviewed.
 */

export { RATING_LEVELS, type RatingLevel };

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

export const RATING_SCORES: Record<RatingLevel, number> = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};

/** 差评 = 不满意 and 非常不满意. */
export const BAD_RATING_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];

export function isBadRating(level: RatingLevel): boolean {
  return BAD_RATING_LEVELS.includes(level);
}

/** The offline-service dimensions (线下服务评价): 整体满意度, 服务效率, 服务水平, 服务态度. */
export const RATING_DIMENSIONS = ['overall', 'efficiency', 'competence', 'attitude'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const RATING_DIMENSION_LABELS: Record<RatingDimension, string> = {
  overall: '整体满意度',
  efficiency: '服务效率',
  competence: '服务水平',
  attitude: '服务态度',
};

/** Selectable reasons; positive ones go with 满意 and above, negative with 不满意 and below, both with 基本满意. */
export const RATING_TAGS = {
  one_visit: { label: '一次办成', polarity: 'positive' },
  efficient: { label: '办事效率高', polarity: 'positive' },
  attentive: { label: '服务热情周到', polarity: 'positive' },
  clear_guidance: { label: '告知清楚明白', polarity: 'positive' },
  proactive_feedback: { label: '主动反馈进度', polarity: 'positive' },
  slow: { label: '办理时间长', polarity: 'negative' },
  many_trips: { label: '多次跑动', polarity: 'negative' },
  unclear_guidance: { label: '一次性告知不到位', polarity: 'negative' },
  poor_attitude: { label: '服务态度差', polarity: 'negative' },
  no_feedback: { label: '未及时反馈进度', polarity: 'negative' },
  // §二(三) 无偿: asking for any fee beyond statutory ones is itself a breach
  asked_for_fees: { label: '被要求支付额外费用', polarity: 'negative' },
  other: { label: '其他', polarity: 'any' },
} as const;
export type RatingTag = keyof typeof RATING_TAGS;

const POLARITY: Record<RatingLevel, readonly ('positive' | 'negative' | 'any')[]> = {
  very_satisfied: ['positive', 'any'],
  satisfied: ['positive', 'any'],
  basically_satisfied: ['positive', 'negative', 'any'],
  dissatisfied: ['negative', 'any'],
  very_dissatisfied: ['negative', 'any'],
};

export const RATING_MESSAGES = {
  CASE_NOT_ENDED: '帮办代办服务结束后才能评价。',
  ALREADY_RATED: '该服务已评价过，可以追评一次。',
  NOT_RATED: '请先评价，再追评。',
  FOLLOW_UP_ALREADY_GIVEN: '每项服务只能追评一次。',
  LEVEL_INVALID: '请选择评价等级。',
  DIMENSION_INVALID: '评价维度或等级不正确。',
  TAG_INVALID: '评价标签不正确。',
  TAG_LEVEL_MISMATCH: '所选标签与评价等级不一致。',
  BAD_RATING_REASON_REQUIRED: '选择“不满意”或“非常不满意”时，请至少选择一个原因或填写意见，以便我们回访整改。',
  COMMENT_TOO_LONG: '意见建议不超过500字。',
  NO_SERVICE_GIVEN: '这条申请在工作人员办理之前已撤回，没有可评价的服务。如有意见建议，请拨打政务服务中心热线。',
} as const;

function no(code: keyof typeof RATING_MESSAGES): Refusal {
  return refuse(code, RATING_MESSAGES[code]);
}

/** What rating needs to know about a case. */
export interface RatableCase {
  caseId: string;
  applicantId: string;
  status: CaseStatus;
  endedAt: Date | null;
  agentIds: (string | null)[];
  unitId: string;
  /** false when the case ended without any service to rate (see ratingAttribution); absent = given */
  serviceGiven?: boolean;
}

export interface RatingInput {
  level: RatingLevel;
  dimensions?: Partial<Record<RatingDimension, RatingLevel>>;
  tags?: RatingTag[];
  comment?: string | null;
}

export interface RatingEntry {
  level: RatingLevel;
  dimensions: Partial<Record<RatingDimension, RatingLevel>>;
  tags: RatingTag[];
  comment: string | null;
  at: Date;
}

export interface Rating extends RatingEntry {
  caseId: string;
  raterId: string;
  /** 'default': given by the system after settings.rating.defaultRatingAfterDays */
  source: 'applicant' | 'default';
  followUp: RatingEntry | null;
}

function validEntry(input: RatingInput, at: Date, settings: Settings): Decision<RatingEntry> {
  if (!input || !(RATING_LEVELS as readonly string[]).includes(input.level)) return no('LEVEL_INVALID');
  const dimensions = input.dimensions ?? {};
  for (const [d, l] of Object.entries(dimensions)) {
    if (
      !(RATING_DIMENSIONS as readonly string[]).includes(d) ||
      !(RATING_LEVELS as readonly string[]).includes(l as string)
    )
      return no('DIMENSION_INVALID');
  }
  const tags = [...new Set(input.tags ?? [])];
  for (const t of tags) {
    if (!Object.prototype.hasOwnProperty.call(RATING_TAGS, t)) return no('TAG_INVALID');
    if (!POLARITY[input.level].includes(RATING_TAGS[t].polarity)) return no('TAG_LEVEL_MISMATCH');
  }
  const comment = filled(input.comment) ? input.comment.trim() : null;
  if (comment && [...comment].length > 500) return no('COMMENT_TOO_LONG');
  if (isBadRating(input.level) && settings.rating.badRatingRequiresReason && tags.length === 0 && !comment)
    return no('BAD_RATING_REASON_REQUIRED');
  return allow({ level: input.level, dimensions: { ...dimensions }, tags, comment, at });
}

function raterCheck(actor: Actor, c: RatableCase, action: PermissionAction): Refusal | null {
  // only the person served rates (real-name, nobody on their behalf): staff roles have no scope here
  const permitted = authorize(actor, action, { applicantId: c.applicantId });
  if (!permitted.ok) return permitted;
  if (!ENDED_STATUSES.includes(c.status) || !c.endedAt) return no('CASE_NOT_ENDED');
  if (c.serviceGiven === false) return no('NO_SERVICE_GIVEN');
  return null;
}

// ─── Which ended cases can be rated, and whom a rating is about ──────────────────────────────────

/** What the rating judges: the service given, or the answer the applicant waited for in vain. */
export type RatingBasis = 'service' | 'unanswered';
export const RATING_BASIS_LABELS: Record<RatingBasis, string> = {
  service: '帮办代办服务',
  unanswered: '逾期未答复申请',
};

export interface RatingAttribution {
  basis: RatingBasis;
  /** the agents the rating (and any 差评) is about; empty when it is about the unit alone */
  agentIds: string[];
  unitId: string;
}

/** The parts of a case the attribution reads. */
export interface AttributableCase {
  status: CaseStatus;
  agentId: string | null;
  firstAgentId: string | null;
  unitId: string;
  timeline: { action: string; actor: { id: string; role: Role }; at: Date | string }[];
}

const STAFF = (r: Role) => r !== 'applicant';

/**
 * §五(五) 帮办代办结束后…让申请人对帮办代办服务进行评价: a rating is about a service. Finished,
 * terminated and refused cases were served (refusal with reasons is itself a decision 好差评 lets the
 * applicant rate). A withdrawal is different:
 * - staff had already acted (taken it up, contacted, supervised…): the service so far is rated, about
 *   the agents who had it;
 * - nobody had acted, but the center's promise to answer (`applications.answerWithinWorkingDays`
 *   working days after the day it arrived) had passed: the applicant may complain about the silence,
 *   attributed to whoever owed the answer: the agent it was routed to, or the unit when nobody was;
 * - nobody had acted and the answer was not yet due: there was no service, so no rating (no 差评
 *   against an agent who did nothing, no submit → withdraw → 差评 loop).
 */
export function ratingAttribution(
  c: AttributableCase,
  calendar: WorkCalendar,
  settings: Settings = DEFAULT_SETTINGS,
): Decision<RatingAttribution> {
  const agents = (...ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x))];
  const w = c.timeline.findIndex((e) => e.action === 'withdraw');
  if (c.status !== 'terminated' || w < 0)
    return allow({ basis: 'service', agentIds: agents(c.agentId, c.firstAgentId), unitId: c.unitId });
  const before = c.timeline.slice(0, w);
  const acted = before.filter((e) => STAFF(e.actor.role));
  if (acted.length > 0)
    return allow({
      basis: 'service',
      agentIds: agents(
        c.agentId,
        c.firstAgentId,
        ...acted.filter((e) => e.actor.role === 'agent').map((e) => e.actor.id),
      ),
      unitId: c.unitId,
    });
  const applied = c.timeline[0];
  const received = beijingDate(new Date(applied.at));
  const withdrawn = beijingDate(new Date(c.timeline[w].at));
  let dueOn: CivilDate;
  try {
    dueOn = addWorkingDays(calendar, received, settings.applications.answerWithinWorkingDays);
  } catch {
    // a year nobody entered: counted in natural days rather than refusing the applicant's say
    dueOn = beijingDate(
      new Date(new Date(applied.at).getTime() + (settings.applications.answerWithinWorkingDays + 2) * 86_400_000),
    );
  }
  if (withdrawn <= dueOn) return no('NO_SERVICE_GIVEN');
  return allow({ basis: 'unanswered', agentIds: agents(c.agentId), unitId: c.unitId });
}

export interface RatingOutcome {
  rating: Rating;
  /** opened when the rating (or 追评) is a 差评 */
  badRating: BadRatingCase | null;
}

/** 评价: once per case, by its applicant, after the service ended (finished, terminated or refused). */
export function rateService(
  actor: Actor,
  c: RatableCase,
  existing: Rating | null,
  input: RatingInput,
  at: Date,
  settings: Settings = DEFAULT_SETTINGS,
): Decision<RatingOutcome> {
  const broken = raterCheck(actor, c, 'rating.submit');
  if (broken) return broken;
  if (existing) return no('ALREADY_RATED');
  const entry = validEntry(input, at, settings);
  if (!entry.ok) return entry;
  const rating: Rating = { caseId: c.caseId, raterId: actor.id, source: 'applicant', followUp: null, ...entry.value };
  return allow({ rating, badRating: isBadRating(rating.level) ? openBadRating(c, rating.level, false, at) : null });
}

/** 追评: one follow-up by the same applicant, within settings.rating.followUpWithinDays. */
export function followUpRating(
  actor: Actor,
  c: RatableCase,
  rating: Rating | null,
  input: RatingInput,
  at: Date,
  settings: Settings = DEFAULT_SETTINGS,
): Decision<RatingOutcome> {
  const broken = raterCheck(actor, c, 'rating.followUp');
  if (broken) return broken;
  if (!rating) return no('NOT_RATED');
  if (rating.followUp) return no('FOLLOW_UP_ALREADY_GIVEN');
  const limit = settings.rating.followUpWithinDays;
  if (limit !== null && daysBetween(beijingDate(rating.at), beijingDate(at)) > limit)
    return refuse('FOLLOW_UP_TOO_LATE', `评价后${limit}天内可以追评，已超过期限。`);
  const entry = validEntry(input, at, settings);
  if (!entry.ok) return entry;
  const next: Rating = { ...rating, followUp: entry.value };
  return allow({
    rating: next,
    badRating: isBadRating(entry.value.level) ? openBadRating(c, entry.value.level, true, at) : null,
  });
}

/**
 * Guangdong practice, off by default: an ended service nobody rated within N natural days gets the
 * configured (never bad) level, marked as a default so statistics can leave it out.
 */
export function defaultRatingIfDue(
  c: RatableCase,
  existing: Rating | null,
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): Rating | null {
  const days = settings.rating.defaultRatingAfterDays;
  if (days === null || existing || c.serviceGiven === false || !ENDED_STATUSES.includes(c.status) || !c.endedAt)
    return null;
  if (daysBetween(beijingDate(c.endedAt), beijingDate(now)) < days) return null;
  return {
    caseId: c.caseId,
    raterId: 'system',
    source: 'default',
    level: settings.rating.defaultRatingLevel,
    dimensions: {},
    tags: [],
    comment: null,
    at: now,
    followUp: null,
  };
}

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
