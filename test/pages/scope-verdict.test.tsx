/**
 * §三 one verdict on the phone: for generated answers, the self-check page and the application form
 * build the same answers for the server (core ScopeAnswers) and reach the same verdict with the same
 * reasons. test/functions/scope-and-service.test.ts proves the server reaches it too.
 */
import fc from 'fast-check';
import { assessApplication } from '../../core/eligibility';
import { applicationDetails, type Draft } from '../../src/pages/apply/index';
import { toApplication, type Answers } from '../../src/pages/eligibility/index';

const yesNo = fc.option(fc.constantFrom('yes', 'no'), { nil: undefined });
const answers: fc.Arbitrary<Answers> = fc.record({
  category: fc.constantFrom('livelihood', 'enterprise', 'investment', 'major' as const),
  applicantType: fc.constantFrom('person', 'enterprise' as const),
  specialGroups: fc.subarray(['mobility_impaired', 'elderly', 'disabled', 'seriously_ill', 'other_special']),
  publicService: fc.constantFrom('yes', 'no'),
  enterpriseMatter: fc.constantFrom(
    'establishment',
    'change',
    'food_business_license',
    'social_insurance',
    'tax',
    'other',
  ),
  newlyRegistered: yesNo,
  related: yesNo,
  investmentWan: fc.oneof(
    fc.constantFrom('0', '499.9999', '500', '500.0001', '12000'),
    fc.double({ min: 0, max: 100_000, noNaN: true }).map(String),
  ),
  approvalLevel: fc.constantFrom('county', 'prefecture', 'region', 'national'),
  fitsPolicy: fc.constantFrom('yes', 'no'),
  excludedKinds: fc.subarray(['macro_control', 'high_energy', 'high_pollution', 'resource']),
  annualPlans: fc.subarray(['region', 'prefecture', 'county']),
  keySupervised: yesNo,
  designated: yesNo,
});

/** The same answers typed into the 帮办代办申请表. */
function draftOf(a: Answers): Draft {
  return {
    category: a.category,
    applicantType: a.applicantType,
    mode: 'help',
    applicantName: '样例',
    idNumber: '',
    uscc: '',
    specialGroups: a.specialGroups,
    publicService: a.publicService,
    enterpriseMatter: a.enterpriseMatter,
    newlyRegistered: a.newlyRegistered,
    related: a.related,
    projectName: '样例项目',
    investmentWan: a.investmentWan,
    approvalLevel: a.approvalLevel,
    fitsPolicy: a.fitsPolicy,
    excludedKinds: a.excludedKinds,
    annualPlans: a.annualPlans,
    keySupervised: a.keySupervised,
    designated: a.designated,
    matter: '样例事项',
    contactName: '样例',
    contactPhone: '13800138000',
    materials: [],
    commitment: false,
    signatureFileID: '',
    requestId: '',
  };
}

test('§三 one verdict: the self-check and the application form send the same answers and reach the same verdict with the same reasons', () => {
  let compared = 0;
  fc.assert(
    fc.property(answers, (a) => {
      const self = toApplication(a);
      if ('missing' in self) return;
      compared++;
      const form = {
        category: a.category!,
        applicantType: a.applicantType!,
        details: JSON.parse(JSON.stringify(applicationDetails(draftOf(a)))),
      };
      const phone = assessApplication(self.application);
      const sent = assessApplication(form);
      expect(sent.eligible).toBe(phone.eligible);
      expect(sent.reasons).toEqual(phone.reasons);
    }),
    { numRuns: 500, seed: 15 },
  );
  expect(compared).toBeGreaterThan(100);
});
