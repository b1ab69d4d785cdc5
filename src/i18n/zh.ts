/**
 * 中文: the applicant side's words, one key per phrase. The Uyghur dictionary (ug.ts) must have
 * every key (a missing one fails the typecheck). `{name}` is filled by t(key, { name }).
 * Terms follow docs/glossary.md.
 */
import type { CaseStatus } from '../../core/case-status';
import type { Category } from '../constants/categories';
import type {
  ApprovalLevel,
  EligibilityReasonCode,
  EnterpriseMatter,
  ExcludedProjectKind,
  MajorPlanLevel,
  SpecialGroup,
} from '../../core/eligibility';
import type { BookingStatus } from '../../core/booking';
import type { ApprovalOutcome } from '../../core/lifecycle';
import type { BadRatingState, RatingDimension, RatingLevel, RatingTag } from '../../core/rating';
import type { ServiceWindowKind } from '../../core/settings';
import type { BookingMessageKind, TemplatePurpose } from '../../core/subscribe';
import { zhCase } from './zh-case';
import { zhErrors } from './zh-errors';
import { zhForms } from './zh-forms';
import { zhInbox } from './zh-inbox';

export const zh = {
  'home.elder': '长辈版（大字大按钮）',
  'home.elder.on': '已开启',
  'home.elder.off': '未开启',
  'home.elder.follows': '已按您微信里的“字体大小”设置自动开启。',
  'home.title': '{center}帮办代办',
  'home.what': '什么是帮办代办？',
  'home.what.body': '办事遇到困难，可以请中心的工作人员帮您办（帮办），或者委托工作人员替您办（代办）。',
  'home.free': '免费',
  'home.voluntary': '自愿',
  'home.free.body': '全程不收任何费用；办不办、选帮办还是代办，都由您决定，可随时终止。',
  'home.scope': '哪些事可以申请',
  'home.hours': '服务时间（北京时间）',
  'home.hotline': '咨询热线：{phone}',
  'home.address': '地址：{address}',
  'home.demo': '（演示数据，以中心公告为准）',
  'home.apply': '申请帮办代办',
  'home.my': '我的申请',
  'home.check': '先测一测能不能申请',
  'home.book': '预约到中心办理（含延时、错时、上门）',
  'home.messages': '消息（受理、进度、办结通知）',
  'home.workbench': '进入工作台',
  'privacy.title': '用户隐私保护指引',
  'privacy.collect': '收集哪些信息',
  'privacy.collect.body':
    '申请帮办代办时：申请人姓名或企业名称、身份证号或统一社会信用代码、联系人姓名和电话、您上传的材料和手写签名；预约上门服务时：上门地址。',
  'privacy.device': '使用手机的哪些功能',
  'privacy.device.body':
    '只在您点按钮上传材料时使用：摄像头（拍下证件、执照等材料）；相册，即您选中的照片（选择已拍好的材料照片）；您选中的文件（从微信聊天中选择 PDF 文件）。不会在您不知道时打开摄像头或读取相册和文件。',
  'privacy.use': '用来做什么',
  'privacy.use.body':
    '只用于为您办理帮办代办：确认身份、联系您、把材料送到审批窗口、预约和上门服务、通知办理进度。不用于其他用途，不向无关单位提供。',
  'privacy.protect': '怎样保护',
  'privacy.protect.body':
    '信息保存在政务服务中心的云开发环境中；工作人员只看到与其工作有关的申请，页面上的证件号和电话隐去部分号码；系统日志不记录个人信息。',
  'privacy.subscribe': '订阅消息',
  'privacy.subscribe.body': '只有您点“允许”后，才会给您发送受理结果、办理进度、预约提醒和办结通知。',
  'privacy.rights': '您的权利',
  'privacy.rights.body':
    '您可以随时查看自己的申请，撤回未受理的申请或申请终止委托；如需更正或删除信息，请联系政务服务中心。',
  'common.chosen': '（已选）',
  'common.retry': '重新加载',
  'error.NETWORK': '无法连接到服务，请检查网络后重试。',
  'error.FORBIDDEN': '无权访问。',
  'error.NOT_FOUND': '没有找到相关记录。',
  'error.INVALID_INPUT': '填写的内容有误，请按提示修改。',
  'error.failed': '操作没有成功，请稍后再试。（代码：{code}）',
  'error.unavailable': '服务暂时不可用，请稍后再试。（代码：{code}）',
  'error.unknown': '出了点问题，请稍后再试。',
  'common.loading': '正在加载…',
  'common.more': '查看详情与办理进度',
  'common.moreArrow': '›',

  'lang.switch': 'ئۇيغۇرچە',

  'category.livelihood': '民生保障类事项',
  'category.enterprise': '企业开办与变更',
  'category.investment': '500万元以上（含）投资项目',
  'category.major': '重大项目',

  yes: '是',
  no: '不是',
  'applicantType.person': '个人',
  'applicantType.person.desc': '为自己或家人办理。',
  'applicantType.enterprise': '企业',
  'applicantType.enterprise.desc': '企业经办人为企业办理。',
  'category.livelihood.desc': '行动不便的群众，以及老年人、残疾人等特殊群体办理的民生事项。',
  'category.enterprise.desc': '新办企业设立、变更登记，食品经营许可，以及相关的社保、税务业务。',
  'category.investment.desc':
    '由县级部门审批、总投资500万元及以上的投资项目（宏观调控、高耗能、高污染、资源类项目除外）。',
  'category.major.desc': '列入自治区、州、县年度重大项目投资计划，或县委、县政府督办、指定的项目。',
  'group.mobility_impaired': '行动不便',
  'group.elderly': '老年人',
  'group.disabled': '残疾人',
  'group.seriously_ill': '重病患者',
  'group.other_special': '其他特殊群众',
  'enterpriseMatter.establishment': '企业设立登记',
  'enterpriseMatter.change': '企业变更登记',
  'enterpriseMatter.food_business_license': '食品经营许可',
  'enterpriseMatter.social_insurance': '社保服务',
  'enterpriseMatter.tax': '税务服务',
  'enterpriseMatter.other': '其他企业事项',
  'approval.county': '县级部门',
  'approval.county.desc': '和硕县的部门审批或备案',
  'approval.prefecture': '自治州',
  'approval.region': '自治区',
  'approval.national': '国家部委',
  'excluded.macro_control': '国家宏观调控项目',
  'excluded.high_energy': '高耗能项目',
  'excluded.high_pollution': '高污染项目',
  'excluded.resource': '资源类项目',
  'plan.region': '自治区重大项目计划',
  'plan.prefecture': '自治州重大项目计划',
  'plan.county': '我县重大项目计划',

  'reason.CATEGORY_UNKNOWN':
    '所办事项不属于帮办代办的四类范围（民生保障类事项、企业开办与变更、500万元以上投资项目、重大项目）。',
  'reason.LIVELIHOOD_APPLICANT_NOT_PERSON': '民生保障类帮办代办面向群众个人，企业事项请选择“企业开办与变更”等类别。',
  'reason.LIVELIHOOD_NOT_SPECIAL_GROUP':
    '民生保障类帮办代办面向来窗口办事行动不便的群众或老年人、残疾人等其他特殊群众。',
  'reason.LIVELIHOOD_NOT_PUBLIC_SERVICE': '所办事项不属于民生保障类公共服务事项。',
  'reason.ENTERPRISE_APPLICANT_NOT_ENTERPRISE': '企业开办与变更帮办代办须由企业（经办人）申请。',
  'reason.ENTERPRISE_MATTER_NOT_COVERED':
    '企业事项的帮办代办限于新注册企业的设立、变更，企业食品经营许可，以及与之相关的社保、税务服务。',
  'reason.ENTERPRISE_NOT_NEWLY_REGISTERED': '企业变更登记的帮办代办限于新注册企业。',
  'reason.ENTERPRISE_SERVICE_NOT_RELATED': '社保、税务服务须与企业设立、变更或食品经营许可相关，才属于帮办代办范围。',
  'reason.INVESTMENT_AMOUNT_INVALID': '投资额填写有误，请填写以元为单位的金额。',
  'reason.INVESTMENT_BELOW_THRESHOLD':
    '项目投资额不足500万元。投资项目帮办代办限于投资额500万元以上（含500万元）的项目。',
  'reason.APPROVAL_NOT_COUNTY_LEVEL': '项目审批权限不在县级政府部门，不属于本县帮办代办范围。',
  'reason.INDUSTRIAL_POLICY_MISMATCH': '项目不符合国家、自治区、自治州产业导向规定。',
  'reason.EXCLUDED_MACRO_CONTROL': '国家宏观调控项目不属于帮办代办范围。',
  'reason.EXCLUDED_HIGH_ENERGY': '高耗能项目不属于帮办代办范围。',
  'reason.EXCLUDED_HIGH_POLLUTION': '高污染项目不属于帮办代办范围。',
  'reason.EXCLUDED_RESOURCE': '资源类项目不属于帮办代办范围。',
  'reason.MAJOR_NOT_DESIGNATED':
    '项目未列入自治区、自治州或本县重大项目年度投资计划，也不是县委、县人民政府重点督办或县人民政府指定帮办代办的项目。',

  'check.title': '看看能不能申请帮办代办',
  'check.intro': '回答几个问题，马上知道结果。这里不收集任何个人信息。',
  'check.q.category': '1. 您要办的事属于哪一类',
  'check.q.applicantType': '2. 您是',
  'check.q.groups': '3. 您（或您要帮的人）的情况（可多选，都不是就不选）',
  'check.q.publicService': '4. 要办的是养老、社保、医保、救助、补贴等民生保障事项吗',
  'check.q.enterpriseMatter': '3. 企业要办的事项',
  'check.q.newlyRegistered': '4. 是新注册的企业吗',
  'check.q.related': '4. 是为企业设立、变更或食品经营许可配套办理的吗',
  'check.q.investment': '3. 项目总投资（万元）',
  'check.q.investment.hint': '例如 1200 万元就填 1200。',
  'check.q.investment.placeholder': '只填数字',
  'check.q.approval': '4. 项目由哪一级审批或备案',
  'check.q.policy': '5. 项目符合国家、自治区、自治州的产业政策吗',
  'check.q.excluded': '6. 项目属于下面哪一种吗（都不是就不选）',
  'check.q.plans': '3. 项目列入了哪一级重大项目年度投资计划（都没有就不选）',
  'check.q.keySupervised': '4. 是县委、县政府重点督办的项目吗',
  'check.q.designated': '5. 是县政府指定必须帮办代办的项目吗',
  'check.missing.category': '请选择要办的事属于哪一类',
  'check.missing.applicantType': '请选择您是个人还是企业',
  'check.missing.publicService': '请回答是否为民生保障类事项',
  'check.missing.enterpriseMatter': '请选择企业要办的事项',
  'check.missing.investmentWan': '请填写总投资（万元，只填数字）',
  'check.missing.approvalLevel': '请选择由哪一级审批',
  'check.missing.fitsPolicy': '请回答是否符合产业政策',
  'check.go': '看结果',
  'check.ok.title': '✓ 可以申请，我们可以帮您',
  'check.ok.scope': '您的事项属于帮办代办范围中的“{category}”。服务免费，可选帮办或代办。',
  'check.ok.apply': '填写申请表',
  'check.no.title': '✗ 这件事暂时不能申请帮办代办，原因如下：',
  'check.no.where': '可以去哪里办',
  'check.no.hotline': '有疑问请拨打政务服务中心热线 {phone}。',
  'elsewhere.livelihood': '普通民生事项可直接到政务服务中心对应窗口办理，窗口工作人员会指导您。',
  'elsewhere.enterprise':
    '其他企业事项可到政务服务中心市场监管、税务、社保窗口直接办理，或通过“新疆政务服务网”在线办理。',
  'elsewhere.investment': '不在范围内的投资项目，可向项目所属行业主管部门或县发展和改革委员会咨询审批流程。',
  'elsewhere.major': '未列入重大项目计划的，可按投资项目（500万元以上）申请，或到县发展和改革委员会咨询。',
  'elsewhere.any': '请到政务服务中心综合咨询窗口或拨打热线咨询。',

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
  ...zhForms,
  ...zhCase,
  ...zhInbox,
  ...zhErrors,
} as const;

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

// every case status the server can answer has its words (a new status fails the typecheck here)
zh satisfies Record<
  | `status.${CaseStatus}`
  | `category.${Category}`
  | `group.${SpecialGroup}`
  | `enterpriseMatter.${EnterpriseMatter}`
  | `approval.${ApprovalLevel}`
  | `excluded.${ExcludedProjectKind}`
  | `plan.${MajorPlanLevel}`
  | `reason.${EligibilityReasonCode}`
  | `level.${RatingLevel}`
  | `dim.${RatingDimension}`
  | `tag.${RatingTag}`
  | `bad.${BadRatingState}`
  | `booking.${BookingStatus}`
  | `slot.${ServiceWindowKind}`
  | `outcome.${ApprovalOutcome}`
  | `msg.purpose.${TemplatePurpose}`
  | `msg.${BookingMessageKind}`
  | `msg.${BookingMessageKind}.home`,
  string
>;
