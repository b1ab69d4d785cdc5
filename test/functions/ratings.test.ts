/**
 * 好差评 (§五(五)) for the applicant through the ratings function: only after the service ended,
 * once, by the person served, plus one 追评; a 差评 needs a reason and its handling state is shown.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { deskSignature, submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const form = { category: 'enterprise', applicantType: 'enterprise', mode: 'help', matter: '食品经营许可', contactName: '王海', contactPhone: '13899001122' };
const act = async (caseId: string, version: number, action: { type: string }) =>
  call(cloud, 'workbench', { action: 'act', input: { caseId, version, action, ...(action.type === 'accept' ? { signatureFileID: await deskSignature(cloud, 'o_agent_center') } : {}) } }, 'o_agent_center');
const rate = (action: string, input: object, openid = 'o_enterprise') => call(cloud, 'ratings', { action, input }, openid);

async function finishedCase() {
  const r = await submitAs(cloud, 'o_enterprise', form);
  const id = r.ok ? r.data.caseId : '';
  let v = 1;
  for (const s of [
    { type: 'accept', mandateConfirmed: true, processExplained: true, materialsChecked: true, applicantSigned: true },
    { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
    { type: 'finish', result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局' }, resultHandedOver: true, originalsReturned: true, applicantSigned: true },
  ]) {
    const a = await act(id, v, s);
    if (!a.ok) throw new Error(a.message);
    v = a.data.version;
  }
  return id;
}

test('not before the service ends; then once, with level, dimensions, tags and comment; one 追评', async () => {
  const open = await submitAs(cloud, 'o_enterprise', form);
  const openId = open.ok ? open.data.caseId : '';
  expect(await rate('getForCase', { caseId: openId })).toMatchObject({ ok: true, data: { canRate: false, rating: null, options: { levels: expect.arrayContaining([{ value: 'very_satisfied', label: '非常满意' }]) } } });
  expect(await rate('submit', { caseId: openId, level: 'satisfied' })).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { CASE_NOT_ENDED: expect.any(String) } });

  const id = await finishedCase();
  expect(await rate('getForCase', { caseId: id })).toMatchObject({ ok: true, data: { canRate: true, canFollowUp: false } });
  expect(await rate('submit', { caseId: id, level: 'excellent' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { level: '请选择评价等级' } });
  expect(await rate('submit', { caseId: id, level: 'very_satisfied', tags: ['slow'] })).toMatchObject({ ok: false, fields: { TAG_LEVEL_MISMATCH: expect.any(String) } });
  const given = await rate('submit', { caseId: id, level: 'very_satisfied', dimensions: { overall: 'very_satisfied', attitude: 'satisfied' }, tags: ['one_visit', 'attentive'], comment: '陈静很耐心' });
  expect(given).toMatchObject({ ok: true, data: { canRate: false, canFollowUp: true, rating: { levelLabel: '非常满意', tags: ['一次办成', '服务热情周到'], comment: '陈静很耐心', dimensions: expect.arrayContaining([{ dimension: 'attitude', label: '服务态度', levelLabel: '满意' }]) }, badRatings: [] } });
  expect(await rate('submit', { caseId: id, level: 'satisfied' })).toMatchObject({ ok: false, fields: { ALREADY_RATED: expect.any(String) } });
  expect(await rate('followUp', { caseId: id, level: 'satisfied', comment: '证照已领到' })).toMatchObject({ ok: true, data: { canFollowUp: false, rating: { followUp: { levelLabel: '满意', comment: '证照已领到' } } } });
  expect(await rate('followUp', { caseId: id, level: 'satisfied' })).toMatchObject({ ok: false, fields: { FOLLOW_UP_ALREADY_GIVEN: expect.any(String) } });
});

test('a 差评 needs a reason, and the applicant then sees its handling state', async () => {
  const id = await finishedCase();
  expect(await rate('submit', { caseId: id, level: 'dissatisfied' })).toMatchObject({ ok: false, fields: { BAD_RATING_REASON_REQUIRED: expect.any(String) } });
  const bad = await rate('submit', { caseId: id, level: 'dissatisfied', tags: ['many_trips'], comment: '跑了三次' });
  expect(bad).toMatchObject({ ok: true, data: { rating: { levelLabel: '不满意' }, badRatings: [{ followUp: false, status: 'awaiting_call_back', statusLabel: '待回访', history: [] }] } });
  expect(await rate('getForCase', { caseId: id })).toMatchObject({ ok: true, data: { badRatings: [{ statusLabel: '待回访' }] } });
});

test('another applicant’s case: refused as not found, nothing revealed; staff cannot rate for the applicant', async () => {
  const id = await finishedCase();
  for (const [action, input] of [
    ['getForCase', { caseId: id }],
    ['submit', { caseId: id, level: 'satisfied' }],
    ['followUp', { caseId: id, level: 'satisfied' }],
  ] as const) {
    const theirs = await rate(action, input, 'o_citizen_young');
    expect(theirs).toEqual(await rate(action, { ...input, caseId: 'no-such-case' }, 'o_citizen_young'));
    expect(theirs).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  }
  expect(await rate('submit', { caseId: id, level: 'satisfied' }, 'o_agent_center')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await rate('getForCase', { caseId: id })).toMatchObject({ ok: true, data: { canRate: true } });
});
