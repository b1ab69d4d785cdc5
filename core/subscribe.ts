import { beijingClock, beijingDate } from './beijing-time';
import { CASE_STATUS_LABELS, type CaseStatus } from './case-status';
import type { NotificationKind } from './lifecycle';
import { CATEGORY_LABELS, SERVICE_MODE_LABELS, type Category, type ServiceMode } from './scope';

/**
 * 订阅消息: what the system pushes through WeChat, built to WeChat's keyword rules. A message
 * carries no personal data: the case number, the kind of matter, a status phrase, a short note
 * written by the system and a time. The applicant's own words (the matter) never go into a push.
 */

/** The templates a center applies for, by purpose; their ids and keyword names are configuration. */
export const TEMPLATE_PURPOSES = {
  accept_result: '受理结果通知',
  progress: '办理进度通知',
  appointment: '预约提醒',
  finished: '办结通知',
  staff_task: '待办事项提醒',
} as const;
export type TemplatePurpose = keyof typeof TEMPLATE_PURPOSES;

/** The values every purpose may fill; a template maps some of them to its keyword names. */
export const MESSAGE_FIELDS = ['caseNo', 'matter', 'status', 'note', 'time'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

export interface TemplateConfig {
  id: string;
  /** one-time: one grant per message; long-term: for 政务民生 categories that WeChat allows */
  kind: 'one-time' | 'long-term';
  /** our field → the template's keyword, e.g. { caseNo: 'character_string1', note: 'thing3' } */
  keywords: Partial<Record<MessageField, string>>;
}
export type TemplateRegistry = Partial<Record<TemplatePurpose, TemplateConfig>>;

/** Keyword types by the name WeChat gives them (thing3 → thing), with their limits. */
const LIMITS: Record<string, number> = { thing: 20, short_thing: 5, character_string: 32, number: 32, letter: 32, symbol: 5, phrase: 5, name: 10, phone_number: 17, car_number: 8 };

export function keywordType(keyword: string): string {
  return keyword.replace(/\d+$/, '');
}

/** 2026年11月28日 09:30, Beijing time: WeChat's `time` format. */
export function formatMessageTime(at: Date): string {
  const [y, m, d] = beijingDate(at).split('-').map(Number);
  return `${y}年${m}月${d}日 ${beijingClock(at)}`;
}

/**
 * A value cut to its keyword's rules. Over-long text is cut at a character boundary with "…" so
 * the reader sees it was shortened; phrase keeps only Chinese characters; character_string keeps
 * printable ASCII. An empty result becomes "-": WeChat refuses empty values.
 */
export function fitKeyword(keyword: string, value: string): string {
  const type = keywordType(keyword);
  let v = value.replace(/\s+/g, ' ').trim();
  if (type === 'phrase') v = [...v].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (type === 'character_string') v = v.replace(/[^\x21-\x7e]/g, '');
  if (type === 'name') v = [...v].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  const limit = LIMITS[type];
  const chars = [...v];
  if (limit && chars.length > limit) v = type === 'thing' ? `${chars.slice(0, limit - 1).join('')}…` : chars.slice(0, limit).join('');
  return v === '' ? '-' : v;
}

/** The purpose and the short note for each lifecycle notification. */
const MESSAGES: Record<NotificationKind, { purpose: TemplatePurpose; note: string; page: 'case' | 'workbench' }> = {
  case_assigned: { purpose: 'staff_task', note: '新的帮办代办申请待受理', page: 'workbench' },
  case_accepted: { purpose: 'accept_result', note: '已受理，帮代办员将全程跟进', page: 'case' },
  case_refused: { purpose: 'accept_result', note: '不予受理，请查看理由', page: 'case' },
  case_withdrawn: { purpose: 'staff_task', note: '申请人已撤回申请', page: 'workbench' },
  handling_started: { purpose: 'progress', note: '材料已送审批窗口办理', page: 'case' },
  materials_requested: { purpose: 'progress', note: '需要补正材料，请查看清单', page: 'case' },
  materials_received: { purpose: 'progress', note: '补正材料已收到，继续办理', page: 'case' },
  case_suspended: { purpose: 'progress', note: '办理已中止，请查看原因', page: 'case' },
  case_resumed: { purpose: 'progress', note: '已续办', page: 'case' },
  deadline_extended: { purpose: 'progress', note: '服务时限已延长，请查看说明', page: 'case' },
  progress_report: { purpose: 'progress', note: '帮代办员反馈了办理进度', page: 'case' },
  case_finished: { purpose: 'finished', note: '已办结，请签收结果并评价', page: 'case' },
  rating_invited: { purpose: 'finished', note: '请对本次服务进行评价', page: 'case' },
  case_terminated: { purpose: 'finished', note: '委托已终止，请查看原因', page: 'case' },
  case_reassigned: { purpose: 'staff_task', note: '案件已转派给您', page: 'workbench' },
  task_assigned: { purpose: 'staff_task', note: '新的并联审批任务', page: 'workbench' },
  task_materials_requested: { purpose: 'progress', note: '审批部门要求补正材料', page: 'case' },
  task_completed: { purpose: 'staff_task', note: '部门审批已办结', page: 'workbench' },
  joint_meeting_convened: { purpose: 'staff_task', note: '并联审联批会议通知', page: 'workbench' },
  escalated: { purpose: 'staff_task', note: '需分管领导协调', page: 'workbench' },
  escalation_resolved: { purpose: 'staff_task', note: '协调已有结果', page: 'workbench' },
  case_supervised: { purpose: 'staff_task', note: '责任领导督办', page: 'workbench' },
  bad_rating_opened: { purpose: 'staff_task', note: '收到差评，请在时限内回访整改', page: 'workbench' },
  bad_rating_rectified: { purpose: 'progress', note: '您的差评已整改，请查看结果', page: 'case' },
  bad_rating_appealed: { purpose: 'staff_task', note: '单位对差评提出申诉，请复核', page: 'workbench' },
  bad_rating_reviewed: { purpose: 'staff_task', note: '差评核实或复核已有结果', page: 'workbench' },
};

/** Reminders the scheduler raises (not lifecycle steps). */
export const REMINDER_KINDS = {
  due_soon: { purpose: 'staff_task', note: '服务时限即将到期' },
  overdue: { purpose: 'staff_task', note: '服务时限已超期' },
  feedback_due: { purpose: 'staff_task', note: '请向申请人反馈办理进度' },
  calendar_missing: { purpose: 'staff_task', note: '明年节假日安排尚未录入' },
} as const satisfies Record<string, { purpose: TemplatePurpose; note: string }>;
export type ReminderKind = keyof typeof REMINDER_KINDS;

export interface CaseFacts {
  caseId: string;
  caseNo: string;
  category: Category;
  mode: ServiceMode;
  status: CaseStatus;
}

export interface MessageDraft {
  purpose: TemplatePurpose;
  title: string;
  fields: Record<MessageField, string>;
  /** mini-program page the message opens */
  page: string;
}

/** Where messages lead: each a page path ending in its id parameter, e.g. `pages/case/index?id=`. */
export interface MessagePages {
  case: string;
  workbench: string;
}

/** The message for a lifecycle notification or a reminder, in our fields (not yet a template). */
export function draftMessage(kind: NotificationKind | ReminderKind, facts: CaseFacts, at: Date, pages: MessagePages): MessageDraft {
  const spec = kind in MESSAGES ? MESSAGES[kind as NotificationKind] : { ...REMINDER_KINDS[kind as ReminderKind], page: 'workbench' as const };
  const base = spec.page === 'case' ? pages.case : pages.workbench;
  return {
    purpose: spec.purpose,
    title: TEMPLATE_PURPOSES[spec.purpose],
    fields: {
      caseNo: facts.caseNo,
      matter: `${CATEGORY_LABELS[facts.category]}·${SERVICE_MODE_LABELS[facts.mode]}`,
      status: CASE_STATUS_LABELS[facts.status],
      note: spec.note,
      time: formatMessageTime(at),
    },
    page: `${base}${encodeURIComponent(facts.caseId)}`,
  };
}

/** The `data` of subscribeMessage.send for a configured template, every value fitted to its keyword. */
export function templateData(template: TemplateConfig, fields: Record<MessageField, string>): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [field, keyword] of Object.entries(template.keywords) as [MessageField, string][]) data[keyword] = { value: fitKeyword(keyword, fields[field]) };
  return data;
}
