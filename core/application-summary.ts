import {
  ENTERPRISE_MATTER_LABELS,
  EXCLUDED_PROJECT_KIND_LABELS,
  MAJOR_PLAN_LEVEL_LABELS,
  SPECIAL_GROUP_LABELS,
  type ApprovalLevel,
} from './eligibility';
import type { OwnershipTarget } from './permissions';
import { maskIdNumber, maskPhone } from './privacy';
import { CATEGORY_LABELS, SERVICE_MODE_LABELS, type ApplicantType, type Category, type ServiceMode } from './scope';

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = { person: '个人', enterprise: '企业' };

export const APPROVAL_LEVEL_LABELS: Record<ApprovalLevel, string> = {
  county: '县级部门审批',
  prefecture: '州级审批',
  region: '自治区级审批',
  national: '国家级审批',
};

/** The 帮办代办申请表 as a case stores it (cases.submit). */
export interface StoredApplication {
  category: Category;
  mode: ServiceMode;
  applicantType?: ApplicantType;
  applicantName?: string;
  idNumber?: string | null;
  uscc?: string | null;
  details?: Record<string, unknown>;
  matter: string;
  contactName: string;
  contactPhone: string;
  commitment?: boolean;
  mandate?: { text: string } | null;
}

export interface ApplicationRow {
  /** stable id of the row (a field of the form), for tests and styling */
  key: string;
  label: string;
  value: string;
}

const labelsOf = <K extends string>(labels: Record<K, string>, values: unknown) =>
  (Array.isArray(values) ? values : [])
    .map((v) => (Object.prototype.hasOwnProperty.call(labels, String(v)) ? labels[String(v) as K] : String(v)))
    .join('、');
const yuanText = (wan: number) => `${wan.toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元`;

/**
 * Everything the applicant wrote on the form, in words, for the staff who handle the case: the agent
 * must know what the case is about before calling (§五(一) 核实资料). Only what the work does not
 * need is masked: the 身份证号 (the agent checks it against the card at the desk) and the phone
 * (revealed on purpose, and recorded, by workbench.revealContact). A 统一社会信用代码 identifies an
 * enterprise, not a person, and is shown whole.
 */
export function applicationRows(a: StoredApplication): ApplicationRow[] {
  const rows: ApplicationRow[] = [];
  const put = (key: string, label: string, value: string | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') rows.push({ key, label, value });
  };
  const d = a.details ?? {};
  const enterprise = a.applicantType === 'enterprise';
  put('category', '事项类别', CATEGORY_LABELS[a.category]);
  put('mode', '服务方式', SERVICE_MODE_LABELS[a.mode]);
  put('applicantType', '申请人类型', a.applicantType ? APPLICANT_TYPE_LABELS[a.applicantType] : null);
  put('applicantName', enterprise ? '企业名称' : '申请人姓名', a.applicantName);
  put('idNumber', '身份证号', a.idNumber ? maskIdNumber(a.idNumber) : null);
  put('uscc', '统一社会信用代码', a.uscc);
  put('specialGroups', '申请人情况', labelsOf(SPECIAL_GROUP_LABELS, d.specialGroups));
  put(
    'enterpriseMatter',
    '企业事项',
    typeof d.enterpriseMatter === 'string' ? labelsOf(ENTERPRISE_MATTER_LABELS, [d.enterpriseMatter]) : null,
  );
  put('projectName', '项目名称', typeof d.projectName === 'string' ? d.projectName : null);
  put('investmentWan', '总投资', typeof d.investmentWan === 'number' ? yuanText(d.investmentWan) : null);
  put(
    'approvalLevel',
    '审批层级',
    typeof d.approvalLevel === 'string' ? labelsOf(APPROVAL_LEVEL_LABELS, [d.approvalLevel]) : null,
  );
  if (typeof d.fitsIndustrialPolicy === 'boolean')
    put('fitsIndustrialPolicy', '符合产业导向', d.fitsIndustrialPolicy ? '是' : '否');
  put('excludedKinds', '申请人所报项目类型（不在范围）', labelsOf(EXCLUDED_PROJECT_KIND_LABELS, d.excludedKinds));
  if (a.category === 'major')
    put('annualPlans', '列入重大项目年度计划', labelsOf(MAJOR_PLAN_LEVEL_LABELS, d.annualPlans) || '未填写');
  if (d.keySupervised === true) put('keySupervised', '县委、县政府重点督办', '是');
  if (d.designatedByCountyGovernment === true) put('designatedByCountyGovernment', '县政府指定帮办代办', '是');
  put('matter', '要办的事', a.matter);
  put('contactName', '联系人', a.contactName);
  put('contactPhone', '联系电话', maskPhone(a.contactPhone));
  if (a.category === 'enterprise')
    put('commitment', '告知承诺', a.commitment ? '已承诺（缺少的材料按承诺期限补交）' : '未选择');
  put('mandate', '代办委托书', a.mode === 'proxy' ? (a.mandate?.text ?? '（未在手机上签署）') : null);
  return rows;
}

/**
 * Whose work needs the applicant's full phone number (case.revealContact): the agent handling the
 * case and the first agent (首问负责: answerable to the applicant to the end), the responsible unit's
 * leader, the center. Unlike case.view, a department with a task on the case is not enough.
 */
export function contactRevealTarget(c: {
  agentId: string | null;
  firstAgentId?: string | null;
  unitId: string;
}): OwnershipTarget {
  return { agentIds: [c.agentId, c.firstAgentId ?? null], unitIds: [c.unitId] };
}
