import type { StaffAction, StaffActionType } from '../../services/workbench';

/**
 * What each case action asks the staff to type or tick, and how the answers become the action the
 * workbench function sends to the core. "One tap plus what must be typed": actions without fields
 * (认领, 收到补正材料) submit from the first tap.
 */
export type FieldKind =
  'text' | 'textarea' | 'number' | 'check' | 'choice' | 'multi' | 'lines' | 'date' | 'time' | 'signature';

export interface Field {
  key: string;
  label: string;
  kind: FieldKind;
  /** choices; `from` names a list the page fills in (agents, departments, tasks, meetings, escalations) */
  options?: readonly { value: string; label: string }[];
  from?: 'agents' | 'departments' | 'openTasks' | 'waitingTasks' | 'scheduledMeetings' | 'openEscalations';
  placeholder?: string;
  initial?: string | boolean;
}

/** The form of one action type: its fields, and the typed action its answers become. */
export interface ActionForm<T extends StaffActionType> {
  fields: Field[];
  build: (v: Record<string, unknown>) => Extract<StaffAction, { type: T }>;
}

const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const n = (v: unknown) => (s(v) === '' ? NaN : Number(s(v)));
const lines = (v: unknown) =>
  s(v)
    .split(/[\n；;]/)
    .map((x) => x.trim())
    .filter(Boolean);
const yes = (v: unknown) => v === true;
/** one of the values a choice offers (the chips offer only those), else the form's default */
const oneOf = <V extends string>(v: unknown, allowed: readonly V[], fallback: V): V =>
  allowed.find((a) => a === s(v)) ?? fallback;
const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

const OUTCOMES = [
  { value: 'approved', label: '准予办理' },
  { value: 'not_approved', label: '不予办理' },
] as const;
const OUTCOME_VALUES = OUTCOMES.map((o) => o.value);
const CHANNELS = ['phone', 'visit', 'message'] as const;
const GROUNDS = ['applicant_request', 'cannot_finish'] as const;

export const ACTION_FORMS: { [T in StaffActionType]: ActionForm<T> } = {
  take: { fields: [], build: () => ({ type: 'take' }) },
  // the applicant's own; listed so every action the rules may offer has a form
  withdraw: { fields: [], build: () => ({ type: 'withdraw' }) },
  accept: {
    fields: [
      { key: 'mandateConfirmed', label: '已与申请人确认委托需求', kind: 'check' },
      { key: 'processExplained', label: '已说明帮办代办服务流程', kind: 'check' },
      { key: 'materialsChecked', label: '材料清单已逐项核对', kind: 'check' },
      // §五(一) 确认签字: drawn on this device at the desk, unless the applicant already signed on the phone
      { key: 'signatureFileID', label: '申请人确认签字', kind: 'signature' },
      { key: 'mandateLetterSigned', label: '代办：已签署代办服务委托书', kind: 'check' },
      { key: 'note', label: '备注（可不填）', kind: 'text' },
    ],
    // applicantSigned is decided by the server from the signature it can see (desk or phone)
    build: (v) => ({
      type: 'accept',
      mandateConfirmed: yes(v.mandateConfirmed),
      processExplained: yes(v.processExplained),
      materialsChecked: yes(v.materialsChecked),
      applicantSigned: s(v.signatureFileID) !== '',
      mandateLetterSigned: yes(v.mandateLetterSigned),
      ...(s(v.note) ? { note: s(v.note) } : {}),
    }),
  },
  refuse: {
    fields: [{ key: 'reasons', label: '不予受理的理由（每行一条，申请人会看到）', kind: 'lines' }],
    build: (v) => ({
      type: 'refuse',
      reasons: lines(v.reasons).map((message, i) => ({ code: `STAFF_REASON_${i + 1}`, message })),
    }),
  },
  deliver: {
    fields: [
      { key: 'window', label: '送达的审批窗口', kind: 'text', placeholder: '如：市场监管窗口' },
      { key: 'committedWorkingDays', label: '窗口承诺时限（工作日）', kind: 'number' },
      { key: 'note', label: '备注（可不填）', kind: 'text' },
    ],
    build: (v) => ({
      type: 'deliver',
      window: s(v.window),
      committedWorkingDays: n(v.committedWorkingDays),
      ...(s(v.note) ? { note: s(v.note) } : {}),
    }),
  },
  reportProgress: {
    fields: [
      {
        key: 'channel',
        label: '联系方式',
        kind: 'choice',
        options: [
          { value: 'phone', label: '电话' },
          { value: 'visit', label: '面谈/上门' },
          { value: 'message', label: '消息' },
        ],
        initial: 'phone',
      },
      { key: 'note', label: '联系内容（申请人会看到）', kind: 'textarea' },
    ],
    build: (v) => ({
      type: 'reportProgress',
      channel: oneOf(v.channel, CHANNELS, 'phone'),
      note: s(v.note),
    }),
  },
  requestMaterials: {
    fields: [{ key: 'missing', label: '需要补正的材料（每行一项，一次性告知）', kind: 'lines' }],
    build: (v) => ({ type: 'requestMaterials', missing: lines(v.missing) }),
  },
  receiveMaterials: { fields: [], build: () => ({ type: 'receiveMaterials' }) },
  suspend: {
    fields: [{ key: 'reason', label: '中止原因', kind: 'text' }],
    build: (v) => ({ type: 'suspend', reason: s(v.reason) }),
  },
  resume: {
    fields: [{ key: 'applicantConfirmed', label: '申请人已确认续办（续办委托书）', kind: 'check' }],
    build: (v) => ({ type: 'resume', applicantConfirmed: yes(v.applicantConfirmed) }),
  },
  extend: {
    fields: [
      { key: 'extraWorkingDays', label: '延长的工作日数', kind: 'number' },
      { key: 'explanation', label: '情况说明（申请人会看到）', kind: 'textarea' },
      { key: 'explainedToApplicant', label: '已向申请人做好解释说明', kind: 'check' },
    ],
    build: (v) => ({
      type: 'extend',
      extraWorkingDays: n(v.extraWorkingDays),
      explanation: s(v.explanation),
      explainedToApplicant: yes(v.explainedToApplicant),
    }),
  },
  finish: {
    fields: [
      { key: 'outcome', label: '窗口（部门）作出的结果', kind: 'choice', options: OUTCOMES, initial: 'approved' },
      { key: 'decidedBy', label: '作出结果的窗口或部门', kind: 'text' },
      { key: 'documentNo', label: '文书编号（可不填）', kind: 'text' },
      { key: 'resultHandedOver', label: '已向申请人移交办理结果', kind: 'check' },
      { key: 'originalsReturned', label: '已移交原始资料', kind: 'check' },
      // §五(三) 签收: drawn on this device by the applicant at the desk, or signed later on the phone — never a tick
      { key: 'signatureFileID', label: '申请人签收签名', kind: 'signature' },
    ],
    // applicantSigned is decided by the server from the signature it can see
    build: (v) => ({
      type: 'finish',
      result: {
        outcome: oneOf(v.outcome, OUTCOME_VALUES, 'approved'),
        decidedBy: s(v.decidedBy),
        ...(s(v.documentNo) ? { documentNo: s(v.documentNo) } : {}),
      },
      resultHandedOver: yes(v.resultHandedOver),
      originalsReturned: yes(v.originalsReturned),
      applicantSigned: s(v.signatureFileID) !== '',
    }),
  },
  terminate: {
    fields: [
      {
        key: 'ground',
        label: '终止原因',
        kind: 'choice',
        options: [
          { value: 'applicant_request', label: '申请人主动要求终止委托' },
          { value: 'cannot_finish', label: '业务本身不具备办结条件' },
        ],
        initial: 'applicant_request',
      },
      { key: 'reason', label: '具体说明', kind: 'text' },
      { key: 'materialsReturned', label: '已向申请人移交相关资料', kind: 'check' },
      { key: 'applicantSigned', label: '申请人已签字确认', kind: 'check' },
    ],
    build: (v) => ({
      type: 'terminate',
      ground: oneOf(v.ground, GROUNDS, 'applicant_request'),
      reason: s(v.reason),
      materialsReturned: yes(v.materialsReturned),
      applicantSigned: yes(v.applicantSigned),
    }),
  },
  reassign: {
    fields: [
      { key: 'toAgentId', label: '接手的帮代办员', kind: 'choice', from: 'agents' },
      { key: 'reason', label: '转派原因', kind: 'text' },
    ],
    build: (v) => ({ type: 'reassign', toAgentId: s(v.toAgentId), reason: s(v.reason) }),
  },
  supervise: {
    fields: [{ key: 'note', label: '督办意见（帮代办员会看到）', kind: 'textarea' }],
    build: (v) => ({ type: 'supervise', note: s(v.note) }),
  },
  addTask: {
    fields: [
      { key: 'departmentId', label: '审批部门', kind: 'choice', from: 'departments' },
      { key: 'matter', label: '审批事项', kind: 'text' },
      { key: 'committedWorkingDays', label: '承诺时限（工作日）', kind: 'number' },
    ],
    build: (v) => ({
      type: 'addTask',
      taskId: uid('t'),
      departmentId: s(v.departmentId),
      matter: s(v.matter),
      committedWorkingDays: n(v.committedWorkingDays),
    }),
  },
  requestTaskMaterials: {
    fields: [
      { key: 'taskId', label: '部门任务', kind: 'choice', from: 'openTasks' },
      { key: 'missing', label: '部门要求补正的材料（每行一项）', kind: 'lines' },
    ],
    build: (v) => ({ type: 'requestTaskMaterials', taskId: s(v.taskId), missing: lines(v.missing) }),
  },
  receiveTaskMaterials: {
    fields: [{ key: 'taskId', label: '部门任务', kind: 'choice', from: 'waitingTasks' }],
    build: (v) => ({ type: 'receiveTaskMaterials', taskId: s(v.taskId) }),
  },
  completeTask: {
    fields: [
      { key: 'taskId', label: '部门任务', kind: 'choice', from: 'openTasks' },
      { key: 'outcome', label: '部门审批结果', kind: 'choice', options: OUTCOMES, initial: 'approved' },
      { key: 'note', label: '备注（可不填）', kind: 'text' },
    ],
    build: (v) => ({
      type: 'completeTask',
      taskId: s(v.taskId),
      outcome: oneOf(v.outcome, OUTCOME_VALUES, 'approved'),
      ...(s(v.note) ? { note: s(v.note) } : {}),
    }),
  },
  cancelTask: {
    fields: [
      { key: 'taskId', label: '部门任务', kind: 'choice', from: 'openTasks' },
      { key: 'reason', label: '撤销原因', kind: 'text' },
    ],
    build: (v) => ({ type: 'cancelTask', taskId: s(v.taskId), reason: s(v.reason) }),
  },
  conveneJointMeeting: {
    fields: [
      { key: 'departmentIds', label: '参会审批部门（至少两个）', kind: 'multi', from: 'departments' },
      { key: 'topic', label: '会议议题', kind: 'text' },
      { key: 'date', label: '日期（YYYY-MM-DD）', kind: 'date' },
      { key: 'time', label: '时间（HH:mm，北京时间）', kind: 'time', initial: '10:30' },
      { key: 'place', label: '地点', kind: 'text', initial: '政务服务中心会议室' },
    ],
    build: (v) => ({
      type: 'conveneJointMeeting',
      meetingId: uid('m'),
      departmentIds: Array.isArray(v.departmentIds) ? v.departmentIds.map(String) : [],
      topic: s(v.topic),
      scheduledFor: `${s(v.date)}T${s(v.time) || '10:30'}:00+08:00`,
      place: s(v.place),
    }),
  },
  recordJointMeeting: {
    fields: [
      { key: 'meetingId', label: '会议', kind: 'choice', from: 'scheduledMeetings' },
      { key: 'minutes', label: '会议决议（各部门的后续工作和期限请作为部门任务添加）', kind: 'textarea' },
    ],
    build: (v) => ({ type: 'recordJointMeeting', meetingId: s(v.meetingId), minutes: s(v.minutes) }),
  },
  escalate: {
    fields: [{ key: 'issue', label: '报请分管领导协调的问题', kind: 'textarea' }],
    build: (v) => ({ type: 'escalate', escalationId: uid('e'), issue: s(v.issue) }),
  },
  resolveEscalation: {
    fields: [
      { key: 'escalationId', label: '协调事项', kind: 'choice', from: 'openEscalations' },
      { key: 'resolution', label: '分管领导的协调结果', kind: 'textarea' },
    ],
    build: (v) => ({ type: 'resolveEscalation', escalationId: s(v.escalationId), resolution: s(v.resolution) }),
  },
};

/** Actions shown as the quiet second row (they do not move the case on). */
export const SECONDARY = new Set([
  'reportProgress',
  'supervise',
  'reassign',
  'extend',
  'suspend',
  'escalate',
  'cancelTask',
]);
