import type { CaseDoc } from './db/documents';
import { COLL } from './db';
import crypto from 'node:crypto';
import {
  applyCaseAction,
  ledgerRow,
  caseViewTarget,
  createWorkCalendar,
  listScope,
  authorize,
  CASE_TRANSITIONS,
  dueDate,
  type Actor,
  type CaseAction,
  type CaseRecord,
  type Notification,
  type TimelineEvent,
} from '../../core';
import { AppError, type ActionContext, type Caller } from './action';
import type { Database } from './cloud';
import { loadCalendar } from './config';
import { fromNotifications } from './outbox';
import { outboxSeeds, pendingForUpdate } from './effects';

/** The stored due date of a clock; a year without a calendar leaves it unknown rather than failing the step. */
export function storedDueOn(
  calendar: ReturnType<typeof createWorkCalendar>,
  clock: CaseRecord['clock'],
): string | null {
  if (!clock) return null;
  try {
    return dueDate(calendar, clock);
  } catch {
    return null;
  }
}

/** The core's actor for a caller: staff act as their staff record, everyone else as their openid. */
export function actorOf(caller: Caller): Actor {
  return caller.staff
    ? { id: caller.staff._id, role: caller.staff.role, unitId: caller.staff.unitId }
    : { id: caller.openid, role: 'applicant' };
}

/** The database filter for the cases an actor may list (core listScope → query). */
export function visibleCasesFilter(db: Database, actor: Actor): Record<string, unknown> | null {
  const scope = listScope(actor, 'case.view');
  if (!scope) return null;
  switch (scope.scope) {
    case 'all':
      return {};
    case 'own':
      return { applicantId: scope.key };
    case 'unit':
      return { unitId: scope.key };
    case 'assigned':
      // 首问负责: the first agent keeps seeing a case after it moved to a colleague
      return db.command.or([{ agentId: scope.key }, { firstAgentId: scope.key }]) as Record<string, unknown>;
  }
}

/**
 * Loads a case the caller may see. A case that does not exist and one that is someone else's get
 * the same NOT_FOUND, so an id guessed from another applicant reveals nothing.
 */
export async function loadVisibleCase(ctx: ActionContext<Database>, caseId: string): Promise<CaseDoc> {
  return visibleCase(ctx, await readCase(ctx.db, caseId));
}

/** A case by id, or null (a missing id answers like someone else's case, so get() must not fail). */
export function readCase(db: Database, caseId: string): Promise<CaseDoc | null> {
  return db
    .collection(COLL.cases)
    .doc(caseId)
    .get()
    .then(
      (r) => r.data as CaseDoc | null,
      () => null,
    );
}

/** The case if the caller may see it; otherwise NOT_FOUND, the same as for a case that does not exist. */
export function visibleCase(ctx: ActionContext<Database>, doc: CaseDoc | null): CaseDoc {
  if (!doc || !authorize(actorOf(ctx.caller), 'case.view', caseViewTarget(doc)).ok)
    throw new AppError('NOT_FOUND', '没有找到这条申请');
  return doc;
}

export interface TransitionOutcome {
  doc: CaseDoc;
  event: TimelineEvent;
  notifications: Notification[];
  outboxIds: string[];
  /** the same request had already been written (by an earlier call, or by a twin running at once): nothing was written now */
  replayed?: boolean;
}

/**
 * One step of the case state machine as ONE conditional write, for staff and applicants alike (in
 * CloudBase a transaction costs a round trip to start, one per operation and one to commit, and the
 * agent at the desk waits for every one of them). The case and the calendar are read side by side,
 * the core decides (permission, state, guards), and one update on the version the caller saw writes
 * the step; its 台账 row and its messages ride on the case (`pending`, shared/effects.ts) and are
 * settled by the notify timer. Two people acting at once: the second update matches nothing →
 * CONFLICT, and nothing of it was written.
 */
export async function transitionCase(
  ctx: ActionContext<Database>,
  caseId: string,
  expectedVersion: number,
  action: CaseAction,
  /** staff names by id, for agents the step puts on the case (the acting agent, a reassignment's target) */
  staffNames: Record<string, string> = {},
  /** fields the adapter stores with the step (e.g. the signature an acceptance rests on), written in the same update */
  extra: Record<string, unknown> = {},
  /** the case and the calendar, if the adapter started reading them already (readForStep) */
  loaded: Promise<StepReads> = readForStep(ctx.db, caseId),
): Promise<TransitionOutcome> {
  const [current, calendar] = await loaded;
  const key = stepKey(ctx, expectedVersion, action);
  if (current && current.version !== expectedVersion && isReplay(current, expectedVersion, key))
    return replayed(current);
  const { next, decision } = decideStep(ctx, current, expectedVersion, action, calendar, staffNames, extra);
  next.lastStep = { key, notifications: decision.notifications };
  const outbox = outboxSeeds(fromNotifications(decision.notifications), caseFacts(next), ctx.now);
  // 台账: a step that changes nothing the row shows (a contact record) leaves the row as it is
  const ledger = sameLedgerRow(current!, next, calendar) ? null : caseId;
  const effects = outbox.length || ledger ? pendingForUpdate(ctx.db, ctx.now, { ledger, outbox }) : {};
  const r = await ctx.db
    .collection(COLL.cases)
    .where({ _id: caseId, version: expectedVersion })
    .update({ data: { ...stepChanges(ctx.db, current!, next), ...effects } });
  if (r.stats.updated !== 1) {
    // the same request may have landed first (a retry racing its own stalled write)
    const latest = await readCase(ctx.db, caseId);
    if (latest && isReplay(latest, expectedVersion, key)) return replayed(latest);
    throw new AppError('CONFLICT', '这条申请刚被他人更新，请刷新后再操作');
  }
  return {
    doc: next,
    event: decision.event,
    notifications: decision.notifications,
    outboxIds: outbox.map((o) => o._id),
  };
}

export type StepReads = [CaseDoc | null, ReturnType<typeof createWorkCalendar>];

/** What a step reads: the case and the calendar, side by side (nothing here depends on who acts). */
export function readForStep(db: Database, caseId: string): Promise<StepReads> {
  return Promise.all([readCase(db, caseId), loadCalendar(db)]);
}

/**
 * A step's fingerprint: who, on which version, what. A call that timed out while its write was
 * still on its way (the write then landed) is tapped again with the same version: it is answered
 * as done instead of CONFLICT, and nothing is written twice. Another person's step, or a different
 * step by the same person, has another fingerprint and still gets CONFLICT.
 */
function stepKey(ctx: ActionContext<Database>, expectedVersion: number, action: CaseAction): string {
  // the request as the person made it (not `extra`, which carries the time it was made)
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([actorOf(ctx.caller).id, expectedVersion, action]))
    .digest('base64url')
    .slice(0, 22);
}

const isReplay = (doc: CaseDoc, expectedVersion: number, key: string) =>
  doc.version === expectedVersion + 1 && doc.lastStep?.key === key;

function replayed(doc: CaseDoc): TransitionOutcome {
  return {
    doc,
    event: doc.timeline[doc.timeline.length - 1],
    notifications: doc.lastStep?.notifications ?? [],
    outboxIds: [],
    replayed: true,
  };
}

/**
 * The update that turns `current` into `next`: only the fields that changed, each as a whole value
 * (a nested object given as is would be merged key by key into the stored one), and the timeline's
 * new events appended rather than the whole history sent again (a case's timeline grows with every
 * contact record, and the step's write is what the agent waits for).
 */
function stepChanges(db: Database, current: CaseDoc, next: CaseDoc): Record<string, unknown> {
  const _ = db.command;
  const changes: Record<string, unknown> = {};
  const before: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(next)) {
    if (k === '_id' || k === 'pending' || v === before[k]) continue;
    if (k === 'timeline' && Array.isArray(v) && Array.isArray(before[k])) {
      const old = before[k] as unknown[];
      // the core appends to the timeline it was given: the old events are the very same objects
      // (compared by value only if not, a long timeline costs to serialise)
      if (
        v.length > old.length &&
        (old.every((e, i) => e === v[i]) || JSON.stringify(v.slice(0, old.length)) === JSON.stringify(old))
      ) {
        changes[k] = _.push(v.slice(old.length));
        continue;
      }
    }
    if (JSON.stringify(v) === JSON.stringify(before[k])) continue;
    changes[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? _.set(v) : v;
  }
  // a field the step removed
  for (const k of Object.keys(before)) if (!(k in next) && k !== '_id' && k !== 'pending') changes[k] = _.remove();
  return changes;
}

/** Permission, version and the core's decision for one step; the next stored record. */
function decideStep(
  ctx: ActionContext<Database>,
  current: CaseDoc | null,
  expectedVersion: number,
  action: CaseAction,
  calendar: ReturnType<typeof createWorkCalendar>,
  staffNames: Record<string, string> = {},
  extra: Record<string, unknown> = {},
) {
  const actor = actorOf(ctx.caller);
  // visible to whoever may view it or may take this very step (an agent of the unit accepting)
  const permission = CASE_TRANSITIONS[action.type].permission;
  const visible = (c: CaseDoc) =>
    authorize(actor, 'case.view', caseViewTarget(c)).ok || authorize(actor, permission, caseViewTarget(c)).ok;
  if (!current || !visible(current)) throw new AppError('NOT_FOUND', '没有找到这条申请');
  if (current.version !== expectedVersion) throw new AppError('CONFLICT', '这条申请刚被他人更新，请刷新后再操作');
  const decision = applyCaseAction(current, action, { actor, at: ctx.now, calendar });
  if (!decision.ok) throw new AppError('RULE_REFUSED', decision.message, { [decision.code]: decision.message });
  const record = decision.value.case;
  const nameOf = (id: string | null, known: string | null, before: string | null) =>
    id === null ? null : (staffNames[id] ?? (id === before ? known : null));
  const next: CaseDoc = {
    ...current,
    ...extra,
    ...record,
    agentName: nameOf(record.agentId, current.agentName, current.agentId),
    firstAgentName: nameOf(record.firstAgentId, current.firstAgentName, current.firstAgentId),
    version: current.version + 1,
    updatedAt: ctx.now,
    dueOn: storedDueOn(calendar, record.clock),
  };
  return { next, decision: decision.value };
}

function sameLedgerRow(a: CaseDoc, b: CaseDoc, calendar: ReturnType<typeof createWorkCalendar>): boolean {
  return (
    JSON.stringify(ledgerRow(a as never, null, [], calendar)) ===
    JSON.stringify(ledgerRow(b as never, null, [], calendar))
  );
}

export function caseFacts(c: CaseDoc) {
  return { caseId: c._id, caseNo: c.caseNo, category: c.category, mode: c.mode, status: c.status };
}

export const ACTION_LABELS = Object.fromEntries(
  Object.entries(CASE_TRANSITIONS).map(([k, v]) => [k, v.label]),
) as Record<keyof typeof CASE_TRANSITIONS, string>;
