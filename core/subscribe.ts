import { beijingClock, beijingDate, type CivilDate } from './beijing-time';
import { BOOKING_STATUS_LABELS, type BookingStatus } from './booking';
import { CASE_STATUS_LABELS, type CaseStatus } from './case-status';
import type { NotificationKind, Recipient } from './lifecycle';
import { CATEGORY_LABELS, SERVICE_MODE_LABELS, type Category, type ServiceMode } from './scope';
import { SERVICE_WINDOW_KIND_LABELS, type ServiceWindowKind } from './settings';

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
const LIMITS: Record<string, number> = {
  thing: 20,
  short_thing: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phrase: 5,
  name: 10,
  phone_number: 17,
  car_number: 8,
};

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
  if (limit && chars.length > limit)
    v = type === 'thing' ? `${chars.slice(0, limit - 1).join('')}…` : chars.slice(0, limit).join('');
  return v === '' ? '-' : v;
}

/** The purpose and the short note for each lifecycle notification. */
const MESSAGES: Record<NotificationKind, MessageSpec> = {
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

/**
 * Messages to the applicant that differ from the staff wording of the same lifecycle step: a
 * reassignment tells the new agent "转派给您" but tells the applicant who still answers for the case.
 */
const APPLICANT_MESSAGES: Partial<Record<NotificationKind, MessageSpec>> = {
  case_reassigned: { purpose: 'progress', note: '经办帮代办员已更换，首问负责人不变', page: 'case' },
};

interface MessageSpec {
  purpose: TemplatePurpose;
  note: string;
  page: 'case' | 'workbench' | 'booking' | 'settings';
}

/** Reminders the scheduler raises and system steps outside the state machine, for staff. */
export const REMINDER_KINDS = {
  due_soon: { purpose: 'staff_task', note: '服务时限即将到期' },
  overdue: { purpose: 'staff_task', note: '服务时限已超期' },
  feedback_due: { purpose: 'staff_task', note: '请向申请人反馈办理进度' },
  // to the center's settings screen, where the year is entered (there is no case to open)
  calendar_missing: { purpose: 'staff_task', note: '该年节假日安排尚未录入', page: 'settings' },
  regional_holidays_missing: { purpose: 'staff_task', note: '该年少数民族节日放假未录入', page: 'settings' },
  // §四: the agent left or went off duty and nobody eligible is on duty: the leader assigns it
  case_waiting_assignment: { purpose: 'staff_task', note: '帮代办员离岗，案件待分派' },
  // 差评 handling deadlines (core/rating/ badRatingWarning), to the unit's leader and, overdue, the center
  bad_rating_call_back_due_soon: { purpose: 'staff_task', note: '差评回访即将到期' },
  bad_rating_call_back_overdue: { purpose: 'staff_task', note: '差评回访已超期' },
  bad_rating_rectify_due_soon: { purpose: 'staff_task', note: '差评整改即将到期' },
  bad_rating_rectify_overdue: { purpose: 'staff_task', note: '差评整改已超期' },
  bad_rating_review_due_soon: { purpose: 'staff_task', note: '差评申诉复核即将到期' },
  bad_rating_review_overdue: { purpose: 'staff_task', note: '差评申诉复核已超期' },
} as const satisfies Record<string, { purpose: TemplatePurpose; note: string; page?: 'settings' }>;
export type ReminderKind = keyof typeof REMINDER_KINDS;

/**
 * 预约 messages (§二(四) 预约服务), all on the 预约提醒 template: confirmations and changes from the
 * bookings function, reminders and the no-show notice from the scheduler. A home visit reads
 * differently: the applicant waits at home instead of coming to the center.
 */
export const BOOKING_MESSAGE_KINDS = {
  booking_confirmed: { note: '预约成功，请按时到政务服务中心', home: '预约成功，工作人员将按时上门' },
  booking_rescheduled: { note: '预约时间已调整，请查看新时间', home: '上门时间已调整，请查看新时间' },
  booking_cancelled: { note: '预约已被工作人员取消，请查看原因', home: '上门服务已取消，请查看原因' },
  appointment_day_before: { note: '明天有预约，请按时到场办理', home: '明天工作人员将上门服务' },
  appointment_hour_before: { note: '一小时后有预约，请按时到场', home: '一小时后工作人员将上门' },
  booking_no_show: { note: '您未按预约到场，可重新预约', home: '上门时未能见到您，可重新预约' },
} as const satisfies Record<string, { note: string; home: string }>;
export type BookingMessageKind = keyof typeof BOOKING_MESSAGE_KINDS;

/** Every kind of message the outbox carries. */
export type MessageKind = NotificationKind | ReminderKind | BookingMessageKind;

export interface CaseFacts {
  caseId: string;
  caseNo: string;
  category: Category;
  mode: ServiceMode;
  status: CaseStatus;
}

/** What a 预约 message may say: its reference, the kind of slot, when; never who or where they live. */
export interface BookingFacts {
  bookingId: string;
  /** the case the booking is for, if any: the message then carries its number */
  caseId: string | null;
  caseNo: string | null;
  category: Category;
  kind: ServiceWindowKind;
  status: BookingStatus;
  /** the slot's Beijing day and start, HH:mm */
  date: CivilDate;
  start: string;
}

export type MessageFacts = CaseFacts | BookingFacts;

export function isBookingFacts(facts: MessageFacts): facts is BookingFacts {
  return 'bookingId' in facts;
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
  booking: string;
  /** the center's settings (calendar_missing); no id appended */
  settings: string;
}

/** A booking's slot in WeChat's `time` format: 2026年12月1日 10:00. */
function slotTime(f: BookingFacts): string {
  const [y, m, d] = f.date.split('-').map(Number);
  return `${y}年${m}月${d}日 ${f.start}`;
}

/**
 * The number a booking without a case goes by in its messages: YY + its day and start time, e.g.
 * YY20261201-1930 — what the applicant sees in 我的预约, never the internal id (bk_…). A template's
 * character_string takes no Chinese, hence the letters.
 */
export function bookingReference(f: Pick<BookingFacts, 'date' | 'start'>): string {
  return `YY${f.date.replace(/-/g, '')}-${f.start.replace(':', '')}`;
}

function bookingDraft(kind: BookingMessageKind, f: BookingFacts, pages: MessagePages): MessageDraft {
  const spec = BOOKING_MESSAGE_KINDS[kind];
  return {
    purpose: 'appointment',
    title: TEMPLATE_PURPOSES.appointment,
    fields: {
      caseNo: f.caseNo ?? bookingReference(f),
      matter: `${SERVICE_WINDOW_KIND_LABELS[f.kind]}·${CATEGORY_LABELS[f.category]}`,
      status: BOOKING_STATUS_LABELS[f.status],
      note: f.kind === 'home_visit' ? spec.home : spec.note,
      // the 预约提醒 template's time is the appointment's, not the message's
      time: slotTime(f),
    },
    page: `${pages.booking}${encodeURIComponent(f.bookingId)}`,
  };
}

function specOf(kind: MessageKind, audience: Recipient['kind']): MessageSpec {
  if (kind in MESSAGES)
    return (
      (audience === 'applicant' && APPLICANT_MESSAGES[kind as NotificationKind]) || MESSAGES[kind as NotificationKind]
    );
  if (kind in REMINDER_KINDS) return { page: 'workbench', ...REMINDER_KINDS[kind as ReminderKind] };
  throw new Error(`unknown message kind ${kind}`);
}

/**
 * The message for a notification, a reminder or a booking event, in our fields (not yet a
 * template). `audience` is the recipient's kind: the applicant may read a step in other words.
 */
export function draftMessage(
  kind: MessageKind,
  facts: MessageFacts,
  at: Date,
  pages: MessagePages,
  audience: Recipient['kind'] = 'staff',
): MessageDraft {
  if (kind in BOOKING_MESSAGE_KINDS) {
    if (!isBookingFacts(facts)) throw new Error(`${kind} needs a booking`);
    return bookingDraft(kind as BookingMessageKind, facts, pages);
  }
  if (isBookingFacts(facts)) throw new Error(`${kind} needs a case`);
  const spec = specOf(kind, audience);
  const base = spec.page === 'case' ? pages.case : pages.workbench;
  return {
    purpose: spec.purpose,
    title: TEMPLATE_PURPOSES[spec.purpose],
    fields: {
      caseNo: facts.caseNo,
      // a settings message is about the center's calendar (caseNo carries the year), not a case
      matter:
        spec.page === 'settings'
          ? '节假日与调休安排'
          : `${CATEGORY_LABELS[facts.category]}·${SERVICE_MODE_LABELS[facts.mode]}`,
      status: spec.page === 'settings' ? '待录入' : CASE_STATUS_LABELS[facts.status],
      note: spec.note,
      time: formatMessageTime(at),
    },
    page: spec.page === 'settings' ? pages.settings : `${base}${encodeURIComponent(facts.caseId)}`,
  };
}

/** Progress messages that ask the applicant to do something: 补正 (theirs or a department's), a longer time limit to confirm. */
const ASKS_THE_APPLICANT: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'materials_requested',
  'task_materials_requested',
  'deadline_extended',
]);

/**
 * How many one-time grants of its template a message must leave unspent. The applicant grants the
 * 办理进度通知 template once per tap (at submit), and 送达窗口 used it up, so the 补正 request that
 * followed was never pushed: a progress message that only informs now leaves the last grant for
 * one that asks the applicant to act. (It is in the in-app inbox either way.)
 */
export function grantsToKeep(kind: MessageKind, purpose: TemplatePurpose): number {
  return purpose === 'progress' && !ASKS_THE_APPLICANT.has(kind) ? 1 : 0;
}

/** Every message kind there is (for checks that each one fits WeChat's rules). */
export const MESSAGE_KINDS: readonly MessageKind[] = [
  ...(Object.keys(MESSAGES) as NotificationKind[]),
  ...(Object.keys(REMINDER_KINDS) as ReminderKind[]),
  ...(Object.keys(BOOKING_MESSAGE_KINDS) as BookingMessageKind[]),
];

/** The `data` of subscribeMessage.send for a configured template, every value fitted to its keyword. */
export function templateData(
  template: TemplateConfig,
  fields: Record<MessageField, string>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [field, keyword] of Object.entries(template.keywords) as [MessageField, string][])
    data[keyword] = { value: fitKeyword(keyword, fields[field]) };
  return data;
}
