import {
  authorize,
  can,
  listScope,
  PERMISSION_ACTIONS,
  PERMISSIONS,
  ROLE_LABELS,
  scopeOf,
  SCOPES,
  type Actor,
  type PermissionAction,
  type Role,
} from '../../core';

const elder: Actor = { id: 'o_elder', role: 'applicant' };
const agent: Actor = { id: 'st-a', role: 'agent', unitId: 'center' };
const leader: Actor = { id: 'st-lead', role: 'leader', unitId: 'fgw' };
const center: Actor = { id: 'st-center', role: 'center', unitId: 'center' };
const roles = Object.keys(ROLE_LABELS) as Role[];

describe('permissions as data: role × action → ownership', () => {
  test('every row names known roles and scopes only', () => {
    for (const action of PERMISSION_ACTIONS) {
      for (const [role, scope] of Object.entries(PERMISSIONS[action])) {
        expect(roles).toContain(role);
        expect(SCOPES).toContain(scope);
      }
    }
  });

  test('§五(五) only the applicant rates, for their own case; no staff role can rate', () => {
    expect(roles.map((r) => scopeOf(r, 'rating.submit'))).toEqual(['own', null, null, null]);
    expect(roles.map((r) => scopeOf(r, 'rating.followUp'))).toEqual(['own', null, null, null]);
  });

  test('§二(二) 代办不包办: applicants act only on their own matters and never on casework', () => {
    const applicantActions = PERMISSION_ACTIONS.filter((a) => scopeOf('applicant', a));
    expect(applicantActions).toEqual([
      'case.apply',
      'case.view',
      'case.withdraw',
      'booking.create',
      'booking.cancel',
      'booking.reschedule',
      'rating.submit',
      'rating.followUp',
    ]);
    expect(applicantActions.filter((a) => a !== 'case.apply').every((a) => scopeOf('applicant', a) === 'own')).toBe(
      true,
    );
  });

  test('§五(四) the center alone convenes joint meetings, escalates, reviews 差评 appeals and manages settings', () => {
    const centerOnly: PermissionAction[] = [
      'meeting.convene',
      'meeting.record',
      'case.escalate',
      'escalation.resolve',
      'badRating.review',
      'settings.manage',
      'calendar.manage',
      'staff.manage',
    ];
    for (const a of centerOnly) expect(roles.filter((r) => scopeOf(r, a))).toEqual(['center']);
  });

  test('§四(二) the responsible leader sees and supervises his unit’s cases (督办、跟踪) and the ledger', () => {
    expect(scopeOf('leader', 'case.view')).toBe('unit');
    expect(scopeOf('leader', 'task.update')).toBe('unit');
    expect(scopeOf('leader', 'case.reassign')).toBe('unit');
    expect(scopeOf('leader', 'ledger.view')).toBe('unit');
  });

  test('each scope checks its own part of the target', () => {
    const target = { applicantId: 'o_elder', agentIds: [null, 'st-a'], unitIds: ['fgw', undefined] };
    expect(authorize(elder, 'case.view', target)).toEqual({ ok: true, value: 'own' });
    expect(authorize({ ...elder, id: 'o_x' }, 'case.view', target)).toMatchObject({ ok: false, code: 'NOT_OWN' });
    expect(authorize(agent, 'case.view', target)).toEqual({ ok: true, value: 'assigned' });
    expect(authorize({ ...agent, id: 'st-b' }, 'case.view', target)).toMatchObject({ ok: false, code: 'NOT_ASSIGNED' });
    expect(authorize(leader, 'case.view', target)).toEqual({ ok: true, value: 'unit' });
    expect(authorize({ ...leader, unitId: null }, 'case.view', target)).toMatchObject({
      ok: false,
      code: 'NOT_OWN_UNIT',
    });
    expect(authorize(center, 'case.view', {})).toEqual({ ok: true, value: 'all' });
    expect(authorize(elder, 'case.view')).toMatchObject({ ok: false, code: 'NOT_OWN' });
    expect(authorize(agent, 'case.view')).toMatchObject({ ok: false, code: 'NOT_ASSIGNED' });
    expect(authorize(leader, 'case.view')).toMatchObject({ ok: false, code: 'NOT_OWN_UNIT' });
  });

  test('a role without a scope is refused with ROLE_NOT_PERMITTED and says who it is', () => {
    expect(authorize(leader, 'rating.submit', { applicantId: 'st-lead' })).toEqual({
      ok: false,
      code: 'ROLE_NOT_PERMITTED',
      message: '责任领导无权执行此操作。',
      details: { action: 'rating.submit', role: 'leader' },
    });
    expect(authorize({ id: 'x', role: 'guest' as Role }, 'case.view').ok).toBe(false);
    expect(scopeOf('center', 'nope' as PermissionAction)).toBeNull();
    expect(can(center, 'staff.manage')).toBe(true);
    expect(can(agent, 'staff.manage')).toBe(false);
  });

  test('list screens get the filter for their scope', () => {
    expect(listScope(elder)).toEqual({ scope: 'own', key: 'o_elder' });
    expect(listScope(agent)).toEqual({ scope: 'assigned', key: 'st-a' });
    expect(listScope(leader)).toEqual({ scope: 'unit', key: 'fgw' });
    expect(listScope({ ...leader, unitId: undefined })).toBeNull();
    expect(listScope(center)).toEqual({ scope: 'all', key: null });
    expect(listScope(elder, 'ledger.view')).toBeNull();
    expect(listScope(center, 'ledger.view')).toEqual({ scope: 'all', key: null });
  });
});
