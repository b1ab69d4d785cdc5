import { beijingDate } from '../../beijing-time';
import { pauseClock, resumeClock, startClock } from '../../calendar';
import { filled, refuse } from '../../result';
import { agentsExcept, applicant, dueParam, effect, no, nonEmptyList, type Handlers, updateTask } from '../effects';
import { APPROVAL_OUTCOMES, type DepartmentTask, type Escalation, type JointMeeting } from '../types';

/** §五(四) 并联审批: department tasks, joint meetings and escalations. */
export const departmentHandlers: Pick<
  Handlers,
  | 'addTask'
  | 'requestTaskMaterials'
  | 'receiveTaskMaterials'
  | 'completeTask'
  | 'cancelTask'
  | 'conveneJointMeeting'
  | 'recordJointMeeting'
  | 'escalate'
  | 'resolveEscalation'
> = {
  addTask(c, a, ctx) {
    if (!filled(a.taskId)) return no('ID_REQUIRED');
    if (c.tasks.some((t) => t.id === a.taskId)) return no('TASK_EXISTS');
    if (!filled(a.departmentId) || !filled(a.matter)) return no('DEPARTMENT_REQUIRED');
    const max = ctx.settings.lifecycle.maxCommittedWorkingDays;
    if (!Number.isInteger(a.committedWorkingDays) || a.committedWorkingDays < 0 || a.committedWorkingDays > max) {
      return refuse('TIME_LIMIT_INVALID', `承诺时限应为0到${max}个工作日。`, { max });
    }
    const clock = startClock(ctx.calendar, ctx.at, a.committedWorkingDays, ctx.settings.calendar);
    const task: DepartmentTask = {
      id: a.taskId,
      departmentId: a.departmentId,
      matter: a.matter.trim(),
      status: 'handling',
      clock,
      outcome: null,
      note: null,
    };
    const due = dueParam(ctx, clock);
    return effect({
      patch: { tasks: [...c.tasks, task] },
      note: a.matter.trim(),
      data: { taskId: a.taskId, departmentId: a.departmentId, due },
      notify: [{ kind: 'task_assigned', to: { kind: 'unit_leader', unitId: a.departmentId }, params: { due } }],
    });
  },

  requestTaskMaterials(c, a, ctx) {
    if (!nonEmptyList(a.missing)) return no('MISSING_MATERIALS_REQUIRED');
    const tasks = updateTask(c, a.taskId, ['handling'], (t) => ({
      ...t,
      status: 'awaiting_materials',
      clock: pauseClock(t.clock, ctx.at, 'materials'),
    }));
    if (!tasks.ok) return tasks;
    return effect({
      patch: { tasks: tasks.value },
      note: a.missing.join('、'),
      data: { taskId: a.taskId, missing: a.missing },
      notify: [
        { kind: 'task_materials_requested', to: applicant(c), params: { count: a.missing.length } },
        ...agentsExcept(c, ctx.actor.id).map((to) => ({
          kind: 'task_materials_requested' as const,
          to,
          params: { count: a.missing.length },
        })),
      ],
    });
  },

  receiveTaskMaterials(c, a, ctx) {
    const tasks = updateTask(c, a.taskId, ['awaiting_materials'], (t) => ({
      ...t,
      status: 'handling',
      clock: resumeClock(t.clock, ctx.at),
    }));
    if (!tasks.ok) return tasks;
    return effect({ patch: { tasks: tasks.value }, note: null, data: { taskId: a.taskId }, notify: [] });
  },

  completeTask(c, a, ctx) {
    if (!(APPROVAL_OUTCOMES as readonly string[]).includes(a.outcome)) return no('RESULT_REQUIRED');
    const tasks = updateTask(c, a.taskId, ['handling'], (t) => ({
      ...t,
      status: 'completed',
      outcome: a.outcome,
      note: a.note ?? null,
    }));
    if (!tasks.ok) return tasks;
    return effect({
      patch: { tasks: tasks.value },
      note: a.note ?? null,
      data: { taskId: a.taskId, outcome: a.outcome },
      notify: agentsExcept(c, ctx.actor.id).map((to) => ({
        kind: 'task_completed' as const,
        to,
        params: { outcome: a.outcome },
      })),
    });
  },

  cancelTask(c, a) {
    if (!filled(a.reason)) return no('REASON_REQUIRED');
    const tasks = updateTask(c, a.taskId, ['handling', 'awaiting_materials'], (t) => ({
      ...t,
      status: 'cancelled',
      note: a.reason,
    }));
    if (!tasks.ok) return tasks;
    return effect({ patch: { tasks: tasks.value }, note: a.reason, data: { taskId: a.taskId }, notify: [] });
  },

  conveneJointMeeting(c, a) {
    if (!filled(a.meetingId)) return no('ID_REQUIRED');
    if (c.meetings.some((m) => m.id === a.meetingId)) return no('MEETING_EXISTS');
    const departments = [...new Set((a.departmentIds ?? []).filter((d) => filled(d)))];
    if (departments.length < 2) return no('MEETING_NEEDS_TWO_DEPARTMENTS');
    if (!filled(a.topic)) return no('TOPIC_REQUIRED');
    const place = filled(a.place) ? a.place.trim() : null;
    const meeting: JointMeeting = {
      id: a.meetingId,
      departmentIds: departments,
      topic: a.topic.trim(),
      scheduledFor: a.scheduledFor,
      place,
      status: 'scheduled',
      minutes: null,
    };
    return effect({
      patch: { meetings: [...c.meetings, meeting] },
      note: a.topic.trim(),
      data: { meetingId: a.meetingId, departmentIds: departments, scheduledFor: a.scheduledFor.toISOString(), place },
      notify: [
        ...departments.map((unitId) => ({
          kind: 'joint_meeting_convened' as const,
          to: { kind: 'unit_leader' as const, unitId },
          params: { date: beijingDate(a.scheduledFor) },
        })),
        ...agentsExcept(c, '').map((to) => ({
          kind: 'joint_meeting_convened' as const,
          to,
          params: { date: beijingDate(a.scheduledFor) },
        })),
      ],
    });
  },

  recordJointMeeting(c, a) {
    const meeting = c.meetings.find((m) => m.id === a.meetingId);
    if (!meeting) return no('MEETING_NOT_FOUND');
    if (meeting.status === 'held') return no('MEETING_ALREADY_RECORDED');
    if (!filled(a.minutes)) return no('MINUTES_REQUIRED');
    return effect({
      patch: {
        meetings: c.meetings.map((m) =>
          m.id === a.meetingId ? { ...m, status: 'held' as const, minutes: a.minutes } : m,
        ),
      },
      note: a.minutes,
      data: { meetingId: a.meetingId },
      notify: [],
    });
  },

  escalate(c, a, ctx) {
    if (!filled(a.escalationId)) return no('ID_REQUIRED');
    if (c.escalations.some((e) => e.id === a.escalationId)) return no('ESCALATION_EXISTS');
    if (!filled(a.issue)) return no('ISSUE_REQUIRED');
    const escalation: Escalation = {
      id: a.escalationId,
      issue: a.issue.trim(),
      raisedAt: ctx.at,
      status: 'open',
      resolution: null,
    };
    return effect({
      patch: { escalations: [...c.escalations, escalation] },
      note: a.issue.trim(),
      data: { escalationId: a.escalationId },
      notify: [
        { kind: 'escalated', to: { kind: 'leader_in_charge' }, params: {} },
        { kind: 'escalated', to: { kind: 'unit_leader', unitId: c.unitId }, params: {} },
      ],
    });
  },

  resolveEscalation(c, a, ctx) {
    const escalation = c.escalations.find((e) => e.id === a.escalationId);
    if (!escalation) return no('ESCALATION_NOT_FOUND');
    if (escalation.status === 'resolved') return no('ESCALATION_RESOLVED');
    if (!filled(a.resolution)) return no('RESOLUTION_REQUIRED');
    return effect({
      patch: {
        escalations: c.escalations.map((e) =>
          e.id === a.escalationId ? { ...e, status: 'resolved' as const, resolution: a.resolution } : e,
        ),
      },
      note: a.resolution,
      data: { escalationId: a.escalationId },
      notify: agentsExcept(c, ctx.actor.id).map((to) => ({ kind: 'escalation_resolved' as const, to, params: {} })),
    });
  },
};
