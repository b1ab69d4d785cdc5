/**
 * The first slice end to end through the real functions and the local CloudBase: a citizen applies,
 * sees it in 我的申请, the agent on duty sees it on the workbench; nobody sees what is not theirs.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const application = {
  category: 'livelihood',
  applicantType: 'person',
  mode: 'proxy',
  matter: '办理高龄津贴申领，本人行动不便',
  contactName: '张桂兰',
  contactPhone: '13912345678',
};

test('a citizen submits, finds it in 我的申请, and the on-duty agent of the center gets it', async () => {
  const submitted = await submitAs(cloud, 'o_citizen_elder', application);
  expect(submitted).toEqual({
    ok: true,
    data: {
      caseId: expect.any(String),
      caseNo: expect.stringMatching(/^BB\d{8}-\d{6}$/),
      status: 'applied',
      statusLabel: '已提交，待受理',
      unitName: '和硕县政务服务中心',
      agentName: '陈静',
      repeated: false,
    },
  });
  const mine = await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_citizen_elder');
  expect(mine.ok && mine.data.items).toEqual([
    expect.objectContaining({
      caseNo: submitted.ok && submitted.data.caseNo,
      statusLabel: '已提交，待受理',
      matter: application.matter,
    }),
  ]);

  const bench = await call(cloud, 'workbench', { action: 'listCases', input: {} }, 'o_agent_center');
  expect(bench.ok && bench.data.items).toEqual([
    expect.objectContaining({
      caseNo: submitted.ok && submitted.data.caseNo,
      applicantName: '张**',
      contactPhone: '139****5678',
    }),
  ]);
});

test('investment projects go to the development and reform commission', async () => {
  const r = await submitAs(cloud, 'o_enterprise', {
    ...application,
    category: 'investment',
    applicantType: 'enterprise',
    matter: '1200万元农产品加工项目备案',
    contactName: '王海',
  });
  expect(r).toMatchObject({ ok: true, data: { unitName: '和硕县发展和改革委员会', agentName: '马建军' } });
  const leader = await call(cloud, 'workbench', { action: 'listCases', input: {} }, 'o_leader_fgw');
  expect(leader.ok && leader.data.items.map((i: { matter: string }) => i.matter)).toEqual([
    '1200万元农产品加工项目备案',
  ]);
});

test('nobody sees what is not theirs', async () => {
  const other = await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_citizen_young');
  expect(other).toEqual({ ok: true, data: { items: [] } });
  const fgwAgent = await call(cloud, 'workbench', { action: 'listCases', input: {} }, 'o_agent_fgw');
  expect(
    fgwAgent.ok && fgwAgent.data.items.every((i: { unitName: string }) => i.unitName === '和硕县发展和改革委员会'),
  ).toBe(true);
  const center = await call(cloud, 'workbench', { action: 'listCases', input: {} }, 'o_center_admin');
  expect(center.ok && center.data.items.length).toBe(2);
  expect(await call(cloud, 'workbench', { action: 'listCases', input: {} }, 'o_citizen_elder')).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
});

test('a forged openid or role in the payload is ignored', async () => {
  const forged = await call(
    cloud,
    'workbench',
    {
      action: 'listCases',
      input: { role: 'center', openid: 'o_center_admin' },
      openid: 'o_center_admin',
      role: 'center',
    },
    'o_citizen_young',
  );
  expect(forged).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const who = await call(
    cloud,
    'session',
    { action: 'whoami', input: { openid: 'o_agent_center' }, openid: 'o_agent_center' },
    'o_citizen_young',
  );
  expect(who).toEqual({ ok: true, data: { roles: ['applicant'], staff: null } });
  const submitted = await submitAs(cloud, 'o_citizen_young', {
    ...application,
    applicantOpenid: 'o_citizen_elder',
    openid: 'o_citizen_elder',
  });
  expect(submitted.ok).toBe(true);
  const elder = await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_citizen_elder');
  expect(elder.ok && elder.data.items).toHaveLength(1);
});

test('a malformed payload gets INVALID_INPUT with the failing fields; an unknown action its own code', async () => {
  const bad = await submitAs(cloud, 'o_citizen_elder', {
    category: 'lottery',
    applicantType: 'person',
    mode: 'proxy',
    matter: '',
    contactName: '',
    contactPhone: '12345',
  });
  expect(bad).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    fields: {
      category: expect.any(String),
      matter: expect.any(String),
      contactName: expect.any(String),
      contactPhone: '请填写正确的手机号或带区号的固定电话',
    },
  });
  expect(await call(cloud, 'cases', { action: 'dropAll', input: {} }, 'o_citizen_elder')).toMatchObject({
    ok: false,
    code: 'UNKNOWN_ACTION',
  });
  expect(await call(cloud, 'cases', { input: {} }, 'o_citizen_elder')).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  });
  expect(await call(cloud, 'cases', { action: 'toString', input: {} }, 'o_citizen_elder')).toMatchObject({
    ok: false,
    code: 'UNKNOWN_ACTION',
  });
});

test('case numbers stay unique when many submit at once', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => submitAs(cloud, `o_burst_${i}`, { ...application, matter: `并发申请 ${i}` })),
  );
  expect(results.every((r) => r.ok)).toBe(true);
  const numbers = results.map((r) => (r.ok ? r.data.caseNo : ''));
  expect(new Set(numbers).size).toBe(20);
});

test('logs carry no personal data', () => {
  const text = cloud.host.history.flatMap((r) => r.logs.map((l) => l.text)).join('\n');
  expect(text).toContain('"fn":"cases"');
  expect(text).not.toMatch(/139\d{8}|张桂兰|o_citizen_elder/);
});
