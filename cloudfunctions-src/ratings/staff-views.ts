import type { BadRatingDoc } from '../shared/db/documents';
import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  authorize,
  BAD_RATING_STATE_LABELS,
  BAD_RATING_TRANSITIONS,
  badRatingDueOn,
  badRatingStepText,
  beijingDate,
  CONTACT_CHANNELS,
  deadlineLevel,
  maskPersonalDataInText,
  RATING_LEVEL_LABELS,
  RATING_TAGS,
  ratingVisibleTo,
  ROLE_LABELS,
  WARNING_LEVEL_LABELS,
  type Actor,
  type BadRatingAction,
  type BadRatingActionType,
  type BadRatingCase,
  type Rating,
  type Settings,
  type WorkCalendar,
} from '../../core';
import type { Database } from '../shared/cloud';
import { text } from './common';
import type { CaseDoc } from '../shared/db';
export const badActionInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('callBack'),
    note: text(500),
    calledAt: z.coerce.date().optional(),
    channel: z.enum(CONTACT_CHANNELS).optional(),
  }),
  z.object({ type: z.literal('rectify'), measures: text(1000), result: text(500) }),
  z.object({ type: z.literal('verify'), accepted: z.boolean(), note: text(500) }),
  z.object({ type: z.literal('appeal'), grounds: text(1000) }),
  z.object({ type: z.literal('reviewAppeal'), upheld: z.boolean(), note: text(500) }),
]) satisfies z.ZodType<BadRatingAction, unknown>;

export const badId = z
  .string()
  .trim()
  .regex(/^[\w-]{1,64}-[01]$/, '差评编号不正确');

/** Staff may see a 差评 as they may see its case: the agents on it, the unit's leader, the center. */
export function visibleTo(actor: Actor, b: BadRatingCase): boolean {
  return authorize(actor, 'case.view', b.owners).ok;
}

export function scopeFilter(actor: Actor): Record<string, unknown> | null {
  if (actor.role === 'center') return {};
  if (actor.role === 'leader') return actor.unitId ? { 'owners.unitIds': actor.unitId } : null;
  if (actor.role === 'agent') return { 'owners.agentIds': actor.id };
  return null;
}

export function offered(actor: Actor, b: BadRatingCase, settings: Settings): BadRatingActionType[] {
  return (Object.keys(BAD_RATING_TRANSITIONS) as BadRatingActionType[]).filter((type) => {
    const spec = BAD_RATING_TRANSITIONS[type];
    if (!spec.from.includes(b.status) || !authorize(actor, spec.permission, b.owners).ok) return false;
    if (type === 'appeal' && b.appeal) return false;
    return !(type === 'callBack' && actor.role !== 'center' && settings.rating.hideRaterFromStaff);
  });
}

export async function staffNames(db: Database, ids: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return {};
  const { data } = await db
    .collection(COLL.staff)
    .where({ _id: db.command.in(wanted) })
    .limit(100)
    .get();
  return Object.fromEntries(data.map((s) => [String(s._id), String(s.name)]));
}

/** A 差评 as the staff page shows it; with the rater hidden, nothing that tells which case it was. */
export function staffBadView(
  b: BadRatingDoc,
  rating: Rating | null,
  c: Pick<CaseDoc, '_id' | 'caseNo' | 'matter' | 'unitName' | 'agentName'> | null,
  actor: Actor,
  settings: Settings,
  cal: WorkCalendar,
  now: Date,
  names: Record<string, string>,
) {
  const entry = b.followUp ? rating?.followUp : rating;
  const shown = ratingVisibleTo(actor.role, rating, [b.status], now, settings);
  const dueOn = badRatingDueOn(cal, b, settings);
  let warning: { level: string; label: string } | null = null;
  if (dueOn) {
    try {
      const l = deadlineLevel(cal, beijingDate(now), dueOn, settings.calendar).level;
      warning = { level: l, label: `${WARNING_LEVEL_LABELS[l]} · ${dueOn}前` };
    } catch {
      warning = null;
    }
  }
  return {
    id: b._id,
    version: b.version ?? 0,
    raterHidden: !shown,
    caseId: shown ? (c?._id ?? null) : null,
    caseNo: shown ? (c?.caseNo ?? null) : null,
    matter: shown ? (c?.matter ?? null) : null,
    unitName: c?.unitName ?? null,
    agentName: shown ? (c?.agentName ?? null) : null,
    followUp: b.followUp,
    level: b.level,
    levelLabel: RATING_LEVEL_LABELS[b.level],
    tags: (entry?.tags ?? []).map((t) => RATING_TAGS[t]?.label ?? t),
    comment: entry?.comment ? maskPersonalDataInText(entry.comment) : null,
    openedAt: new Date(b.openedAt).toISOString(),
    status: b.status,
    statusLabel: BAD_RATING_STATE_LABELS[b.status],
    dueOn,
    warning,
    appeal: b.appeal ? { on: b.appeal.on, grounds: b.appeal.grounds } : null,
    history: b.history.map((h) => ({
      label: BAD_RATING_TRANSITIONS[h.action]?.label ?? h.action,
      text: badRatingStepText(h),
      at: new Date(h.at).toISOString(),
      calledAt: h.data?.calledAt ? new Date(h.data.calledAt).toISOString() : null,
      by: `${ROLE_LABELS[h.by.role]}${names[h.by.id] ? ` ${names[h.by.id]}` : ''}`,
    })),
    actions: offered(actor, b, settings).map((type) => ({ type, label: BAD_RATING_TRANSITIONS[type].label })),
  };
}

export const BAD_RATING_FILTERS = ['open', 'closed', 'all'] as const;
