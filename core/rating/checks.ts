import { ENDED_STATUSES } from '../case-status';
import { authorize, type Actor, type PermissionAction } from '../permissions';
import { allow, filled, refuse, type Decision, type Refusal } from '../result';
import { RATING_LEVELS, type RatingLevel, type Settings } from '../settings';
import {
  RATING_DIMENSIONS,
  RATING_MESSAGES,
  RATING_TAGS,
  isBadRating,
  type RatableCase,
  type RatingEntry,
  type RatingInput,
} from './levels';

/** The checks rating and 追评 share (internal: not re-exported by index.ts). */

const POLARITY: Record<RatingLevel, readonly ('positive' | 'negative' | 'any')[]> = {
  very_satisfied: ['positive', 'any'],
  satisfied: ['positive', 'any'],
  basically_satisfied: ['positive', 'negative', 'any'],
  dissatisfied: ['negative', 'any'],
  very_dissatisfied: ['negative', 'any'],
};

export function no(code: keyof typeof RATING_MESSAGES): Refusal {
  return refuse(code, RATING_MESSAGES[code]);
}

export function validEntry(input: RatingInput, at: Date, settings: Settings): Decision<RatingEntry> {
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

export function raterCheck(actor: Actor, c: RatableCase, action: PermissionAction): Refusal | null {
  // only the person served rates (real-name, nobody on their behalf): staff roles have no scope here
  const permitted = authorize(actor, action, { applicantId: c.applicantId });
  if (!permitted.ok) return permitted;
  if (!ENDED_STATUSES.includes(c.status) || !c.endedAt) return no('CASE_NOT_ENDED');
  if (c.serviceGiven === false) return no('NO_SERVICE_GIVEN');
  return null;
}
