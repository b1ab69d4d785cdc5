/**
 * Issue 16 item 5: in 消息 the newest item was not at the top. Messages the notify timer delivers in
 * one run share their delivery time; the inbox now orders them by when what they tell of happened.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, deliver, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

test('steps delivered in one run reach the applicant newest first', async () => {
  const r = await submitAs(cloud, 'o_inbox_order', {
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'proxy',
    matter: '食品经营许可',
    contactName: '王海',
    contactPhone: '13899001122',
  });
  if (!r.ok) throw new Error(r.message);
  let version = 1;
  const steps = [
    {
      type: 'accept',
      mandateConfirmed: true,
      processExplained: true,
      materialsChecked: true,
      applicantSigned: true,
      mandateLetterSigned: true,
    },
    { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
    { type: 'requestMaterials', missing: ['经营场所使用证明'] },
  ];
  for (const action of steps) {
    // a moment apart, as steps at a desk are
    await new Promise((res) => setTimeout(res, 20));
    const a = await call(
      cloud,
      'workbench',
      { action: 'act', input: { caseId: r.data.caseId, version, action } },
      'o_agent_center',
    );
    if (!a.ok) throw new Error(`${a.code} ${a.message}`);
    version = a.data.version;
  }
  // the timer runs once, after all three steps
  await deliver(cloud);
  const inbox = await call(cloud, 'notify', { action: 'inbox', input: {} }, 'o_inbox_order');
  expect(inbox.ok).toBe(true);
  const notes = (inbox.ok ? inbox.data.items : []).map((m: { status: string }) => m.status);
  expect(notes.length).toBeGreaterThanOrEqual(2);
  // the 补正 request (the last step) on top, the acceptance below it
  expect(notes[0]).toBe('待补正材料');
  expect(notes.indexOf('待补正材料')).toBeLessThan(notes.lastIndexOf('已受理'));
});
