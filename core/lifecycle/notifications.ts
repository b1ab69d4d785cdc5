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
  // 好差评 (core/rating/ badRatingNotices)
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
