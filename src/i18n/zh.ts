/**
 * 中文: the applicant side's words, one key per phrase. The Uyghur dictionary (ug.ts) must have
 * every key (a missing one fails the typecheck). `{name}` is filled by t(key, { name }).
 * Terms follow docs/glossary.md.
 */
import type { CaseStatus } from '../../core/case-status'
import type { Category } from '../constants/categories'

export const zh = {
  'common.loading': '正在加载…',
  'common.more': '查看详情与办理进度',
  'common.moreArrow': '›',

  'lang.switch': 'ئۇيغۇرچە',
  'lang.switchLabel': '切换为维吾尔文（ئۇيغۇرچە）',

  'category.livelihood': '民生保障类事项',
  'category.enterprise': '企业开办与变更',
  'category.investment': '500万元以上（含）投资项目',
  'category.major': '重大项目',

  'status.applied': '已提交，待受理',
  'status.accepted': '已受理',
  'status.handling': '办理中',
  'status.awaiting_materials': '待补正材料',
  'status.suspended': '已中止',
  'status.finished': '已办结',
  'status.refused': '不予受理',
  'status.terminated': '已终止',

  'my.title': '我的申请',
  'my.bookings': '我的预约',
  'my.empty': '您还没有提交过帮办代办申请。',
  'my.apply': '申请帮办代办',
  'my.caseNo': '编号 {caseNo}',
  'my.category': '类别：{category}',
  'my.submittedAt': '提交时间：{time}',
  'my.unit': '办理单位：{unit}',
  'my.agent': '帮代办员：{agent}',

  'messages.title': '消息',
  'messages.unread': '{n} 条未读',
  'messages.markAllRead': '全部标为已读',
  'messages.empty': '还没有消息。申请受理、办理进度、办结时都会在这里通知您。',
  'messages.unreadTag': '【未读】',
  'messages.caseNo': '编号：{caseNo}',
  'messages.matter': '事项：{matter}',
  'messages.time': '时间：{time}',
  'push.pending': '发送中',
  'push.sent': '已推送到微信',
  'push.no_grant': '未推送（未授权订阅）',
  'push.no_template': '未推送（未配置模板）',
  'push.failed': '推送失败',
  'messages.push': '微信通知：{push}',
} as const

export type MessageKey = keyof typeof zh
export type Messages = Record<MessageKey, string>

// every case status the server can answer has its words (a new status fails the typecheck here)
zh satisfies Record<`status.${CaseStatus}` | `category.${Category}`, string>
