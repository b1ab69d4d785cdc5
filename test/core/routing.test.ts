import {
  DEFAULT_SETTINGS,
  pickAgent,
  responsibleUnit,
  routeResponsibleUnit,
  type AgentCandidate,
  type RoutingSettings,
} from '../../core';

const routing: RoutingSettings = {
  ...DEFAULT_SETTINGS.routing,
  industryDepartments: { agriculture: 'nyncj', mining: 'zrzy' },
};

describe('§四(一) 帮办代办责任单位', () => {
  test('§四(一) matters the center can finish itself stay with the center', () => {
    expect(routeResponsibleUnit({ category: 'livelihood' })).toEqual({
      unitId: 'center',
      rule: 'center_finishes',
      clause: '§四(一)',
    });
    expect(routeResponsibleUnit({ category: 'enterprise' }).unitId).toBe('center');
    // an investment matter the center can settle at its own windows stays there too
    expect(routeResponsibleUnit({ category: 'investment', finishableInCenter: true }).unitId).toBe('center');
  });

  test('§四(一) other matters go to the department in charge of the project’s industry (归口管理)', () => {
    expect(routeResponsibleUnit({ category: 'investment', industry: 'agriculture' }, routing)).toEqual({
      unitId: 'nyncj',
      rule: 'industry_department',
      clause: '§四(一)',
    });
    expect(routeResponsibleUnit({ category: 'major', industry: 'mining' }, routing).unitId).toBe('zrzy');
    expect(
      routeResponsibleUnit({ category: 'livelihood', finishableInCenter: false, industry: 'agriculture' }, routing)
        .unitId,
    ).toBe('nyncj');
  });

  test('§四(一) an industry without a department yet goes to the configured fallback (发改委)', () => {
    expect(routeResponsibleUnit({ category: 'investment', industry: 'tourism' }, routing)).toEqual({
      unitId: 'fgw',
      rule: 'fallback_department',
      clause: '§四(一)',
    });
    expect(routeResponsibleUnit({ category: 'major' }).unitId).toBe('fgw');
    expect(responsibleUnit('investment')).toBe('fgw');
    expect(responsibleUnit('livelihood')).toBe('center');
  });
});

describe('§四(三) 帮代办员: which agent takes a new case', () => {
  const agent = (over: Partial<AgentCandidate>): AgentCandidate => ({
    id: 'x',
    name: '某',
    unitId: 'center',
    active: true,
    onDuty: true,
    skills: ['livelihood'],
    openCases: 0,
    ...over,
  });
  const need = { unitId: 'center', skill: 'livelihood' };

  test('§四(三) the on-duty agent of the unit who knows the matter and has the fewest open cases', () => {
    const pool = [
      agent({ id: 'a', name: '陈静', openCases: 3 }),
      agent({ id: 'b', name: '古丽米拉', openCases: 1 }),
      agent({ id: 'c', name: '王芳', openCases: 0, onDuty: false }),
      agent({ id: 'd', name: '李娜', openCases: 0, active: false }),
      agent({ id: 'e', name: '马建军', openCases: 0, unitId: 'fgw' }),
      agent({ id: 'f', name: '张伟', openCases: 0, skills: ['enterprise'] }),
    ];
    expect(pickAgent(pool, need)).toEqual({ ok: true, value: { agentId: 'b', name: '古丽米拉', rule: 'skilled' } });
  });

  test('§四(三) ties go by name, then id, never by database order', () => {
    const twins = [
      agent({ id: 'z', name: '王芳', openCases: 1 }),
      agent({ id: 'y', name: '王芳', openCases: 1 }),
      agent({ id: 'w', name: '阿依古丽', openCases: 1 }),
    ];
    const first = pickAgent(twins, need);
    expect(pickAgent([...twins].reverse(), need)).toEqual(first);
    expect(pickAgent(twins.slice(0, 2), need)).toMatchObject({ value: { agentId: 'y' } });
  });

  test('§四(三) with no skilled agent on duty, the least busy on-duty agent takes it (a setting); else nobody', () => {
    const pool = [
      agent({ id: 'f', name: '张伟', skills: ['enterprise'], openCases: 2 }),
      agent({ id: 'g', name: '赵敏', skills: [], openCases: 1 }),
    ];
    expect(pickAgent(pool, need)).toEqual({ ok: true, value: { agentId: 'g', name: '赵敏', rule: 'any_on_duty' } });
    expect(pickAgent(pool, need, { ...DEFAULT_SETTINGS.routing, fallbackToAnyOnDutyAgent: false })).toMatchObject({
      ok: false,
      code: 'NO_AGENT_ON_DUTY',
    });
    expect(pickAgent([], need)).toEqual({
      ok: false,
      code: 'NO_AGENT_ON_DUTY',
      message: expect.stringContaining('责任领导'),
      details: { unitId: 'center' },
    });
  });
});

describe('§四(三) reassignment when an agent leaves or goes off duty; 首问负责 kept', () => {
  const { planReassignments, releaseCase, openCase, applyCaseAction, createWorkCalendar } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../core') as typeof import('../../core');
  const agent = (over: Partial<AgentCandidate>): AgentCandidate => ({
    id: 'x',
    name: '某',
    unitId: 'center',
    active: true,
    onDuty: true,
    skills: ['livelihood'],
    openCases: 0,
    ...over,
  });

  test('§四(三) cases spread over the least busy eligible colleagues, counting what the plan already gave', () => {
    const pool = [
      agent({ id: 'a', name: '甲', openCases: 1 }),
      agent({ id: 'b', name: '乙', openCases: 2 }),
      agent({ id: 'gone', name: '丙', onDuty: false }),
    ];
    const plan = planReassignments(
      [1, 2, 3, 4].map((i) => ({ caseId: `c${i}`, unitId: 'center', skill: 'livelihood' })),
      pool,
    );
    expect(plan.map((p) => p.agentId)).toEqual(['a', 'a', 'b', 'a']);
    expect(plan[0]).toEqual({ caseId: 'c1', agentId: 'a', name: '甲' });
    // the caller's list is not changed
    expect(pool[0].openCases).toBe(1);
    expect(planReassignments([{ caseId: 'c9', unitId: 'fgw', skill: 'investment' }], pool)).toEqual([
      { caseId: 'c9', agentId: null, name: null },
    ]);
  });

  test('§二(四) with nobody eligible the case waits for the leader: agent cleared, first agent kept, timeline records it', () => {
    const cal = createWorkCalendar();
    const t0 = new Date('2026-03-02T02:00:00Z');
    let c = openCase(
      { applicantId: 'o1', category: 'livelihood', mode: 'help', unitId: 'center', agentId: 'st-a' },
      t0,
    ).case;
    const agentA = { id: 'st-a', role: 'agent' as const, unitId: 'center' };
    const accepted = applyCaseAction(
      c,
      { type: 'accept', mandateConfirmed: true, processExplained: true, materialsChecked: true, applicantSigned: true },
      { actor: agentA, at: t0, calendar: cal },
    );
    if (!accepted.ok) throw new Error(accepted.message);
    c = accepted.value.case;
    const admin = { id: 'st-admin', role: 'center' as const, unitId: 'center' };
    const r = releaseCase(c, admin, new Date('2026-03-03T02:00:00Z'), '帮代办员已解绑');
    if (!r.ok) throw new Error(r.message);
    expect(r.value.case).toMatchObject({ agentId: null, firstAgentId: 'st-a', status: 'accepted' });
    expect(r.value.event).toMatchObject({
      seq: 3,
      action: 'reassign',
      from: 'accepted',
      to: 'accepted',
      note: '帮代办员已解绑',
      data: { fromAgentId: 'st-a', toAgentId: null, waiting: true },
    });
    expect(r.value.notifications).toEqual([
      { kind: 'case_waiting_assignment', to: { kind: 'unit_leader', unitId: 'center' } },
    ]);
    expect(releaseCase(r.value.case, admin, new Date(), '再次')).toMatchObject({
      ok: false,
      code: 'NOTHING_TO_RELEASE',
    });
    expect(releaseCase(c, admin, new Date(), ' ')).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(releaseCase(c, agentA, new Date(), '离岗')).toMatchObject({ ok: false, code: 'ROLE_NOT_PERMITTED' });
    expect(releaseCase({ ...c, status: 'finished' }, admin, new Date(), '离岗')).toMatchObject({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
    });
  });
});
