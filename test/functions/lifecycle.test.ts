/**
 * The case state machine through the real functions: every step is decided by the core, recorded
 * on the timeline, refused to the wrong people, and safe when two staff act at once.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const form = {
  category: 'enterprise',
  applicantType: 'enterprise',
  mode: 'proxy',
  matter: '天山食品有限公司设立登记及食品经营许可',
  contactName: '王海',
  contactPhone: '13899001122',
};

async function newCase(openid = 'o_enterprise') {
  const r = await submitAs(cloud, openid, form);
  if (!r.ok) throw new Error(r.message);
  return r.data.caseId as string;
}
const act = (caseId: string, version: number, action: object, openid = 'o_agent_center') =>
  call(cloud, 'workbench', { action: 'act', input: { caseId, version, action } }, openid);
const detail = async (caseId: string, openid = 'o_agent_center') => {
  const r = await call(cloud, 'workbench', { action: 'get', input: { caseId } }, openid);
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  return r.data;
};

const accept = {
  type: 'accept',
  mandateConfirmed: true,
  processExplained: true,
  materialsChecked: true,
  applicantSigned: true,
  mandateLetterSigned: true,
};

test('§五: accept → window → 补正 → materials received → finish, each step on the timeline the applicant sees', async () => {
  const id = await newCase();
  let v = 1;
  const steps = [
    accept,
    { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 3 },
    { type: 'requestMaterials', missing: ['经营场所使用证明'] },
    { type: 'receiveMaterials' },
    {
      type: 'finish',
      result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局', documentNo: 'JY16528280000001' },
      resultHandedOver: true,
      originalsReturned: true,
      applicantSigned: true,
    },
  ];
  for (const step of steps) {
    const r = await act(id, v, step);
    expect(r).toMatchObject({ ok: true });
    v = r.ok ? r.data.version : v;
  }
  const mine = await call(cloud, 'cases', { action: 'get', input: { caseId: id } }, 'o_enterprise');
  expect(mine).toMatchObject({
    ok: true,
    data: { case: { status: 'finished', statusLabel: '已办结', firstAgentName: '陈静' } },
  });
  const timeline = mine.ok ? mine.data.case.timeline : [];
  expect(timeline.map((e: { label: string }) => e.label)).toEqual([
    '提交申请',
    '受理',
    '送达审批窗口',
    '通知补正材料',
    '收到补正材料',
    '办结',
  ]);
  expect(timeline[0].by).toBe('您');
  expect(timeline[1].by).toBe('帮代办员 陈静');
});

test('refuse needs reasons; illegal steps are refused with the rule code, nothing written', async () => {
  const id = await newCase();
  expect(await act(id, 1, { type: 'refuse', reasons: [] })).toMatchObject({
    ok: false,
    code: 'RULE_REFUSED',
    fields: { REASONS_REQUIRED: expect.any(String) },
  });
  expect(
    await act(id, 1, {
      type: 'finish',
      result: { outcome: 'approved', decidedBy: 'x' },
      resultHandedOver: true,
      originalsReturned: true,
      applicantSigned: true,
    }),
  ).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { ILLEGAL_TRANSITION: expect.any(String) } });
  expect((await detail(id)).case.version).toBe(1);
  expect(
    await act(id, 1, { type: 'refuse', reasons: [{ code: 'OUT_OF_SCOPE', message: '不属于帮办代办范围' }] }),
  ).toMatchObject({
    ok: true,
    data: { status: 'refused' },
  });
});

test('nobody acts on what is not theirs: applicants, other units, unbound users', async () => {
  const id = await newCase();
  expect(await act(id, 1, accept, 'o_agent_fgw')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await act(id, 1, accept, 'o_enterprise')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await act(id, 1, accept, 'o_stranger')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await call(cloud, 'cases', { action: 'get', input: { caseId: id } }, 'o_citizen_young')).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(
    await call(cloud, 'cases', { action: 'get', input: { caseId: 'no-such-case' } }, 'o_citizen_young'),
  ).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await call(cloud, 'workbench', { action: 'get', input: { caseId: id } }, 'o_leader_fgw')).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect((await detail(id, 'o_center_admin')).case.version).toBe(1);
});

test('two staff acting on the same case at once: exactly one succeeds', async () => {
  const id = await newCase();
  const [a, b] = await Promise.all([
    act(id, 1, accept, 'o_agent_center'),
    act(id, 1, { type: 'refuse', reasons: [{ code: 'X', message: '材料不全' }] }, 'o_agent_center_2'),
  ]);
  expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
  const loser = a.ok ? b : a;
  expect(loser).toMatchObject({ ok: false, code: expect.stringMatching(/CONFLICT|RULE_REFUSED/) });
  expect((await detail(id)).case.timeline).toHaveLength(2);
});

test('the applicant may withdraw before acceptance; a leader reassigns and the first agent stays accountable', async () => {
  const w = await newCase('o_citizen_young');
  expect(
    await call(cloud, 'cases', { action: 'withdraw', input: { caseId: w, version: 1 } }, 'o_citizen_young'),
  ).toMatchObject({
    ok: true,
    data: { status: 'terminated' },
  });

  const id = await newCase();
  const accepted = await act(id, 1, accept);
  expect(accepted.ok).toBe(true);
  const moved = await act(
    id,
    2,
    { type: 'reassign', toAgentId: 'st-agent-center-2', reason: '陈静休假' },
    'o_center_admin',
  );
  expect(moved).toMatchObject({ ok: true });
  const d = await detail(id, 'o_center_admin');
  expect(d.case).toMatchObject({ agentName: '古丽米拉', firstAgentName: '陈静' });
  // the first agent still sees the case (首问负责)
  const firstAgentList = await call(cloud, 'workbench', { action: 'listCases', input: {} }, 'o_agent_center');
  expect(firstAgentList.ok && firstAgentList.data.items.some((i: { caseId: string }) => i.caseId === id)).toBe(true);
});
