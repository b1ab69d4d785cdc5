/**
 * 好差评 handling and the 台账 (issue 8) through the real functions on the local CloudBase: the
 * 差评 loop with its working-day deadlines and the messages each step sends, the appeal, who may
 * do what (refusals that reveal nothing), statistics by database aggregation on a seeded ledger
 * checked against numbers worked out by hand, and the .xlsx export read back with exceljs.
 */
import ExcelJS from 'exceljs';
import {
  addWorkingDays,
  beijingDate,
  workingDaysBetween,
  beijingInstant,
  ledgerRow,
  type WorkCalendar,
  type LedgerCase,
  type Rating,
} from '../../core';
import { CloudBase } from '../../local-cloud/src';
import { call, cloudCalendar, deliver, seedCase, startAppCloud, centerSettingsDoc } from '../support/app';
import { deskSignature, submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
  cal = cloudCalendar(cloud);
  // the seed has no leader for the center's own unit; add one, and an unbound-looking stranger needs nothing
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
});
afterAll(() => cloud.stop());

// the calendar the functions count with (the test seed's stand-in years included)
let cal: WorkCalendar;
const form = {
  category: 'enterprise',
  applicantType: 'enterprise',
  mode: 'help',
  matter: '食品经营许可（联系人13899001122）',
  contactName: '王海',
  contactPhone: '13899001122',
};
// 受理 of a 帮办 case rests on the applicant's signature drawn on the agent's device (signatureFileID)
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
// answers are checked with toMatchObject first; `any` lets a test read on without narrowing each one
const rate = (action: string, input: object, openid = 'o_enterprise'): Promise<any> =>
  call(cloud, 'ratings', { action, input }, openid);
const bad = (action: string, input: object, openid: string): Promise<any> =>
  call(cloud, 'ratings', { action, input }, openid);
// the .xlsx export is a function of its own (ledgerExport), so statistics never load exceljs
const ledger = (action: string, input: object, openid: string): Promise<any> =>
  call(cloud, action === 'export' ? 'ledgerExport' : 'ledger', { action, input }, openid);
const doc = (collection: string, id: string) => cloud.store.get(collection, id)?.doc as any;

async function finishedCase(openid = 'o_enterprise') {
  const r = await submitAs(cloud, openid, form);
  if (!r.ok) throw new Error(r.message);
  const id = r.data.caseId as string;
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

async function badRated(openid = 'o_enterprise') {
  const id = await finishedCase(openid);
  const r = await rate(
    'submit',
    { caseId: id, level: 'dissatisfied', tags: ['many_trips', 'slow'], comment: '跑了三次，电话13899001122' },
    openid,
  );
  if (!r.ok) throw new Error(r.message);
  // its handling record, 台账 row and messages follow within seconds (the notify timer)
  await deliver(cloud);
  return id;
}

const outboxKinds = (caseId: string) =>
  cloud.store
    .candidates('outbox', {})
    .docs.filter((d: any) => d.facts.caseId === caseId)
    .map((d: any) => `${d.kind}→${d.to.kind}:${d.to.id ?? d.to.unitId ?? ''}`);

describe('ratings: who, when, once; never by staff', () => {
  test('the case’s ledger row follows the case and its rating, written by the functions themselves', async () => {
    const id = await finishedCase();
    expect(doc('ledger', id)).toMatchObject({
      outcome: 'finished',
      applicant: '王*',
      unitId: 'center',
      agentName: '陈静',
      limitDays: 5,
      usedDays: 0,
      onTime: true,
      rating: null,
      n: { fin: 1, rated: 0 },
    });
    expect(JSON.stringify(doc('ledger', id))).not.toMatch(/13899001122|王海/);
    expect(await rate('submit', { caseId: id, level: 'satisfied', tags: ['efficient'] })).toMatchObject({ ok: true });
    await deliver(cloud);
    expect(doc('ledger', id)).toMatchObject({
      rating: { level: 'satisfied', source: 'applicant' },
      n: { rated: 1, sat: 1, bad: 0 },
    });
  });

  test('two submits at the same moment: one rating, the other refused as already rated', async () => {
    const id = await finishedCase();
    const both = await Promise.all([
      rate('submit', { caseId: id, level: 'satisfied' }),
      rate('submit', { caseId: id, level: 'very_satisfied' }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { ALREADY_RATED: expect.any(String) },
    });
  });

  test('staff cannot rate, follow up or change a rating: no staff action writes one', async () => {
    const id = await badRated();
    const before = JSON.stringify(doc('ratings', id));
    for (const who of ['o_agent_center', 'o_leader_center', 'o_center_admin']) {
      expect(await rate('submit', { caseId: id, level: 'very_satisfied' }, who)).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
      expect(await rate('followUp', { caseId: id, level: 'very_satisfied' }, who)).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
    }
    const item = (await bad('listBad', { filter: 'open' }, 'o_center_admin')).data.items.find(
      (b: any) => b.id === `${id}-0`,
    );
    await bad(
      'handleBad',
      { id: item.id, version: item.version, action: { type: 'callBack', note: '已回访' } },
      'o_center_admin',
    );
    // handling the 差评 never touches what the applicant said
    expect(JSON.stringify(doc('ratings', id))).toBe(before);
    expect(Object.keys(cloud.store.get('ratings', id)!.doc)).not.toContain('version');
  });

  test('a 追评 that is a 差评 opens its own record for the unit', async () => {
    const id = await finishedCase();
    await rate('submit', { caseId: id, level: 'satisfied' });
    expect(await rate('followUp', { caseId: id, level: 'very_dissatisfied', tags: ['no_feedback'] })).toMatchObject({
      ok: true,
      data: { badRatings: [{ followUp: true, statusLabel: '待回访' }] },
    });
    await deliver(cloud);
    expect(doc('badRatings', `${id}-1`)).toMatchObject({ followUp: true, level: 'very_dissatisfied', version: 1 });
    expect(doc('ledger', id)).toMatchObject({
      rating: { level: 'satisfied', followUpLevel: 'very_dissatisfied' },
      reasons: [{ k: 'bad', v: '未及时反馈进度' }],
      n: { rated: 1, sat: 1, bad: 1 },
    });
  });
});

describe('差评 handling: call-back, rectification, verification, appeal, with deadlines and messages', () => {
  test('the loop: the unit hears of it, calls back (who, when, how, what was said), rectifies; the applicant is told the result; the center verifies', async () => {
    const id = await badRated();
    const today = beijingDate(new Date());
    expect(outboxKinds(id)).toEqual(
      expect.arrayContaining(['bad_rating_opened→unit_leader:center', 'bad_rating_opened→staff:st-agent-center']),
    );

    const list = await bad('listBad', { filter: 'open' }, 'o_agent_center');
    const item = list.data.items.find((b: any) => b.id === `${id}-0`);
    expect(item).toMatchObject({
      raterHidden: false,
      caseId: id,
      levelLabel: '不满意',
      tags: ['多次跑动', '办理时间长'],
      comment: '跑了三次，电话138****1122',
      statusLabel: '待回访',
      dueOn: addWorkingDays(cal, today, 1),
      actions: [{ type: 'callBack' }, { type: 'appeal' }],
    });
    expect(list.data.counts.open).toBeGreaterThan(0);

    // the call took place a moment ago, before it is written down
    const calledAt = new Date().toISOString();
    const called = await bad(
      'handleBad',
      {
        id: item.id,
        version: item.version,
        action: { type: 'callBack', note: '申请人说材料要求没一次讲清', calledAt, channel: 'phone' },
      },
      'o_agent_center',
    );
    expect(called).toMatchObject({
      ok: true,
      data: {
        item: {
          statusLabel: '待整改',
          dueOn: addWorkingDays(cal, today, 15),
          history: [{ label: '回访', by: '帮代办员 陈静', calledAt, text: '电话回访：申请人说材料要求没一次讲清' }],
        },
        notified: [],
      },
    });
    // a stale screen cannot act twice
    expect(
      await bad(
        'handleBad',
        { id: item.id, version: item.version, action: { type: 'callBack', note: '再次' } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
    const v2 = called.data.item.version;
    expect(
      await bad(
        'handleBad',
        { id: item.id, version: v2, action: { type: 'rectify', measures: '制作一次性告知清单', result: ' ' } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { RESULT_REQUIRED: expect.any(String) } });
    const fixed = await bad(
      'handleBad',
      {
        id: item.id,
        version: v2,
        action: { type: 'rectify', measures: '制作一次性告知清单，窗口张贴', result: '已向申请人道歉并一次办结' },
      },
      'o_agent_center',
    );
    expect(fixed).toMatchObject({
      ok: true,
      data: { item: { statusLabel: '待中心核实' }, notified: ['bad_rating_rectified'] },
    });
    expect(outboxKinds(id)).toContain('bad_rating_rectified→applicant:o_enterprise');

    // the applicant reads the outcome on the rating page and in the inbox
    await deliver(cloud);
    const seen = await rate('getForCase', { caseId: id });
    expect(seen.data.badRatings[0]).toMatchObject({
      statusLabel: '待中心核实',
      history: [
        { label: '回访' },
        { label: '整改', note: '整改措施：制作一次性告知清单，窗口张贴；整改结果：已向申请人道歉并一次办结' },
      ],
    });
    expect(JSON.stringify(seen)).not.toMatch(/st-agent|陈静/);
    const inbox: any = await call(cloud, 'notify', { action: 'inbox', input: {} }, 'o_enterprise');
    expect(
      inbox.data.items.find(
        (m: any) => m.page === `pages/case/index?id=${id}` && m.note === '您的差评已整改，请查看结果',
      ),
    ).toMatchObject({ title: '办理进度通知', status: '已办结' });

    // an agent cannot verify his own rectification; the center does
    expect(
      await bad(
        'handleBad',
        { id: item.id, version: fixed.data.item.version, action: { type: 'verify', accepted: true, note: '属实' } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { ROLE_NOT_PERMITTED: expect.any(String) } });
    const closed = await bad(
      'handleBad',
      {
        id: item.id,
        version: fixed.data.item.version,
        action: { type: 'verify', accepted: true, note: '已电话核实，申请人认可' },
      },
      'o_center_admin',
    );
    expect(closed).toMatchObject({
      ok: true,
      data: {
        item: { statusLabel: '已整改办结', actions: [] },
        notified: ['bad_rating_reviewed', 'bad_rating_reviewed'],
      },
    });
    expect(doc('ledger', id)).toMatchObject({
      badStates: ['closed'],
      n: { bad: 1, cb: 1, cbOnTime: 1, rect: 1, rectOnTime: 1 },
    });
  });

  test('late: a call-back after its working day is recorded and counted as not in time; the list warns of overdue', async () => {
    const id = await badRated();
    // the 差评 came in a month ago: past its call-back and appeal windows on any day of the year
    // (two weeks were not enough across 国庆 and a 调休 Saturday: 2026-09-25 → 10-09 is 4 working days)
    const old = new Date(Date.now() - 30 * 86_400_000);
    expect(workingDaysBetween(cal, beijingDate(old), beijingDate(new Date()))).toBeGreaterThan(5);
    const stored = doc('badRatings', `${id}-0`);
    cloud.store.apply([
      {
        collection: 'badRatings',
        id: `${id}-0`,
        doc: { ...stored, openedAt: old, openedOn: beijingDate(old) } as never,
      },
    ]);
    const item = (await bad('listBad', { filter: 'open' }, 'o_agent_center')).data.items.find(
      (b: any) => b.id === `${id}-0`,
    );
    expect(item.warning).toMatchObject({ level: 'overdue' });
    // too late to appeal, too
    expect(
      await bad(
        'handleBad',
        { id: item.id, version: item.version, action: { type: 'appeal', grounds: '不实' } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: false, fields: { APPEAL_TOO_LATE: expect.any(String) } });
    expect(
      await bad(
        'handleBad',
        { id: item.id, version: item.version, action: { type: 'callBack', note: '迟到的回访' } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: true });
    expect(doc('ledger', id).n).toMatchObject({ bad: 1, cb: 1, cbOnTime: 0, rect: 0 });
  });

  test('an untrue 差评: the unit appeals within its working days, the center is told and reviews; upheld, it leaves the statistics', async () => {
    const id = await badRated();
    const item = (await bad('listBad', { filter: 'open' }, 'o_leader_center')).data.items.find(
      (b: any) => b.id === `${id}-0`,
    );
    const appealed = await bad(
      'handleBad',
      {
        id: item.id,
        version: item.version,
        action: { type: 'appeal', grounds: '申请人所述多次跑动系税务事项，不属本中心' },
      },
      'o_leader_center',
    );
    expect(appealed).toMatchObject({
      ok: true,
      data: {
        item: { statusLabel: '申诉复核中', appeal: { grounds: expect.stringContaining('税务') } },
        notified: ['bad_rating_appealed'],
      },
    });
    expect(outboxKinds(id)).toContain('bad_rating_appealed→center:');
    expect(
      await bad(
        'handleBad',
        {
          id: item.id,
          version: appealed.data.item.version,
          action: { type: 'reviewAppeal', upheld: true, note: '自审' },
        },
        'o_leader_center',
      ),
    ).toMatchObject({ ok: false, fields: { ROLE_NOT_PERMITTED: expect.any(String) } });
    const reviewed = await bad(
      'handleBad',
      {
        id: item.id,
        version: appealed.data.item.version,
        action: { type: 'reviewAppeal', upheld: true, note: '经调取记录，申诉成立' },
      },
      'o_center_admin',
    );
    expect(reviewed).toMatchObject({
      ok: true,
      data: { item: { status: 'voided', statusLabel: '申诉成立，不计入差评' } },
    });
    expect(doc('ledger', id)).toMatchObject({ badStates: ['voided'], reasons: [], n: { rated: 0, sat: 0, bad: 0 } });
  });
});

describe('who may: refusals that reveal nothing', () => {
  test('applicants, agents and unbound callers never get the ledger; leaders only their unit', async () => {
    for (const who of ['o_enterprise', 'o_agent_center', 'o_nobody_bound']) {
      for (const a of ['statistics', 'rows', 'export'])
        expect(await ledger(a, { period: 'month' }, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const fgw = await ledger('statistics', { period: 'year', unitId: 'center', by: 'unit' }, 'o_leader_fgw');
    expect(fgw).toMatchObject({ ok: true, data: { unit: { unitId: 'fgw' }, options: { units: [] } } });
    expect(fgw.data.breakdown.every((l: any) => l.key === 'fgw')).toBe(true);
    expect(await ledger('rows', { period: 'year', by: 'unit', dimKey: 'center' }, 'o_leader_fgw')).toMatchObject({
      ok: true,
      data: { items: [], total: 0 },
    });
    expect(await ledger('statistics', { period: 'month', key: '2026-13' }, 'o_center_admin')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { key: expect.any(String) },
    });
  });

  test('差评 of another unit or another agent answer NOT_FOUND, like a missing one; applicants and unbound callers are refused', async () => {
    const id = await badRated();
    const item = (await bad('listBad', { filter: 'open' }, 'o_center_admin')).data.items.find(
      (b: any) => b.id === `${id}-0`,
    );
    const step = { id: item.id, version: item.version, action: { type: 'rectify', measures: '整改', result: '已改' } };
    const missing = { ...step, id: 'no-such-case-0' };
    for (const who of ['o_agent_fgw', 'o_leader_fgw', 'o_agent_center_2']) {
      const theirs = await bad('handleBad', step, who);
      expect(theirs).toEqual(await bad('handleBad', missing, who));
      expect(theirs).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect((await bad('listBad', { filter: 'all' }, who)).data.items.map((b: any) => b.id)).not.toContain(item.id);
    }
    expect(await bad('handleBad', step, 'o_enterprise')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await bad('listBad', {}, 'o_nobody_bound')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await bad('handleBad', { ...step, id: '../x' }, 'o_center_admin')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });

  test('with the rater hidden (center setting), the unit sees what was said but not whose case; the center calls back', async () => {
    const id = await badRated();
    cloud.store.apply([
      { collection: 'settings', id: 'center', doc: centerSettingsDoc({ rating: { hideRaterFromStaff: true } }) },
    ]);
    try {
      const item = (await bad('listBad', { filter: 'open' }, 'o_agent_center')).data.items.find(
        (b: any) => b.id === `${id}-0`,
      );
      expect(item).toMatchObject({
        raterHidden: true,
        caseId: null,
        caseNo: null,
        matter: null,
        tags: ['多次跑动', '办理时间长'],
        actions: [{ type: 'appeal' }],
      });
      expect(
        await bad(
          'handleBad',
          { id: item.id, version: item.version, action: { type: 'callBack', note: '回访' } },
          'o_agent_center',
        ),
      ).toMatchObject({ ok: false, fields: { RATER_HIDDEN: expect.any(String) } });
      const rows = await ledger('rows', { period: 'month', measure: 'bad' }, 'o_leader_center');
      expect(rows.data.items.find((r: any) => r.caseId === id)).toMatchObject({
        ratingLabel: '已评价（处理结束后可见）',
        badLabel: '有差评',
      });
      const centerRows = await ledger('rows', { period: 'month', measure: 'bad' }, 'o_center_admin');
      expect(centerRows.data.items.find((r: any) => r.caseId === id)).toMatchObject({
        ratingLabel: '不满意',
        badLabel: '待回访',
      });
      const centerItem = (await bad('listBad', { filter: 'open' }, 'o_center_admin')).data.items.find(
        (b: any) => b.id === `${id}-0`,
      );
      expect(centerItem).toMatchObject({
        raterHidden: false,
        caseId: id,
        actions: expect.arrayContaining([{ type: 'callBack', label: '回访' }]),
      });
      expect(
        await bad(
          'handleBad',
          { id: item.id, version: item.version, action: { type: 'callBack', note: '中心回访' } },
          'o_center_admin',
        ),
      ).toMatchObject({ ok: true });
    } finally {
      cloud.store.apply([{ collection: 'settings', id: 'center', doc: centerSettingsDoc(null) }]);
    }
  });
});

describe('rebuilding rows for cases stored before the ledger existed', () => {
  test('the center administrator rebuilds page by page; a rebuilt row equals the one the functions keep', async () => {
    const id = await badRated();
    const kept = doc('ledger', id);
    const old = seedCase(cloud, { applicantId: 'o_old_case' });
    expect(doc('ledger', old.caseId)).toBeUndefined();
    cloud.store.apply([{ collection: 'ledger', id, doc: null as never }]);
    expect(await ledger('rebuild', {}, 'o_leader_fgw')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const first = await ledger('rebuild', { limit: 1 }, 'o_center_admin');
    expect(first).toMatchObject({ ok: true, data: { processed: 1, next: expect.any(String) } });
    let next: string | null = first.data.next;
    while (next) next = (await ledger('rebuild', { after: next, limit: 50 }, 'o_center_admin')).data.next;
    const { updatedAt: _a, ...rebuilt } = doc('ledger', id);
    const { updatedAt: _b, ...before } = kept;
    expect(rebuilt).toEqual(before);
    expect(doc('ledger', old.caseId)).toMatchObject({ caseNo: old.caseNo, outcome: 'open', applicant: '王*' });
  });
});

// ─── statistics on a seeded ledger (June 2025), figures worked out by hand ─────────────────────────

const at = (d: string, t = '11:00') => beijingInstant(d, t);
const base = (over: Partial<LedgerCase>): LedgerCase => ({
  _id: 'x',
  caseNo: 'x',
  category: 'enterprise',
  mode: 'help',
  matter: '测试事项',
  contactName: '王海',
  unitId: 'center',
  unitName: '和硕县政务服务中心',
  agentId: 'st-agent-center',
  agentName: '陈静',
  firstAgentId: 'st-agent-center',
  status: 'finished',
  submittedAt: at('2025-06-09'),
  endedAt: null,
  clock: null,
  tasks: [],
  refusalReasons: [],
  termination: null,
  result: null,
  timeline: [],
  ...over,
});
/** the 受理 step of a case's timeline, on a Beijing day */
const accepted = (on: string) => [{ action: 'accept', at: at(on) }];
const clock = (on: string, limit: number) => ({
  receivedOn: on,
  receivedAt: at(on),
  limitWorkingDays: limit,
  extraWorkingDays: 0,
  pauses: [],
});
const rating = (level: Rating['level'], tags: Rating['tags'] = []): Rating => ({
  caseId: 'x',
  raterId: 'o',
  source: 'applicant',
  level,
  dimensions: {},
  tags,
  comment: null,
  at: at('2025-06-30'),
  followUp: null,
});
const fgw = {
  unitId: 'fgw',
  unitName: '和硕县发展和改革委员会',
  agentId: 'st-agent-fgw',
  agentName: '马建军',
  firstAgentId: 'st-agent-fgw',
  category: 'investment' as const,
};

function seedLedger() {
  const closedBad = {
    caseId: 'L-B',
    followUp: false,
    level: 'dissatisfied' as const,
    openedAt: at('2025-06-18'),
    openedOn: '2025-06-18',
    status: 'closed' as const,
    owners: { agentIds: ['st-agent-center'], unitIds: ['center'] },
    appeal: null,
    history: [
      {
        action: 'callBack' as const,
        from: 'awaiting_call_back' as const,
        to: 'awaiting_rectification' as const,
        by: { id: 'st-agent-center', role: 'agent' as const },
        at: at('2025-06-19'),
        note: '回访',
      },
      {
        action: 'rectify' as const,
        from: 'awaiting_rectification' as const,
        to: 'awaiting_verification' as const,
        by: { id: 'st-agent-center', role: 'agent' as const },
        at: at('2025-06-25'),
        note: '整改',
        data: { result: '已改' },
      },
      {
        action: 'verify' as const,
        from: 'awaiting_verification' as const,
        to: 'closed' as const,
        by: { id: 'st-center-admin', role: 'center' as const },
        at: at('2025-06-26'),
        note: '属实',
        data: { accepted: true },
      },
    ],
  };
  const rows = [
    // A: enterprise, 9 June → 13 June, 5 days allowed, 4 used
    ledgerRow(
      base({
        _id: 'L-A',
        caseNo: 'BB20250609-0001',
        timeline: accepted('2025-06-09'),
        clock: clock('2025-06-09', 5),
        endedAt: at('2025-06-13', '17:00'),
        result: { outcome: 'approved' },
      }),
      rating('very_satisfied'),
      [],
      cal,
    ),
    // B: enterprise, 9 June → 17 June, 3 allowed, 6 used (10–13, 16, 17): late; a 差评 called back and rectified in time
    ledgerRow(
      base({
        _id: 'L-B',
        caseNo: 'BB20250609-0002',
        timeline: accepted('2025-06-09'),
        clock: clock('2025-06-09', 3),
        endedAt: at('2025-06-17', '17:00'),
        result: { outcome: 'approved' },
      }),
      rating('dissatisfied', ['slow']),
      [closedBad],
      cal,
    ),
    // C: livelihood, refused the day it came in (never accepted: not 受理)
    ledgerRow(
      base({
        _id: 'L-C',
        caseNo: 'BB20250605-0001',
        category: 'livelihood',
        status: 'refused',
        submittedAt: at('2025-06-05'),
        endedAt: at('2025-06-05', '16:00'),
        refusalReasons: [{ message: '不属于帮办代办范围' }],
      }),
      null,
      [],
      cal,
    ),
    // D: livelihood, came in and accepted in May, terminated in June, rated 满意
    ledgerRow(
      base({
        _id: 'L-D',
        caseNo: 'BB20250528-0001',
        category: 'livelihood',
        status: 'terminated',
        submittedAt: at('2025-05-28'),
        timeline: accepted('2025-05-29'),
        endedAt: at('2025-06-03'),
        termination: { ground: 'cannot_finish', reason: '条件不具备' },
      }),
      rating('satisfied'),
      [],
      cal,
    ),
    // E: investment (发改委), open
    ledgerRow(
      base({
        ...fgw,
        _id: 'L-E',
        caseNo: 'BB20250610-0001',
        status: 'handling',
        submittedAt: at('2025-06-10'),
        timeline: accepted('2025-06-10'),
        clock: clock('2025-06-10', 20),
      }),
      null,
      [],
      cal,
    ),
    // F: investment, accepted 12 June, 16 June → 30 June, 10 allowed, 10 used: on time; 基本满意
    ledgerRow(
      base({
        ...fgw,
        _id: 'L-F',
        caseNo: 'BB20250611-0001',
        submittedAt: at('2025-06-11'),
        timeline: accepted('2025-06-12'),
        clock: clock('2025-06-16', 10),
        endedAt: at('2025-06-30', '17:00'),
        result: { outcome: 'approved' },
        tasks: [{ departmentId: 'center' }],
      }),
      rating('basically_satisfied'),
      [],
      cal,
    ),
    // G: July, outside June
    ledgerRow(
      base({
        ...fgw,
        _id: 'L-G',
        caseNo: 'BB20250701-0001',
        category: 'major',
        status: 'applied',
        submittedAt: at('2025-07-01'),
      }),
      null,
      [],
      cal,
    ),
    // H: investment, came in in June, still waiting to be accepted (not 受理)
    ledgerRow(
      base({ ...fgw, _id: 'L-H', caseNo: 'BB20250620-0001', status: 'applied', submittedAt: at('2025-06-20') }),
      null,
      [],
      cal,
    ),
  ];
  cloud.store.apply(rows.map((r) => ({ collection: 'ledger', id: r._id, doc: r as never })));
}

describe('§五(六) statistics by aggregation, against hand-computed figures', () => {
  beforeAll(seedLedger);

  test('June 2025 by category and in total (center)', async () => {
    const r = await ledger('statistics', { period: 'month', key: '2025-06', by: 'category' }, 'o_center_admin');
    expect(r.ok).toBe(true);
    const by = Object.fromEntries(r.data.breakdown.map((l: any) => [l.key, l]));
    expect(by.enterprise).toMatchObject({
      label: '企业开办与变更',
      received: 2,
      finished: 2,
      onTimeRate: 0.5,
      averageWorkingDays: 5,
      rated: 2,
      satisfactionRate: 0.5,
      bad: 1,
      callBackRate: 1,
      rectificationRate: 1,
    });
    // 受理件数 counts what was accepted: the refused C and the waiting H came in in June but were never 受理
    expect(by.livelihood).toMatchObject({
      received: 0,
      refused: 1,
      terminated: 1,
      rated: 1,
      satisfactionRate: 1,
      onTimeRate: null,
    });
    expect(by.investment).toMatchObject({ received: 2, finished: 1, onTimeRate: 1, averageWorkingDays: 10 });
    expect(by.major).toBeUndefined();
    // accepted A B E F; ended A B F finished, C refused, D terminated; on time A F of A B F; (4+6+10)/3 days; 3 of 4 ratings satisfied
    expect(r.data.total).toMatchObject({
      received: 4,
      finished: 3,
      terminated: 1,
      refused: 1,
      onTimeRate: 0.6667,
      averageWorkingDays: 6.7,
      rated: 4,
      satisfied: 3,
      satisfactionRate: 0.75,
      bad: 1,
      calledBack: 1,
      callBackRate: 1,
      callBackOnTimeRate: 1,
      rectificationRate: 1,
      rectificationOnTimeRate: 1,
    });
    expect(r.data.reasons).toEqual({
      refusal: [{ reason: '不属于帮办代办范围', count: 1 }],
      termination: [{ reason: '业务本身不具备办结条件', count: 1 }],
      bad: [{ reason: '办理时间长', count: 1 }],
    });
    // the trend: 12 months to June, May accepted D only
    expect(r.data.series).toHaveLength(12);
    expect(r.data.series.slice(-2).map((l: any) => [l.label, l.received, l.finished])).toEqual([
      ['2025年5月', 1, 0],
      ['2025年6月', 4, 3],
    ]);
  });

  test('by unit, by agent, by quarter; a leader sees his unit only', async () => {
    const units = await ledger('statistics', { period: 'month', key: '2025-06', by: 'unit' }, 'o_center_admin');
    expect(units.data.breakdown.map((l: any) => [l.label, l.received, l.finished])).toEqual([
      ['和硕县政务服务中心', 2, 2],
      ['和硕县发展和改革委员会', 2, 1],
    ]);
    const agents = await ledger(
      'statistics',
      { period: 'month', key: '2025-06', by: 'agent', unitId: 'fgw' },
      'o_center_admin',
    );
    expect(agents.data.breakdown.map((l: any) => [l.label, l.received, l.finished, l.satisfactionRate])).toEqual([
      ['马建军', 2, 1, 1],
    ]);
    const quarter = await ledger('statistics', { period: 'quarter', key: '2025-Q2', by: 'period' }, 'o_center_admin');
    expect(quarter.data.total).toMatchObject({ received: 5, finished: 3, terminated: 1, refused: 1 });
    expect(quarter.data.series).toHaveLength(8);
    const week = await ledger('statistics', { period: 'week', key: '2025-W24', by: 'category' }, 'o_center_admin');
    // week 24 is 9–15 June: accepted A B E F, ended A
    expect(week.data.total).toMatchObject({ received: 4, finished: 1 });
    const leader = await ledger('statistics', { period: 'month', key: '2025-06', by: 'category' }, 'o_leader_fgw');
    expect(leader.data.total).toMatchObject({ received: 2, finished: 1, onTimeRate: 1, satisfactionRate: 1, bad: 0 });
    expect(leader.data.reasons).toEqual({ refusal: [], termination: [], bad: [] });
  });

  test('drill-down lists the cases behind a figure', async () => {
    const fin = await ledger(
      'rows',
      { period: 'month', key: '2025-06', measure: 'finished', by: 'unit', dimKey: 'center' },
      'o_center_admin',
    );
    expect(fin.data.items.map((i: any) => i.caseNo).sort()).toEqual(['BB20250609-0001', 'BB20250609-0002']);
    expect(fin.data.items.find((i: any) => i.caseNo === 'BB20250609-0002')).toMatchObject({
      applicant: '王*',
      usedDays: 6,
      limitDays: 3,
      onTimeLabel: '超时',
      ratingLabel: '不满意',
      badLabel: '已整改办结',
    });
    const late = await ledger('rows', { period: 'month', key: '2025-06', measure: 'late' }, 'o_center_admin');
    expect(late.data.items.map((i: any) => i.caseNo)).toEqual(['BB20250609-0002']);
    const may = await ledger(
      'rows',
      { period: 'month', key: '2025-06', measure: 'received', by: 'period', dimKey: '2025-05' },
      'o_center_admin',
    );
    expect(may.data).toMatchObject({ total: 1, label: '2025年5月', items: [{ caseNo: 'BB20250528-0001' }] });
    // the cases behind June's 受理件数: accepted ones only
    const june = await ledger('rows', { period: 'month', key: '2025-06', measure: 'received' }, 'o_center_admin');
    expect(june.data.items.map((i: any) => i.caseNo).sort()).toEqual([
      'BB20250609-0001',
      'BB20250609-0002',
      'BB20250610-0001',
      'BB20250611-0001',
    ]);
    const f = await ledger(
      'rows',
      { period: 'month', key: '2025-06', measure: 'finished', by: 'agent', dimKey: 'st-agent-fgw' },
      'o_leader_fgw',
    );
    expect(f.data.items).toMatchObject([{ caseNo: 'BB20250611-0001', departments: ['和硕县政务服务中心'] }]);
  });

  test('export: an .xlsx in cloud storage behind a temporary URL, read back with exceljs, figures as above, personal data masked', async () => {
    const r = await ledger('export', { period: 'month', key: '2025-06' }, 'o_center_admin');
    expect(r).toMatchObject({
      ok: true,
      data: {
        rows: 7,
        fileName: '帮办代办台账-全县-2025-06.xlsx',
        fileID: expect.stringMatching(/^cloud:\/\/.+\/exports\/ledger\/all\/2025-06-.+\.xlsx$/),
      },
    });
    const res = await fetch(r.data.url);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['统计汇总', '台账明细', '常见问题']);
    const values = (ws: ExcelJS.Worksheet) =>
      ws
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    const summary = values(wb.getWorksheet('统计汇总')!);
    expect(String(summary[0][0])).toContain('和硕县帮办代办工作台账（全县，2025年6月：2025-06-01至2025-06-30）');
    const header = summary.findIndex((row) => row[0] === '统计项');
    expect(summary[header]).toEqual([
      '统计项',
      '受理件数',
      '办结件数',
      '终止件数',
      '不予受理件数',
      '按时办结率',
      '平均办理用时（工作日）',
      '评价件数',
      '满意率',
      '差评件数',
      '差评回访率',
      '差评整改率',
    ]);
    const totals = summary.filter((row) => row[0] === '合计');
    expect(totals[0]).toEqual(['合计', 4, 3, 1, 1, '66.7%', 6.7, 4, '75.0%', 1, '100.0%', '100.0%']);
    expect(summary.find((row) => row[0] === '马建军')).toEqual([
      '马建军',
      2,
      1,
      0,
      0,
      '100.0%',
      10,
      1,
      '100.0%',
      0,
      '—',
      '—',
    ]);
    const detail = values(wb.getWorksheet('台账明细')!);
    expect(detail[0].slice(0, 3)).toEqual(['序号', '案件编号', '申请日期']);
    expect(detail.slice(1).map((row) => row[1])).toEqual([
      'BB20250528-0001',
      'BB20250605-0001',
      'BB20250609-0001',
      'BB20250609-0002',
      'BB20250610-0001',
      'BB20250611-0001',
      'BB20250620-0001',
    ]);
    expect(detail.slice(1).every((row) => row[6] === '王*')).toBe(true);
    const b = detail.find((row) => row[1] === 'BB20250609-0002')!;
    expect([b[12], b[13], b[14], b[19], b[20]]).toEqual([3, 6, '否', '不满意', '已整改办结']);
    const problems = values(wb.getWorksheet('常见问题')!);
    expect(problems).toEqual([
      ['类型', '原因', '件数'],
      ['不予受理原因', '不属于帮办代办范围', 1],
      ['终止原因', '业务本身不具备办结条件', 1],
      ['差评原因', '办理时间长', 1],
    ]);
    expect(JSON.stringify(summary) + JSON.stringify(detail)).not.toMatch(/王海|1389900/);

    const leader = await ledger('export', { period: 'month', key: '2025-06' }, 'o_leader_fgw');
    expect(leader).toMatchObject({
      ok: true,
      data: { rows: 3, fileName: '帮办代办台账-和硕县发展和改革委员会-2025-06.xlsx' },
    });
  });
});

describe('§五(六) the 台账 reads current figures (issue 16)', () => {
  test('cases accepted a moment ago count at once, before the notify timer settles them; unaccepted submissions never count as 受理', async () => {
    const leader = () => ledger('statistics', { period: 'month', by: 'category' }, 'o_leader_center');
    const before = await leader();
    expect(before.ok).toBe(true);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await submitAs(cloud, 'o_ledger_now', form);
      if (!r.ok) throw new Error(r.message);
      ids.push(r.data.caseId);
    }
    // two are accepted, one still waits; the notify timer has not run since
    for (const id of ids.slice(0, 2))
      expect(
        await act(id, 1, {
          type: 'accept',
          mandateConfirmed: true,
          processExplained: true,
          materialsChecked: true,
          applicantSigned: true,
        } as never),
      ).toMatchObject({ ok: true });
    expect(ids.every((id) => doc('cases', id).pending)).toBe(true);
    const after = await leader();
    expect(after.data.total.received - before.data.total.received).toBe(2);
    const rows = await ledger('rows', { period: 'month', measure: 'received', limit: 50 }, 'o_leader_center');
    const listed = rows.data.items.map((i: any) => i.caseId);
    expect(ids.slice(0, 2).every((id) => listed.includes(id))).toBe(true);
    expect(listed).not.toContain(ids[2]);
    // reading wrote the rows only: the messages still wait for the timer, which settles the rest as before
    expect(ids.every((id) => doc('cases', id).pending)).toBe(true);
    await deliver(cloud);
    expect(ids.some((id) => doc('cases', id).pending)).toBe(false);
    expect((await leader()).data.total.received - before.data.total.received).toBe(2);
  });
});
