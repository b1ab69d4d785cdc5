import { dueDate, type DeadlineClock } from '../calendar';
import type { OwnershipTarget } from '../permissions';
import { allow, filled, refuse, type Decision, type Refusal } from '../result';
import { LIFECYCLE_MESSAGES } from './messages';
import type { Notification, Recipient } from './notifications';
import type { CaseAction, CaseActionType, CaseRecord, DepartmentTask, TaskStatus, TransitionContext } from './types';

/** Helpers the action handlers share (internal: not re-exported by index.ts). */

export function no(code: keyof typeof LIFECYCLE_MESSAGES, details?: Record<string, unknown>): Refusal {
  return refuse(code, LIFECYCLE_MESSAGES[code], details);
}

interface Effect {
  patch: Partial<CaseRecord>;
  note: string | null;
  data?: Record<string, unknown>;
  notify: Notification[];
}

export const effect = (e: Effect): Decision<Effect> => allow(e);

export type Handler<A extends CaseAction> = (c: CaseRecord, a: A, ctx: Required<TransitionContext>) => Decision<Effect>;

export function applicant(c: CaseRecord): Recipient {
  return { kind: 'applicant', id: c.applicantId };
}

/** The first agent hears about everything on a case they stay accountable for, whoever acted. */
export function agentsExcept(c: CaseRecord, actorId: string): Recipient[] {
  return [...new Set([c.agentId, c.firstAgentId])]
    .filter((id): id is string => !!id && id !== actorId)
    .map((id) => ({ kind: 'staff' as const, id }));
}

export function dueParam(ctx: Required<TransitionContext>, clock: DeadlineClock): string {
  return dueDate(ctx.calendar, clock) ?? '暂停计时';
}

export function ownership(c: CaseRecord, action: CaseAction): OwnershipTarget {
  const agents = [c.agentId, c.firstAgentId];
  if (
    action.type === 'requestTaskMaterials' ||
    action.type === 'receiveTaskMaterials' ||
    action.type === 'completeTask' ||
    action.type === 'cancelTask'
  ) {
    const task = c.tasks.find((t) => t.id === action.taskId);
    return { applicantId: c.applicantId, agentIds: agents, unitIds: task ? [task.departmentId] : [] };
  }
  return { applicantId: c.applicantId, agentIds: agents, unitIds: [c.unitId] };
}

export const nonEmptyList = (xs: unknown): xs is string[] =>
  Array.isArray(xs) && xs.length > 0 && xs.every((x) => filled(x as string));

export function updateTask(
  c: CaseRecord,
  taskId: string,
  from: readonly TaskStatus[],
  change: (t: DepartmentTask) => DepartmentTask,
): Decision<DepartmentTask[]> {
  const task = c.tasks.find((t) => t.id === taskId);
  if (!task) return no('TASK_NOT_FOUND', { taskId });
  if (!from.includes(task.status)) return no('TASK_STATE', { taskId, status: task.status });
  return allow(c.tasks.map((t) => (t.id === taskId ? change(t) : t)));
}

/** One handler per action type: its guards and what it changes. */
export type Handlers = { [K in CaseActionType]: Handler<Extract<CaseAction, { type: K }>> };
