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
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const wb = (action: string, input: object, openid: string) => call(cloud, 'workbench', { action, input }, openid);
async function newCase(openid: string, form: Record<string, unknown>) {
  const r = await submitAs(cloud, openid, form);
  if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
  return r.data.caseId as string;
}
const rowsOf = (answer: Awaited<ReturnType<typeof wb>>) => Object.fromEntries((answer.ok ? answer.data.case.application.rows : []).map((r: { key: string; value: string }) => [r.key, r.value]));

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
      details: { projectName: '番茄酱加工项目', investmentWan: 12000, approvalLevel: 'county' },
    });
    const answer = await wb('get', { caseId: id }, 'o_agent_fgw');
    expect(answer).toMatchObject({ ok: true, data: { case: { contactName: '周强', contactPhone: '139****1111', application: { applicantType: 'enterprise', applicantName: '和硕县天山番茄制品有限公司' } } } });
    expect(rowsOf(answer)).toEqual({
      category: '500万元以上（含）投资项目',
      mode: '帮办',
      applicantType: '企业',
      applicantName: '和硕县天山番茄制品有限公司',
      uscc: ENTERPRISE_USCC,
      projectName: '番茄酱加工项目',
      investmentWan: '12,000 万元',
      approvalLevel: '县级部门审批',
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
    const id = await newCase('o_elder_view', { category: 'livelihood', applicantType: 'person', mode: 'proxy', matter: '给母亲办理高龄津贴', contactName: '张桂兰', contactPhone: '13912340000', details: { specialGroups: ['elderly', 'mobility_impaired'] } });
    const answer = await wb('get', { caseId: id }, 'o_agent_center');
    const rows = rowsOf(answer);
    expect(rows).toMatchObject({ category: '民生保障类事项', mode: '代办', applicantType: '个人', applicantName: '张桂兰', idNumber: maskIdNumber(PERSON_ID), specialGroups: '老年人、行动不便', matter: '给母亲办理高龄津贴', mandate: expect.stringContaining('委托') });
    expect(rows.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(answer)).not.toContain(PERSON_ID);
    expect(JSON.stringify(answer)).not.toContain('13912340000');
  });

  test('an enterprise matter with 告知承诺, and a major project with its plans', async () => {
    const firm = await newCase('o_firm_view', { category: 'enterprise', applicantType: 'enterprise', mode: 'help', matter: '食品经营许可', contactName: '王海', contactPhone: '13899001122', details: { enterpriseMatter: 'food_business_license' }, commitment: true });
    expect(rowsOf(await wb('get', { caseId: firm }, 'o_agent_center'))).toMatchObject({ enterpriseMatter: '食品经营许可', uscc: ENTERPRISE_USCC, commitment: expect.stringContaining('已承诺') });
    const major = await newCase('o_major_view', { category: 'major', applicantType: 'enterprise', mode: 'help', matter: '重点项目用地手续', contactName: '王海', contactPhone: '13899001122', details: { projectName: '光伏产业园', annualPlans: ['region', 'county'] } });
    expect(rowsOf(await wb('get', { caseId: major }, 'o_leader_fgw'))).toMatchObject({ projectName: '光伏产业园', annualPlans: '自治区、我县' });
  });
});
