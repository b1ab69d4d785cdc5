import {
  assessEligibility,
  ELIGIBILITY_REASONS,
  INVESTMENT_THRESHOLD_YUAN,
  refusalNotice,
  wanToYuan,
  type EligibilityFacts,
  type EnterpriseFacts,
  type InvestmentFacts,
  type LivelihoodFacts,
  type MajorProjectFacts,
} from '../../core';

const codes = (facts: EligibilityFacts) => assessEligibility(facts).reasons.map((r) => r.code);

const elder: LivelihoodFacts = {
  category: 'livelihood',
  applicantType: 'person',
  specialGroups: ['elderly', 'mobility_impaired'],
  livelihoodPublicService: true,
};
const project: InvestmentFacts = {
  category: 'investment',
  applicantType: 'enterprise',
  investmentYuan: 12_000_000,
  approvalLevel: 'county',
  fitsIndustrialPolicy: true,
  excludedKinds: [],
};

describe('§三(一) 民生保障类事项', () => {
  test('§三(一) accepts a person with difficulty moving who needs a livelihood public service', () => {
    expect(assessEligibility(elder)).toEqual({
      eligible: true,
      category: 'livelihood',
      clause: '§三(一)',
      reasons: [],
    });
  });

  test('§三(一) refuses a person in no special group with reason LIVELIHOOD_NOT_SPECIAL_GROUP', () => {
    expect(codes({ ...elder, specialGroups: [] })).toEqual(['LIVELIHOOD_NOT_SPECIAL_GROUP']);
  });

  test('§三(一) refuses a matter that is not a livelihood public service, and an enterprise applicant, listing every reason', () => {
    expect(codes({ ...elder, applicantType: 'enterprise', specialGroups: [], livelihoodPublicService: false })).toEqual(
      ['LIVELIHOOD_APPLICANT_NOT_PERSON', 'LIVELIHOOD_NOT_SPECIAL_GROUP', 'LIVELIHOOD_NOT_PUBLIC_SERVICE'],
    );
  });
});

describe('§三(二) 企业开办与变更', () => {
  const base: EnterpriseFacts = {
    category: 'enterprise',
    applicantType: 'enterprise',
    matter: 'establishment',
    newlyRegistered: true,
  };

  test('§三(二) accepts establishment and the food business licence of any enterprise', () => {
    expect(assessEligibility(base).eligible).toBe(true);
    expect(assessEligibility({ ...base, matter: 'food_business_license', newlyRegistered: false }).eligible).toBe(true);
  });

  test('§三(二) accepts a change of a newly registered enterprise and refuses it for an old one with ENTERPRISE_NOT_NEWLY_REGISTERED', () => {
    expect(assessEligibility({ ...base, matter: 'change' }).eligible).toBe(true);
    expect(codes({ ...base, matter: 'change', newlyRegistered: false })).toEqual(['ENTERPRISE_NOT_NEWLY_REGISTERED']);
  });

  test('§三(二) accepts social-insurance and tax services only when related, else ENTERPRISE_SERVICE_NOT_RELATED', () => {
    expect(assessEligibility({ ...base, matter: 'tax', relatedToCoveredMatter: true }).eligible).toBe(true);
    expect(codes({ ...base, matter: 'social_insurance' })).toEqual(['ENTERPRISE_SERVICE_NOT_RELATED']);
  });

  test('§三(二) refuses other enterprise matters and personal applicants', () => {
    expect(codes({ ...base, matter: 'other', applicantType: 'person' })).toEqual([
      'ENTERPRISE_APPLICANT_NOT_ENTERPRISE',
      'ENTERPRISE_MATTER_NOT_COVERED',
    ]);
  });
});

describe('§三(三) 500万元以上投资项目', () => {
  test('§三(三) accepts a project of exactly 5,000,000 yuan: 以上 includes the number', () => {
    expect(INVESTMENT_THRESHOLD_YUAN).toBe(5_000_000);
    expect(assessEligibility({ ...project, investmentYuan: 5_000_000 })).toEqual({
      eligible: true,
      category: 'investment',
      clause: '§三(三)',
      reasons: [],
    });
  });

  test('§三(三) refuses a 4,999,999-yuan project with reason INVESTMENT_BELOW_THRESHOLD', () => {
    const d = assessEligibility({ ...project, investmentYuan: 4_999_999 });
    expect(d.eligible).toBe(false);
    expect(d.reasons).toEqual([
      {
        code: 'INVESTMENT_BELOW_THRESHOLD',
        clause: '§三(三)',
        message: ELIGIBILITY_REASONS.INVESTMENT_BELOW_THRESHOLD.message,
      },
    ]);
    expect(d.reasons[0].message).toContain('500万元');
  });

  test('§三(三) refuses a project approved above county level with APPROVAL_NOT_COUNTY_LEVEL', () => {
    expect(codes({ ...project, approvalLevel: 'prefecture' })).toEqual(['APPROVAL_NOT_COUNTY_LEVEL']);
  });

  test('§三(三) refuses a project against industrial policy with INDUSTRIAL_POLICY_MISMATCH', () => {
    expect(codes({ ...project, fitsIndustrialPolicy: false })).toEqual(['INDUSTRIAL_POLICY_MISMATCH']);
  });

  test('§三(三) excludes macro-control, high-energy, high-pollution and resource projects, each with its own reason', () => {
    expect(
      codes({ ...project, excludedKinds: ['resource', 'macro_control', 'high_pollution', 'high_energy'] }),
    ).toEqual(['EXCLUDED_MACRO_CONTROL', 'EXCLUDED_HIGH_ENERGY', 'EXCLUDED_HIGH_POLLUTION', 'EXCLUDED_RESOURCE']);
  });

  test('§三(三) lists every failed rule at once', () => {
    expect(
      codes({
        ...project,
        investmentYuan: 3_000_000,
        approvalLevel: 'region',
        fitsIndustrialPolicy: false,
        excludedKinds: ['high_energy'],
      }),
    ).toEqual([
      'INVESTMENT_BELOW_THRESHOLD',
      'APPROVAL_NOT_COUNTY_LEVEL',
      'INDUSTRIAL_POLICY_MISMATCH',
      'EXCLUDED_HIGH_ENERGY',
    ]);
  });

  test('§三(三) refuses a negative or non-numeric amount with INVESTMENT_AMOUNT_INVALID', () => {
    expect(codes({ ...project, investmentYuan: -1 })).toEqual(['INVESTMENT_AMOUNT_INVALID']);
    expect(codes({ ...project, investmentYuan: Number.NaN })).toEqual(['INVESTMENT_AMOUNT_INVALID']);
  });

  test('§三(三) 万元 converts to yuan without rounding errors at the threshold', () => {
    expect(wanToYuan(500)).toBe(5_000_000);
    expect(wanToYuan(499.9999)).toBe(4_999_999);
    expect(assessEligibility({ ...project, investmentYuan: wanToYuan(500) }).eligible).toBe(true);
  });
});

describe('§三(四) 重大项目', () => {
  const none: MajorProjectFacts = {
    category: 'major',
    applicantType: 'enterprise',
    annualPlans: [],
    keySupervised: false,
    designatedByCountyGovernment: false,
  };

  test('§三(四) accepts a project in the region, prefecture or county annual plan', () => {
    for (const level of ['region', 'prefecture', 'county'] as const)
      expect(assessEligibility({ ...none, annualPlans: [level] }).eligible).toBe(true);
  });

  test('§三(四) accepts a key project supervised by the county, or one the county government designates', () => {
    expect(assessEligibility({ ...none, keySupervised: true })).toMatchObject({ eligible: true, clause: '§三(四)' });
    expect(assessEligibility({ ...none, designatedByCountyGovernment: true }).eligible).toBe(true);
  });

  test('§三(四) refuses a project in no plan and not designated with MAJOR_NOT_DESIGNATED', () => {
    expect(codes(none)).toEqual(['MAJOR_NOT_DESIGNATED']);
    expect(codes({ ...none, annualPlans: ['national' as never] })).toEqual(['MAJOR_NOT_DESIGNATED']);
  });
});

describe('§五(一) 明确告知理由', () => {
  test('§三 refuses a category outside the four with CATEGORY_UNKNOWN', () => {
    expect(assessEligibility({ category: 'lottery' } as unknown as EligibilityFacts)).toEqual({
      eligible: false,
      category: null,
      reasons: [expect.objectContaining({ code: 'CATEGORY_UNKNOWN', clause: '§三' })],
    });
  });

  test('§五(一) the refusal notice states every reason in plain Chinese, numbered', () => {
    const notice = refusalNotice(
      assessEligibility({ ...project, investmentYuan: 4_999_999, excludedKinds: ['high_pollution'] }),
    );
    expect(notice).toBe(
      [
        '您的申请不符合帮办代办条件，理由如下：',
        `1. ${ELIGIBILITY_REASONS.INVESTMENT_BELOW_THRESHOLD.message}`,
        `2. ${ELIGIBILITY_REASONS.EXCLUDED_HIGH_POLLUTION.message}`,
        '如有疑问，可到政务服务中心帮办代办服务岗咨询。',
      ].join('\n'),
    );
    expect(refusalNotice(assessEligibility(project))).toBeNull();
  });

  test('§五(一) every reason names its clause and has a sentence without technical codes', () => {
    for (const [code, r] of Object.entries(ELIGIBILITY_REASONS)) {
      expect(r.clause).toMatch(/^§三/);
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.message).not.toContain(code);
    }
  });
});
