/**
 * After the answer: an applicant's command is one write whose consequences ride on the document
 * (`pending`); the notify function's timer settles them (台账 row, outbox entries) and delivers the
 * messages. Nothing is lost before it runs, nothing happens twice when it runs again, and nobody
 * can run it from the mini-program.
 */
import type { CloudBase } from '../../local-cloud/src';
import { call, deliver, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const form = {
  category: 'enterprise',
  applicantType: 'enterprise',
  mode: 'help',
  matter: '食品经营许可（投递测试）',
  contactName: '王海',
  contactPhone: '13899001122',
};
const inbox = async (openid: string) => {
  const r = await call(cloud, 'notify', { action: 'inbox', input: { limit: 50 } }, openid);
  if (!r.ok) throw new Error(r.message);
  return r.data.items as { caseNo: string; title: string }[];
};

test('a submission answers with its case; its 台账 row and the agent’s message follow when the timer runs, once', async () => {
  await deliver(cloud);
  const before = (await inbox('o_agent_center')).length;
  const r = await submitAs(cloud, 'o_enterprise', form);
  if (!r.ok) throw new Error(r.message);
  const { caseId, caseNo } = r.data;
  // answered: the case is stored whole, its consequences ride on it
  const stored = cloud.store.get('cases', caseId)!.doc as Record<string, any>;
  expect(stored.pending).toMatchObject({
    ledger: caseId,
    outbox: [expect.objectContaining({ kind: expect.any(String), facts: expect.objectContaining({ caseNo }) })],
  });
  expect(cloud.store.get('ledger', caseId)).toBeUndefined();
  expect((await inbox('o_agent_center')).length).toBe(before);

  const counts = await deliver(cloud);
  expect(counts.settled).toBeGreaterThanOrEqual(1);
  expect(cloud.store.get('cases', caseId)!.doc.pending).toBeUndefined();
  expect(cloud.store.get('ledger', caseId)?.doc).toMatchObject({ caseNo, status: 'applied', unitId: 'center' });
  const mine = (await inbox('o_agent_center')).filter((m) => m.caseNo === caseNo);
  expect(mine).toHaveLength(1);

  // the timer runs again (or two runs overlap): nothing more
  await Promise.all([deliver(cloud), deliver(cloud)]);
  expect((await inbox('o_agent_center')).filter((m) => m.caseNo === caseNo)).toHaveLength(1);
  expect(
    cloud.store.candidates('outbox', {}).docs.filter((o) => (o.facts as { caseId?: string }).caseId === caseId),
  ).toHaveLength(stored.pending.outbox.length);
});

test('a withdrawal settles the same way: the 台账 row follows the case to 已终止', async () => {
  const r = await submitAs(cloud, 'o_enterprise', { ...form, matter: '撤回测试' });
  if (!r.ok) throw new Error(r.message);
  await deliver(cloud);
  const w = await call(
    cloud,
    'cases',
    { action: 'withdraw', input: { caseId: r.data.caseId, version: 1, reason: '已自行办理' } },
    'o_enterprise',
  );
  expect(w).toMatchObject({ ok: true, data: { status: 'terminated', version: 2 } });
  expect(cloud.store.get('ledger', r.data.caseId)?.doc).toMatchObject({ status: 'applied' });
  await deliver(cloud);
  expect(cloud.store.get('ledger', r.data.caseId)?.doc).toMatchObject({ status: 'terminated' });
  // a stale screen: the version moved on
  expect(
    await call(cloud, 'cases', { action: 'withdraw', input: { caseId: r.data.caseId, version: 1 } }, 'o_enterprise'),
  ).toMatchObject({
    ok: false,
    code: 'CONFLICT',
  });
});

test('the timer cannot be run from the mini-program', async () => {
  const { json } = await cloud.host.invoke(
    'notify',
    { Type: 'Timer', Time: new Date().toISOString() },
    { openid: 'o_enterprise', appid: 'wx_test', source: 'wx_client' },
  );
  expect(JSON.parse(json)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
