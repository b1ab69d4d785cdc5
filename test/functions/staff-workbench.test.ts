/**
 * Issue 6 through the real functions: staff binding by invite code, the agent's queues (server-side
 * filters and counts), the leader's supervision, reassignment and load, the center's parallel
 * approval, settings with audit; every staff write refused to applicants, other units and unbound
 * users; two people acting at once never both succeed.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, deliver as runNotifyTimer, startAppCloud, withoutYear } from '../support/app';
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
const investment = {
  ...form,
  category: 'investment',
  matter: '年产5万吨番茄酱加工项目（投资1.2亿元）',
  details: {
    projectName: '番茄酱加工项目',
    investmentWan: 12000,
    approvalLevel: 'county',
    fitsIndustrialPolicy: true,
    industry: 'manufacturing',
  },
};

async function newCase(input: object = form, openid = 'o_enterprise') {
  const r = await submitAs(cloud, openid, input as Record<string, unknown>);
  if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
  return r.data.caseId as string;
}
const wb = (action: string, input: object, openid: string) => call(cloud, 'workbench', { action, input }, openid);
const center = (action: string, input: object, openid = 'o_center_admin') =>
  call(cloud, 'center', { action, input }, openid);
const act = (caseId: string, version: number, action: object, openid = 'o_agent_center') =>
  wb('act', { caseId, version, action }, openid);
async function steps(caseId: string, list: [object, string?][]) {
  let v = (await detail(caseId, 'o_center_admin')).case.version as number;
  for (const [a, who] of list) {
    const r = await act(caseId, v, a, who);
    if (!r.ok) throw new Error(`${JSON.stringify(a)}: ${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
    v = r.data.version;
  }
  return v;
}
const detail = async (caseId: string, openid = 'o_agent_center') => {
  const r = await wb('get', { caseId }, openid);
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
const deliver = { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 3 };

describe('1. staff binding by one-time invite code', () => {
  test('the administrator issues a code; the person redeems it and is bound; the code works once; unbinding is recorded and ends access', async () => {
    const inv = await center('createInvite', { name: '阿依古丽', role: 'agent', unitId: 'scjg' });
    expect(inv).toMatchObject({ ok: true, data: { roleLabel: '帮代办员', unitName: '和硕县市场监督管理局' } });
    const code = inv.ok ? inv.data.code : '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    expect(await call(cloud, 'session', { action: 'whoami', input: {} }, 'o_new_agent')).toMatchObject({
      ok: true,
      data: { staff: null },
    });
    expect(await center('redeemInvite', { code: 'NOPE1234' }, 'o_new_agent')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await center('redeemInvite', { code: code.toLowerCase() }, 'o_new_agent')).toMatchObject({
      ok: true,
      data: { staff: { name: '阿依古丽', role: 'agent' } },
    });
    expect(await call(cloud, 'session', { action: 'whoami', input: {} }, 'o_new_agent')).toMatchObject({
      ok: true,
      data: { roles: ['applicant', 'agent'], staff: { name: '阿依古丽', unitName: '和硕县市场监督管理局' } },
    });
    expect(await center('redeemInvite', { code }, 'o_someone_else')).toMatchObject({ ok: false, code: 'CONFLICT' });
    // the invite's "used" mark and the audit entry ride on the staff record until the notify timer runs
    await runNotifyTimer(cloud);
    expect(cloud.store.get('invites', code)?.doc).toMatchObject({
      status: 'used',
      staffId: `st-${code.toLowerCase()}`,
    });
    expect(await center('revokeInvite', { code })).toMatchObject({ ok: false, code: 'CONFLICT' });

    const staff = await center('listStaff', { unitId: 'scjg' });
    const bound = staff.ok ? staff.data.items.find((s: { name: string }) => s.name === '阿依古丽') : null;
    expect(bound).toMatchObject({ role: 'agent', active: true });

    // role change, then unbind: both audited with before and after
    expect(
      await center('updateStaff', { staffId: bound.staffId, role: 'leader', reason: '任命为责任领导' }),
    ).toMatchObject({
      ok: true,
      data: { staff: { role: 'leader' } },
    });
    expect(await center('updateStaff', { staffId: bound.staffId, unbind: true, reason: '调离' })).toMatchObject({
      ok: true,
      data: { staff: { active: false } },
    });
    expect(await wb('listCases', {}, 'o_new_agent')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const audit = await center('listAudit', { limit: 10 });
    const whats = audit.ok ? audit.data.items.map((a: { what: string }) => a.what) : [];
    expect(whats.slice(0, 4)).toEqual(['staff.unbind', 'staff.update', 'staff.bind', 'invite.create']);
    const roleChange = audit.ok ? audit.data.items[1] : null;
    expect(roleChange).toMatchObject({
      by: '赵敏',
      before: { role: 'agent' },
      after: { role: 'leader', reason: '任命为责任领导' },
    });
  });

  test('redeeming the same code twice at once, or two codes from one WeChat at once: exactly one binding', async () => {
    const a = await center('createInvite', { name: '热依汗', role: 'agent', unitId: 'center' });
    const code = a.ok ? a.data.code : '';
    const results = await Promise.all([
      center('redeemInvite', { code }, 'o_race_1'),
      center('redeemInvite', { code }, 'o_race_2'),
      center('redeemInvite', { code }, 'o_race_3'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'CONFLICT' });

    const [c1, c2] = await Promise.all([
      center('createInvite', { name: '甲', role: 'agent', unitId: 'center' }),
      center('createInvite', { name: '乙', role: 'agent', unitId: 'fgw' }),
    ]);
    const both = await Promise.all([
      center('redeemInvite', { code: c1.ok ? c1.data.code : '' }, 'o_twice'),
      center('redeemInvite', { code: c2.ok ? c2.data.code : '' }, 'o_twice'),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const staff = await center('listStaff', { limit: 100 });
    expect(
      staff.ok && staff.data.items.filter((s: { name: string }) => s.name === '甲' || s.name === '乙'),
    ).toHaveLength(1);
  });

  test('only the center administrator issues codes or changes staff; an administrator invite binds a center administrator', async () => {
    for (const who of ['o_agent_center', 'o_leader_fgw', 'o_enterprise', 'o_stranger']) {
      expect(await center('createInvite', { name: '某人', role: 'agent', unitId: 'center' }, who)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(await center('updateStaff', { staffId: 'st-agent-fgw', onDuty: false, reason: 'x' }, who)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(
        await center('saveSettings', { section: 'lifecycle', value: { progressReportEveryWorkingDays: 3 } }, who),
      ).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(await center('createInvite', { name: '某人', role: 'admin', unitId: 'fgw' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    const inv = await center('createInvite', { name: '王芳', role: 'admin', unitId: 'center' });
    expect(await center('redeemInvite', { code: inv.ok ? inv.data.code : '' }, 'o_admin_2')).toMatchObject({
      ok: true,
      data: { staff: { role: 'center', roleLabel: '中心管理员' } },
    });
    expect(await center('listAudit', {}, 'o_admin_2')).toMatchObject({ ok: true });
    expect(await center('updateStaff', { staffId: 'st-center-admin', unbind: true, reason: '自己' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});

describe('2. the agent', () => {
  test('queues are filtered and counted on the server, with limit/offset', async () => {
    const ids = [await newCase(), await newCase(), await newCase()];
    await steps(ids[1], [[accept], [deliver]]);
    await steps(ids[2], [[accept], [deliver], [{ type: 'requestMaterials', missing: ['经营场所使用证明'] }]]);
    const all = await wb('listCases', { queue: 'open', limit: 2 }, 'o_agent_center');
    expect(all).toMatchObject({ ok: true, data: { items: expect.any(Array) } });
    if (!all.ok) return;
    expect(all.data.items).toHaveLength(2);
    expect(all.data.total).toBeGreaterThanOrEqual(3);
    const next = await wb('listCases', { queue: 'open', limit: 2, offset: 2 }, 'o_agent_center');
    expect(
      next.ok &&
        next.data.items
          .map((i: { caseId: string }) => i.caseId)
          .some((x: string) => all.data.items.map((i: { caseId: string }) => i.caseId).includes(x)),
    ).toBe(false);
    for (const [queue, id] of [
      ['new', ids[0]],
      ['handling', ids[1]],
      ['waiting', ids[2]],
    ] as const) {
      const r = await wb('listCases', { queue, limit: 50 }, 'o_agent_center');
      expect(r.ok && r.data.items.map((i: { caseId: string }) => i.caseId)).toContain(id);
      expect(
        r.ok &&
          r.data.items.every((i: { status: string }) =>
            ({ new: ['applied'], handling: ['accepted', 'handling'], waiting: ['awaiting_materials', 'suspended'] })[
              queue
            ].includes(i.status),
          ),
      ).toBe(true);
      expect(r.ok && r.data.counts[queue]).toBe(r.ok && r.data.total);
    }
    // the case delivered with 3 working days is due soon (the default warns 2 working days ahead … or is on track)
    const d = await detail(ids[1]);
    expect(d.case.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.case.nextFeedbackOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await detail(ids[2])).case.deadline).toMatchObject({ level: 'paused', label: '暂停计时' });
  });

  test('overdue and due-soon queues follow the stored due date', async () => {
    const id = await newCase();
    await steps(id, [[accept], [{ type: 'deliver', window: '社保窗口', committedWorkingDays: 0 }]]);
    const soon = await wb('listCases', { queue: 'dueSoon', limit: 50 }, 'o_agent_center');
    expect(soon.ok && soon.data.items.map((i: { caseId: string }) => i.caseId)).toContain(id);
    const over = await wb('listCases', { queue: 'overdue', limit: 50 }, 'o_agent_center');
    expect(over.ok && over.data.items.map((i: { caseId: string }) => i.caseId)).not.toContain(id);
  });

  test('take, accept, window, contact log, 补正, suspend/resume, extend, finish: each on the timeline with the notifications the core asks for', async () => {
    const id = await newCase();
    // 古丽米拉 (same unit, not the routed agent) takes it up; 陈静 then sees it is no longer hers to take
    const taken = await act(id, 1, { type: 'take' }, 'o_agent_center_2');
    expect(taken).toMatchObject({ ok: true, data: { notifications: [{ kind: 'case_reassigned' }] } });
    expect((await detail(id, 'o_agent_center_2')).actions.map((a: { type: string }) => a.type)).not.toContain('take');
    let v = 2;
    const run = async (a: object, kinds: string[]) => {
      const r = await act(id, v, a, 'o_agent_center_2');
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      expect(r.data.notifications.map((n: { kind: string }) => n.kind)).toEqual(kinds);
      v = r.data.version;
    };
    await run(accept, ['case_accepted']);
    await run(deliver, ['handling_started']);
    await run({ type: 'reportProgress', note: '电话告知已送窗口', channel: 'phone' }, ['progress_report']);
    await run({ type: 'requestMaterials', missing: ['法定代表人身份证明', '经营场所使用证明'] }, [
      'materials_requested',
    ]);
    await run({ type: 'receiveMaterials' }, ['materials_received']);
    await run({ type: 'suspend', reason: '申请人出差，暂缓办理' }, ['case_suspended']);
    await run({ type: 'resume', applicantConfirmed: true }, ['case_resumed']);
    await run({ type: 'extend', extraWorkingDays: 2, explanation: '窗口需现场核查', explainedToApplicant: true }, [
      'deadline_extended',
    ]);
    await run(
      {
        type: 'finish',
        result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局' },
        resultHandedOver: true,
        originalsReturned: true,
        applicantSigned: true,
      },
      ['case_finished', 'rating_invited'],
    );
    const d = await detail(id, 'o_agent_center_2');
    expect(d.case.timeline.map((e: { label: string }) => e.label)).toEqual([
      '提交申请',
      '认领',
      '受理',
      '送达审批窗口',
      '反馈办理情况',
      '通知补正材料',
      '收到补正材料',
      '中止',
      '续办',
      '延长服务时限',
      '办结',
    ]);
    expect(d.case.timeline.find((e: { action: string }) => e.action === 'reportProgress')).toMatchObject({
      channel: '电话',
      note: '电话告知已送窗口',
    });
    expect(d.case.result).toMatchObject({ outcomeLabel: '准予办理' });
    // the applicant sees the extension's explanation
    const mine = await call(cloud, 'cases', { action: 'get', input: { caseId: id } }, 'o_enterprise');
    expect(JSON.stringify(mine)).toContain('窗口需现场核查');
  });

  test('terminate at the applicant’s request needs reason, materials returned and signature', async () => {
    const id = await newCase();
    const v = await steps(id, [[accept], [deliver]]);
    expect(
      await act(id, v, {
        type: 'terminate',
        ground: 'applicant_request',
        reason: '申请人不再办理',
        materialsReturned: false,
        applicantSigned: true,
      }),
    ).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { MATERIALS_NOT_RETURNED: expect.any(String) } });
    expect(
      await act(id, v, {
        type: 'terminate',
        ground: 'applicant_request',
        reason: '申请人不再办理',
        materialsReturned: true,
        applicantSigned: true,
      }),
    ).toMatchObject({
      ok: true,
      data: { status: 'terminated', notifications: [{ kind: 'case_terminated' }, { kind: 'rating_invited' }] },
    });
  });
});

describe('3. the responsible leader', () => {
  test('sees the unit’s cases and each agent’s load, supervises (the agent sees the note), reassigns within the unit only; the first agent stays visible', async () => {
    const id = await newCase(investment, 'o_citizen_young');
    const d0 = await detail(id, 'o_leader_fgw');
    expect(d0.case.unitId).toBe('fgw');
    await steps(id, [[accept, 'o_agent_fgw']]);
    const load = await wb('unitLoad', {}, 'o_leader_fgw');
    expect(load).toMatchObject({
      ok: true,
      data: { unitId: 'fgw', agents: expect.arrayContaining([expect.objectContaining({ name: '马建军', open: 1 })]) },
    });
    expect(await wb('unitLoad', {}, 'o_agent_fgw')).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    let v = (await detail(id, 'o_leader_fgw')).case.version;
    const sup = await act(id, v, { type: 'supervise', note: '请本周内送达窗口' }, 'o_leader_fgw');
    expect(sup).toMatchObject({ ok: true, data: { notifications: [{ kind: 'case_supervised' }] } });
    v = sup.ok ? sup.data.version : v;
    expect((await detail(id, 'o_agent_fgw')).case.supervisions).toEqual([
      { at: expect.any(String), note: '请本周内送达窗口' },
    ]);

    // another fgw agent to hand over to
    const inv = await center('createInvite', { name: '吐尔逊', role: 'agent', unitId: 'fgw' });
    await center('redeemInvite', { code: inv.ok ? inv.data.code : '' }, 'o_agent_fgw_2');
    const staff = await center('listStaff', { unitId: 'fgw' });
    const tuerxun = staff.ok ? staff.data.items.find((s: { name: string }) => s.name === '吐尔逊').staffId : '';
    expect(
      await act(id, v, { type: 'reassign', toAgentId: 'st-agent-center-2', reason: '跨单位' }, 'o_leader_fgw'),
    ).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { UNIT_CHANGE_CENTER_ONLY: expect.any(String) },
    });
    expect(
      await act(id, v, { type: 'reassign', toAgentId: tuerxun, reason: '马建军出差' }, 'o_leader_fgw'),
    ).toMatchObject({ ok: true });
    const d = await detail(id, 'o_leader_fgw');
    expect(d.case).toMatchObject({ agentName: '吐尔逊', firstAgentName: '马建军' });
    const first = await wb('listCases', { queue: 'open', limit: 50 }, 'o_agent_fgw');
    expect(first.ok && first.data.items.find((i: { caseId: string }) => i.caseId === id)).toMatchObject({
      agentName: '吐尔逊',
      firstAgentName: '马建军',
    });
    const byAgent = await wb('listCases', { queue: 'open', agentId: tuerxun }, 'o_leader_fgw');
    expect(byAgent.ok && byAgent.data.items.map((i: { caseId: string }) => i.caseId)).toEqual([id]);
  });
});

describe('4. the center', () => {
  test('two-department parallel approval with a joint meeting, department follow-up with due dates, escalation and its answer', async () => {
    const id = await newCase(investment, 'o_citizen_young');
    let v = await steps(id, [
      [accept, 'o_agent_fgw'],
      [{ type: 'deliver', window: '投资项目审批窗口', committedWorkingDays: 20 }, 'o_agent_fgw'],
    ]);
    const c = (a: object) =>
      act(id, v, a, 'o_center_admin').then((r) => {
        if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
        v = r.data.version;
        return r.data;
      });
    expect(
      await act(
        id,
        v,
        { type: 'addTask', taskId: 't-x', departmentId: 'nowhere', matter: '用地预审', committedWorkingDays: 10 },
        'o_center_admin',
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      (
        await c({
          type: 'addTask',
          taskId: 't-zrzy',
          departmentId: 'zrzy',
          matter: '用地预审与选址意见',
          committedWorkingDays: 10,
        })
      ).notifications,
    ).toEqual([{ kind: 'task_assigned', label: '并联审批任务' }]);
    await c({
      type: 'addTask',
      taskId: 't-scjg',
      departmentId: 'scjg',
      matter: '食品生产许可预审',
      committedWorkingDays: 8,
    });
    await c({
      type: 'conveneJointMeeting',
      meetingId: 'm-1',
      departmentIds: ['zrzy', 'scjg'],
      topic: '用地与生产许可衔接',
      scheduledFor: '2026-06-10T03:00:00.000Z',
      place: '中心三楼会议室',
    });
    await c({
      type: 'recordJointMeeting',
      meetingId: 'm-1',
      minutes: '自然资源局10个工作日内出具用地预审意见；市场监管局同步预审',
    });
    await c({ type: 'escalate', escalationId: 'e-1', issue: '用地指标需县政府协调' });
    await c({ type: 'resolveEscalation', escalationId: 'e-1', resolution: '分管副县长同意优先安排用地指标' });
    // the department's leader completes his department's task; another department's leader cannot
    const d1 = await detail(id, 'o_center_admin');
    expect(
      d1.case.tasks.map((t: { departmentName: string; dueOn: string }) => [
        t.departmentName,
        /^\d{4}-\d{2}-\d{2}$/.test(t.dueOn),
      ]),
    ).toEqual([
      ['和硕县自然资源局', true],
      ['和硕县市场监督管理局', true],
    ]);
    expect(d1.case.meetings[0]).toMatchObject({
      place: '中心三楼会议室',
      statusLabel: '已召开',
      departments: ['和硕县自然资源局', '和硕县市场监督管理局'],
    });
    expect(d1.case.escalations[0]).toMatchObject({
      statusLabel: '已有结果',
      resolution: '分管副县长同意优先安排用地指标',
    });
    expect(
      await act(id, v, { type: 'completeTask', taskId: 't-zrzy', outcome: 'approved' }, 'o_leader_fgw'),
    ).toMatchObject({ ok: false });
    await c({ type: 'completeTask', taskId: 't-zrzy', outcome: 'approved' });
    await c({ type: 'completeTask', taskId: 't-scjg', outcome: 'approved' });
    const fin = await act(
      id,
      v,
      {
        type: 'finish',
        result: { outcome: 'approved', decidedBy: '和硕县发展和改革委员会' },
        resultHandedOver: true,
        originalsReturned: true,
        applicantSigned: true,
      },
      'o_agent_fgw',
    );
    expect(fin).toMatchObject({ ok: true, data: { status: 'finished' } });
  });

  test('settings: validated, saved, audited (before/after); holiday overrides and service items; units carry their industries into routing', async () => {
    expect(await center('saveSettings', { section: 'booking', value: { maxAdvanceDays: 999 } })).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { 'booking.maxAdvanceDays': expect.any(String) },
    });
    const before = await center('getSettings', {});
    const windows = before.ok ? before.data.settings.booking.windows : [];
    windows[0].capacity = 6;
    expect(await center('saveSettings', { section: 'booking', value: { windows } })).toMatchObject({ ok: true });
    expect(await center('saveSettings', { section: 'rating', value: { callBackWithinWorkingDays: 2 } })).toMatchObject({
      ok: true,
    });
    const after = await center('getSettings', {}, 'o_agent_center');
    expect(after).toMatchObject({
      ok: true,
      data: { canEdit: false, settings: { rating: { callBackWithinWorkingDays: 2 } } },
    });
    expect(after.ok && after.data.settings.booking.windows[0].capacity).toBe(6);
    expect(
      await center('saveHolidayOverride', { date: '2026-05-27', working: false, name: '古尔邦节', regional: true }),
    ).toMatchObject({
      ok: true,
      data: { overrides: [{ date: '2026-05-27', name: '古尔邦节' }] },
    });
    expect(
      await center('saveServiceItem', {
        itemId: 'food-license',
        name: '食品经营许可',
        unitId: 'scjg',
        window: '市场监管窗口',
        committedWorkingDays: 10,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await center('saveUnit', {
        unitId: 'zrzy',
        name: '和硕县自然资源局',
        kind: 'department',
        industries: ['mining', 'construction'],
      }),
    ).toMatchObject({ ok: true });
    const units = await center('listUnits', {}, 'o_agent_fgw');
    expect(
      units.ok &&
        units.data.units
          .find((u: { unitId: string }) => u.unitId === 'zrzy')
          .industries.map((i: { industry: string }) => i.industry),
    ).toEqual(['mining', 'construction']);
    const audit = await center('listAudit', { limit: 5 });
    expect(audit.ok && audit.data.items.map((a: { what: string }) => a.what)).toEqual([
      'unit.save',
      'serviceItem.save',
      'calendar.override',
      'settings.save',
      'settings.save',
    ]);
    expect(audit.ok && audit.data.items[3]).toMatchObject({
      target: { id: 'rating' },
      before: null,
      after: { callBackWithinWorkingDays: 2 },
    });
  });

  test('a year chinese-days lacks: shown as missing and warned of; the administrator enters the notice (checked, audited); built-in years and bad entries refused in words', async () => {
    const first = await center('getSettings', {});
    // the test clouds carry stand-ins for the years chinese-days lacks; take the nearest one away
    const y =
      first.ok &&
      (first.data.calendarYears as { year: number; source: string }[]).find((v) => v.source === 'center')!.year;
    expect(typeof y).toBe('number');
    const restore = withoutYear(cloud, y as number);
    // warn a whole year ahead, so next year is always within the horizon whatever today is
    expect(
      await center('saveSettings', { section: 'calendar', value: { warnMissingYearWithinDays: 366 } }),
    ).toMatchObject({ ok: true });
    try {
      const missing = await center('getSettings', {}, 'o_agent_center');
      expect(missing.ok && missing.data.calendarYears.find((v: { year: number }) => v.year === y)).toEqual({
        year: y,
        source: 'missing',
        periods: [],
        makeupWorkdays: [],
      });
      expect(missing.ok && missing.data.calendarWarnings).toContainEqual({
        code: 'CALENDAR_YEAR_MISSING',
        year: y,
        message: expect.stringContaining(`尚未录入${y}年的法定节假日`),
      });

      const saturday = [...Array(7).keys()]
        .map((i) => `${y}-01-${String(10 + i).padStart(2, '0')}`)
        .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
      const entry = {
        year: y,
        periods: [
          { name: '元旦', from: `${y}-01-01`, to: `${y}-01-03` },
          { name: '国庆节', from: `${y}-10-01`, to: `${y}-10-07` },
        ],
        makeupWorkdays: [{ date: saturday, name: '调休上班' }],
      };
      expect(await center('saveYearCalendar', entry, 'o_leader_fgw')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await center('saveYearCalendar', entry, 'o_agent_center')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(
        await center('saveYearCalendar', {
          ...entry,
          year: 2026,
          periods: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01' }],
          makeupWorkdays: [],
        }),
      ).toMatchObject({
        ok: false,
        code: 'RULE_REFUSED',
        fields: { CALENDAR_YEAR_BUILT_IN: expect.stringContaining('已内置') },
      });
      const weekday = `${y}-01-0${[4, 5, 6, 7, 8].find((d) => ![0, 6].includes(new Date(`${y}-01-0${d}T00:00:00Z`).getUTCDay()))}`;
      expect(
        await center('saveYearCalendar', { ...entry, makeupWorkdays: [{ date: weekday, name: 'x' }] }),
      ).toMatchObject({
        ok: false,
        code: 'RULE_REFUSED',
        fields: { CALENDAR_ENTRY_INVALID: `调休上班日 ${weekday} 不是周六或周日` },
      });
      expect(cloud.store.get('settings', 'calendar')!.doc).not.toHaveProperty(`years.${y}`);

      expect(await center('saveYearCalendar', entry)).toEqual({
        ok: true,
        data: { year: y, holidays: 10, makeupWorkdays: 1 },
      });
      const entered = await center('getSettings', {});
      expect(entered.ok && entered.data.calendarYears.find((v: { year: number }) => v.year === y)).toEqual({
        year: y,
        source: 'center',
        periods: entry.periods,
        makeupWorkdays: entry.makeupWorkdays,
      });
      expect(
        entered.ok && entered.data.calendarWarnings.filter((w: { code: string }) => w.code === 'CALENDAR_YEAR_MISSING'),
      ).toEqual([]);
      // corrected: entered again, the audit keeps what it replaced
      expect(await center('saveYearCalendar', { ...entry, makeupWorkdays: [] })).toMatchObject({
        ok: true,
        data: { makeupWorkdays: 0 },
      });
      const audit = await center('listAudit', { kind: 'calendar', limit: 2 });
      expect(
        audit.ok &&
          audit.data.items.map((a: { what: string; whatLabel: string; target: { id: string } }) => [
            a.what,
            a.whatLabel,
            a.target.id,
          ]),
      ).toEqual([
        ['calendar.year', '录入全年节假日安排', String(y)],
        ['calendar.year', '录入全年节假日安排', String(y)],
      ]);
      expect(audit.ok && audit.data.items[0].before.makeupWorkdays).toEqual([{ date: saturday, name: '调休上班' }]);
      expect(audit.ok && audit.data.items[1].before).toBeNull();
    } finally {
      await center('saveSettings', { section: 'calendar', value: { warnMissingYearWithinDays: 60 } });
      restore();
    }
  });
});

describe('6. every staff action is refused to the wrong people', () => {
  const STAFF_WRITES: [string, string, (caseId: string) => object][] = [
    ['workbench', 'act', (caseId) => ({ caseId, version: 1, action: accept })],
    ['workbench', 'act', (caseId) => ({ caseId, version: 1, action: { type: 'take' } })],
    [
      'workbench',
      'act',
      (caseId) => ({ caseId, version: 1, action: { type: 'refuse', reasons: [{ code: 'X', message: '不符合' }] } }),
    ],
    ['workbench', 'act', (caseId) => ({ caseId, version: 1, action: { type: 'supervise', note: '督办' } })],
    [
      'workbench',
      'act',
      (caseId) => ({
        caseId,
        version: 1,
        action: { type: 'reassign', toAgentId: 'st-agent-center-2', reason: '休假' },
      }),
    ],
    ['workbench', 'get', (caseId) => ({ caseId })],
    ['workbench', 'listCases', () => ({})],
    ['workbench', 'unitLoad', () => ({})],
    ['center', 'createInvite', () => ({ name: '某人', role: 'agent', unitId: 'center' })],
    ['center', 'updateStaff', () => ({ staffId: 'st-agent-center', onDuty: false, reason: '测试' })],
    ['center', 'saveSettings', () => ({ section: 'lifecycle', value: { progressReportEveryWorkingDays: 3 } })],
    ['center', 'saveHolidayOverride', () => ({ date: '2026-10-09', name: '测试' })],
    [
      'center',
      'saveServiceItem',
      () => ({ itemId: 'x', name: '测试', unitId: 'center', window: '窗口', committedWorkingDays: 1 }),
    ],
    ['center', 'saveUnit', () => ({ unitId: 'zz', name: '测试单位', kind: 'department', industries: [] })],
    ['center', 'listAudit', () => ({})],
    ['center', 'listStaff', () => ({})],
  ];

  test('applicants and unbound users get FORBIDDEN from every staff action; nothing is written', async () => {
    const id = await newCase();
    for (const who of ['o_enterprise', 'o_citizen_elder', 'o_never_bound']) {
      for (const [fn, name, input] of STAFF_WRITES) {
        const r = await call(cloud, fn, { action: name, input: input(id) }, who);
        expect([fn, name, who, r.ok ? 'ok' : r.code]).toEqual([fn, name, who, 'FORBIDDEN']);
      }
    }
    expect((await detail(id, 'o_center_admin')).case.version).toBe(1);
  });

  test('agents of another unit cannot see or act on a case, nor take it', async () => {
    const id = await newCase();
    for (const a of [
      accept,
      { type: 'take' },
      { type: 'refuse', reasons: [{ code: 'X', message: '不符合' }] },
      { type: 'reportProgress', note: 'x' },
    ]) {
      expect(await act(id, 1, a, 'o_agent_fgw')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await wb('get', { caseId: id }, 'o_agent_fgw')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await act(id, 1, { type: 'supervise', note: '督办' }, 'o_leader_fgw')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const list = await wb('listCases', { queue: 'all', limit: 50 }, 'o_agent_fgw');
    expect(list.ok && list.data.items.some((i: { caseId: string }) => i.caseId === id)).toBe(false);
    // an agent cannot widen the list with someone else's unit
    const wide = await wb('listCases', { queue: 'all', unitId: 'center', limit: 50 }, 'o_agent_fgw');
    expect(wide.ok && wide.data.items.some((i: { caseId: string }) => i.caseId === id)).toBe(false);
    expect((await detail(id, 'o_center_admin')).case.version).toBe(1);
  });

  test('two staff acting on the same case at once cannot both succeed (take, supervise vs reassign, 补正 vs finish)', async () => {
    const id = await newCase();
    const takes = await Promise.all([
      act(id, 1, { type: 'take' }, 'o_agent_center_2'),
      act(id, 1, accept, 'o_agent_center'),
    ]);
    expect(takes.filter((r) => r.ok)).toHaveLength(1);
    const v = (await detail(id, 'o_center_admin')).case.version;
    const race = await Promise.all([
      act(id, v, { type: 'supervise', note: '加快' }, 'o_center_admin'),
      act(id, v, { type: 'reassign', toAgentId: 'st-agent-center-2', reason: '换人' }, 'o_center_admin'),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.find((r) => !r.ok)).toMatchObject({ code: expect.stringMatching(/CONFLICT|RULE_REFUSED/) });
    expect((await detail(id, 'o_center_admin')).case.timeline).toHaveLength(3);
  });
});
