import { beijingDate, daysBetween, type CivilDate } from '../beijing-time';
import { addWorkingDays, type WorkCalendar } from '../calendar';
import { ENDED_STATUSES, type CaseStatus } from '../case-status';
import type { Actor } from '../permissions';
import { allow, refuse, type Decision } from '../result';
import type { Role } from '../roles';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { openBadRating, type BadRatingCase } from './bad-rating';
import { no, raterCheck, validEntry } from './checks';
import { isBadRating, type RatableCase, type Rating, type RatingInput } from './levels';

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
