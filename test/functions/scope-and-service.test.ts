/**
 * Issue 15, through the real functions: the server enforces every rule it tells applicants.
 * §三 at submission (the same function as the self-check, every reason, nothing written) and again
 * at 受理; a rating needs a service (§五(五)); limits on one person's applications; a staff booking
 * binds to a case the agent found and confirmed, or to a walk-in held on the desk, never to
 * whoever typed a phone number.
 */
import fc from 'fast-check';
import { CloudBase } from '../../local-cloud/src';
import { assessApplication, type ScopeApplication } from '../../core';
import { call, deliver, seedCase, startAppCloud, TEST_APPLICATION_LIMITS } from '../support/app';
import { agreePrivacy, fullApplication, submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const submit = (openid: string, form: Record<string, unknown>) =>
  call(cloud, 'cases', { action: 'submit', input: fullApplication(form) }, openid);
const casesOf = (openid: string) => cloud.store.candidates('cases', {}).docs.filter((d) => d.applicantId === openid);
const project = (details: Record<string, unknown>) => ({
  category: 'investment',
  applicantType: 'enterprise',
  mode: 'help',
  matter: '农产品加工项目',
  contactName: '李明',
  contactPhone: '13999887766',
  details: { projectName: '农产品加工项目', approvalLevel: 'county', fitsIndustrialPolicy: true, ...details },
});

describe('§三 at the server: cases.submit', () => {
  test('§三(三) refuses a 4,999,999-yuan project with INVESTMENT_BELOW_THRESHOLD and writes nothing; exactly 5,000,000 yuan is accepted', async () => {
    const who = 'o_scope_threshold';
    await agreePrivacy(cloud, who);
    const below = await submit(who, project({ investmentWan: 499.9999 }));
    expect(below).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { INVESTMENT_BELOW_THRESHOLD: expect.stringContaining('500万元') },
    });
    expect(Object.keys(below.ok ? {} : (below.fields ?? {}))).toEqual(['INVESTMENT_BELOW_THRESHOLD']);
    expect(below.ok ? '' : below.message).toContain('理由如下');
    expect(casesOf(who)).toHaveLength(0);
    expect(await submit(who, project({ investmentWan: 500 }))).toMatchObject({ ok: true, data: { status: 'applied' } });
    expect(casesOf(who)).toHaveLength(1);
  });

  test('§三(三) refuses 高污染 and 高耗能 projects and one approved above the county, every reason at once, writing nothing', async () => {
    const who = 'o_scope_excluded';
    await agreePrivacy(cloud, who);
    const dirty = await submit(who, project({ investmentWan: 3000, excludedKinds: ['high_pollution', 'high_energy'] }));
    expect(dirty).toMatchObject({ ok: false, code: 'RULE_REFUSED' });
    expect(Object.keys(dirty.ok ? {} : (dirty.fields ?? {})).sort()).toEqual([
      'EXCLUDED_HIGH_ENERGY',
      'EXCLUDED_HIGH_POLLUTION',
    ]);
    const region = await submit(who, project({ investmentWan: 3000, approvalLevel: 'region' }));
    expect(region).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { APPROVAL_NOT_COUNTY_LEVEL: expect.stringContaining('县级') },
    });
    const all = await submit(
      who,
      project({
        investmentWan: 100,
        approvalLevel: 'national',
        fitsIndustrialPolicy: false,
        excludedKinds: ['macro_control', 'resource'],
      }),
    );
    expect(Object.keys(all.ok ? {} : (all.fields ?? {}))).toEqual([
      'INVESTMENT_BELOW_THRESHOLD',
      'APPROVAL_NOT_COUNTY_LEVEL',
      'INDUSTRIAL_POLICY_MISMATCH',
      'EXCLUDED_MACRO_CONTROL',
      'EXCLUDED_RESOURCE',
    ]);
    // the question itself must be answered, as on the self-check page
    expect(
      await submit(who, {
        ...project({ investmentWan: 3000 }),
        details: { projectName: '项目', investmentWan: 3000, approvalLevel: 'county' },
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { 'details.fitsIndustrialPolicy': expect.any(String) },
    });
    expect(casesOf(who)).toHaveLength(0);
  });

  test('§三(一)(二)(四) refuses what the categories do not cover, with the rulebook reason', async () => {
    const who = 'o_scope_categories';
    await agreePrivacy(cloud, who);
    const livelihood = {
      category: 'livelihood',
      applicantType: 'person',
      mode: 'help',
      matter: '办理高龄津贴',
      contactName: '张桂兰',
      contactPhone: '13912345678',
    };
    expect(
      await submit(who, { ...livelihood, details: { specialGroups: ['elderly'], livelihoodPublicService: false } }),
    ).toMatchObject({
      ok: false,
      fields: { LIVELIHOOD_NOT_PUBLIC_SERVICE: expect.any(String) },
    });
    expect(
      await submit(who, {
        ...livelihood,
        applicantType: 'enterprise',
        details: { specialGroups: ['elderly'], livelihoodPublicService: true },
      }),
    ).toMatchObject({ ok: false, fields: { LIVELIHOOD_APPLICANT_NOT_PERSON: expect.any(String) } });
    const enterprise = {
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '企业变更登记',
      contactName: '王海',
      contactPhone: '13899001122',
    };
    expect(
      await submit(who, { ...enterprise, details: { enterpriseMatter: 'change', newlyRegistered: false } }),
    ).toMatchObject({
      ok: false,
      fields: { ENTERPRISE_NOT_NEWLY_REGISTERED: expect.any(String) },
    });
    expect(await submit(who, { ...enterprise, details: { enterpriseMatter: 'tax' } })).toMatchObject({
      ok: false,
      fields: { ENTERPRISE_SERVICE_NOT_RELATED: expect.any(String) },
    });
    expect(await submit(who, { ...enterprise, details: { enterpriseMatter: 'other' } })).toMatchObject({
      ok: false,
      fields: { ENTERPRISE_MATTER_NOT_COVERED: expect.any(String) },
    });
    const major = {
      category: 'major',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '重点项目',
      contactName: '李明',
      contactPhone: '13999887766',
    };
    expect(await submit(who, { ...major, details: { projectName: '重点项目', annualPlans: [] } })).toMatchObject({
      ok: false,
      fields: { MAJOR_NOT_DESIGNATED: expect.any(String) },
    });
    expect(
      await submit(who, { ...major, details: { projectName: '重点项目', annualPlans: [], keySupervised: true } }),
    ).toMatchObject({
      ok: true,
    });
    expect(casesOf(who)).toHaveLength(1);
  });

  test('§三 one verdict: for generated applications cases.submit refuses exactly when the self-check does, with the same reasons in the same order', async () => {
    const bool = fc.option(fc.boolean(), { nil: undefined });
    const details = fc.record({
      specialGroups: fc.subarray(['mobility_impaired', 'elderly', 'disabled', 'seriously_ill', 'other_special']),
      livelihoodPublicService: fc.boolean(),
      enterpriseMatter: fc.constantFrom(
        'establishment',
        'change',
        'food_business_license',
        'social_insurance',
        'tax',
        'other',
      ),
      newlyRegistered: bool,
      relatedToCoveredMatter: bool,
      investmentWan: fc.oneof(
        fc.constantFrom(0, 499.9999, 500, 500.0001, 12000),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
      ),
      approvalLevel: fc.constantFrom('county', 'prefecture', 'region', 'national'),
      fitsIndustrialPolicy: fc.boolean(),
      excludedKinds: fc.subarray(['macro_control', 'high_energy', 'high_pollution', 'resource']),
      annualPlans: fc.subarray(['region', 'prefecture', 'county']),
      keySupervised: bool,
      designatedByCountyGovernment: bool,
    });
    const application = fc.record({
      category: fc.constantFrom('livelihood', 'enterprise', 'investment', 'major'),
      applicantType: fc.constantFrom('person', 'enterprise'),
      details,
    });
    let n = 0;
    const seen = { eligible: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(application, async (a) => {
        const who = `o_scope_prop_${++n}`;
        await agreePrivacy(cloud, who);
        const phone = assessApplication(a as ScopeApplication);
        const server = await submit(who, {
          category: a.category,
          applicantType: a.applicantType,
          mode: 'help',
          matter: '生成的申请',
          contactName: '李明',
          contactPhone: '13999887766',
          details: { projectName: '生成的项目', ...a.details },
        });
        seen[phone.eligible ? 'eligible' : 'refused']++;
        if (phone.eligible) {
          expect(server).toMatchObject({ ok: true });
        } else {
          expect(server).toMatchObject({ ok: false, code: 'RULE_REFUSED' });
          expect(server.ok ? {} : server.fields).toEqual(
            Object.fromEntries(phone.reasons.map((r) => [r.code, r.message])),
          );
          expect(Object.keys(server.ok ? {} : (server.fields ?? {}))).toEqual(phone.reasons.map((r) => r.code));
          expect(casesOf(who)).toHaveLength(0);
        }
      }),
      { numRuns: 60, seed: 15 },
    );
    // both verdicts were exercised
    expect(seen.eligible).toBeGreaterThan(3);
    expect(seen.refused).toBeGreaterThan(3);
  });
});

describe('§五(一) 受理 re-checks scope and shows what to verify', () => {
  const acceptAs = (caseId: string, agent: string) =>
    call(
      cloud,
      'workbench',
      {
        action: 'act',
        input: {
          caseId,
          version: 1,
          action: {
            type: 'accept',
            mandateConfirmed: true,
            processExplained: true,
            materialsChecked: true,
            applicantSigned: true,
          },
        },
      },
      agent,
    );

  test('§五(一) a stored 高污染 case cannot be accepted: refused with the reason, the case unchanged', async () => {
    const { caseId, doc } = seedCase(cloud, { applicantId: 'o_scope_legacy', category: 'investment' });
    cloud.store.apply([
      {
        collection: 'cases',
        id: caseId,
        doc: {
          ...doc,
          details: {
            projectName: '化工项目',
            investmentWan: 3000,
            approvalLevel: 'county',
            fitsIndustrialPolicy: true,
            excludedKinds: ['high_pollution'],
          },
        } as never,
      },
    ]);
    const seen = await call(cloud, 'workbench', { action: 'get', input: { caseId } }, 'o_agent_fgw');
    expect(seen).toMatchObject({
      ok: true,
      data: { scope: { eligible: false, reasons: [{ code: 'EXCLUDED_HIGH_POLLUTION' }], verify: [] } },
    });
    const refused = await acceptAs(caseId, 'o_agent_fgw');
    expect(refused).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { EXCLUDED_HIGH_POLLUTION: expect.stringContaining('高污染') },
    });
    expect(refused.ok ? '' : refused.message).toContain('不予受理');
    expect(cloud.store.get('cases', caseId)?.doc).toMatchObject({ status: 'applied', version: 1 });
    // the way out is the refusal with reasons (§五(一) 明确告知理由)
    const reasons = [{ code: 'EXCLUDED_HIGH_POLLUTION', message: '高污染项目不属于帮办代办范围。' }];
    expect(
      await call(
        cloud,
        'workbench',
        { action: 'act', input: { caseId, version: 1, action: { type: 'refuse', reasons } } },
        'o_agent_fgw',
      ),
    ).toMatchObject({ ok: true, data: { status: 'refused' } });
  });

  test('§五(一) the agent is shown the declarations to verify; an agent of another unit gets NOT_FOUND, not the reasons', async () => {
    const { caseId, doc } = seedCase(cloud, { applicantId: 'o_scope_verify', category: 'livelihood' });
    const seen = await call(cloud, 'workbench', { action: 'get', input: { caseId } }, 'o_agent_center');
    expect(seen).toMatchObject({
      ok: true,
      data: {
        scope: {
          eligible: true,
          clause: '§三(一)',
          verify: [expect.stringContaining('行动不便'), expect.stringContaining('民生保障类')],
        },
      },
    });
    const out = seedCase(cloud, { applicantId: 'o_scope_verify', category: 'investment' });
    cloud.store.apply([
      {
        collection: 'cases',
        id: out.caseId,
        doc: {
          ...out.doc,
          details: { investmentWan: 100, approvalLevel: 'county', fitsIndustrialPolicy: true },
        } as never,
      },
    ]);
    expect(await acceptAs(out.caseId, 'o_agent_center')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(cloud.store.get('cases', caseId)?.doc).toMatchObject({ status: doc.status, version: 1 });
  });
});

describe('§五(五) a rating needs a service, and is about whoever gave it or owed it', () => {
  const rate = (caseId: string, openid: string, level = 'very_dissatisfied') =>
    call(
      cloud,
      'ratings',
      { action: 'submit', input: { caseId, level, tags: ['no_feedback'], comment: '没人理' } },
      openid,
    );
  const withdraw = (caseId: string, version: number, openid: string) =>
    call(cloud, 'cases', { action: 'withdraw', input: { caseId, version } }, openid);
  const badRatings = (caseId: string) =>
    cloud.store.candidates('badRatings', {}).docs.filter((d) => d.caseId === caseId);

  test('§五(五) submit, withdraw at once, 非常不满意: refused (no service given), no 差评 against the agent it was routed to', async () => {
    const who = 'o_rate_withdrawn';
    const r = await submitAs(cloud, who, {
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '食品经营许可',
      contactName: '王海',
      contactPhone: '13899001122',
    });
    const caseId = r.ok ? r.data.caseId : '';
    expect(await withdraw(caseId, 1, who)).toMatchObject({ ok: true, data: { status: 'terminated' } });
    expect(await call(cloud, 'cases', { action: 'get', input: { caseId } }, who)).toMatchObject({
      ok: true,
      data: { case: { canRate: false } },
    });
    expect(await call(cloud, 'ratings', { action: 'getForCase', input: { caseId } }, who)).toMatchObject({
      ok: true,
      data: { canRate: false, noServiceReason: expect.stringContaining('撤回') },
    });
    expect(await rate(caseId, who)).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { NO_SERVICE_GIVEN: expect.any(String) },
    });
    await deliver(cloud);
    expect(cloud.store.get('ratings', caseId)).toBeFalsy();
    expect(badRatings(caseId)).toEqual([]);
  });

  test('§五(五) withdrawn after an agent took it up: rated, the 差评 is about that agent', async () => {
    const who = 'o_rate_taken';
    // routed to nobody (nobody on duty), then taken up by 陈静
    const { caseId } = seedCase(cloud, { applicantId: who, category: 'enterprise', agentId: null });
    const taken = await call(
      cloud,
      'workbench',
      { action: 'act', input: { caseId, version: 1, action: { type: 'take' } } },
      'o_agent_center',
    );
    expect(taken).toMatchObject({ ok: true });
    expect(await withdraw(caseId, taken.ok ? taken.data.version : 0, who)).toMatchObject({ ok: true });
    expect(await rate(caseId, who)).toMatchObject({
      ok: true,
      data: { badRatings: [{ status: 'awaiting_call_back' }] },
    });
    await deliver(cloud);
    expect(cloud.store.get('ratings', caseId)?.doc).toMatchObject({
      attributedTo: { basis: 'service', agentIds: ['st-agent-center'], unitId: 'center' },
    });
    expect(badRatings(caseId).map((b) => b.owners)).toEqual([{ agentIds: ['st-agent-center'], unitIds: ['center'] }]);
  });

  test('§五(五) withdrawn because nobody answered in time: the complaint stands, about whoever owed the answer (the routed agent, or the unit)', async () => {
    const longAgo = new Date(Date.now() - 20 * 86_400_000);
    for (const [who, agentId, owners] of [
      ['o_rate_unanswered', 'st-agent-center', { agentIds: ['st-agent-center'], unitIds: ['center'] }],
      ['o_rate_unrouted', null, { agentIds: [], unitIds: ['center'] }],
    ] as const) {
      const { caseId } = seedCase(cloud, { applicantId: who, category: 'enterprise', agentId, at: longAgo });
      expect(await withdraw(caseId, 1, who)).toMatchObject({ ok: true });
      expect(await rate(caseId, who)).toMatchObject({
        ok: true,
        data: { badRatings: [{ status: 'awaiting_call_back' }] },
      });
      await deliver(cloud);
      expect(cloud.store.get('ratings', caseId)?.doc).toMatchObject({
        attributedTo: { basis: 'unanswered', unitId: 'center' },
      });
      expect(badRatings(caseId).map((b) => b.owners)).toEqual([owners]);
    }
  });
});

describe('§五(五) limits on one person’s applications (settings.applications, the defaults)', () => {
  beforeAll(() => {
    // the test cloud lifts the limits for the other suites; these tests use the product's defaults
    const center = cloud.store.get('settings', 'center')?.doc ?? { _id: 'center' };
    cloud.store.apply([{ collection: 'settings', id: 'center', doc: { ...center, applications: {} } as never }]);
  });
  afterAll(() => {
    const center = cloud.store.get('settings', 'center')?.doc ?? { _id: 'center' };
    cloud.store.apply([
      { collection: 'settings', id: 'center', doc: { ...center, applications: TEST_APPLICATION_LIMITS } as never },
    ]);
  });
  const form = {
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'help',
    matter: '食品经营许可',
    contactName: '王海',
    contactPhone: '13899001122',
  };

  test('§五(五) submit → withdraw cycles stop at the daily limit, refused with a clear message and nothing written', async () => {
    const who = 'o_limit_cycles';
    await agreePrivacy(cloud, who);
    for (let i = 0; i < 5; i++) {
      const r = await submit(who, form);
      expect(r).toMatchObject({ ok: true });
      expect(
        await call(
          cloud,
          'cases',
          { action: 'withdraw', input: { caseId: r.ok ? r.data.caseId : '', version: 1 } },
          who,
        ),
      ).toMatchObject({ ok: true });
    }
    const sixth = await submit(who, form);
    expect(sixth).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { TOO_MANY_SUBMISSIONS_TODAY: expect.stringContaining('每人每天最多提交5件') },
    });
    expect(casesOf(who)).toHaveLength(5);
  });

  test('§五(五) open applications per person are limited; a retry of a request already made is still answered with its case', async () => {
    const who = 'o_limit_open';
    await agreePrivacy(cloud, who);
    const earlier = new Date(Date.now() - 3 * 86_400_000);
    const seeded = Array.from({ length: 5 }, () => seedCase(cloud, { applicantId: who, at: earlier }));
    const input = fullApplication(form);
    const key = `${who}:${String(input.requestId)}`;
    cloud.store.apply([
      { collection: 'cases', id: seeded[0].caseId, doc: { ...seeded[0].doc, requestKey: key } as never },
    ]);
    expect(await call(cloud, 'cases', { action: 'submit', input: fullApplication(form) }, who)).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { TOO_MANY_OPEN_APPLICATIONS: expect.stringContaining('最多同时办理5件') },
    });
    expect(await call(cloud, 'cases', { action: 'submit', input }, who)).toMatchObject({
      ok: true,
      data: { caseId: seeded[0].caseId, repeated: true },
    });
    expect(casesOf(who)).toHaveLength(5);
  });
});

describe('§二(四) 预约: a staff booking binds to a real person: the case the agent confirmed, or a walk-in on the desk', () => {
  const bk = (action: string, input: object, openid = 'o_agent_center') =>
    call(cloud, 'bookings', { action, input }, openid);
  async function freeSlot(): Promise<string> {
    const r = await bk('listSlots', {});
    if (!r.ok) throw new Error(r.message);
    return (r.data.days as { slots: { slotId: string; remaining: number }[] }[])
      .flatMap((d) => d.slots)
      .find((s) => s.remaining > 0)!.slotId;
  }
  const mine = async (openid: string) => {
    const r = await call(cloud, 'bookings', { action: 'listMine', input: {} }, openid);
    return r.ok ? (r.data.items as { bookingId: string }[]).map((b) => b.bookingId) : [];
  };

  test('§二(四) B typed A’s phone into B’s own application: a booking for A’s case is A’s, a walk-in with that phone is nobody’s, and B can neither see nor cancel either', async () => {
    const phoneOfA = '13911112222';
    const a = await submitAs(cloud, 'o_book_a', {
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '食品经营许可',
      contactName: '阿依古丽',
      contactPhone: phoneOfA,
    });
    const b = await submitAs(cloud, 'o_book_b', {
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '企业设立登记',
      contactName: '别人',
      contactPhone: phoneOfA,
    });
    expect(a.ok && b.ok).toBe(true);
    const caseNoOfA = a.ok ? a.data.caseNo : '';

    // the old way, by phone number, is gone
    expect(
      await bk('bookFor', { slotId: await freeSlot(), phone: phoneOfA, name: '阿依古丽', category: 'enterprise' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    // found by the number the system issued, shown masked for the agent to confirm with the caller
    const found = await bk('findCase', { caseNo: caseNoOfA.toLowerCase() });
    expect(found).toMatchObject({
      ok: true,
      data: {
        case: {
          caseId: a.ok ? a.data.caseId : '',
          caseNo: caseNoOfA,
          open: true,
          contactName: '阿***',
          contactPhone: '139****2222',
        },
      },
    });
    expect(JSON.stringify(found)).not.toContain(phoneOfA);
    expect(await bk('findCase', { caseNo: phoneOfA })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await bk('findCase', { caseNo: 'BB20200101-000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await bk('findCase', { caseNo: caseNoOfA }, 'o_book_b')).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const forA = await bk('bookFor', { slotId: await freeSlot(), caseId: a.ok ? a.data.caseId : '' });
    expect(forA).toMatchObject({ ok: true, data: { booking: { status: 'active' } } });
    const forAId = forA.ok ? forA.data.booking.bookingId : '';
    const walkIn = await bk('bookFor', {
      slotId: await freeSlot(),
      walkIn: { name: '阿依古丽', phone: phoneOfA, category: 'enterprise' },
    });
    expect(walkIn).toMatchObject({ ok: true });
    const walkInId = walkIn.ok ? walkIn.data.booking.bookingId : '';

    expect(await mine('o_book_a')).toEqual([forAId]);
    expect(await mine('o_book_b')).toEqual([]);
    expect(cloud.store.get('bookings', walkInId)?.doc).toMatchObject({ applicantId: `tel:${phoneOfA}`, caseId: null });
    expect(cloud.store.get('bookings', forAId)?.doc).toMatchObject({
      applicantId: 'o_book_a',
      caseId: a.ok ? a.data.caseId : '',
      caseNo: caseNoOfA,
    });
    for (const id of [forAId, walkInId])
      expect(await call(cloud, 'bookings', { action: 'cancel', input: { bookingId: id } }, 'o_book_b')).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
    await deliver(cloud);
    const inbox = async (openid: string) => {
      const r = await call(cloud, 'notify', { action: 'inbox', input: {} }, openid);
      return r.ok ? JSON.stringify(r.data) : '';
    };
    expect(await inbox('o_book_b')).not.toContain('预约成功');
    expect(await inbox('o_book_a')).toContain('预约成功');
  });

  test('§二(四) bookFor needs exactly one of a confirmed case or a walk-in; an ended case is refused', async () => {
    const slotId = await freeSlot();
    expect(await bk('bookFor', { slotId })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { caseId: expect.stringContaining('二选一') },
    });
    const { caseId, doc } = seedCase(cloud, { applicantId: 'o_book_ended' });
    cloud.store.apply([
      { collection: 'cases', id: caseId, doc: { ...doc, status: 'finished', endedAt: new Date() } as never },
    ]);
    expect(await bk('bookFor', { slotId, caseId })).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { CASE_ENDED: expect.any(String) },
    });
    expect(await bk('bookFor', { slotId, caseId: 'no-such-case' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await bk(
        'bookFor',
        { slotId, walkIn: { name: '某人', phone: '13700009999', category: 'enterprise' } },
        'o_leader_fgw',
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
