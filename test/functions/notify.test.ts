/**
 * Messages and timers (issue 7) through the real functions and the local CloudBase's WeChat inbox:
 * the right message to the right person with valid keywords, nothing pushed without a grant, a
 * transient failure retried and delivered once, reminders once however often the timer runs, and a
 * simulated month across the National Day holiday and its 调休 Saturday.
 */
import { applyCaseAction, createWorkCalendar, openCase, type CaseRecord } from '../../core';
import { CloudBase } from '../../local-cloud/src';
import { call, seedCase, startAppCloud } from '../support/app';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const accept = { type: 'accept', mandateConfirmed: true, processExplained: true, materialsChecked: true, applicantSigned: true };
const TPL_ACCEPT = 'TPL_ACCEPT_RESULT_LOCAL';

const submit = async (openid: string) => seedCase(cloud, { applicantId: openid });
/** What a tap on "allow" does: WeChat records the grant, the app reports it. */
async function allow(openid: string, templateId: string) {
  cloud.messages.grant(openid, [templateId]);
  expect(await call(cloud, 'notify', { action: 'recordGrants', input: { accepted: [templateId] } }, openid)).toMatchObject({ ok: true, data: { recorded: 1 } });
}
const inbox = async (openid: string) => {
  const r = await call(cloud, 'notify', { action: 'inbox', input: {} }, openid);
  if (!r.ok) throw new Error(r.message);
  return r.data.items as any[];
};
const fire = (time: Date) => cloud.triggers.fire('scheduler', { time });

test('acceptance is pushed to the applicant with WeChat-valid keywords and no personal data', async () => {
  await allow('o_grant_user', TPL_ACCEPT);
  const c = await submit('o_grant_user');
  expect(await call(cloud, 'workbench', { action: 'act', input: { caseId: c.caseId, version: 1, action: accept } }, 'o_agent_center')).toMatchObject({ ok: true });
  const [pushed] = cloud.messages.inbox({ touser: 'o_grant_user' });
  expect(pushed).toMatchObject({ templateId: TPL_ACCEPT, templateTitle: '受理结果通知', page: `pages/case/index?id=${c.caseId}` });
  expect(pushed.data).toEqual({ character_string1: c.caseNo, thing2: '企业开办与变更·帮办', phrase3: '已受理', thing4: '已受理，帮代办员将全程跟进', time5: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) });
  expect(JSON.stringify(pushed)).not.toMatch(/王海|13899001122/);
  const [mine] = await inbox('o_grant_user');
  expect(mine).toMatchObject({ title: '受理结果通知', caseNo: c.caseNo, push: 'sent', read: false });
  // the grant was one-time: it is spent
  expect(cloud.messages.remaining('o_grant_user', TPL_ACCEPT)).toBe(0);
});

test('no grant: nothing is pushed, the reason is recorded, the in-app message is there', async () => {
  const c = await submit('o_no_grant');
  await call(cloud, 'workbench', { action: 'act', input: { caseId: c.caseId, version: 1, action: accept } }, 'o_agent_center');
  expect(cloud.messages.inbox({ touser: 'o_no_grant' })).toEqual([]);
  expect(await inbox('o_no_grant')).toEqual([expect.objectContaining({ title: '受理结果通知', push: 'no_grant', pushLabel: '未推送（未授权订阅）' })]);
});

test('a transient send failure is retried by the timer and delivered exactly once', async () => {
  await allow('o_flaky', TPL_ACCEPT);
  const c = await submit('o_flaky');
  await fetch(`${cloud.url}/_/api/faults`, { method: 'POST', body: JSON.stringify({ times: 1, errcode: -1 }) });
  await call(cloud, 'workbench', { action: 'act', input: { caseId: c.caseId, version: 1, action: accept } }, 'o_agent_center');
  expect(cloud.messages.inbox({ touser: 'o_flaky' })).toEqual([]);
  expect((await inbox('o_flaky'))[0].push).toBe('pending');
  // too early: the backoff has not passed
  await fire(new Date());
  expect(cloud.messages.inbox({ touser: 'o_flaky' })).toHaveLength(0);
  const later = new Date(Date.now() + 2 * 60_000);
  await fire(later);
  await fire(later);
  expect(cloud.messages.inbox({ touser: 'o_flaky' })).toHaveLength(1);
  expect((await inbox('o_flaky'))[0].push).toBe('sent');
});

test('recordGrants ignores template ids this environment does not use; clients cannot run the scheduler', async () => {
  expect(await call(cloud, 'notify', { action: 'recordGrants', input: { accepted: ['SOMEONE_ELSES'] } }, 'o_x')).toMatchObject({ ok: true, data: { recorded: 0 } });
  expect(await call(cloud, 'applicant', { action: 'subscribeTemplates', input: {} }, 'o_x')).toMatchObject({ ok: true, data: { acceptResult: TPL_ACCEPT, progress: 'TPL_PROGRESS_LOCAL' } });
  const res = await fetch(`${cloud.url}/gateway/callFunction`, { method: 'POST', body: JSON.stringify({ name: 'scheduler', data: { Time: '2030-01-01T00:00:00Z' }, openid: 'o_x' }) }).then((r) => r.json());
  expect(res.result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

describe('a simulated month of timer runs (中秋 Sep 25 and National Day Oct 1–7 2026 off, Sat Oct 10 worked)', () => {
  const at = (isoBeijing: string) => new Date(`${isoBeijing}+08:00`);
  test('due soon, overdue and feedback reminders come exactly once, on the right working days', async () => {
    const calendar = createWorkCalendar();
    const agent = { id: 'st-agent-fgw', role: 'agent' as const, unitId: 'fgw' };
    let record: CaseRecord = openCase({ applicantId: 'o_sim', category: 'investment', mode: 'proxy', unitId: 'fgw', agentId: 'st-agent-fgw' }, at('2026-09-22T10:00:00')).case;
    for (const [action, when] of [
      [{ ...accept, mandateLetterSigned: true }, '2026-09-23T10:00:00'],
      [{ type: 'deliver', window: '发改委窗口', committedWorkingDays: 5 }, '2026-09-24T10:00:00'],
    ] as const) {
      const d = applyCaseAction(record, action as never, { actor: agent, at: at(when), calendar });
      if (!d.ok) throw new Error(d.message);
      record = d.value.case;
    }
    const doc = { ...record, _id: 'sim-case', caseNo: 'BB20260922-0099', requestKey: 'seeded:sim-case', applicantType: 'enterprise', matter: '项目备案', contactName: '周强', contactPhone: '13900000000', unitName: '和硕县发展和改革委员会', agentName: '马建军', firstAgentName: '马建军', submittedAt: at('2026-09-22T10:00:00'), updatedAt: at('2026-09-24T10:00:00'), version: 3 };
    cloud.store.apply([{ collection: 'cases', id: 'sim-case', doc }]);

    const seen: Record<string, string[]> = {};
    for (let day = new Date('2026-09-25T01:00:00Z'); day < new Date('2026-10-21T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
      const before = new Set((await inbox('o_agent_fgw')).map((m) => m.id));
      await fire(day);
      await fire(day); // a second, overlapping run changes nothing
      for (const m of (await inbox('o_agent_fgw')).filter((x) => !before.has(x.id) && x.caseNo === 'BB20260922-0099')) (seen[m.note] ??= []).push(day.toISOString().slice(0, 10));
    }
    expect(seen).toEqual({
      // received Thu Sep 24; Fri Sep 25 is 中秋, so the 5 working days are Sep 28, 29, 30, Oct 8, 9:
      // due Fri Oct 9, and two working days are left on Sep 30
      服务时限即将到期: ['2026-09-30'],
      // five working days after the last contact (acceptance, Wed Sep 23) is Thu Oct 8
      请向申请人反馈办理进度: ['2026-10-08'],
      // overdue on the next working day: Saturday Oct 10, a 调休 working day, not during the holiday
      服务时限已超期: ['2026-10-10'],
    });
    const leader = (await inbox('o_leader_fgw')).filter((m) => m.caseNo === 'BB20260922-0099');
    expect(leader.map((m) => m.note)).toEqual(['服务时限已超期']);
  });
});
