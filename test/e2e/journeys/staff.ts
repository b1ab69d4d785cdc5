/**
 * Issue 6 journeys, as agent, leader and center, written against the shared Driver (H5 in
 * staff.test.ts). Cases are submitted through the cases function (`submit` is the applicant's
 * screen, covered by its own journeys); everything staff do is done by tapping the staff pages.
 */
import assert from 'node:assert/strict';
import type { Driver, Session } from './driver';

export interface StaffJourneyEnv {
  /** submits an application as `openid` and answers its case number */
  newCase(openid: string, kind: 'enterprise' | 'investment'): Promise<string>;
}

const WB = '/packages/staff/pages/workbench/index';

async function until(what: string, check: () => Promise<boolean>, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Opens the workbench, finds the case in a queue, opens it. */
async function openCase(d: Driver, openid: string, caseNo: string, queue = 'open'): Promise<Session> {
  const s = await d.open(WB, openid);
  await s.waitFor(`t-queue-${queue}`);
  await s.tap(`t-queue-${queue}`);
  await s.waitFor(`t-case-${caseNo}`);
  await s.tap(`t-case-${caseNo}`);
  await s.waitFor('t-timeline');
  return s;
}

type Step = { type: string; fill?: Record<string, string>; tick?: string[]; pick?: string[] };

/** One staff action: tap it, type and tick what it asks, confirm; waits for the new timeline entry. */
async function act(s: Session, step: Step): Promise<string> {
  const before = await s.count('t-event');
  await s.waitFor(`t-action-${step.type}`);
  await s.tap(`t-action-${step.type}`);
  if (step.fill || step.tick || step.pick) {
    await s.waitFor('t-action-form');
    for (const [k, v] of Object.entries(step.fill ?? {})) await s.fill(`t-f-${k}`, v);
    for (const k of step.tick ?? []) await s.tap(`t-f-${k}`);
    for (const k of step.pick ?? []) await s.tap(`t-f-${k}`);
    await s.tap('t-submit-action');
  }
  await until(`${step.type} on the timeline`, async () => (await s.count('t-event')) === before + 1 && (await s.count('t-done')) > 0);
  return s.text('t-done');
}

/** 陈静 takes a new enterprise case through accept → window → 补正 → materials in → contact → finish. */
export async function agentFullJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_enterprise', 'enterprise');
  const list = await d.open(WB, 'o_agent_center');
  await list.waitFor(`t-case-${caseNo}`);
  assert.match(await list.text('t-queue-new'), /新申请 \d+/);
  await list.shot('10-agent-queues');
  await list.close();

  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await s.tap('t-action-accept');
  await s.waitFor('t-action-form');
  // the checklist refuses an unticked signature, in words
  for (const k of ['mandateConfirmed', 'processExplained', 'materialsChecked', 'mandateLetterSigned']) await s.tap(`t-f-${k}`);
  await s.tap('t-submit-action');
  await s.waitFor('t-act-error');
  assert.match(await s.text('t-act-error'), /签字/);
  await s.shot('11-agent-accept-checklist');
  await s.tap('t-f-applicantSigned');
  await s.tap('t-submit-action');
  await until('accepted', async () => (await s.text('t-status')) === '已受理');

  assert.match(await act(s, { type: 'deliver', fill: { window: '市场监管窗口', committedWorkingDays: '5' } }), /已送达审批窗口.*已通知/);
  assert.match(await s.text('t-deadline'), /到期/);
  await act(s, { type: 'requestMaterials', fill: { missing: '经营场所使用证明\n法定代表人身份证复印件' } });
  assert.match(await s.text('t-missing'), /经营场所使用证明、法定代表人身份证复印件/);
  await s.shot('12-agent-materials-requested');
  await act(s, { type: 'receiveMaterials' });
  await act(s, { type: 'reportProgress', pick: ['channel-phone'], fill: { note: '电话告知补正材料已收到，窗口继续办理' } });
  assert.match(await s.text('t-next-feedback'), /下次定期反馈：\d{4}-\d{2}-\d{2}/);
  await act(s, { type: 'finish', fill: { decidedBy: '和硕县市场监督管理局', documentNo: 'JY16528280000001' }, tick: ['resultHandedOver', 'originalsReturned', 'applicantSigned'] });
  assert.equal(await s.text('t-status'), '已办结');
  const events = await s.texts('t-event');
  assert.deepEqual(
    events.map((e) => e.split(' · ')[1].replace(/（.*）/, '')),
    ['办结', '反馈办理情况', '收到补正材料', '通知补正材料', '送达审批窗口', '受理', '提交申请'],
  );
  assert.ok(events.some((e) => e.includes('（电话）')));
  await s.shot('13-agent-finished');
  assert.deepEqual(s.errors(), []);
}

/** 陈静 refuses a request with reasons the applicant will read. */
export async function refuseJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_citizen_young', 'enterprise');
  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await act(s, { type: 'refuse', fill: { reasons: '所办事项不属于新办企业设立或变更登记\n请到市场监管窗口直接办理' } });
  assert.equal(await s.text('t-status'), '不予受理');
  assert.match(await s.pageText(), /不予受理理由：所办事项不属于新办企业设立或变更登记；请到市场监管窗口直接办理/);
  await s.shot('14-agent-refused');
  assert.deepEqual(s.errors(), []);
}

/** 陈静 ends a mandate the applicant no longer wants: reason, materials returned, signed. */
export async function terminateJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_enterprise', 'enterprise');
  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await act(s, { type: 'accept', tick: ['mandateConfirmed', 'processExplained', 'materialsChecked', 'applicantSigned', 'mandateLetterSigned'] });
  await act(s, { type: 'terminate', pick: ['ground-applicant_request'], fill: { reason: '申请人决定暂不开办企业' }, tick: ['materialsReturned', 'applicantSigned'] });
  assert.equal(await s.text('t-status'), '已终止');
  assert.match(await s.pageText(), /申请人主动要求终止委托，申请人决定暂不开办企业/);
  await s.shot('15-agent-terminated');
  assert.deepEqual(s.errors(), []);
}

/**
 * The center administrator invites a second 发改委 agent, who binds with the code; 刘志强, the
 * responsible leader, sees his unit's load, supervises a case and reassigns it within the unit;
 * the first agent stays on record.
 */
export async function leaderReassignJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const admin = await d.open('/packages/center/pages/admin/index', 'o_center_admin');
  await admin.waitFor('t-create-invite');
  await admin.fill('t-a-name', '吐尔逊');
  await admin.tap('t-a-role-agent');
  await admin.tap('t-a-unitId-fgw');
  await admin.tap('t-create-invite');
  await admin.waitFor('t-admin-done');
  await until('the invite listed', async () => (await admin.texts('t-invite')).some((t) => t.includes('吐尔逊')));
  const code = (await admin.texts('t-invite')).find((t) => t.includes('吐尔逊'))!.match(/[A-Z2-9]{8}/)![0];
  await admin.shot('16-center-invite');

  const newcomer = await d.open('/packages/staff/pages/workbench/index', 'o_agent_fgw_new');
  await newcomer.waitFor('t-go-bind');
  await newcomer.tap('t-go-bind');
  await newcomer.waitFor('t-invite-code');
  await newcomer.fill('t-invite-code', code);
  await newcomer.tap('t-bind');
  await newcomer.waitFor('t-bound');
  assert.match(await newcomer.text('t-bound'), /吐尔逊 · 帮代办员 · 和硕县发展和改革委员会/);
  await newcomer.shot('17-staff-bound');

  const caseNo = await env.newCase('o_citizen_young', 'investment');
  const agent = await openCase(d, 'o_agent_fgw', caseNo, 'new');
  await act(agent, { type: 'accept', tick: ['mandateConfirmed', 'processExplained', 'materialsChecked', 'applicantSigned', 'mandateLetterSigned'] });

  const team = await d.open('/packages/staff/pages/team/index', 'o_leader_fgw');
  await team.waitFor('t-agent');
  const rows = await team.texts('t-agent');
  assert.ok(rows.some((r) => r.includes('马建军') && /在办 [1-9]/.test(r)), rows.join('|'));
  assert.ok(rows.some((r) => r.includes('吐尔逊')));
  await team.shot('18-leader-team-load');

  const leader = await openCase(d, 'o_leader_fgw', caseNo);
  await act(leader, { type: 'supervise', fill: { note: '请本周内送达投资项目审批窗口' } });
  await act(leader, { type: 'reassign', pick: ['toAgentId-st-' + code.toLowerCase()], fill: { reason: '马建军出差，转吐尔逊跟进' } });
  assert.match(await leader.text('t-agents'), /吐尔逊（首问：马建军）/);
  await leader.shot('19-leader-reassigned');

  const first = await openCase(d, 'o_agent_fgw', caseNo);
  assert.match(await first.text('t-supervisions'), /请本周内送达投资项目审批窗口/);
  for (const s of [admin, newcomer, agent, team, leader, first]) assert.deepEqual(s.errors(), []);
}

/** 赵敏 (center) runs a two-department parallel approval with a joint meeting and an escalation. */
export async function parallelApprovalJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_citizen_young', 'investment');
  const agent = await openCase(d, 'o_agent_fgw', caseNo, 'new');
  await act(agent, { type: 'accept', tick: ['mandateConfirmed', 'processExplained', 'materialsChecked', 'applicantSigned', 'mandateLetterSigned'] });
  await act(agent, { type: 'deliver', fill: { window: '投资项目审批窗口', committedWorkingDays: '20' } });

  const c = await openCase(d, 'o_center_admin', caseNo);
  await act(c, { type: 'addTask', pick: ['departmentId-zrzy'], fill: { matter: '用地预审与选址意见', committedWorkingDays: '10' } });
  await act(c, { type: 'addTask', pick: ['departmentId-scjg'], fill: { matter: '食品生产许可预审', committedWorkingDays: '8' } });
  await act(c, { type: 'conveneJointMeeting', pick: ['departmentIds-zrzy', 'departmentIds-scjg'], fill: { topic: '用地与生产许可衔接', date: '2026-06-10', time: '10:30', place: '中心三楼会议室' } });
  await act(c, { type: 'recordJointMeeting', fill: { minutes: '自然资源局10个工作日内出具用地预审意见；市场监管局同步预审' } });
  await act(c, { type: 'escalate', fill: { issue: '用地指标需县政府协调' } });
  await act(c, { type: 'resolveEscalation', fill: { resolution: '分管副县长同意优先安排用地指标' } });
  const tasks = await c.texts('t-task');
  assert.equal(tasks.length, 2);
  assert.ok(tasks.every((t) => /\d{4}-\d{2}-\d{2}到期/.test(t)), tasks.join('|'));
  assert.match(await c.text('t-meeting'), /中心三楼会议室.*已召开/s);
  await c.shot('20-center-parallel-approval');
  assert.deepEqual(c.errors(), []);
}
