/**
 * Issue 7's timers beyond case deadlines, through the real functions and the local CloudBase's
 * WeChat inbox: 预约 confirmations and changes go through the outbox, 预约提醒 a day and an hour
 * ahead, 未到场 after the slot, default ratings where the center enabled them — each once, however
 * often or however concurrently the timer runs.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, deliver, seedCase, startAppCloud, withoutYear, centerSettingsDoc } from '../support/app';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const TPL_APPOINTMENT = 'TPL_APPOINTMENT_LOCAL';
const fire = async (time: Date) => {
  const r = (await cloud.triggers.fire('scheduler', { time })) as {
    ok: boolean;
    result: { ok: boolean; data: Record<string, number> };
  };
  expect(r.result).toMatchObject({ ok: true });
  return r.result.data;
};
const inbox = async (openid: string) => {
  const r = await call(cloud, 'notify', { action: 'inbox', input: { limit: 50 } }, openid);
  if (!r.ok) throw new Error(r.message);
  return r.data.items as {
    id: string;
    title: string;
    caseNo: string;
    matter: string;
    status: string;
    note: string;
    time: string;
    page: string;
    push: string;
  }[];
};
/**
 * Notes of someone's inbox, sorted: the order is the inbox's by createdAt, which the local CloudBase
 * cannot sort under jest (dates from its worker threads are another realm's Date to mingo).
 */
const notesOf = async (openid: string) => (await inbox(openid)).map((m) => m.note).sort();
const bk = (action: string, input: object, openid: string) => call(cloud, 'bookings', { action, input }, openid);
async function allow(openid: string, templateId: string, times = 1) {
  for (let i = 0; i < times; i++) {
    cloud.messages.grant(openid, [templateId]);
    expect(
      await call(cloud, 'notify', { action: 'recordGrants', input: { accepted: [templateId] } }, openid),
    ).toMatchObject({
      ok: true,
      data: { recorded: 1 },
    });
  }
}
type SlotView = { slotId: string; start: string; end: string; kind: string };
async function slots(kind: string): Promise<SlotView[]> {
  const r = await call(cloud, 'bookings', { action: 'listSlots', input: { kind } }, 'o_any');
  if (!r.ok) throw new Error(r.message);
  return r.data.days.flatMap((d: { slots: SlotView[] }) => d.slots);
}
const startOf = (slotId: string) => {
  const [date, , start] = slotId.split('@');
  return new Date(`${date}T${start}:00+08:00`);
};

describe('预约 messages go through the outbox', () => {
  test('a booking is confirmed in the inbox and pushed on the 预约提醒 template with valid keywords and no personal data', async () => {
    await allow('o_booker_1', TPL_APPOINTMENT);
    const c = seedCase(cloud, { applicantId: 'o_booker_1', category: 'livelihood' });
    const s = (await slots('regular'))[3];
    const made = await bk('book', { slotId: s.slotId, caseId: c.caseId }, 'o_booker_1');
    expect(made).toMatchObject({ ok: true });
    // the answer comes before the message: the notify timer delivers it moments later
    expect(cloud.messages.inbox({ touser: 'o_booker_1' })).toEqual([]);
    await deliver(cloud);
    const [pushed] = cloud.messages.inbox({ touser: 'o_booker_1' });
    const [date, , start] = s.slotId.split('@');
    const [y, m, d] = date.split('-').map(Number);
    expect(pushed).toMatchObject({
      templateId: TPL_APPOINTMENT,
      templateTitle: '预约提醒',
      page: `pages/book/index?bookingId=${made.ok && made.data.booking.bookingId}`,
    });
    expect(pushed.data).toEqual({
      character_string1: c.caseNo,
      thing2: '正常办公时间·民生保障类事项',
      time3: `${y}年${m}月${d}日 ${start}`,
      thing4: '预约成功，请按时到政务服务中心',
    });
    expect(JSON.stringify(pushed)).not.toMatch(/王海|13899001122/);
    expect(await inbox('o_booker_1')).toEqual([
      expect.objectContaining({ title: '预约提醒', caseNo: c.caseNo, status: '已预约', push: 'sent' }),
    ]);
  });

  test('staff cancelling or moving a booking tell the applicant; the applicant’s own change does not; a phone-only booking has nobody to message', async () => {
    const regular = await slots('regular');
    const [a, b, c2] = [regular[5], regular[6], regular[7]];
    const made = await bk('book', { slotId: a.slotId, category: 'enterprise' }, 'o_booker_2');
    const id = made.ok ? made.data.booking.bookingId : '';
    await deliver(cloud);
    expect(await notesOf('o_booker_2')).toEqual(['预约成功，请按时到政务服务中心']);
    expect(await bk('reschedule', { bookingId: id, slotId: b.slotId }, 'o_booker_2')).toMatchObject({ ok: true });
    await deliver(cloud);
    expect(await inbox('o_booker_2')).toHaveLength(1);
    expect(await bk('staffReschedule', { bookingId: id, slotId: c2.slotId }, 'o_booker_2')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await bk('staffReschedule', { bookingId: id, slotId: c2.slotId }, 'o_agent_center')).toMatchObject({
      ok: true,
      data: { booking: { start: c2.start, rescheduleCount: 2 } },
    });
    await deliver(cloud);
    expect((await inbox('o_booker_2')).find((x) => x.note === '预约时间已调整，请查看新时间')).toMatchObject({
      caseNo: `YY${c2.slotId.split('@')[0].replace(/-/g, '')}-${c2.start.replace(':', '')}`,
      time: expect.stringContaining(c2.start),
    });
    // the message names the booking by its day and time, never its internal id (issue 16)
    expect(JSON.stringify(await inbox('o_booker_2'))).not.toContain(`"caseNo":"${id}"`);
    expect(await bk('staffCancel', { bookingId: id, reason: '' }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { reason: expect.any(String) },
    });
    expect(
      await bk('staffCancel', { bookingId: 'bk_missing', reason: '临时停电闭厅' }, 'o_agent_center'),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await bk('staffCancel', { bookingId: id, reason: '临时停电闭厅' }, 'o_agent_center')).toMatchObject({
      ok: true,
      data: { booking: { status: 'cancelled' } },
    });
    await deliver(cloud);
    expect(await notesOf('o_booker_2')).toEqual(
      ['预约已被工作人员取消，请查看原因', '预约成功，请按时到政务服务中心', '预约时间已调整，请查看新时间'].sort(),
    );
    // the seat came back
    expect((await slots('regular')).find((x) => x.slotId === c2.slotId)).toBeDefined();
    // booked for a caller by phone: the message is recorded nowhere and pushed to no one
    const before = cloud.messages.inbox({}).length;
    expect(
      await bk(
        'bookFor',
        { slotId: a.slotId, walkIn: { phone: '13700002222', name: '吐尔洪', category: 'livelihood' } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: true });
    await deliver(cloud);
    expect(cloud.messages.inbox({}).length).toBe(before);
    expect(await inbox('tel:13700002222')).toEqual([]);
  });
});

describe('预约提醒 and 未到场 by the timer', () => {
  test('a day before, an hour before, each once however often the timer runs; not checked in → 未到场 once, and the applicant sees it', async () => {
    await allow('o_booker_3', TPL_APPOINTMENT, 4);
    const all = await slots('regular');
    // the last day on offer: booked well over a day ahead
    const s = all[all.length - 1];
    const other = all[all.length - 2];
    const made = await bk('book', { slotId: s.slotId, category: 'livelihood' }, 'o_booker_3');
    const id = made.ok ? made.data.booking.bookingId : '';
    const attended = await bk('book', { slotId: other.slotId, category: 'livelihood' }, 'o_booker_4');
    const start = startOf(s.slotId);
    const notes = () => notesOf('o_booker_3');

    await fire(new Date(start.getTime() - 25 * 3600_000));
    expect(await notes()).toEqual(['预约成功，请按时到政务服务中心']);
    const dayBefore = new Date(start.getTime() - 23 * 3600_000);
    // this booking and o_booker_4's, on the same day
    expect(await fire(dayBefore)).toMatchObject({ appointment_day_before: 2 });
    await fire(dayBefore);
    await Promise.all([fire(new Date(dayBefore.getTime() + 60_000)), fire(new Date(dayBefore.getTime() + 60_000))]);
    expect(await notes()).toEqual(['预约成功，请按时到政务服务中心', '明天有预约，请按时到场办理'].sort());
    const hourBefore = new Date(start.getTime() - 30 * 60_000);
    await Promise.all([fire(hourBefore), fire(hourBefore), fire(hourBefore)]);
    expect(await notes()).toEqual(
      ['预约成功，请按时到政务服务中心', '明天有预约，请按时到场办理', '一小时后有预约，请按时到场'].sort(),
    );
    // pushed, each on its own one-time grant, with the slot's time
    const pushes = cloud.messages.inbox({ touser: 'o_booker_3' });
    expect(pushes).toHaveLength(3);
    const [y, m, d] = s.slotId.slice(0, 10).split('-').map(Number);
    expect(pushes.map((p) => p.data.time3)).toEqual(Array(3).fill(`${y}年${m}月${d}日 ${s.start}`));

    // the other booking is checked in on time (as checkIn records it; the real action needs the real clock past the start)
    const otherId = attended.ok ? attended.data.booking.bookingId : '';
    cloud.store.apply([
      {
        collection: 'bookings',
        id: otherId,
        doc: {
          ...(cloud.store.get('bookings', otherId)!.doc as object),
          status: 'attended',
          checkedInAt: new Date(),
        } as never,
      },
    ]);
    const end = new Date(`${s.slotId.slice(0, 10)}T${s.end}:00+08:00`);
    // within the grace: not yet
    await fire(new Date(end.getTime() + 20 * 60_000));
    expect(cloud.store.get('bookings', id)?.doc).toMatchObject({ status: 'active' });
    const late = new Date(end.getTime() + 31 * 60_000);
    await Promise.all([fire(late), fire(late)]);
    await fire(new Date(late.getTime() + 3600_000));
    expect(cloud.store.get('bookings', id)?.doc).toMatchObject({ status: 'no_show', noShowMarkedAt: late });
    expect(cloud.store.get('bookings', otherId)?.doc).toMatchObject({ status: 'attended' });
    expect(await notes()).toEqual(
      [
        '预约成功，请按时到政务服务中心',
        '明天有预约，请按时到场办理',
        '一小时后有预约，请按时到场',
        '您未按预约到场，可重新预约',
      ].sort(),
    );
    expect((await inbox('o_booker_4')).map((x) => x.note)).not.toContain('您未按预约到场，可重新预约');
    const mine = await bk('listMine', {}, 'o_booker_3');
    expect(mine.ok && mine.data.items.find((b: { bookingId: string }) => b.bookingId === id)).toMatchObject({
      status: 'no_show',
      statusLabel: '未到场',
      canChange: false,
    });
  });
});

describe('default ratings (§五(五), off unless the center sets rating.defaultRatingAfterDays)', () => {
  const endedCase = (applicantId: string, endedDaysAgo: number) => {
    const c = seedCase(cloud, { applicantId, category: 'livelihood' });
    const endedAt = new Date(Date.now() - endedDaysAgo * 86_400_000);
    cloud.store.apply([
      {
        collection: 'cases',
        id: c.caseId,
        doc: { ...c.doc, status: 'finished', firstAgentId: 'st-agent-center', endedAt } as never,
      },
    ]);
    return c;
  };
  const setDays = (days: number | null) =>
    cloud.store.apply([
      {
        collection: 'settings',
        id: 'center',
        doc: centerSettingsDoc(days === null ? null : { rating: { defaultRatingAfterDays: days } }),
      },
    ]);
  afterAll(() => setDays(null));

  test('off by default: nothing is rated for the applicant', async () => {
    const c = endedCase('o_rater_0', 40);
    await fire(new Date());
    expect(cloud.store.get('ratings', c.caseId)).toBeUndefined();
  });

  test('after N days an unrated service gets the default (never a 差评), once; the applicant can still 追评 but not rate again', async () => {
    setDays(7);
    const due = endedCase('o_rater_1', 8);
    const notYet = endedCase('o_rater_2', 5);
    const runs = await Promise.all([fire(new Date()), fire(new Date())]);
    expect(runs.reduce((n, r) => n + (r.default_rating ?? 0), 0)).toBe(1);
    expect(cloud.store.get('ratings', due.caseId)?.doc).toMatchObject({
      source: 'default',
      level: 'basically_satisfied',
      raterId: 'system',
    });
    // the 台账 row knows it, and leaves a default out of the satisfaction figures
    expect(cloud.store.get('ledger', due.caseId)?.doc).toMatchObject({
      rating: { source: 'default', level: 'basically_satisfied' },
      n: { rated: 0, sat: 0 },
    });
    expect(cloud.store.get('ratings', notYet.caseId)).toBeUndefined();
    expect(
      await call(
        cloud,
        'ratings',
        { action: 'submit', input: { caseId: due.caseId, level: 'very_satisfied' } },
        'o_rater_1',
      ),
    ).toMatchObject({ ok: false, fields: { ALREADY_RATED: expect.any(String) } });
    const view = await call(cloud, 'ratings', { action: 'getForCase', input: { caseId: due.caseId } }, 'o_rater_1');
    expect(view).toMatchObject({
      ok: true,
      data: { canRate: false, canFollowUp: true, rating: { source: 'default', levelLabel: '基本满意' } },
    });
  });

  test('the applicant rating at the same moment as the timer: exactly one rating stands, and it is consistent with both answers', async () => {
    setDays(7);
    for (let i = 0; i < 5; i++) {
      const c = endedCase(`o_racer_${i}`, 9);
      const [answer] = await Promise.all([
        call(cloud, 'ratings', { action: 'submit', input: { caseId: c.caseId, level: 'satisfied' } }, `o_racer_${i}`),
        fire(new Date()),
      ]);
      const stored = cloud.store.get('ratings', c.caseId)?.doc as unknown as { source: string; level: string };
      if (answer.ok) expect(stored).toMatchObject({ source: 'applicant', level: 'satisfied' });
      else expect([answer.code, stored]).toEqual(['RULE_REFUSED', expect.objectContaining({ source: 'default' })]);
      // and the 台账 row, once the applicant's rating has settled, counts the one that stands
      await deliver(cloud);
      expect(cloud.store.get('ledger', c.caseId)?.doc).toMatchObject({
        rating: { source: stored.source, level: stored.level },
      });
    }
  });
});

test('five timer runs at once over thirty due-soon cases: each reminder exactly once (batches that collide are redone one by one)', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { applyCaseAction, createWorkCalendar } = require('../../core') as typeof import('../../core');
  const at = (s: string) => new Date(`${s}+08:00`);
  const calendar = createWorkCalendar();
  const actor = { id: 'st-agent-fgw', role: 'agent' as const, unitId: 'fgw' };
  const caseNos = new Set<string>();
  for (let i = 0; i < 30; i++) {
    const c = seedCase(cloud, { applicantId: `o_batch_${i}`, category: 'investment', at: at('2026-11-02T09:00:00') });
    let record = c.doc as never;
    for (const [action, when] of [
      [
        {
          type: 'accept',
          mandateConfirmed: true,
          processExplained: true,
          materialsChecked: true,
          applicantSigned: true,
        },
        '2026-11-02T10:00:00',
      ],
      // Mon Nov 2 + 5 working days: due Mon Nov 9; two working days left on Thu Nov 5
      [{ type: 'deliver', window: '发改委窗口', committedWorkingDays: 5 }, '2026-11-02T11:00:00'],
    ] as const) {
      const d = applyCaseAction(record, action as never, { actor, at: at(when), calendar });
      if (!d.ok) throw new Error(d.message);
      record = d.value.case as never;
    }
    cloud.store.apply([
      { collection: 'cases', id: c.caseId, doc: { ...c.doc, ...(record as object), version: 3 } as never },
    ]);
    caseNos.add(c.caseNo);
  }
  const when = at('2026-11-05T09:00:00');
  const runs = await Promise.all(Array.from({ length: 5 }, () => fire(when)));
  expect(runs.reduce((n, r) => n + (r.due_soon ?? 0), 0)).toBe(30);
  await fire(when);
  const mine = (await inbox('o_agent_fgw')).filter((m) => caseNos.has(m.caseNo));
  expect(mine).toHaveLength(30);
  expect(new Set(mine.map((m) => m.caseNo)).size).toBe(30);
  expect(mine.every((m) => m.note === '服务时限即将到期')).toBe(true);
});

test('the timer follows the center’s settings: feedback every 3 working days, "due soon" only on the due day', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { applyCaseAction, createWorkCalendar } = require('../../core') as typeof import('../../core');
  const at = (s: string) => new Date(`${s}+08:00`);
  const actor = { id: 'st-agent-fgw', role: 'agent' as const, unitId: 'fgw' };
  const c = seedCase(cloud, { applicantId: 'o_settings', category: 'investment', at: at('2026-11-16T09:00:00') });
  let record = c.doc as never;
  for (const [action, when] of [
    [
      { type: 'accept', mandateConfirmed: true, processExplained: true, materialsChecked: true, applicantSigned: true },
      '2026-11-16T10:00:00',
    ],
    // Mon Nov 16 + 5 working days: due Mon Nov 23
    [{ type: 'deliver', window: '发改委窗口', committedWorkingDays: 5 }, '2026-11-16T11:00:00'],
  ] as const) {
    const d = applyCaseAction(record, action as never, { actor, at: at(when), calendar: createWorkCalendar() });
    if (!d.ok) throw new Error(d.message);
    record = d.value.case as never;
  }
  cloud.store.apply([
    { collection: 'cases', id: c.caseId, doc: { ...c.doc, ...(record as object), version: 3 } as never },
    {
      collection: 'settings',
      id: 'center',
      doc: centerSettingsDoc({
        lifecycle: { progressReportEveryWorkingDays: 3 },
        calendar: { dueSoonWithinWorkingDays: 0 },
      }),
    },
  ]);
  const seen: Record<string, string[]> = {};
  const known = new Set<string>();
  for (const day of ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23']) {
    await fire(at(`${day}T09:00:00`));
    for (const m of (await inbox('o_agent_fgw')).filter((x) => x.caseNo === c.caseNo && !known.has(x.id))) {
      known.add(m.id);
      (seen[m.note] ??= []).push(day);
    }
  }
  cloud.store.apply([{ collection: 'settings', id: 'center', doc: centerSettingsDoc(null) }]);
  // accepted Mon Nov 16: three working days later is Thu Nov 19 (not Mon Nov 23, the default five);
  // due Mon Nov 23: with 0 days' warning the only "due soon" comes that day (not Thu Nov 19, two days before)
  expect(seen).toEqual({ 请向申请人反馈办理进度: ['2026-11-19'], 服务时限即将到期: ['2026-11-23'] });
});

describe('a year nobody has entered', () => {
  test('the scheduler tells the center once, and the message opens the settings tab where the year is entered', async () => {
    // the product's state in December until the notice is entered: take the seed's stand-in for next year away
    const next = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;
    const restore = withoutYear(cloud, next);
    const horizon = async (days: number) =>
      expect(
        await call(
          cloud,
          'center',
          { action: 'saveSettings', input: { section: 'calendar', value: { warnMissingYearWithinDays: days } } },
          'o_center_admin',
        ),
      ).toMatchObject({ ok: true });
    try {
      const told = async () =>
        (await inbox('o_center_admin')).filter((m) => m.note === '该年节假日安排尚未录入' && m.caseNo === `${next}年`);
      // the center's horizon is the scheduler's: none ahead, no warning about next year
      await horizon(0);
      await fire(new Date());
      await deliver(cloud);
      expect(await told()).toEqual([]);
      // a whole year ahead: next year is within it whatever today is
      await horizon(366);
      await fire(new Date());
      await fire(new Date());
      await deliver(cloud);
      expect((await told()).map((m) => [m.matter, m.status, m.page])).toEqual([
        ['节假日与调休安排', '待录入', 'packages/center/pages/admin/index?tab=settings'],
      ]);
    } finally {
      await horizon(60);
      restore();
    }
  });
});
