import type { DeadlineClock, WorkCalendar } from '../calendar';
import type { CaseStatus } from '../case-status';
import type { Actor } from '../permissions';
import type { Role } from '../roles';
import type { Category, ServiceMode } from '../scope';
import type { Settings } from '../settings';

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

export interface TransitionContext {
  actor: Actor;
  at: Date;
  calendar: WorkCalendar;
  settings?: Settings;
}
