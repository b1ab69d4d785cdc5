import type { ApplicantType, Category } from './scope';
import { CATEGORIES } from './scope';

/**
 * 三、帮办代办范围. Each paragraph of §三 is one function over facts the agent records at intake.
 * The answer is eligible or not with every failed rule, so a refusal can 明确告知理由 (§五(一)) in
 * full instead of one reason at a time.
 */

/** §三(三): 投资额在500万元以上. In Chinese legal usage 以上 includes the number (民法典 第一千二百五十九条). */
export const INVESTMENT_THRESHOLD_YUAN = 5_000_000;

/** §三(一): 行动不便或其他特殊群众. */
export const SPECIAL_GROUPS = ['mobility_impaired', 'elderly', 'disabled', 'seriously_ill', 'other_special'] as const;
export type SpecialGroup = (typeof SPECIAL_GROUPS)[number];
export const SPECIAL_GROUP_LABELS: Record<SpecialGroup, string> = {
  mobility_impaired: '行动不便',
  elderly: '老年人',
  disabled: '残疾人',
  seriously_ill: '重病患者',
  other_special: '其他特殊群众',
};

/** §三(二): 新注册企业的设立、变更以及企业食品经营许可，与其相关的社保、税务服务. */
export const ENTERPRISE_MATTERS = [
  'establishment',
  'change',
  'food_business_license',
  'social_insurance',
  'tax',
  'other',
] as const;
export type EnterpriseMatter = (typeof ENTERPRISE_MATTERS)[number];
export const ENTERPRISE_MATTER_LABELS: Record<EnterpriseMatter, string> = {
  establishment: '企业设立登记',
  change: '企业变更登记',
  food_business_license: '食品经营许可',
  social_insurance: '社保服务',
  tax: '税务服务',
  other: '其他企业事项',
};

/** Whose approval the project needs: §三(三) covers only 审批权限属县级政府部门. */
export const APPROVAL_LEVELS = ['county', 'prefecture', 'region', 'national'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/** §三(三) 不含国家宏观调控项目、高耗能、高污染、资源类等项目. */
export const EXCLUDED_PROJECT_KINDS = ['macro_control', 'high_energy', 'high_pollution', 'resource'] as const;
export type ExcludedProjectKind = (typeof EXCLUDED_PROJECT_KINDS)[number];
export const EXCLUDED_PROJECT_KIND_LABELS: Record<ExcludedProjectKind, string> = {
  macro_control: '国家宏观调控项目',
  high_energy: '高耗能项目',
  high_pollution: '高污染项目',
  resource: '资源类项目',
};

/** §三(四) 列入自治区、自治州以及我县重大项目年度计划投资的. */
export const MAJOR_PLAN_LEVELS = ['region', 'prefecture', 'county'] as const;
export type MajorPlanLevel = (typeof MAJOR_PLAN_LEVELS)[number];
export const MAJOR_PLAN_LEVEL_LABELS: Record<MajorPlanLevel, string> = {
  region: '自治区',
  prefecture: '自治州',
  county: '我县',
};

export interface LivelihoodFacts {
  category: 'livelihood';
  applicantType: ApplicantType;
  /** the person's circumstances; empty when none applies */
  specialGroups: SpecialGroup[];
  /** the matter is a 民生保障类公共服务事项 */
  livelihoodPublicService: boolean;
}

export interface EnterpriseFacts {
  category: 'enterprise';
  applicantType: ApplicantType;
  matter: EnterpriseMatter;
  /** the enterprise is newly registered (新注册企业); establishment is new by definition */
  newlyRegistered: boolean;
  /** for social-insurance and tax services: tied to the enterprise's establishment, change or food licence */
  relatedToCoveredMatter?: boolean;
}

export interface InvestmentFacts {
  category: 'investment';
  applicantType: ApplicantType;
  investmentYuan: number;
  approvalLevel: ApprovalLevel;
  /** 符合国家、自治区、自治州产业导向规定 */
  fitsIndustrialPolicy: boolean;
  excludedKinds: ExcludedProjectKind[];
}

export interface MajorProjectFacts {
  category: 'major';
  applicantType: ApplicantType;
  /** annual major-project investment plans the project is listed in this year */
  annualPlans: MajorPlanLevel[];
  /** 县委、人民政府重点督办 */
  keySupervised: boolean;
  /** 县人民政府指定的必须帮办代办的项目 */
  designatedByCountyGovernment: boolean;
}

export type EligibilityFacts = LivelihoodFacts | EnterpriseFacts | InvestmentFacts | MajorProjectFacts;

export const ELIGIBILITY_REASONS = {
  CATEGORY_UNKNOWN: {
    clause: '§三',
    message: '所办事项不属于帮办代办的四类范围（民生保障类事项、企业开办与变更、500万元以上投资项目、重大项目）。',
  },
  LIVELIHOOD_APPLICANT_NOT_PERSON: {
    clause: '§三(一)',
    message: '民生保障类帮办代办面向群众个人，企业事项请选择“企业开办与变更”等类别。',
  },
  LIVELIHOOD_NOT_SPECIAL_GROUP: {
    clause: '§三(一)',
    message: '民生保障类帮办代办面向来窗口办事行动不便的群众或老年人、残疾人等其他特殊群众。',
  },
  LIVELIHOOD_NOT_PUBLIC_SERVICE: { clause: '§三(一)', message: '所办事项不属于民生保障类公共服务事项。' },
  ENTERPRISE_APPLICANT_NOT_ENTERPRISE: { clause: '§三(二)', message: '企业开办与变更帮办代办须由企业（经办人）申请。' },
  ENTERPRISE_MATTER_NOT_COVERED: {
    clause: '§三(二)',
    message: '企业事项的帮办代办限于新注册企业的设立、变更，企业食品经营许可，以及与之相关的社保、税务服务。',
  },
  ENTERPRISE_NOT_NEWLY_REGISTERED: { clause: '§三(二)', message: '企业变更登记的帮办代办限于新注册企业。' },
  ENTERPRISE_SERVICE_NOT_RELATED: {
    clause: '§三(二)',
    message: '社保、税务服务须与企业设立、变更或食品经营许可相关，才属于帮办代办范围。',
  },
  INVESTMENT_AMOUNT_INVALID: { clause: '§三(三)', message: '投资额填写有误，请填写以元为单位的金额。' },
  INVESTMENT_BELOW_THRESHOLD: {
    clause: '§三(三)',
    message: '项目投资额不足500万元。投资项目帮办代办限于投资额500万元以上（含500万元）的项目。',
  },
  APPROVAL_NOT_COUNTY_LEVEL: { clause: '§三(三)', message: '项目审批权限不在县级政府部门，不属于本县帮办代办范围。' },
  INDUSTRIAL_POLICY_MISMATCH: { clause: '§三(三)', message: '项目不符合国家、自治区、自治州产业导向规定。' },
  EXCLUDED_MACRO_CONTROL: { clause: '§三(三)', message: '国家宏观调控项目不属于帮办代办范围。' },
  EXCLUDED_HIGH_ENERGY: { clause: '§三(三)', message: '高耗能项目不属于帮办代办范围。' },
  EXCLUDED_HIGH_POLLUTION: { clause: '§三(三)', message: '高污染项目不属于帮办代办范围。' },
  EXCLUDED_RESOURCE: { clause: '§三(三)', message: '资源类项目不属于帮办代办范围。' },
  MAJOR_NOT_DESIGNATED: {
    clause: '§三(四)',
    message:
      '项目未列入自治区、自治州或本县重大项目年度投资计划，也不是县委、县人民政府重点督办或县人民政府指定帮办代办的项目。',
  },
} as const;

export type EligibilityReasonCode = keyof typeof ELIGIBILITY_REASONS;

export interface EligibilityReason {
  code: EligibilityReasonCode;
  clause: string;
  message: string;
}

export type EligibilityDecision =
  | { eligible: true; category: Category; clause: string; reasons: [] }
  | { eligible: false; category: Category | null; reasons: EligibilityReason[] };

const EXCLUSION_CODES: Record<ExcludedProjectKind, EligibilityReasonCode> = {
  macro_control: 'EXCLUDED_MACRO_CONTROL',
  high_energy: 'EXCLUDED_HIGH_ENERGY',
  high_pollution: 'EXCLUDED_HIGH_POLLUTION',
  resource: 'EXCLUDED_RESOURCE',
};

function reason(code: EligibilityReasonCode): EligibilityReason {
  return { code, ...ELIGIBILITY_REASONS[code] };
}

/** §三(一) 来窗口办理业务行动不便或其他特殊群众，需要办理的民生保障类公共服务事项. */
export function livelihoodReasons(f: LivelihoodFacts): EligibilityReasonCode[] {
  const failed: EligibilityReasonCode[] = [];
  if (f.applicantType !== 'person') failed.push('LIVELIHOOD_APPLICANT_NOT_PERSON');
  if (f.specialGroups.length === 0) failed.push('LIVELIHOOD_NOT_SPECIAL_GROUP');
  if (!f.livelihoodPublicService) failed.push('LIVELIHOOD_NOT_PUBLIC_SERVICE');
  return failed;
}

/** §三(二) 新注册企业的设立、变更以及企业食品经营许可，与其相关的社保、税务服务. */
export function enterpriseReasons(f: EnterpriseFacts): EligibilityReasonCode[] {
  const failed: EligibilityReasonCode[] = [];
  if (f.applicantType !== 'enterprise') failed.push('ENTERPRISE_APPLICANT_NOT_ENTERPRISE');
  switch (f.matter) {
    case 'establishment':
    case 'food_business_license':
      break;
    case 'change':
      if (!f.newlyRegistered) failed.push('ENTERPRISE_NOT_NEWLY_REGISTERED');
      break;
    case 'social_insurance':
    case 'tax':
      if (!f.relatedToCoveredMatter) failed.push('ENTERPRISE_SERVICE_NOT_RELATED');
      break;
    default:
      failed.push('ENTERPRISE_MATTER_NOT_COVERED');
  }
  return failed;
}

/**
 * §三(三) 凡审批权限属县级政府部门，且符合国家、自治区、自治州产业导向规定的，投资额在500万元以上的
 * 项目（不含国家宏观调控项目、高耗能、高污染、资源类等项目）.
 */
export function investmentReasons(f: InvestmentFacts): EligibilityReasonCode[] {
  const failed: EligibilityReasonCode[] = [];
  if (!Number.isFinite(f.investmentYuan) || f.investmentYuan < 0) failed.push('INVESTMENT_AMOUNT_INVALID');
  else if (f.investmentYuan < INVESTMENT_THRESHOLD_YUAN) failed.push('INVESTMENT_BELOW_THRESHOLD');
  if (f.approvalLevel !== 'county') failed.push('APPROVAL_NOT_COUNTY_LEVEL');
  if (!f.fitsIndustrialPolicy) failed.push('INDUSTRIAL_POLICY_MISMATCH');
  for (const kind of EXCLUDED_PROJECT_KINDS) if (f.excludedKinds.includes(kind)) failed.push(EXCLUSION_CODES[kind]);
  return failed;
}

/**
 * §三(四) 列入自治区、自治州以及我县重大项目年度计划投资的，县委、人民政府重点督办的，以及县人民政府
 * 指定的必须帮办代办的项目. Any one of the three suffices.
 */
export function majorProjectReasons(f: MajorProjectFacts): EligibilityReasonCode[] {
  const listed = f.annualPlans.some((p) => (MAJOR_PLAN_LEVELS as readonly string[]).includes(p));
  return listed || f.keySupervised || f.designatedByCountyGovernment ? [] : ['MAJOR_NOT_DESIGNATED'];
}

const CLAUSES: Record<Category, string> = {
  livelihood: '§三(一)',
  enterprise: '§三(二)',
  investment: '§三(三)',
  major: '§三(四)',
};

/** Is the request within §三? Every rule that failed is listed with its clause and a plain sentence. */
export function assessEligibility(facts: EligibilityFacts): EligibilityDecision {
  const category = (CATEGORIES as readonly string[]).includes(facts?.category) ? facts.category : null;
  let codes: EligibilityReasonCode[];
  switch (category) {
    case 'livelihood':
      codes = livelihoodReasons(facts as LivelihoodFacts);
      break;
    case 'enterprise':
      codes = enterpriseReasons(facts as EnterpriseFacts);
      break;
    case 'investment':
      codes = investmentReasons(facts as InvestmentFacts);
      break;
    case 'major':
      codes = majorProjectReasons(facts as MajorProjectFacts);
      break;
    default:
      return { eligible: false, category: null, reasons: [reason('CATEGORY_UNKNOWN')] };
  }
  if (codes.length === 0) return { eligible: true, category, clause: CLAUSES[category], reasons: [] };
  return { eligible: false, category, reasons: codes.map(reason) };
}

/**
 * §五(一) 对于不符合帮代办条件的申请，明确告知理由: the whole notice in one text, numbered, so the
 * agent can read it out or send it.
 */
export function refusalNotice(decision: EligibilityDecision): string | null {
  if (decision.eligible) return null;
  const lines = decision.reasons.map((r, i) => `${i + 1}. ${r.message}`);
  return ['您的申请不符合帮办代办条件，理由如下：', ...lines, '如有疑问，可到政务服务中心帮办代办服务岗咨询。'].join(
    '\n',
  );
}

/** 万元 → 元, for forms that ask in 万元 the way project documents do. */
export function wanToYuan(wan: number): number {
  return Math.round(wan * 10_000 * 100) / 100;
}

// ─── The application form's answers as facts: one mapping for the self-check and the server ─────

/**
 * What the 帮办代办申请表 and the self-check page ask about scope, as the phone sends it. The server
 * assesses exactly these answers with `assessApplication`, and the self-check page builds the same
 * object from its questions, so both reach one verdict with the same reasons (issue 15).
 * Unanswered yes/no questions count as "no": a rule is met only when the applicant says it is.
 */
export interface ScopeAnswers {
  specialGroups?: SpecialGroup[];
  livelihoodPublicService?: boolean;
  enterpriseMatter?: EnterpriseMatter;
  newlyRegistered?: boolean;
  relatedToCoveredMatter?: boolean;
  investmentWan?: number;
  approvalLevel?: ApprovalLevel;
  fitsIndustrialPolicy?: boolean;
  excludedKinds?: ExcludedProjectKind[];
  annualPlans?: MajorPlanLevel[];
  keySupervised?: boolean;
  designatedByCountyGovernment?: boolean;
}

export interface ScopeApplication {
  category: Category;
  applicantType: ApplicantType;
  details: ScopeAnswers;
}

/** The answers as the core's facts for the application's category. */
export function eligibilityFactsOf(a: ScopeApplication): EligibilityFacts {
  const d = a.details ?? {};
  switch (a.category) {
    case 'livelihood':
      return {
        category: 'livelihood',
        applicantType: a.applicantType,
        specialGroups: [...(d.specialGroups ?? [])],
        livelihoodPublicService: d.livelihoodPublicService === true,
      };
    case 'enterprise':
      return {
        category: 'enterprise',
        applicantType: a.applicantType,
        matter: d.enterpriseMatter ?? 'other',
        newlyRegistered: d.newlyRegistered === true,
        relatedToCoveredMatter: d.relatedToCoveredMatter === true,
      };
    case 'investment':
      return {
        category: 'investment',
        applicantType: a.applicantType,
        // a missing amount is not a number: INVESTMENT_AMOUNT_INVALID rather than a guess
        investmentYuan: typeof d.investmentWan === 'number' ? wanToYuan(d.investmentWan) : NaN,
        approvalLevel: d.approvalLevel ?? ('unknown' as ApprovalLevel),
        fitsIndustrialPolicy: d.fitsIndustrialPolicy === true,
        excludedKinds: [...(d.excludedKinds ?? [])],
      };
    case 'major':
      return {
        category: 'major',
        applicantType: a.applicantType,
        annualPlans: [...(d.annualPlans ?? [])],
        keySupervised: d.keySupervised === true,
        designatedByCountyGovernment: d.designatedByCountyGovernment === true,
      };
    default: {
      // a category outside the type (an old or tampered form): only the category, which
      // assessEligibility refuses as CATEGORY_UNKNOWN
      const unknownCategory: Pick<EligibilityFacts, 'category'> = { category: a.category };
      return unknownCategory as EligibilityFacts;
    }
  }
}

/** §三 over an application form: the verdict the self-check shows and the server enforces. */
export function assessApplication(a: ScopeApplication): EligibilityDecision {
  return assessEligibility(eligibilityFactsOf(a));
}

/**
 * What the applicant declared about themselves that the rules leave to people to verify (§五(一)
 * 核实相关资料): the agent checks each line against documents before accepting. No decision rests
 * on the declaration alone.
 */
export function declarationsToVerify(facts: EligibilityFacts): string[] {
  const yuan = (n: number) => `${Math.round((n / 10_000) * 100) / 100}万元`;
  switch (facts.category) {
    case 'livelihood':
      return [
        `申请人所述情况：${facts.specialGroups.map((g) => SPECIAL_GROUP_LABELS[g] ?? g).join('、')}（核验身份证、残疾证或病历等）`,
        '所办事项属于民生保障类公共服务事项',
      ];
    case 'enterprise': {
      const lines = [`企业事项：${ENTERPRISE_MATTER_LABELS[facts.matter] ?? facts.matter}（核验营业执照或名称登记）`];
      if (facts.matter === 'change') lines.push('企业为新注册企业（核验成立日期）');
      if (facts.matter === 'social_insurance' || facts.matter === 'tax')
        lines.push('社保、税务服务与企业设立、变更或食品经营许可相关');
      return lines;
    }
    case 'investment':
      return [
        `项目总投资${yuan(facts.investmentYuan)}，不低于500万元（核验项目立项、备案或可研文件）`,
        '审批权限属县级政府部门',
        '符合国家、自治区、自治州产业导向规定',
        '不属于国家宏观调控、高耗能、高污染、资源类项目',
      ];
    case 'major': {
      const lines: string[] = [];
      if (facts.annualPlans.length)
        lines.push(
          `列入${facts.annualPlans.map((p) => MAJOR_PLAN_LEVEL_LABELS[p] ?? p).join('、')}重大项目年度投资计划（核验计划文件）`,
        );
      if (facts.keySupervised) lines.push('县委、县人民政府重点督办项目（核验督办文件）');
      if (facts.designatedByCountyGovernment) lines.push('县人民政府指定帮办代办的项目（核验指定文件）');
      return lines;
    }
    default:
      return [];
  }
}
