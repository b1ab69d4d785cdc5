import { beijingDate, daysBetween } from './beijing-time';
import {
  addWorkingDays,
  dueDate,
  extendClock,
  pauseClock,
  resumeClock,
  startClock,
  type DeadlineClock,
  type WorkCalendar,
} from './calendar';
import { CASE_STATUS_LABELS, ENDED_STATUSES, type CaseStatus } from './case-status';
import { authorize, type Actor, type OwnershipTarget, type PermissionAction } from './permissions';
import { allow, filled, guarded, refuse, type Decision, type Refusal } from './result';
import type { Role } from './roles';
import type { Category, ServiceMode } from './scope';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * 五、帮办代办服务流程 as an explicit state machine. A case is plain data; `applyCaseAction` takes a
 * case, an action and who/when, and answers either the next case with the timeline event it
 * recorded and the notifications it asks for, or a refusal with a code. Nothing here reads a clock
 * or a database: the cloud function loads, calls, and saves.
 */

// ─── Data ────────────────────────────────────────────────────────────────────────────────────────

export interface Reason {
  code: string;
  message: string;
}

export const TASK_STATUSES = ['handling', 'awaiting_materials', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  handling: '审批中',
  awaiting_materials: '待补正',
  completed: '已办结',
  cancelled: '已撤销',
};

/** 代办不包办: the approval result is what the window or department decided, recorded as such. */
export const APPROVAL_OUTCOMES = ['approved', 'not_approved'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];
export const APPROVAL_OUTCOME_LABELS: Record<ApprovalOutcome, string> = {
  approved: '准予办理',
  not_approved: '不予办理',
};

/** §五(四) 并联审批: one department's part of a case, with its own state and time limit. */
export interface DepartmentTask {
  id: string;
  departmentId: string;
  matter: string;
  status: TaskStatus;
  clock: DeadlineClock;
  outcome: ApprovalOutcome | null;
  note: string | null;
}

/** §五(四) 并联审联批会议, led by the center. */
export interface JointMeeting {
  id: string;
  departmentIds: string[];
  topic: string;
  scheduledFor: Date;
  /** where it meets; older records have none */
  place?: string | null;
  status: 'scheduled' | 'held';
  minutes: string | null;
}

/** §五(四) 报请政府分管领导协商解决. */
export interface Escalation {
  id: string;
  issue: string;
  raisedAt: Date;
  status: 'open' | 'resolved';
  resolution: string | null;
}

export interface CaseResult {
  outcome: ApprovalOutcome;
  /** the window or department that decided */
  decidedBy: string;
  documentNo: string | null;
}

/** §五(二) 及时主动联系申请人: how the agent reached them. */
export const CONTACT_CHANNELS = ['phone', 'visit', 'message'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  phone: '电话',
  visit: '面谈/上门',
  message: '消息',
};

export const TERMINATION_GROUNDS = ['applicant_request', 'cannot_finish'] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];
export const TERMINATION_GROUND_LABELS: Record<TerminationGround, string> = {
  applicant_request: '申请人主动要求终止委托',
  cannot_finish: '业务本身不具备办结条件',
};

export interface TimelineEvent {
  seq: number;
  action: CaseActionType | 'apply';
  from: CaseStatus | null;
  to: CaseStatus;
  actor: { id: string; role: Role };
  at: Date;
  note: string | null;
  data?: Record<string, unknown>;
}

export interface CaseRecord {
  status: CaseStatus;
  category: Category;
  mode: ServiceMode;
  applicantId: string;
  /** 帮办代办责任单位 (§四(一)) */
  unitId: string;
  /** the agent working the case now */
  agentId: string | null;
  /** 首问负责: the agent who took the request up; stays the applicant's accountable contact */
  firstAgentId: string | null;
  /** the approval window the materials went to */
  window: string | null;
  clock: DeadlineClock | null;
  /** the current 补正 list (一次性告知) */
  missingMaterials: string[];
  refusalReasons: Reason[];
  suspensionReason: string | null;
  result: CaseResult | null;
  termination: { ground: TerminationGround; reason: string } | null;
  tasks: DepartmentTask[];
  meetings: JointMeeting[];
  escalations: Escalation[];
  /** last time the agent reported progress to the applicant (§五(二) 定期反馈) */
  lastContactAt: Date | null;
  /** when the current 补正 was asked for (the applicant's upload after it answers it); absent on
   * records made before it was kept, where the timeline tells */
  materialsRequestedAt?: Date | null;
  endedAt: Date | null;
  timeline: TimelineEvent[];
}

// ─── Actions ─────────────────────────────────────────────────────────────────────────────────────

export type CaseAction =
  | {
      type: 'accept';
      mandateConfirmed: boolean;
      processExplained: boolean;
      materialsChecked: boolean;
      applicantSigned: boolean;
      mandateLetterSigned?: boolean;
      note?: string;
    }
  | { type: 'refuse'; reasons: Reason[] }
  | { type: 'withdraw'; reason?: string }
  | { type: 'deliver'; window: string; committedWorkingDays: number; note?: string }
  | { type: 'requestMaterials'; missing: string[]; note?: string }
  | { type: 'receiveMaterials'; note?: string }
  | { type: 'suspend'; reason: string }
  | { type: 'resume'; applicantConfirmed: boolean; note?: string }
  | { type: 'extend'; extraWorkingDays: number; explanation: string; explainedToApplicant: boolean }
  | { type: 'reportProgress'; note: string; channel?: ContactChannel }
  | {
      type: 'finish';
      result: { outcome: ApprovalOutcome; decidedBy: string; documentNo?: string };
      resultHandedOver: boolean;
      originalsReturned: boolean;
      /** the applicant signed the receipt in front of the agent (a signature the adapter can see) */
      applicantSigned: boolean;
      /** or the applicant signs it on the phone afterwards: the case shows 待签收 until they do */
      receiptOnPhone?: boolean;
      note?: string;
    }
  | {
      type: 'terminate';
      ground: TerminationGround;
      reason: string;
      materialsReturned: boolean;
      applicantSigned: boolean;
    }
  | { type: 'reassign'; toAgentId: string; toUnitId?: string; reason: string }
  | { type: 'addTask'; taskId: string; departmentId: string; matter: string; committedWorkingDays: number }
  | { type: 'requestTaskMaterials'; taskId: string; missing: string[] }
  | { type: 'receiveTaskMaterials'; taskId: string }
  | { type: 'completeTask'; taskId: string; outcome: ApprovalOutcome; note?: string }
  | { type: 'cancelTask'; taskId: string; reason: string }
  | {
      type: 'conveneJointMeeting';
      meetingId: string;
      departmentIds: string[];
      topic: string;
      scheduledFor: Date;
      place?: string;
    }
  | { type: 'recordJointMeeting'; meetingId: string; minutes: string }
  | { type: 'escalate'; escalationId: string; issue: string }
  | { type: 'resolveEscalation'; escalationId: string; resolution: string }
  | { type: 'take' }
  | { type: 'supervise'; note: string };

export type CaseActionType = CaseAction['type'];

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

// ─── Notifications ───────────────────────────────────────────────────────────────────────────────

export type Recipient =
  | { kind: 'applicant'; id: string }
  | { kind: 'staff'; id: string }
  | { kind: 'unit_leader'; unitId: string }
  | { kind: 'center' }
  | { kind: 'leader_in_charge' };

export const NOTIFICATION_KINDS = {
  case_assigned: '新的帮办代办申请',
  case_accepted: '申请已受理',
  case_refused: '申请不予受理',
  case_withdrawn: '申请人已撤回申请',
  handling_started: '已送达审批窗口办理',
  materials_requested: '请补正材料',
  materials_received: '补正材料已收到',
  case_suspended: '办理已中止',
  case_resumed: '已续办',
  deadline_extended: '服务时限已延长',
  progress_report: '办理进度反馈',
  case_finished: '已办结，请签收结果',
  rating_invited: '请对帮办代办服务评价',
  case_terminated: '委托已终止',
  case_reassigned: '案件已转派',
  task_assigned: '并联审批任务',
  task_materials_requested: '部门要求补正材料',
  task_completed: '部门审批已办结',
  joint_meeting_convened: '并联审联批会议通知',
  escalated: '需分管领导协调',
  escalation_resolved: '协调结果',
  case_supervised: '责任领导督办',
  // 好差评 (core/rating.ts badRatingNotices)
  bad_rating_opened: '收到差评，请回访整改',
  bad_rating_rectified: '差评整改结果',
  bad_rating_appealed: '差评申诉待复核',
  bad_rating_reviewed: '差评核实或复核结果',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export interface Notification {
  kind: NotificationKind;
  to: Recipient;
  /** short values for the message template; never personal data */
  params: Record<string, string | number>;
}

// ─── Messages ────────────────────────────────────────────────────────────────────────────────────

export const LIFECYCLE_MESSAGES = {
  UNKNOWN_ACTION: '没有这个操作。',
  TIME_BEFORE_LAST_EVENT: '操作时间早于案件的上一条记录，请刷新后重试。',
  MANDATE_NOT_CONFIRMED: '请先与申请人确认委托需求。',
  PROCESS_NOT_EXPLAINED: '请先向申请人说明帮办代办服务流程。',
  MATERIALS_NOT_CHECKED: '请先核实申请人的相关资料。',
  APPLICANT_NOT_SIGNED: '须经申请人确认签字。',
  MANDATE_LETTER_MISSING: '代办须由申请人签署代办服务委托书。',
  REASONS_REQUIRED: '不予受理须逐条写明理由。',
  WINDOW_REQUIRED: '请填写送达的审批窗口。',
  MISSING_MATERIALS_REQUIRED: '请逐项列明需要补正的材料（一次性告知）。',
  REASON_REQUIRED: '请填写原因。',
  APPLICANT_NOT_CONFIRMED: '续办须经申请人确认（续办委托书）。',
  EXPLANATION_REQUIRED: '延长服务时限须写明情况，并已向申请人做好解释说明。',
  NOTE_REQUIRED: '请填写内容。',
  RESULT_REQUIRED: '请登记审批窗口或部门作出的办理结果及作出单位。',
  RESULT_NOT_HANDED_OVER: '须向申请人移交办理结果。',
  ORIGINALS_NOT_RETURNED: '须向申请人移交有关原始资料。',
  TASKS_OPEN: '还有部门审批任务未办结，暂不能办结。',
  TERMINATION_GROUND_INVALID: '请选择终止原因：申请人主动要求终止委托，或业务本身不具备办结条件。',
  MATERIALS_NOT_RETURNED: '终止委托须向申请人移交相关资料。',
  SAME_AGENT: '该帮代办员已在经办此案件。',
  AGENT_REQUIRED: '请选择接手的帮代办员。',
  UNIT_CHANGE_CENTER_ONLY: '只有政务服务中心可以把案件转到其他单位。',
  ID_REQUIRED: '缺少编号。',
  TASK_EXISTS: '该部门任务已存在。',
  TASK_NOT_FOUND: '没有这个部门任务。',
  TASK_STATE: '该部门任务当前状态下不能执行此操作。',
  DEPARTMENT_REQUIRED: '请填写审批部门和事项。',
  MEETING_NEEDS_TWO_DEPARTMENTS: '并联审联批会议至少需要两个审批部门参加。',
  MEETING_EXISTS: '该会议已登记。',
  MEETING_NOT_FOUND: '没有这个会议。',
  MEETING_ALREADY_RECORDED: '该会议结果已登记。',
  TOPIC_REQUIRED: '请填写会议议题。',
  MINUTES_REQUIRED: '请填写会议纪要或结论。',
  ESCALATION_EXISTS: '该协调事项已登记。',
  ESCALATION_NOT_FOUND: '没有这个协调事项。',
  ESCALATION_RESOLVED: '该协调事项已有结果。',
  ISSUE_REQUIRED: '请写明需要协调解决的问题。',
  RESOLUTION_REQUIRED: '请填写协调结果。',
} as const;

export type LifecycleCode =
  | keyof typeof LIFECYCLE_MESSAGES
  | 'ILLEGAL_TRANSITION'
  | 'TIME_LIMIT_INVALID'
  | 'EXTENSION_INVALID'
  | 'CALENDAR_YEAR_MISSING';

function no(code: keyof typeof LIFECYCLE_MESSAGES, details?: Record<string, unknown>): Refusal {
  return refuse(code, LIFECYCLE_MESSAGES[code], details);
}

// ─── Opening a case ──────────────────────────────────────────────────────────────────────────────

export interface TransitionResult {
  case: CaseRecord;
  event: TimelineEvent;
  notifications: Notification[];
}

export interface OpenCaseInput {
  applicantId: string;
  category: Category;
  mode: ServiceMode;
  unitId: string;
  /** the agent routing picked, or null when nobody of the unit is on duty */
  agentId: string | null;
}

/** §五(一) 申请: a new case in state applied, routed to a unit and, if possible, an agent. */
export function openCase(input: OpenCaseInput, at: Date): TransitionResult {
  const event: TimelineEvent = {
    seq: 1,
    action: 'apply',
    from: null,
    to: 'applied',
    actor: { id: input.applicantId, role: 'applicant' },
    at,
    note: null,
  };
  const record: CaseRecord = {
    status: 'applied',
    ...input,
    firstAgentId: null,
    window: null,
    clock: null,
    missingMaterials: [],
    refusalReasons: [],
    suspensionReason: null,
    result: null,
    termination: null,
    tasks: [],
    meetings: [],
    escalations: [],
    lastContactAt: null,
    endedAt: null,
    timeline: [event],
  };
  const to: Recipient = input.agentId
    ? { kind: 'staff', id: input.agentId }
    : { kind: 'unit_leader', unitId: input.unitId };
  return { case: record, event, notifications: [{ kind: 'case_assigned', to, params: { category: input.category } }] };
}

// ─── Applying an action ──────────────────────────────────────────────────────────────────────────

export interface TransitionContext {
  actor: Actor;
  at: Date;
  calendar: WorkCalendar;
  settings?: Settings;
}

interface Effect {
  patch: Partial<CaseRecord>;
  note: string | null;
  data?: Record<string, unknown>;
  notify: Notification[];
}

const effect = (e: Effect): Decision<Effect> => allow(e);

type Handler<A extends CaseAction> = (c: CaseRecord, a: A, ctx: Required<TransitionContext>) => Decision<Effect>;

/** 首问负责: the applicant's accountable contact is the first agent, whoever works the case now. */
export function accountableAgent(c: CaseRecord): string | null {
  return c.firstAgentId ?? c.agentId;
}

function applicant(c: CaseRecord): Recipient {
  return { kind: 'applicant', id: c.applicantId };
}

/** The first agent hears about everything on a case they stay accountable for, whoever acted. */
function agentsExcept(c: CaseRecord, actorId: string): Recipient[] {
  return [...new Set([c.agentId, c.firstAgentId])]
    .filter((id): id is string => !!id && id !== actorId)
    .map((id) => ({ kind: 'staff' as const, id }));
}

function dueParam(ctx: Required<TransitionContext>, clock: DeadlineClock): string {
  return dueDate(ctx.calendar, clock) ?? '暂停计时';
}

function ownership(c: CaseRecord, action: CaseAction): OwnershipTarget {
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

const nonEmptyList = (xs: unknown): xs is string[] =>
  Array.isArray(xs) && xs.length > 0 && xs.every((x) => filled(x as string));

function updateTask(
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

const handlers: { [K in CaseActionType]: Handler<Extract<CaseAction, { type: K }>> } = {
  accept(c, a, ctx) {
    if (!a.mandateConfirmed) return no('MANDATE_NOT_CONFIRMED');
    if (!a.processExplained) return no('PROCESS_NOT_EXPLAINED');
    if (!a.materialsChecked) return no('MATERIALS_NOT_CHECKED');
    if (!a.applicantSigned) return no('APPLICANT_NOT_SIGNED');
    if (c.mode === 'proxy' && !a.mandateLetterSigned) return no('MANDATE_LETTER_MISSING');
    // whoever at the unit's post takes the request up becomes its first, accountable agent
    return effect({
      patch: { agentId: ctx.actor.id, firstAgentId: c.firstAgentId ?? ctx.actor.id, lastContactAt: ctx.at },
      note: a.note ?? null,
      notify: [{ kind: 'case_accepted', to: applicant(c), params: { contact: ctx.actor.id } }],
    });
  },

  refuse(c, a, ctx) {
    if (
      !Array.isArray(a.reasons) ||
      a.reasons.length === 0 ||
      !a.reasons.every((r) => filled(r?.code) && filled(r?.message))
    )
      return no('REASONS_REQUIRED');
    return effect({
      patch: {
        refusalReasons: a.reasons,
        agentId: ctx.actor.id,
        firstAgentId: c.firstAgentId ?? ctx.actor.id,
        endedAt: ctx.at,
      },
      note: a.reasons.map((r) => r.message).join('；'),
      data: { reasons: a.reasons.map((r) => r.code) },
      notify: [{ kind: 'case_refused', to: applicant(c), params: { reasons: a.reasons.length } }],
    });
  },

  withdraw(c, a, ctx) {
    return effect({
      patch: {
        termination: { ground: 'applicant_request', reason: filled(a.reason) ? a.reason : '申请人撤回申请' },
        endedAt: ctx.at,
      },
      note: a.reason ?? null,
      notify: c.agentId ? [{ kind: 'case_withdrawn', to: { kind: 'staff', id: c.agentId }, params: {} }] : [],
    });
  },

  deliver(c, a, ctx) {
    if (!filled(a.window)) return no('WINDOW_REQUIRED');
    const max = ctx.settings.lifecycle.maxCommittedWorkingDays;
    if (!Number.isInteger(a.committedWorkingDays) || a.committedWorkingDays < 0 || a.committedWorkingDays > max) {
      return refuse('TIME_LIMIT_INVALID', `承诺时限应为0到${max}个工作日。`, { max });
    }
    const clock = startClock(ctx.calendar, ctx.at, a.committedWorkingDays, ctx.settings.calendar);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { window: a.window.trim(), clock },
      note: a.note ?? null,
      data: { window: a.window.trim(), committedWorkingDays: a.committedWorkingDays, due },
      notify: [{ kind: 'handling_started', to: applicant(c), params: { window: a.window.trim(), due } }],
    });
  },

  requestMaterials(c, a, ctx) {
    if (!nonEmptyList(a.missing)) return no('MISSING_MATERIALS_REQUIRED');
    return effect({
      patch: {
        missingMaterials: a.missing,
        clock: pauseClock(c.clock!, ctx.at, 'materials'),
        lastContactAt: ctx.at,
        materialsRequestedAt: ctx.at,
      },
      note: a.note ?? a.missing.join('、'),
      data: { missing: a.missing },
      notify: [{ kind: 'materials_requested', to: applicant(c), params: { count: a.missing.length } }],
    });
  },

  receiveMaterials(c, a, ctx) {
    const clock = resumeClock(c.clock!, ctx.at);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { missingMaterials: [], clock, lastContactAt: ctx.at },
      note: a.note ?? null,
      data: { due },
      notify: [{ kind: 'materials_received', to: applicant(c), params: { due } }],
    });
  },

  suspend(c, a, ctx) {
    if (!filled(a.reason)) return no('REASON_REQUIRED');
    // 中止 stops the case's clock and every department clock still running
    const tasks = c.tasks.map((t) =>
      t.status === 'handling' || t.status === 'awaiting_materials'
        ? { ...t, clock: pauseClock(t.clock, ctx.at, 'suspension') }
        : t,
    );
    return effect({
      patch: { suspensionReason: a.reason, clock: pauseClock(c.clock!, ctx.at, 'suspension'), tasks },
      note: a.reason,
      notify: [
        { kind: 'case_suspended', to: applicant(c), params: {} },
        ...agentsExcept(c, ctx.actor.id).map((to) => ({ kind: 'case_suspended' as const, to, params: {} })),
      ],
    });
  },

  resume(c, a, ctx) {
    if (!a.applicantConfirmed) return no('APPLICANT_NOT_CONFIRMED');
    // tasks paused by the suspension run again; a task waiting for its own 补正 keeps waiting
    const tasks = c.tasks.map((t) => (t.status === 'handling' ? { ...t, clock: resumeClock(t.clock, ctx.at) } : t));
    const clock = resumeClock(c.clock!, ctx.at);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { suspensionReason: null, clock, tasks, lastContactAt: ctx.at },
      note: a.note ?? null,
      data: { due },
      notify: [{ kind: 'case_resumed', to: applicant(c), params: { due } }],
    });
  },

  extend(c, a, ctx) {
    const max = ctx.settings.lifecycle.maxExtensionWorkingDays;
    const total = c.clock!.extraWorkingDays + a.extraWorkingDays;
    if (!Number.isInteger(a.extraWorkingDays) || a.extraWorkingDays < 1 || total > max) {
      return refuse('EXTENSION_INVALID', `延长的工作日数应为正整数，且累计不超过${max}个工作日。`, {
        max,
        alreadyExtended: c.clock!.extraWorkingDays,
      });
    }
    if (!filled(a.explanation) || !a.explainedToApplicant) return no('EXPLANATION_REQUIRED');
    const clock = extendClock(c.clock!, a.extraWorkingDays);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { clock, lastContactAt: ctx.at },
      note: a.explanation,
      data: { extraWorkingDays: a.extraWorkingDays, previousDue: dueParam(ctx, c.clock!), due },
      notify: [{ kind: 'deadline_extended', to: applicant(c), params: { due } }],
    });
  },

  reportProgress(c, a, ctx) {
    if (!filled(a.note)) return no('NOTE_REQUIRED');
    const channel = a.channel && (CONTACT_CHANNELS as readonly string[]).includes(a.channel) ? a.channel : null;
    return effect({
      patch: { lastContactAt: ctx.at },
      note: a.note,
      ...(channel ? { data: { channel } } : {}),
      notify: [{ kind: 'progress_report', to: applicant(c), params: {} }],
    });
  },

  finish(c, a, ctx) {
    const r = a.result;
    if (!r || !(['approved', 'not_approved'] as const).includes(r.outcome) || !filled(r.decidedBy))
      return no('RESULT_REQUIRED');
    if (c.tasks.some((t) => t.status === 'handling' || t.status === 'awaiting_materials'))
      return no('TASKS_OPEN', {
        open: c.tasks.filter((t) => t.status === 'handling' || t.status === 'awaiting_materials').map((t) => t.id),
      });
    if (!a.resultHandedOver) return no('RESULT_NOT_HANDED_OVER');
    if (!a.originalsReturned) return no('ORIGINALS_NOT_RETURNED');
    if (!a.applicantSigned && !a.receiptOnPhone) return no('APPLICANT_NOT_SIGNED');
    return effect({
      patch: {
        result: { outcome: r.outcome, decidedBy: r.decidedBy.trim(), documentNo: r.documentNo?.trim() || null },
        endedAt: ctx.at,
      },
      note: a.note ?? null,
      // the record says how the receipt was (or is to be) signed, never that it was when it was not
      data: { outcome: r.outcome, decidedBy: r.decidedBy.trim(), receipt: a.applicantSigned ? 'signed' : 'on_phone' },
      // §五(五) 评价反馈: the end of the service is when the applicant is asked to rate it
      notify: [
        { kind: 'case_finished', to: applicant(c), params: { outcome: r.outcome } },
        { kind: 'rating_invited', to: applicant(c), params: {} },
      ],
    });
  },

  terminate(c, a, ctx) {
    if (!(TERMINATION_GROUNDS as readonly string[]).includes(a.ground)) return no('TERMINATION_GROUND_INVALID');
    if (!filled(a.reason)) return no('REASON_REQUIRED');
    if (!a.materialsReturned) return no('MATERIALS_NOT_RETURNED');
    if (!a.applicantSigned) return no('APPLICANT_NOT_SIGNED');
    const tasks = c.tasks.map((t) =>
      t.status === 'handling' || t.status === 'awaiting_materials'
        ? { ...t, status: 'cancelled' as const, note: '委托终止' }
        : t,
    );
    return effect({
      patch: { termination: { ground: a.ground, reason: a.reason }, tasks, endedAt: ctx.at },
      note: a.reason,
      data: { ground: a.ground },
      notify: [
        { kind: 'case_terminated', to: applicant(c), params: { ground: a.ground } },
        { kind: 'rating_invited', to: applicant(c), params: {} },
      ],
    });
  },

  reassign(c, a, ctx) {
    if (!filled(a.toAgentId)) return no('AGENT_REQUIRED');
    if (!filled(a.reason)) return no('REASON_REQUIRED');
    const unitId = filled(a.toUnitId) ? a.toUnitId : c.unitId;
    if (unitId !== c.unitId && ctx.actor.role !== 'center') return no('UNIT_CHANGE_CENTER_ONLY');
    if (a.toAgentId === c.agentId && unitId === c.unitId) return no('SAME_AGENT');
    const contact = accountableAgent(c);
    return effect({
      // firstAgentId is deliberately untouched: 首问负责 survives any number of reassignments
      patch: { agentId: a.toAgentId, unitId },
      note: a.reason,
      data: { fromAgentId: c.agentId, toAgentId: a.toAgentId, fromUnitId: c.unitId, toUnitId: unitId },
      notify: [
        { kind: 'case_reassigned', to: { kind: 'staff', id: a.toAgentId }, params: {} },
        ...(contact && contact !== a.toAgentId
          ? [{ kind: 'case_reassigned' as const, to: { kind: 'staff' as const, id: contact }, params: {} }]
          : []),
        ...(c.firstAgentId
          ? [{ kind: 'case_reassigned' as const, to: applicant(c), params: { contact: c.firstAgentId } }]
          : []),
      ],
    });
  },

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

  take(c, _a, ctx) {
    // an agent of the unit takes up a request nobody (or somebody else) was given: it becomes theirs to accept or refuse
    if (c.agentId === ctx.actor.id) return no('SAME_AGENT');
    return effect({
      patch: { agentId: ctx.actor.id },
      note: null,
      data: { fromAgentId: c.agentId },
      notify: c.agentId ? [{ kind: 'case_reassigned', to: { kind: 'staff', id: c.agentId }, params: {} }] : [],
    });
  },

  supervise(c, a, ctx) {
    // §四(二) 督办: the leader's note goes on the record the agents see; the applicant is not told
    if (!filled(a.note)) return no('NOTE_REQUIRED');
    const to = agentsExcept(c, ctx.actor.id);
    return effect({
      patch: {},
      note: a.note.trim(),
      notify: to.length
        ? to.map((r) => ({ kind: 'case_supervised' as const, to: r, params: {} }))
        : [{ kind: 'case_supervised', to: { kind: 'unit_leader', unitId: c.unitId }, params: {} }],
    });
  },
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

/** Who may see a case: the applicant, its agents, its unit and the departments with a task, the center. */
export function caseViewTarget(c: CaseRecord): OwnershipTarget {
  return {
    applicantId: c.applicantId,
    agentIds: [c.agentId, c.firstAgentId],
    unitIds: [c.unitId, ...c.tasks.map((t) => t.departmentId)],
  };
}

export function isEnded(c: CaseRecord): boolean {
  return ENDED_STATUSES.includes(c.status);
}

/** §五(二) 定期向申请人反馈: true once the setting's working days have passed since the last contact. */
export function progressReportDue(
  cal: WorkCalendar,
  c: CaseRecord,
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): boolean {
  if (!CASE_TRANSITIONS.reportProgress.from.includes(c.status)) return false;
  const since = beijingDate(c.lastContactAt ?? c.timeline[0].at);
  return (
    daysBetween(addWorkingDays(cal, since, settings.lifecycle.progressReportEveryWorkingDays), beijingDate(now)) >= 0
  );
}

/** When the current 补正 was asked for: kept on the record, or (older records) the last such step. */
export function materialsRequestedAt(
  c: Pick<CaseRecord, 'materialsRequestedAt'> & { timeline?: TimelineEvent[] },
): Date | null {
  if (c.materialsRequestedAt) return new Date(c.materialsRequestedAt);
  const e = c.timeline ? [...c.timeline].reverse().find((x) => x.action === 'requestMaterials') : undefined;
  return e ? new Date(e.at) : null;
}
