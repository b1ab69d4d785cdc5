import type { CaseStatus } from '../case-status';
import type { PermissionAction } from '../permissions';
import type { LifecycleCode } from './messages';
import type { NotificationKind } from './notifications';
import type { CaseActionType } from './types';

const OPEN: readonly CaseStatus[] = ['applied', 'accepted', 'handling', 'awaiting_materials', 'suspended'];
const AT_WINDOW: readonly CaseStatus[] = ['handling', 'awaiting_materials'];
const UNDER_WAY: readonly CaseStatus[] = ['handling', 'awaiting_materials', 'suspended'];

export interface TransitionSpec {
  from: readonly CaseStatus[];
  /** null: the case stays in its state (the action is recorded on the timeline) */
  to: CaseStatus | null;
  /** who may take it: the permission row (role × ownership) in permissions.ts */
  permission: PermissionAction;
  /** the action's own refusals, beyond ILLEGAL_TRANSITION, permission codes and TIME_BEFORE_LAST_EVENT */
  guards: readonly LifecycleCode[];
  /** the notifications it may ask for */
  notifies: readonly NotificationKind[];
  clause: string;
  label: string;
}

/** The transition table: from which states, to which, who may, what is checked and who is told. */
export const CASE_TRANSITIONS: Record<CaseActionType, TransitionSpec> = {
  accept: {
    from: ['applied'],
    to: 'accepted',
    permission: 'case.accept',
    guards: [
      'MANDATE_NOT_CONFIRMED',
      'PROCESS_NOT_EXPLAINED',
      'MATERIALS_NOT_CHECKED',
      'APPLICANT_NOT_SIGNED',
      'MANDATE_LETTER_MISSING',
    ],
    notifies: ['case_accepted'],
    clause: '§五(一)',
    label: '受理',
  },
  refuse: {
    from: ['applied'],
    to: 'refused',
    permission: 'case.refuse',
    guards: ['REASONS_REQUIRED'],
    notifies: ['case_refused'],
    clause: '§五(一)',
    label: '不予受理',
  },
  withdraw: {
    from: ['applied'],
    to: 'terminated',
    permission: 'case.withdraw',
    guards: [],
    notifies: ['case_withdrawn'],
    clause: '§二(三)',
    label: '撤回申请',
  },
  deliver: {
    from: ['accepted'],
    to: 'handling',
    permission: 'case.deliver',
    guards: ['WINDOW_REQUIRED', 'TIME_LIMIT_INVALID', 'CALENDAR_YEAR_MISSING'],
    notifies: ['handling_started'],
    clause: '§五(一)',
    label: '送达审批窗口',
  },
  requestMaterials: {
    from: ['handling'],
    to: 'awaiting_materials',
    permission: 'case.requestMaterials',
    guards: ['MISSING_MATERIALS_REQUIRED'],
    notifies: ['materials_requested'],
    clause: '§五(二)',
    label: '通知补正材料',
  },
  receiveMaterials: {
    from: ['awaiting_materials'],
    to: 'handling',
    permission: 'case.receiveMaterials',
    guards: ['CALENDAR_YEAR_MISSING'],
    notifies: ['materials_received'],
    clause: '§五(二)',
    label: '收到补正材料',
  },
  suspend: {
    from: ['handling'],
    to: 'suspended',
    permission: 'case.suspend',
    guards: ['REASON_REQUIRED'],
    notifies: ['case_suspended'],
    clause: '§五(三)',
    label: '中止',
  },
  resume: {
    from: ['suspended'],
    to: 'handling',
    permission: 'case.resume',
    guards: ['APPLICANT_NOT_CONFIRMED', 'CALENDAR_YEAR_MISSING'],
    notifies: ['case_resumed'],
    clause: '§五(三)',
    label: '续办',
  },
  extend: {
    from: AT_WINDOW,
    to: null,
    permission: 'case.extend',
    guards: ['EXTENSION_INVALID', 'EXPLANATION_REQUIRED', 'CALENDAR_YEAR_MISSING'],
    notifies: ['deadline_extended'],
    clause: '§五(三)',
    label: '延长服务时限',
  },
  reportProgress: {
    from: ['accepted', ...UNDER_WAY],
    to: null,
    permission: 'case.reportProgress',
    guards: ['NOTE_REQUIRED'],
    notifies: ['progress_report'],
    clause: '§五(二)',
    label: '反馈办理情况',
  },
  finish: {
    from: ['handling'],
    to: 'finished',
    permission: 'case.finish',
    guards: [
      'RESULT_REQUIRED',
      'TASKS_OPEN',
      'RESULT_NOT_HANDED_OVER',
      'ORIGINALS_NOT_RETURNED',
      'APPLICANT_NOT_SIGNED',
    ],
    notifies: ['case_finished', 'rating_invited'],
    clause: '§五(三)',
    label: '办结',
  },
  terminate: {
    from: ['accepted', ...UNDER_WAY],
    to: 'terminated',
    permission: 'case.terminate',
    guards: ['TERMINATION_GROUND_INVALID', 'REASON_REQUIRED', 'MATERIALS_NOT_RETURNED', 'APPLICANT_NOT_SIGNED'],
    notifies: ['case_terminated', 'rating_invited'],
    clause: '§五(三)',
    label: '终止委托',
  },
  reassign: {
    from: OPEN,
    to: null,
    permission: 'case.reassign',
    guards: ['AGENT_REQUIRED', 'REASON_REQUIRED', 'UNIT_CHANGE_CENTER_ONLY', 'SAME_AGENT'],
    notifies: ['case_reassigned'],
    clause: '§二(四)',
    label: '转派',
  },
  addTask: {
    from: AT_WINDOW,
    to: null,
    permission: 'task.add',
    guards: ['ID_REQUIRED', 'TASK_EXISTS', 'DEPARTMENT_REQUIRED', 'TIME_LIMIT_INVALID', 'CALENDAR_YEAR_MISSING'],
    notifies: ['task_assigned'],
    clause: '§五(四)',
    label: '增加并联审批部门',
  },
  requestTaskMaterials: {
    from: AT_WINDOW,
    to: null,
    permission: 'task.update',
    guards: ['MISSING_MATERIALS_REQUIRED', 'TASK_NOT_FOUND', 'TASK_STATE'],
    notifies: ['task_materials_requested'],
    clause: '§五(四)',
    label: '部门通知补正',
  },
  receiveTaskMaterials: {
    from: AT_WINDOW,
    to: null,
    permission: 'task.update',
    guards: ['TASK_NOT_FOUND', 'TASK_STATE'],
    notifies: [],
    clause: '§五(四)',
    label: '部门收到补正材料',
  },
  completeTask: {
    from: AT_WINDOW,
    to: null,
    permission: 'task.update',
    guards: ['RESULT_REQUIRED', 'TASK_NOT_FOUND', 'TASK_STATE'],
    notifies: ['task_completed'],
    clause: '§五(四)',
    label: '部门审批办结',
  },
  cancelTask: {
    from: AT_WINDOW,
    to: null,
    permission: 'task.update',
    guards: ['REASON_REQUIRED', 'TASK_NOT_FOUND', 'TASK_STATE'],
    notifies: [],
    clause: '§五(四)',
    label: '撤销部门任务',
  },
  conveneJointMeeting: {
    from: UNDER_WAY,
    to: null,
    permission: 'meeting.convene',
    guards: ['ID_REQUIRED', 'MEETING_EXISTS', 'MEETING_NEEDS_TWO_DEPARTMENTS', 'TOPIC_REQUIRED'],
    notifies: ['joint_meeting_convened'],
    clause: '§五(四)',
    label: '召开并联审联批会议',
  },
  recordJointMeeting: {
    from: UNDER_WAY,
    to: null,
    permission: 'meeting.record',
    guards: ['MEETING_NOT_FOUND', 'MEETING_ALREADY_RECORDED', 'MINUTES_REQUIRED'],
    notifies: [],
    clause: '§五(四)',
    label: '登记会议结果',
  },
  escalate: {
    from: UNDER_WAY,
    to: null,
    permission: 'case.escalate',
    guards: ['ID_REQUIRED', 'ESCALATION_EXISTS', 'ISSUE_REQUIRED'],
    notifies: ['escalated'],
    clause: '§五(四)',
    label: '报请分管领导协调',
  },
  resolveEscalation: {
    from: UNDER_WAY,
    to: null,
    permission: 'escalation.resolve',
    guards: ['ESCALATION_NOT_FOUND', 'ESCALATION_RESOLVED', 'RESOLUTION_REQUIRED'],
    notifies: ['escalation_resolved'],
    clause: '§五(四)',
    label: '登记协调结果',
  },
  take: {
    from: ['applied'],
    to: null,
    permission: 'case.take',
    guards: ['SAME_AGENT'],
    notifies: ['case_reassigned'],
    clause: '§二(四)',
    label: '认领',
  },
  supervise: {
    from: OPEN,
    to: null,
    permission: 'case.supervise',
    guards: ['NOTE_REQUIRED'],
    notifies: ['case_supervised'],
    clause: '§四(二)',
    label: '督办',
  },
};

export const CASE_ACTION_TYPES = Object.keys(CASE_TRANSITIONS) as CaseActionType[];
