/**
 * 好差评 (§五(五)) for the applicant through the ratings function: only after the service ended,
 * once, by the person served, plus one 追评; a 差评 needs a reason and its handling state is shown.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, deliver, startAppCloud } from '../support/app';
import { deskSignature, submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const form = {
  category: 'enterprise',
  applicantType: 'enterprise',
  mode: 'help',
  matter: '食品经营许可',
  contactName: '王海',
  contactPhone: '13899001122',
};
const act = async (caseId: string, version: number, action: { type: string }) =>
  call(
    cloud,
    'workbench',
    {
      action: 'act',
      input: {
        caseId,
        version,
        action,
        ...(action.type === 'accept' ? { signatureFileID: await deskSignature(cloud, 'o_agent_center') } : {}),
      },
    },
    'o_agent_center',
  );
const rate = (action: string, input: object, openid = 'o_enterprise') =>
  call(cloud, 'ratings', { action, input }, openid);

async function finishedCase() {
  const r = await submitAs(cloud, 'o_enterprise', form);
  const id = r.ok ? r.data.caseId : '';
  let v = 1;
  for (const s of [
    { type: 'accept', mandateConfirmed: true, processExplained: true, materialsChecked: true, applicantSigned: true },
    { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
    {
      type: 'finish',
      result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局' },
      resultHandedOver: true,
      originalsReturned: true,
      applicantSigned: true,
    },
  ]) {
    const a = await act(id, v, s);
    if (!a.ok) throw new Error(a.message);
    v = a.data.version;
  }
  // the steps' 台账 row and messages follow within seconds (the notify timer)
  await deliver(cloud);
  return id;
}

test('not before the service ends; then once, with level, dimensions, tags and comment; one 追评', async () => {
  const open = await submitAs(cloud, 'o_enterprise', form);
  const openId = open.ok ? open.data.caseId : '';
  expect(await rate('getForCase', { caseId: openId })).toMatchObject({
    ok: true,
    data: {
      canRate: false,
      rating: null,
      options: { levels: expect.arrayContaining([{ value: 'very_satisfied', label: '非常满意' }]) },
    },
  });
  expect(await rate('submit', { caseId: openId, level: 'satisfied' })).toMatchObject({
    ok: false,
    code: 'RULE_REFUSED',
    fields: { CASE_NOT_ENDED: expect.any(String) },
  });

  const id = await finishedCase();
  expect(await rate('getForCase', { caseId: id })).toMatchObject({
    ok: true,
    data: { canRate: true, canFollowUp: false },
  });
  expect(await rate('submit', { caseId: id, level: 'excellent' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    fields: { level: '请选择评价等级' },
  });
  expect(await rate('submit', { caseId: id, level: 'very_satisfied', tags: ['slow'] })).toMatchObject({
    ok: false,
    fields: { TAG_LEVEL_MISMATCH: expect.any(String) },
  });
  const given = await rate('submit', {
    caseId: id,
    level: 'very_satisfied',
    dimensions: { overall: 'very_satisfied', attitude: 'satisfied' },
    tags: ['one_visit', 'attentive'],
    comment: '陈静很耐心',
  });
  expect(given).toMatchObject({
    ok: true,
    data: {
      canRate: false,
      canFollowUp: true,
      rating: {
        levelLabel: '非常满意',
        tags: ['一次办成', '服务热情周到'],
        comment: '陈静很耐心',
        dimensions: expect.arrayContaining([
          { dimension: 'attitude', label: '服务态度', level: 'satisfied', levelLabel: '满意' },
        ]),
        // the codes beside the words, for the reader's language (issue 20)
        level: 'very_satisfied',
        tagCodes: ['one_visit', 'attentive'],
      },
      badRatings: [],
    },
  });
  expect(await rate('submit', { caseId: id, level: 'satisfied' })).toMatchObject({
    ok: false,
    fields: { ALREADY_RATED: expect.any(String) },
  });
  expect(await rate('followUp', { caseId: id, level: 'satisfied', comment: '证照已领到' })).toMatchObject({
    ok: true,
    data: { canFollowUp: false, rating: { followUp: { levelLabel: '满意', comment: '证照已领到' } } },
  });
  expect(await rate('followUp', { caseId: id, level: 'satisfied' })).toMatchObject({
    ok: false,
    fields: { FOLLOW_UP_ALREADY_GIVEN: expect.any(String) },
  });
});

test('a 差评 needs a reason, and the applicant then sees its handling state', async () => {
  const id = await finishedCase();
  expect(await rate('submit', { caseId: id, level: 'dissatisfied' })).toMatchObject({
    ok: false,
    fields: { BAD_RATING_REASON_REQUIRED: expect.any(String) },
  });
  const bad = await rate('submit', { caseId: id, level: 'dissatisfied', tags: ['many_trips'], comment: '跑了三次' });
  expect(bad).toMatchObject({
    ok: true,
    data: {
      rating: { levelLabel: '不满意' },
      badRatings: [{ followUp: false, status: 'awaiting_call_back', statusLabel: '待回访', history: [] }],
    },
  });
  expect(await rate('getForCase', { caseId: id })).toMatchObject({
    ok: true,
    data: { badRatings: [{ statusLabel: '待回访' }] },
  });
});

const stored = (collection: string, id: string) => cloud.store.get(collection, id)?.doc as any;
const messagesOf = (openid: string, caseId: string) =>
  cloud.store.candidates('messages', {}).docs.filter((m) => m.openid === openid && m.caseId === caseId);

test('a 差评 is one write carrying its handling record, 台账 row and messages; the notify timer makes them real, none lost', async () => {
  cloud.store.apply([
    {
      collection: 'staff',
      id: 'st-leader-center',
      doc: {
        _id: 'st-leader-center',
        openid: 'o_leader_center',
        name: '阿依古丽',
        role: 'leader',
        unitId: 'center',
        unitName: '和硕县政务服务中心',
        onDuty: true,
        active: true,
      } as never,
    },
  ]);
  const id = await finishedCase();
  expect(
    await rate('submit', { caseId: id, level: 'very_dissatisfied', tags: ['many_trips'], comment: '跑了三次' }),
  ).toMatchObject({
    ok: true,
    data: { badRatings: [{ followUp: false, statusLabel: '待回访' }] },
  });
  // answered: the rating stands with everything that must follow it, nothing else written yet
  expect(stored('ratings', id)).toMatchObject({
    level: 'very_dissatisfied',
    source: 'applicant',
    pending: {
      ledger: id,
      inserts: [
        {
          collection: 'badRatings',
          _id: `${id}-0`,
          data: { caseId: id, followUp: false, status: 'awaiting_call_back', version: 1 },
        },
      ],
      outbox: expect.arrayContaining([
        expect.objectContaining({ kind: 'bad_rating_opened', to: { kind: 'unit_leader', unitId: 'center' } }),
      ]),
    },
  });
  expect(stored('badRatings', `${id}-0`)).toBeUndefined();
  expect(stored('ledger', id)).toMatchObject({ rating: null });
  expect(messagesOf('o_leader_center', id)).toEqual([]);

  await deliver(cloud);
  expect(stored('badRatings', `${id}-0`)).toMatchObject({
    caseId: id,
    followUp: false,
    level: 'very_dissatisfied',
    status: 'awaiting_call_back',
    version: 1,
  });
  expect(stored('ledger', id)).toMatchObject({
    rating: { level: 'very_dissatisfied', source: 'applicant' },
    reasons: [{ k: 'bad', v: '多次跑动' }],
    badStates: ['awaiting_call_back'],
    n: { rated: 1, sat: 0, bad: 1 },
  });
  expect(messagesOf('o_leader_center', id)).toHaveLength(1);
  expect(stored('ratings', id).pending).toBeUndefined();
  // settling again changes nothing
  await deliver(cloud);
  expect(messagesOf('o_leader_center', id)).toHaveLength(1);

  // a 追评 差评 before the timer ran: both records follow, the answer shows both at once
  const id2 = await finishedCase();
  await rate('submit', { caseId: id2, level: 'dissatisfied', tags: ['slow'] });
  expect(await rate('followUp', { caseId: id2, level: 'very_dissatisfied', tags: ['no_feedback'] })).toMatchObject({
    ok: true,
    data: { badRatings: [{ followUp: false }, { followUp: true, statusLabel: '待回访' }] },
  });
  expect(stored('ratings', id2).pending.inserts.map((i: { _id: string }) => i._id)).toEqual([`${id2}-0`, `${id2}-1`]);
  await deliver(cloud);
  expect(stored('badRatings', `${id2}-1`)).toMatchObject({ followUp: true, level: 'very_dissatisfied', version: 1 });
  expect(stored('ledger', id2)).toMatchObject({
    rating: { level: 'dissatisfied', followUpLevel: 'very_dissatisfied' },
    badStates: expect.arrayContaining(['awaiting_call_back']),
    n: { bad: 2 },
  });
  expect(messagesOf('o_leader_center', id2)).toHaveLength(2);
  expect(await rate('getForCase', { caseId: id2 })).toMatchObject({
    ok: true,
    data: { canFollowUp: false, badRatings: [{ followUp: false }, { followUp: true }] },
  });
});

test('two taps at once: one rating, one 追评, one record each; at most 4 database round trips each', async () => {
  const id = await finishedCase();
  const both = await Promise.all([
    rate('submit', { caseId: id, level: 'dissatisfied', tags: ['slow'] }),
    rate('submit', { caseId: id, level: 'satisfied' }),
  ]);
  expect(both.filter((r) => r.ok)).toHaveLength(1);
  expect(both.find((r) => !r.ok)).toMatchObject({
    ok: false,
    code: 'RULE_REFUSED',
    fields: { ALREADY_RATED: expect.any(String) },
  });
  const twice = await Promise.all([
    rate('followUp', { caseId: id, level: 'very_dissatisfied', tags: ['no_feedback'] }),
    rate('followUp', { caseId: id, level: 'very_dissatisfied', tags: ['slow'] }),
  ]);
  expect(twice.filter((r) => r.ok)).toHaveLength(1);
  expect(twice.find((r) => !r.ok)).toMatchObject({
    ok: false,
    code: 'RULE_REFUSED',
    fields: { FOLLOW_UP_ALREADY_GIVEN: expect.any(String) },
  });
  await deliver(cloud);
  expect(cloud.store.candidates('badRatings', {}).docs.filter((b) => b.caseId === id)).toHaveLength(
    stored('ratings', id).level === 'dissatisfied' ? 2 : 1,
  );

  const trips = async (action: string, input: object) => {
    const { json, record } = await cloud.host.invoke(
      'ratings',
      { action, input, userInfo: { openId: 'o_enterprise', appId: 'wx_t' } },
      { openid: 'o_enterprise', appid: 'wx_t', source: 'wx_client' },
    );
    expect(JSON.parse(json)).toMatchObject({ ok: true });
    return record.dbRequests;
  };
  const good = await finishedCase();
  const bad = await finishedCase();
  expect(await trips('submit', { caseId: good, level: 'satisfied' })).toBeLessThanOrEqual(4);
  expect(await trips('submit', { caseId: bad, level: 'very_dissatisfied', comment: '等了很久' })).toBeLessThanOrEqual(
    4,
  );
  expect(
    await trips('followUp', { caseId: good, level: 'very_dissatisfied', comment: '后来没人管' }),
  ).toBeLessThanOrEqual(4);
  expect(await trips('getForCase', { caseId: bad })).toBeLessThanOrEqual(4);
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
  expect(await rate('submit', { caseId: id, level: 'satisfied' }, 'o_agent_center')).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await rate('getForCase', { caseId: id })).toMatchObject({ ok: true, data: { canRate: true } });
});
