/**
 * 五、帮办代办服务流程 as an explicit state machine. A case is plain data; `applyCaseAction` takes a
 * case, an action and who/when, and answers either the next case with the timeline event it
 * recorded and the notifications it asks for, or a refusal with a code. Nothing here reads a clock
 * or a database: the cloud function loads, calls, and saves.
 *
 * By concern: types (the case record and its actions), transitions (the table: from, to, who,
 * guards, notices), handlers/ (each action's guards and effect), apply (the one entry point),
 * open-case, queries, notifications and messages.
 */
export {
  APPROVAL_OUTCOMES,
  APPROVAL_OUTCOME_LABELS,
  CONTACT_CHANNELS,
  CONTACT_CHANNEL_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  TERMINATION_GROUNDS,
  TERMINATION_GROUND_LABELS,
} from './types';
export type {
  ApprovalOutcome,
  CaseAction,
  CaseActionType,
  CaseRecord,
  CaseResult,
  ContactChannel,
  DepartmentTask,
  Escalation,
  JointMeeting,
  Reason,
  TaskStatus,
  TerminationGround,
  TimelineEvent,
} from './types';
export { CASE_ACTION_TYPES, CASE_TRANSITIONS, type TransitionSpec } from './transitions';
export { NOTIFICATION_KINDS, type Notification, type NotificationKind, type Recipient } from './notifications';
export { LIFECYCLE_MESSAGES, type LifecycleCode } from './messages';
export { openCase, type OpenCaseInput, type TransitionResult } from './open-case';
export { accountableAgent, type TransitionContext } from './effects';
export { applyCaseAction, availableCaseActions } from './apply';
export { caseViewTarget, isEnded, materialsRequestedAt, progressReportDue } from './queries';
