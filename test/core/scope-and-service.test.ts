/**
 * Issue 15 in the core: one mapping from the application form's answers to §三's facts, what the
 * agent verifies, which ended cases can be rated and whom a rating is about, and the per-person
 * submission limits. Fixed 2026 dates (chinese-days carries 2026): the same on every day of the year.
 */
import {
  assessApplication,
  beijingInstant,
  checkApplicationLimits,
  createWorkCalendar,
  declarationsToVerify,
  DEFAULT_SETTINGS,
  defaultRatingIfDue,
  eligibilityFactsOf,
  rateService,
  ratingAttribution,
  type AttributableCase,
  type ScopeApplication,
  type Settings,
} from '../../core';

const cal = createWorkCalendar();
const at = (date: string, time = '11:00') => beijingInstant(date, time);

describe('§三 the application form’s answers as facts', () => {
  test('§三(三) 4,999,999 yuan (499.9999 万元) is below the threshold, 500 万元 is in; a missing amount is invalid, not a guess', () => {
    const project = (details: ScopeApplication['details']): ScopeApplication => ({
      category: 'investment',
      applicantType: 'enterprise',
      details: { approvalLevel: 'county', fitsIndustrialPolicy: true, ...details },
    });
    expect(assessApplication(project({ investmentWan: 499.9999 })).reasons.map((r) => r.code)).toEqual([
      'INVESTMENT_BELOW_THRESHOLD',
    ]);
    expect(assessApplication(project({ investmentWan: 500 })).eligible).toBe(true);
    expect(assessApplication(project({})).reasons.map((r) => r.code)).toEqual(['INVESTMENT_AMOUNT_INVALID']);
    expect(
      assessApplication({
        category: 'investment',
        applicantType: 'enterprise',
        details: { investmentWan: 3000 },
      }).reasons.map((r) => r.code),
    ).toEqual(['APPROVAL_NOT_COUNTY_LEVEL', 'INDUSTRIAL_POLICY_MISMATCH']);
  });

  test('§三 unanswered yes/no questions count as no; an unknown category is refused', () => {
    expect(eligibilityFactsOf({ category: 'livelihood', applicantType: 'person', details: {} })).toEqual({
      category: 'livelihood',
      applicantType: 'person',
      specialGroups: [],
      livelihoodPublicService: false,
    });
    expect(eligibilityFactsOf({ category: 'enterprise', applicantType: 'enterprise', details: {} })).toMatchObject({
      matter: 'other',
      newlyRegistered: false,
      relatedToCoveredMatter: false,
    });
    expect(eligibilityFactsOf({ category: 'major', applicantType: 'enterprise', details: {} })).toEqual({
      category: 'major',
      applicantType: 'enterprise',
      annualPlans: [],
      keySupervised: false,
      designatedByCountyGovernment: false,
    });
    expect(
      assessApplication({ category: 'other' as never, applicantType: 'person', details: {} }).reasons.map(
        (r) => r.code,
      ),
    ).toEqual(['CATEGORY_UNKNOWN']);
  });

  test('§五(一) what the agent verifies: the declarations the rules leave to people', () => {
    const facts = (a: ScopeApplication) => declarationsToVerify(eligibilityFactsOf(a));
    expect(
      facts({
        category: 'livelihood',
        applicantType: 'person',
        details: { specialGroups: ['mobility_impaired', 'elderly'], livelihoodPublicService: true },
      }),
    ).toEqual([expect.stringContaining('行动不便、老年人'), expect.stringContaining('民生保障类')]);
    expect(
      facts({
        category: 'enterprise',
        applicantType: 'enterprise',
        details: { enterpriseMatter: 'change', newlyRegistered: true },
      }),
    ).toEqual([expect.stringContaining('企业变更登记'), expect.stringContaining('新注册')]);
    expect(
      facts({
        category: 'enterprise',
        applicantType: 'enterprise',
        details: { enterpriseMatter: 'tax', relatedToCoveredMatter: true },
      }),
    ).toEqual([expect.stringContaining('税务服务'), expect.stringContaining('相关')]);
    expect(
      facts({
        category: 'investment',
        applicantType: 'enterprise',
        details: { investmentWan: 1200, approvalLevel: 'county', fitsIndustrialPolicy: true },
      })[0],
    ).toContain('1200万元');
    expect(
      facts({
        category: 'major',
        applicantType: 'enterprise',
        details: { annualPlans: ['region', 'county'], keySupervised: true, designatedByCountyGovernment: true },
      }),
    ).toEqual([
      expect.stringContaining('自治区、我县重大项目'),
      expect.stringContaining('重点督办'),
      expect.stringContaining('指定'),
    ]);
    expect(declarationsToVerify({ category: 'x' } as never)).toEqual([]);
  });
});

describe('§五(五) a rating needs a service', () => {
  // submitted Monday 2026-06-08; answer due by the end of Tuesday 06-09 (one working day after)
  const applied = {
    seq: 1,
    action: 'apply',
    from: null,
    to: 'applied',
    actor: { id: 'o_a', role: 'applicant' as const },
    at: at('2026-06-08', '09:00'),
  };
  const withdrawn = (date: string) => ({
    seq: 9,
    action: 'withdraw',
    from: 'applied',
    to: 'terminated',
    actor: { id: 'o_a', role: 'applicant' as const },
    at: at(date, '12:00'),
  });
  const base: AttributableCase = {
    status: 'terminated',
    agentId: 'st-routed',
    firstAgentId: null,
    unitId: 'center',
    timeline: [],
  };

  test('§五(五) finished, refused and terminated-by-staff cases are about the agents who served', () => {
    for (const status of ['finished', 'refused'] as const)
      expect(ratingAttribution({ ...base, status, firstAgentId: 'st-first', timeline: [applied] }, cal)).toEqual({
        ok: true,
        value: { basis: 'service', agentIds: ['st-routed', 'st-first'], unitId: 'center' },
      });
  });

  test('§五(五) a withdrawal before anyone acted and before the answer was due: nothing to rate', () => {
    expect(ratingAttribution({ ...base, timeline: [applied, withdrawn('2026-06-08')] }, cal)).toMatchObject({
      ok: false,
      code: 'NO_SERVICE_GIVEN',
    });
    expect(ratingAttribution({ ...base, timeline: [applied, withdrawn('2026-06-09')] }, cal)).toMatchObject({
      ok: false,
      code: 'NO_SERVICE_GIVEN',
    });
  });

  test('§五(五) withdrawn after the answer was due: about whoever owed it (the routed agent, else the unit)', () => {
    expect(ratingAttribution({ ...base, timeline: [applied, withdrawn('2026-06-10')] }, cal)).toEqual({
      ok: true,
      value: { basis: 'unanswered', agentIds: ['st-routed'], unitId: 'center' },
    });
    expect(ratingAttribution({ ...base, agentId: null, timeline: [applied, withdrawn('2026-06-10')] }, cal)).toEqual({
      ok: true,
      value: { basis: 'unanswered', agentIds: [], unitId: 'center' },
    });
    // the promise is a setting: two working days → Wednesday still in time
    const twoDays: Settings = {
      ...DEFAULT_SETTINGS,
      applications: { ...DEFAULT_SETTINGS.applications, answerWithinWorkingDays: 2 },
    };
    expect(ratingAttribution({ ...base, timeline: [applied, withdrawn('2026-06-10')] }, cal, twoDays)).toMatchObject({
      ok: false,
    });
    // a year nobody entered: counted in natural days rather than refusing the applicant
    const gap = createWorkCalendar({ years: {} } as never);
    const far = { ...applied, at: at('2099-03-02') };
    expect(ratingAttribution({ ...base, timeline: [far, { ...withdrawn('2099-03-20') }] }, gap)).toMatchObject({
      ok: true,
      value: { basis: 'unanswered' },
    });
  });

  test('§五(五) withdrawn after staff acted: about the agents who had it', () => {
    const taken = {
      seq: 2,
      action: 'take',
      from: 'applied',
      to: 'applied',
      actor: { id: 'st-taker', role: 'agent' as const },
      at: at('2026-06-08', '10:00'),
    };
    expect(
      ratingAttribution({ ...base, agentId: 'st-taker', timeline: [applied, taken, withdrawn('2026-06-08')] }, cal),
    ).toEqual({
      ok: true,
      value: { basis: 'service', agentIds: ['st-taker'], unitId: 'center' },
    });
  });

  test('§五(五) rateService and the default rating refuse a case with no service', () => {
    const c = {
      caseId: 'c1',
      applicantId: 'o_a',
      status: 'terminated' as const,
      endedAt: at('2026-06-08'),
      agentIds: [],
      unitId: 'center',
      serviceGiven: false,
    };
    expect(
      rateService(
        { id: 'o_a', role: 'applicant' },
        c,
        null,
        { level: 'very_dissatisfied', tags: ['slow'] },
        at('2026-06-08', '13:00'),
      ),
    ).toMatchObject({ ok: false, code: 'NO_SERVICE_GIVEN' });
    const on = { ...DEFAULT_SETTINGS, rating: { ...DEFAULT_SETTINGS.rating, defaultRatingAfterDays: 7 } };
    expect(defaultRatingIfDue(c, null, at('2026-07-01'), on)).toBeNull();
    expect(defaultRatingIfDue({ ...c, serviceGiven: true }, null, at('2026-07-01'), on)).not.toBeNull();
  });
});

describe('§五(五) limits on one person’s applications', () => {
  const now = at('2026-06-08', '15:00');
  test('§五(五) open applications and submissions per Beijing day are capped by the settings', () => {
    const open = Array.from({ length: 5 }, () => ({ status: 'handling' as const, submittedAt: at('2026-05-01') }));
    expect(checkApplicationLimits(open.slice(0, 4), now)).toEqual({ ok: true, value: null });
    expect(checkApplicationLimits(open, now)).toMatchObject({
      ok: false,
      code: 'TOO_MANY_OPEN_APPLICATIONS',
      message: expect.stringContaining('5件'),
    });
    // withdrawn today still count; yesterday's (Beijing) do not, even when within 24 hours
    const today = Array.from({ length: 5 }, () => ({
      status: 'terminated' as const,
      submittedAt: at('2026-06-08', '00:10'),
    }));
    expect(checkApplicationLimits(today, now)).toMatchObject({ ok: false, code: 'TOO_MANY_SUBMISSIONS_TODAY' });
    expect(
      checkApplicationLimits(
        today.map((c) => ({ ...c, submittedAt: at('2026-06-07', '23:50') })),
        now,
      ),
    ).toMatchObject({ ok: true });
    const other: Settings = {
      ...DEFAULT_SETTINGS,
      applications: { ...DEFAULT_SETTINGS.applications, maxOpenPerApplicant: 10, maxSubmissionsPerDay: 3 },
    };
    expect(checkApplicationLimits(open, now, other)).toMatchObject({ ok: true });
    expect(checkApplicationLimits(today.slice(0, 3), now, other)).toMatchObject({
      ok: false,
      code: 'TOO_MANY_SUBMISSIONS_TODAY',
      message: expect.stringContaining('最多提交3件'),
    });
  });
});
