/** The four kinds of matter the rulebook (§三) accepts, in plain words for citizens. */
export type Category = 'livelihood' | 'enterprise' | 'investment' | 'major';
export type ApplicantType = 'person' | 'enterprise';
export type ServiceMode = 'help' | 'proxy';

export interface Choice<V extends string> {
  value: V;
  label: string;
  description: string;
}

export const CATEGORIES: ReadonlyArray<Choice<Category>> = [
  {
    value: 'livelihood',
    label: '民生保障类事项',
    description: '行动不便的群众，以及老年人、残疾人等特殊群体办理的民生事项。',
  },
  {
    value: 'enterprise',
    label: '企业开办与变更',
    description: '新办企业设立、变更登记，食品经营许可，以及相关的社保、税务业务。',
  },
  {
    value: 'investment',
    label: '500万元以上（含）投资项目',
    description: '由县级部门审批、总投资500万元及以上的投资项目（宏观调控、高耗能、高污染、资源类项目除外）。',
  },
  {
    value: 'major',
    label: '重大项目',
    description: '列入自治区、州、县年度重大项目投资计划，或县委、县政府督办、指定的项目。',
  },
];

export const APPLICANT_TYPES: ReadonlyArray<Choice<ApplicantType>> = [
  { value: 'person', label: '个人', description: '为自己或家人办理。' },
  { value: 'enterprise', label: '企业', description: '企业经办人为企业办理。' },
];

export const SERVICE_MODES: ReadonlyArray<Choice<ServiceMode>> = [
  {
    value: 'help',
    label: '帮办',
    description: '工作人员讲解政策、帮您准备材料、陪同办理，事情由您本人办。',
  },
  {
    value: 'proxy',
    label: '代办',
    description: '您签署委托书后，由工作人员替您跑腿办理，可随时终止委托。',
  },
];

export function categoryLabel(value: string): string {
  return CATEGORIES.find((c) => c.value === value)?.label ?? value;
}

/** Matches the server's limit; the server stays the judge, this only stops typing early. */
export const MATTER_MAX_LENGTH = 200;
