/**
 * 帮办代办范围 (§三): the four kinds of matters in scope. The ids are stable identifiers stored in
 * cases; the labels are the rulebook's own words, shortened for a phone screen.
 */
export const CATEGORIES = ['livelihood', 'enterprise', 'investment', 'major'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  livelihood: '民生保障类事项',
  enterprise: '企业开办与变更',
  investment: '500万元以上（含）投资项目',
  major: '重大项目',
};

export const APPLICANT_TYPES = ['person', 'enterprise'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** 帮办: help (advice, materials, accompanying); 代办: acting on a written mandate (委托书). */
export const SERVICE_MODES = ['help', 'proxy'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const SERVICE_MODE_LABELS: Record<ServiceMode, string> = { help: '帮办', proxy: '代办' };

// 帮办代办责任单位 (§四(一)), responsibleUnit(category), lives in routing.ts with the agent routing.
