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
