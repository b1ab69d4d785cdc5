import { CASE_STATUS_LABELS } from '../case-status';
import { authorize, type Actor } from '../permissions';
import { allow, guarded, refuse, type Decision, type Refusal } from '../result';
import { DEFAULT_SETTINGS } from '../settings';
import { no, ownership, type Handler, type Handlers } from './effects';
import { clockHandlers } from './handlers/clock';
import { departmentHandlers } from './handlers/departments';
import { endingHandlers } from './handlers/ending';
import { intakeHandlers } from './handlers/intake';
import { staffingHandlers } from './handlers/staffing';
import { supplementHandlers } from './handlers/supplement';
import type { TransitionResult } from './open-case';
import { CASE_ACTION_TYPES, CASE_TRANSITIONS, type TransitionSpec } from './transitions';
import type { CaseAction, CaseActionType, CaseRecord, TimelineEvent, TransitionContext } from './types';

const handlers: Handlers = {
  ...intakeHandlers,
  ...supplementHandlers,
  ...clockHandlers,
  ...endingHandlers,
  ...staffingHandlers,
  ...departmentHandlers,
};

function transitionError(c: CaseRecord, spec: TransitionSpec): Refusal {
  return refuse('ILLEGAL_TRANSITION', `案件当前为“${CASE_STATUS_LABELS[c.status]}”，不能${spec.label}。`, {
    status: c.status,
  });
}

/**
 * Takes one action on a case. Order of checks: the action exists, the state allows it, the actor
 * may take it on this case, time does not run backwards, then the action's own guards.
 */
export function applyCaseAction(
  c: CaseRecord,
  action: CaseAction,
  context: TransitionContext,
): Decision<TransitionResult> {
  const spec = Object.prototype.hasOwnProperty.call(CASE_TRANSITIONS, action?.type)
    ? CASE_TRANSITIONS[action.type]
    : undefined;
  if (!spec) return no('UNKNOWN_ACTION', { action: action?.type });
  if (!spec.from.includes(c.status)) return transitionError(c, spec);
  const permitted = authorize(context.actor, spec.permission, ownership(c, action));
  if (!permitted.ok) return permitted;
  const last = c.timeline[c.timeline.length - 1];
  if (last && context.at.getTime() < new Date(last.at).getTime()) return no('TIME_BEFORE_LAST_EVENT');
  const ctx: Required<TransitionContext> = { ...context, settings: context.settings ?? DEFAULT_SETTINGS };
  const handler = handlers[action.type] as Handler<CaseAction>;
  return guarded(() => {
    const effect = handler(c, action, ctx);
    if (!effect.ok) return effect;
    const to = spec.to ?? c.status;
    const event: TimelineEvent = {
      seq: c.timeline.length + 1,
      action: action.type,
      from: c.status,
      to,
      actor: { id: ctx.actor.id, role: ctx.actor.role },
      at: ctx.at,
      note: effect.value.note,
      ...(effect.value.data ? { data: effect.value.data } : {}),
    };
    const next: CaseRecord = { ...c, ...effect.value.patch, status: to, timeline: [...c.timeline, event] };
    return allow({ case: next, event, notifications: effect.value.notify });
  });
}

/** The actions an actor may try on a case now (state and permission only; guards need the input). */
/**
 * Steps on one of the case's department tasks, meetings or escalations: offered only while one is
 * in a state they apply to (the 部门任务 buttons once showed on a case without any task).
 */
const NEEDS_ONE: Partial<Record<CaseActionType, (c: CaseRecord) => boolean>> = {
  requestTaskMaterials: (c) => c.tasks.some((t) => t.status === 'handling'),
  completeTask: (c) => c.tasks.some((t) => t.status === 'handling'),
  receiveTaskMaterials: (c) => c.tasks.some((t) => t.status === 'awaiting_materials'),
  cancelTask: (c) => c.tasks.some((t) => t.status === 'handling' || t.status === 'awaiting_materials'),
  recordJointMeeting: (c) => c.meetings.some((m) => m.status === 'scheduled'),
  resolveEscalation: (c) => c.escalations.some((e) => e.status === 'open'),
};

export function availableCaseActions(c: CaseRecord, actor: Actor): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((type) => {
    const spec = CASE_TRANSITIONS[type];
    if (!spec.from.includes(c.status)) return false;
    if (NEEDS_ONE[type] && !NEEDS_ONE[type]!(c)) return false;
    // task actions are checked against the case's unit here; the task's own unit is checked on use
    return (
      authorize(actor, spec.permission, ownership(c, { type } as CaseAction)).ok ||
      (spec.permission === 'task.update' &&
        c.tasks.some(
          (t) =>
            authorize(actor, 'task.update', { agentIds: [c.agentId, c.firstAgentId], unitIds: [t.departmentId] }).ok,
        ))
    );
  });
}
