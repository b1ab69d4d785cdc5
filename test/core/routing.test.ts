import { DEFAULT_SETTINGS, pickAgent, responsibleUnit, routeResponsibleUnit, type AgentCandidate, type RoutingSettings } from '../../core';

const routing: RoutingSettings = { ...DEFAULT_SETTINGS.routing, industryDepartments: { agriculture: 'nyncj', mining: 'zrzy' } };

describe('§四(一) 帮办代办责任单位', () => {
  test('§四(一) matters the center can finish itself stay with the center', () => {
    expect(routeResponsibleUnit({ category: 'livelihood' })).toEqual({ unitId: 'center', rule: 'center_finishes', clause: '§四(一)' });
    expect(routeResponsibleUnit({ category: 'enterprise' }).unitId).toBe('center');
    // an investment matter the center can settle at its own windows stays there too
    expect(routeResponsibleUnit({ category: 'investment', finishableInCenter: true }).unitId).toBe('center');
  });

  test('§四(一) other matters go to the department in charge of the project’s industry (归口管理)', () => {
    expect(routeResponsibleUnit({ category: 'investment', industry: 'agriculture' }, routing)).toEqual({ unitId: 'nyncj', rule: 'industry_department', clause: '§四(一)' });
    expect(routeResponsibleUnit({ category: 'major', industry: 'mining' }, routing).unitId).toBe('zrzy');
    expect(routeResponsibleUnit({ category: 'livelihood', finishableInCenter: false, industry: 'agriculture' }, routing).unitId).toBe('nyncj');
  });

  test('§四(一) an industry without a department yet goes to the configured fallback (发改委)', () => {
    expect(routeResponsibleUnit({ category: 'investment', industry: 'tourism' }, routing)).toEqual({ unitId: 'fgw', rule: 'fallback_department', clause: '§四(一)' });
    expect(routeResponsibleUnit({ category: 'major' }).unitId).toBe('fgw');
    expect(responsibleUnit('investment')).toBe('fgw');
    expect(responsibleUnit('livelihood')).toBe('center');
  });
});

describe('§四(三) 帮代办员: which agent takes a new case', () => {
  const agent = (over: Partial<AgentCandidate>): AgentCandidate => ({ id: 'x', name: '某', unitId: 'center', active: true, onDuty: true, skills: ['livelihood'], openCases: 0, ...over });
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
    const twins = [agent({ id: 'z', name: '王芳', openCases: 1 }), agent({ id: 'y', name: '王芳', openCases: 1 }), agent({ id: 'w', name: '阿依古丽', openCases: 1 })];
    const first = pickAgent(twins, need);
    expect(pickAgent([...twins].reverse(), need)).toEqual(first);
    expect(pickAgent(twins.slice(0, 2), need)).toMatchObject({ value: { agentId: 'y' } });
  });

  test('§四(三) with no skilled agent on duty, the least busy on-duty agent takes it (a setting); else nobody', () => {
    const pool = [agent({ id: 'f', name: '张伟', skills: ['enterprise'], openCases: 2 }), agent({ id: 'g', name: '赵敏', skills: [], openCases: 1 })];
    expect(pickAgent(pool, need)).toEqual({ ok: true, value: { agentId: 'g', name: '赵敏', rule: 'any_on_duty' } });
    expect(pickAgent(pool, need, { ...DEFAULT_SETTINGS.routing, fallbackToAnyOnDutyAgent: false })).toMatchObject({ ok: false, code: 'NO_AGENT_ON_DUTY' });
    expect(pickAgent([], need)).toEqual({ ok: false, code: 'NO_AGENT_ON_DUTY', message: expect.stringContaining('责任领导'), details: { unitId: 'center' } });
  });
});
