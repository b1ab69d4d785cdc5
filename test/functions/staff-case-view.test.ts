/**
 * Issue 16 items 2 and 3 through the real functions: the staff who handle a case see the whole
 * 申请表 (项目名称, 投资额, 审批层级, 特殊群体, 身份证号 masked, 统一社会信用代码 whole), and may reveal
 * the applicant's phone to call them — only the assigned agent, the unit's leader and the center,
 * each reveal recorded (who, when, which case) and the number never logged.
 */
import { CloudBase } from '../../local-cloud/src';
import { maskIdNumber } from '../../core';
import { call, startAppCloud } from '../support/app';
import { ENTERPRISE_USCC, PERSON_ID, submitAs } from '../support/applicant';

let cloud: CloudBase;
/** every console line the functions wrote */
const logs: string[] = [];
beforeAll(async () => {
  cloud = await startAppCloud({ log: (line) => logs.push(line) });
});
afterAll(() => cloud.stop());

const wb = (action: string, input: object, openid: string) => call(cloud, 'workbench', { action, input }, openid);
async function newCase(openid: string, form: Record<string, unknown>) {
  const r = await submitAs(cloud, openid, form);
  if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
  return r.data.caseId as string;
}
const rowsOf = (answer: Awaited<ReturnType<typeof wb>>) =>
  Object.fromEntries(
    (answer.ok ? answer.data.case.application.rows : []).map((r: { key: string; value: string }) => [r.key, r.value]),
  );

describe('item 2: the staff case view carries the whole application', () => {
  test('an investment project: project name, amount, approval level, enterprise name and credit code (whole)', async () => {
    const id = await newCase('o_invest_view', {
      category: 'investment',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '年产5万吨番茄酱加工项目备案及环评',
      contactName: '周强',
      contactPhone: '13900001111',
      applicantName: '和硕县天山番茄制品有限公司',
      details: {
        projectName: '番茄酱加工项目',
        investmentWan: 12000,
        approvalLevel: 'county',
        fitsIndustrialPolicy: true,
      },
    });
    const answer = await wb('get', { caseId: id }, 'o_agent_fgw');
    expect(answer).toMatchObject({
      ok: true,
      data: {
        case: {
          contactName: '周强',
          contactPhone: '139****1111',
          application: { applicantType: 'enterprise', applicantName: '和硕县天山番茄制品有限公司' },
        },
      },
    });
    expect(rowsOf(answer)).toEqual({
      category: '500万元以上（含）投资项目',
      mode: '帮办',
      applicantType: '企业',
      applicantName: '和硕县天山番茄制品有限公司',
      uscc: ENTERPRISE_USCC,
      projectName: '番茄酱加工项目',
      investmentWan: '12,000 万元',
      approvalLevel: '县级部门审批',
      // the applicant's §三(三) answer, for the agent to verify (issue 15)
      fitsIndustrialPolicy: '是',
      matter: '年产5万吨番茄酱加工项目备案及环评',
      contactName: '周强',
      contactPhone: '139****1111',
    });
    // the leader and the center see the same; the full phone number is in none of them
    for (const who of ['o_leader_fgw', 'o_center_admin']) {
      const other = await wb('get', { caseId: id }, who);
      expect(rowsOf(other)).toEqual(rowsOf(answer));
      expect(JSON.stringify(other)).not.toContain('13900001111');
    }
  });

  test('a person: special groups in words, the 身份证号 masked (never whole), the 代办 mandate text', async () => {
    const id = await newCase('o_elder_view', {
      category: 'livelihood',
      applicantType: 'person',
      mode: 'proxy',
      matter: '给母亲办理高龄津贴',
      contactName: '张桂兰',
      contactPhone: '13912340000',
      details: { specialGroups: ['elderly', 'mobility_impaired'], livelihoodPublicService: true },
    });
    const answer = await wb('get', { caseId: id }, 'o_agent_center');
    const rows = rowsOf(answer);
    expect(rows).toMatchObject({
      category: '民生保障类事项',
      mode: '代办',
      applicantType: '个人',
      applicantName: '张桂兰',
      idNumber: maskIdNumber(PERSON_ID),
      specialGroups: '老年人、行动不便',
      matter: '给母亲办理高龄津贴',
      mandate: expect.stringContaining('委托'),
    });
    expect(rows.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(answer)).not.toContain(PERSON_ID);
    expect(JSON.stringify(answer)).not.toContain('13912340000');
  });

  test('an enterprise matter with 告知承诺, and a major project with its plans', async () => {
    const firm = await newCase('o_firm_view', {
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '食品经营许可',
      contactName: '王海',
      contactPhone: '13899001122',
      details: { enterpriseMatter: 'food_business_license' },
      commitment: true,
    });
    expect(rowsOf(await wb('get', { caseId: firm }, 'o_agent_center'))).toMatchObject({
      enterpriseMatter: '食品经营许可',
      uscc: ENTERPRISE_USCC,
      commitment: expect.stringContaining('已承诺'),
    });
    const major = await newCase('o_major_view', {
      category: 'major',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '重点项目用地手续',
      contactName: '王海',
      contactPhone: '13899001122',
      details: { projectName: '光伏产业园', annualPlans: ['region', 'county'] },
    });
    expect(rowsOf(await wb('get', { caseId: major }, 'o_leader_fgw'))).toMatchObject({
      projectName: '光伏产业园',
      annualPlans: '自治区、我县',
    });
  });
});

describe('item 3: revealing the applicant’s phone to call them (workbench.revealContact)', () => {
  const audit = () => cloud.store.candidates('audit', {}).docs.filter((d) => d.what === 'contact.reveal');
  const phone = '13900002222';
  const answerText = (a: Awaited<ReturnType<typeof wb>>) =>
    JSON.stringify(a.ok ? { ok: true } : { ok: false, code: a.code, message: a.message, fields: a.fields ?? null });
  const acceptSteps = [
    {
      type: 'accept',
      mandateConfirmed: true,
      processExplained: true,
      materialsChecked: true,
      applicantSigned: true,
      mandateLetterSigned: true,
    },
  ];

  test('the assigned agent, the unit’s leader and the center get the number; each reveal is recorded (who, when, which case) without the number', async () => {
    const id = await newCase('o_reveal_a', {
      category: 'investment',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '光伏项目备案',
      contactName: '周强',
      contactPhone: phone,
      details: { projectName: '光伏项目', investmentWan: 800, approvalLevel: 'county', fitsIndustrialPolicy: true },
    });
    const before = audit().length;
    for (const [who, name, role] of [
      ['o_agent_fgw', '马建军', 'agent'],
      ['o_leader_fgw', '刘志强', 'leader'],
      ['o_center_admin', '赵敏', 'center'],
    ]) {
      expect(await wb('get', { caseId: id }, who)).toMatchObject({
        ok: true,
        data: { case: { canRevealContact: true, contactPhone: '139****2222' } },
      });
      const r = await wb('revealContact', { caseId: id }, who);
      expect(r).toEqual({
        ok: true,
        data: { contactName: '周强', contactPhone: phone, revealedAt: expect.any(String) },
      });
      const entry = audit().at(-1)!;
      expect(entry).toMatchObject({
        what: 'contact.reveal',
        by: { name, role },
        target: { kind: 'case', id },
        at: expect.anything(),
      });
      expect(new Date(entry.at as string).toISOString()).toBe(r.ok ? r.data.revealedAt : '');
      expect(JSON.stringify(entry)).not.toContain(phone);
    }
    expect(audit().length).toBe(before + 3);
    // the center administrator reads them in the audit log, by case number
    const listed = await call(cloud, 'center', { action: 'listAudit', input: { kind: 'case' } }, 'o_center_admin');
    expect(listed).toMatchObject({
      ok: true,
      data: { items: expect.arrayContaining([expect.objectContaining({ whatLabel: '查看申请人电话', by: '马建军' })]) },
    });
    expect(JSON.stringify(listed)).not.toContain(phone);
    // no log line of any function holds the number
    expect(logs.length).toBeGreaterThan(5);
    expect(logs.filter((l) => l.includes(phone))).toEqual([]);
  });

  test('the applicant, another unit’s agent or leader, a colleague not on the case and a department-task leader are refused; nothing is written', async () => {
    // a 民生 case of the center, assigned to 陈静, with a task at the 发改委 (whose leader may view but not call)
    const id = await newCase('o_reveal_b', {
      category: 'livelihood',
      applicantType: 'person',
      mode: 'proxy',
      matter: '高龄津贴',
      contactName: '张桂兰',
      contactPhone: phone,
      details: { specialGroups: ['elderly'], livelihoodPublicService: true },
    });
    let v = 1;
    for (const step of [
      ...acceptSteps,
      { type: 'deliver', window: '民政窗口', committedWorkingDays: 5 },
      { type: 'addTask', taskId: 't1', departmentId: 'fgw', matter: '项目核准意见', committedWorkingDays: 3 },
    ]) {
      const r = await wb('act', { caseId: id, version: v, action: step }, 'o_agent_center');
      if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
      v = r.data.version;
    }
    expect(await wb('get', { caseId: id }, 'o_leader_fgw')).toMatchObject({
      ok: true,
      data: { case: { canRevealContact: false } },
    });
    expect(await wb('revealContact', { caseId: id }, 'o_agent_center')).toMatchObject({
      ok: true,
      data: { contactPhone: phone },
    });
    const before = audit().length;
    const missing = await wb('revealContact', { caseId: 'no-such-case' }, 'o_agent_fgw');
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // staff unrelated to the case: exactly the answer a missing case gets
    for (const who of ['o_agent_fgw', 'o_leader_fgw', 'o_agent_center_2']) {
      const r = await wb('revealContact', { caseId: id }, who);
      expect({ who, answer: answerText(r) }).toEqual({ who, answer: answerText(missing) });
    }
    // the applicant herself and an unbound WeChat user hold no staff role
    for (const who of ['o_reveal_b', 'o_stranger'])
      expect(await wb('revealContact', { caseId: id }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(audit().length).toBe(before);
    expect(logs.filter((l) => l.includes(phone))).toEqual([]);
  });
});
