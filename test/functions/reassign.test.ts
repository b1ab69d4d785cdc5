/**
 * §四(三) and 首问负责 (§二(四)) when an agent leaves: the center unbinds an agent or marks them off
 * duty, and their open cases move to eligible colleagues by the core's routing (fewest open
 * cases), the first agent stays recorded, the timeline says so, the new agent and the applicant
 * hear of it; with nobody eligible the case waits for the unit's leader. The scheduler catches a
 * case that still sits with an unbound agent.
 */
import { applyCaseAction, createWorkCalendar } from '../../core';
import { CloudBase } from '../../local-cloud/src';
import { call, deliver, seedCase, startAppCloud } from '../support/app';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const accept = {
  type: 'accept',
  mandateConfirmed: true,
  processExplained: true,
  materialsChecked: true,
  applicantSigned: true,
} as const;
const center = (action: string, input: object) => call(cloud, 'center', { action, input }, 'o_center_admin');
const detail = async (caseId: string) => {
  const r = await call(cloud, 'workbench', { action: 'get', input: { caseId } }, 'o_center_admin');
  if (!r.ok) throw new Error(r.message);
  return r.data.case;
};
const notes = async (openid: string) => {
  // messages arrive after the notify timer's next run
  await deliver(cloud);
  const r = await call(cloud, 'notify', { action: 'inbox', input: { limit: 50 } }, openid);
  if (!r.ok) throw new Error(r.message);
  return (r.data.items as { caseNo: string; note: string }[]).map((m) => `${m.caseNo} ${m.note}`).sort();
};

/** A case of the center's unit that 陈静 (st-agent-center) accepted, so she is its first agent. */
function acceptedCase(applicantId: string, category: 'livelihood' | 'enterprise') {
  const c = seedCase(cloud, { applicantId, category, agentId: 'st-agent-center', at: new Date(Date.now() - 3600_000) });
  const d = applyCaseAction(c.doc as never, accept, {
    actor: { id: 'st-agent-center', role: 'agent', unitId: 'center' },
    at: new Date(Date.now() - 1800_000),
    calendar: createWorkCalendar(),
  });
  if (!d.ok) throw new Error(d.message);
  cloud.store.apply([
    {
      collection: 'cases',
      id: c.caseId,
      doc: { ...c.doc, ...d.value.case, firstAgentName: '陈静', version: 2 } as never,
    },
  ]);
  return c;
}

test('unbinding an agent moves each open case to the least busy on-duty colleague; 首问负责 stays; applicant and new agents are told', async () => {
  // a third agent of the center, on duty, already busy with one case
  cloud.store.apply([
    {
      collection: 'staff',
      id: 'st-agent-center-3',
      doc: {
        _id: 'st-agent-center-3',
        openid: 'o_agent_center_3',
        name: '阿不都',
        role: 'agent',
        unitId: 'center',
        unitName: '和硕县政务服务中心',
        onDuty: true,
        active: true,
        skills: ['livelihood', 'enterprise'],
      } as never,
    },
  ]);
  seedCase(cloud, { applicantId: 'o_busy', category: 'livelihood', agentId: 'st-agent-center-3' });
  expect(await center('updateStaff', { staffId: 'st-agent-center-2', onDuty: true, reason: '返岗' })).toMatchObject({
    ok: true,
    data: { reassigned: null },
  });

  const a = acceptedCase('o_app_a', 'livelihood');
  const b = acceptedCase('o_app_b', 'enterprise');
  const fresh = seedCase(cloud, { applicantId: 'o_app_c', category: 'livelihood', agentId: 'st-agent-center' });
  const ended = seedCase(cloud, { applicantId: 'o_app_d', category: 'livelihood', agentId: 'st-agent-center' });
  cloud.store.apply([
    { collection: 'cases', id: ended.caseId, doc: { ...ended.doc, status: 'finished', endedAt: new Date() } as never },
  ]);

  const r = await center('updateStaff', { staffId: 'st-agent-center', unbind: true, reason: '调离' });
  expect(r).toMatchObject({
    ok: true,
    data: { staff: { active: false }, reassigned: { moved: 3, waiting: 0, skipped: 0 } },
  });

  // oldest first, by load: A (livelihood) → 古丽米拉 (0 open, livelihood only); B (enterprise) → 阿不都,
  // the only one with the skill; C (livelihood) → 古丽米拉 again (1 open against 阿不都's 2)
  const [da, db, dc, dd] = await Promise.all([
    detail(a.caseId),
    detail(b.caseId),
    detail(fresh.caseId),
    detail(ended.caseId),
  ]);
  expect(da).toMatchObject({ agentName: '古丽米拉', firstAgentName: '陈静', status: 'accepted' });
  expect(db).toMatchObject({ agentName: '阿不都', firstAgentName: '陈静' });
  expect(dc).toMatchObject({ agentName: '古丽米拉', status: 'applied' });
  // an ended case is left as it was
  expect(dd).toMatchObject({ agentName: '陈静', status: 'finished' });
  expect(da.timeline[da.timeline.length - 1]).toMatchObject({
    label: '转派',
    by: '政务服务中心',
    note: '原帮代办员解绑，按规则转派',
  });
  expect(cloud.store.get('cases', a.caseId)?.doc).toMatchObject({
    agentId: 'st-agent-center-2',
    firstAgentId: 'st-agent-center',
  });

  expect(await notes('o_agent_center_2')).toEqual(expect.arrayContaining([`${a.caseNo} 案件已转派给您`]));
  expect(await notes('o_agent_center_3')).toEqual(expect.arrayContaining([`${b.caseNo} 案件已转派给您`]));
  // the applicants whose cases were accepted hear who answers for it; the one still waiting for acceptance had no agent to lose
  expect(await notes('o_app_a')).toEqual([`${a.caseNo} 经办帮代办员已更换，首问负责人不变`]);
  expect(await notes('o_app_b')).toEqual([`${b.caseNo} 经办帮代办员已更换，首问负责人不变`]);
  expect(await notes('o_app_c')).toEqual([]);
  // the applicant's own view keeps the first agent as the accountable contact
  const mine = await call(cloud, 'cases', { action: 'get', input: { caseId: a.caseId } }, 'o_app_a');
  expect(mine).toMatchObject({
    ok: true,
    data: { case: { contacts: { firstAgentName: '陈静', agentName: '古丽米拉' } } },
  });
  // the audit records the unbinding
  const audit = await center('listAudit', { limit: 5 });
  expect(audit.ok && audit.data.items[0]).toMatchObject({ what: 'staff.unbind', target: { id: 'st-agent-center' } });
});

test('marked off duty with nobody eligible left: the case waits visibly and the leader (here: the center) is alerted; a leader assigns it later', async () => {
  // only 古丽米拉 and 阿不都 are left on duty at the center; both go off duty in turn
  expect(await center('updateStaff', { staffId: 'st-agent-center-3', onDuty: false, reason: '休假' })).toMatchObject({
    ok: true,
    data: { reassigned: { moved: 2 } },
  });
  const r = await center('updateStaff', { staffId: 'st-agent-center-2', onDuty: false, reason: '外出' });
  expect(r).toMatchObject({ ok: true, data: { reassigned: { moved: 0, waiting: expect.any(Number) } } });
  const waiting = r.ok ? r.data.reassigned.waiting : 0;
  expect(waiting).toBeGreaterThanOrEqual(3);

  const load = await call(cloud, 'workbench', { action: 'unitLoad', input: {} }, 'o_center_admin');
  expect(load).toMatchObject({ ok: true, data: { unassigned: waiting } });
  const { data } = await (async () => {
    const l = await call(
      cloud,
      'workbench',
      { action: 'listCases', input: { queue: 'open', limit: 50 } },
      'o_center_admin',
    );
    if (!l.ok) throw new Error(l.message);
    return l;
  })();
  const unassigned = data.items.filter((i: { agentName: string | null }) => i.agentName === null);
  expect(unassigned).toHaveLength(waiting);
  const one = await detail(unassigned[0].caseId);
  // the 台账 row follows: nobody works it now
  expect(cloud.store.get('ledger', one.caseId)?.doc).toMatchObject({ agentId: null });
  expect(one.timeline[one.timeline.length - 1]).toMatchObject({ label: '转派', note: '原帮代办员离岗，按规则转派' });
  // the center has no leader of its own: the alert reaches the center's staff
  expect((await notes('o_center_admin')).filter((n) => n.endsWith('帮代办员离岗，案件待分派'))).toHaveLength(waiting);

  // a leader (the center) assigns it; 阿不都 is back
  await center('updateStaff', { staffId: 'st-agent-center-3', onDuty: true, reason: '返岗' });
  const v = one.version;
  expect(
    await call(
      cloud,
      'workbench',
      {
        action: 'act',
        input: {
          caseId: one.caseId,
          version: v,
          action: { type: 'reassign', toAgentId: 'st-agent-center-3', reason: '分派' },
        },
      },
      'o_center_admin',
    ),
  ).toMatchObject({ ok: true });
  expect(await detail(one.caseId)).toMatchObject({ agentName: '阿不都' });
});

test('the scheduler moves a case that still sits with an unbound agent, once', async () => {
  await center('updateStaff', { staffId: 'st-agent-center-2', onDuty: true, reason: '返岗' });
  // routed to 陈静 in the instant she was unbound (or a move cut short)
  const late = seedCase(cloud, { applicantId: 'o_app_late', category: 'livelihood', agentId: 'st-agent-center' });
  // a trigger's time has whole seconds: a moment later than the case's last event
  const fire = async () =>
    (
      (await cloud.triggers.fire('scheduler', { time: new Date(Date.now() + 2000) })) as {
        result: { data: Record<string, number> };
      }
    ).result.data;
  const [r1, r2] = await Promise.all([fire(), fire()]);
  expect((r1.reassigned ?? 0) + (r2.reassigned ?? 0)).toBe(1);
  expect(await fire()).not.toHaveProperty('reassigned', 1);
  const d = await detail(late.caseId);
  expect(d.agentName).toMatch(/古丽米拉|阿不都/);
  expect(d.timeline.filter((e: { label: string }) => e.label === '转派')).toHaveLength(1);
  expect(d.timeline[d.timeline.length - 1]).toMatchObject({ by: '政务服务中心', note: '原帮代办员已解绑，按规则转派' });
});
