/**
 * 预约、延时、错时服务 and 上门 through the bookings function: slots for 14 days with their kind and
 * seats left, the core's rules for booking, cancelling and moving, home visits for §三(一) only,
 * staff booking for a caller by phone, the day list and check-in — and 200 people racing for the
 * last seat of an after-hours slot get exactly its capacity; a double tap books once, and a cancel
 * racing a move of the same booking leaves one of them standing.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, deliver, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

type SlotView = { slotId: string; kind: string; kindLabel: string; start: string; capacity: number; remaining: number };
type Day = { date: string; weekday: string; slots: SlotView[] };

async function slots(kind?: string, openid = 'o_citizen_elder'): Promise<Day[]> {
  const r = await call(cloud, 'bookings', { action: 'listSlots', input: kind ? { kind } : {} }, openid);
  if (!r.ok) throw new Error(r.message);
  return r.data.days;
}
const all = (days: Day[]) => days.flatMap((d) => d.slots);
const bk = (action: string, input: object, openid = 'o_citizen_elder') =>
  call(cloud, 'bookings', { action, input }, openid);

test('listSlots: 14 days ahead, each slot labelled 常规/延时/错时 with its seats left; home visits only when asked', async () => {
  const days = await slots();
  expect(days.length).toBeGreaterThan(5);
  const first = new Date(`${days[0].date}T00:00:00+08:00`).getTime();
  const last = new Date(`${days[days.length - 1].date}T00:00:00+08:00`).getTime();
  expect((last - first) / 86_400_000).toBeLessThanOrEqual(14);
  const kinds = new Set(all(days).map((s) => s.kindLabel));
  expect([...kinds].sort()).toEqual(['常规', '延时', '错时'].sort());
  expect(all(days).every((s) => s.remaining === s.capacity)).toBe(true);
  expect(all(await slots('home_visit')).every((s) => s.kindLabel === '上门')).toBe(true);
  expect(await bk('listSlots', { kind: 'midnight' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    fields: { kind: expect.any(String) },
  });
});

test('book, see it in 我的预约 with place and what to bring, move it, cancel it; the seat comes back', async () => {
  const regular = all(await slots('regular'));
  const [a, b] = [regular[regular.length - 1], regular[regular.length - 2]];
  const booked = await bk('book', { slotId: a.slotId, category: 'livelihood' });
  expect(booked).toMatchObject({
    ok: true,
    data: {
      booking: {
        kindLabel: '常规',
        status: 'active',
        place: expect.stringContaining('政务服务中心'),
        bring: expect.arrayContaining(['本人身份证原件']),
        canChange: true,
      },
    },
  });
  const id = booked.ok ? booked.data.booking.bookingId : '';
  expect(await bk('book', { slotId: a.slotId, category: 'livelihood' })).toMatchObject({
    ok: false,
    code: 'RULE_REFUSED',
    fields: { DUPLICATE_BOOKING: '您已预约了这个时段。' },
  });
  expect(all(await slots('regular')).find((s) => s.slotId === a.slotId)?.remaining).toBe(a.capacity - 1);
  expect(await bk('reschedule', { bookingId: id, slotId: a.slotId })).toMatchObject({
    ok: false,
    fields: { SAME_SLOT: expect.any(String) },
  });
  expect(await bk('reschedule', { bookingId: id, slotId: b.slotId })).toMatchObject({
    ok: true,
    data: { booking: { date: b.slotId.slice(0, 10), start: b.start, rescheduleCount: 1 } },
  });
  const after = all(await slots('regular'));
  expect(after.find((s) => s.slotId === a.slotId)?.remaining).toBe(a.capacity);
  expect(after.find((s) => s.slotId === b.slotId)?.remaining).toBe(b.capacity - 1);
  const mine = await bk('listMine', {});
  expect(mine.ok && mine.data.items).toEqual([
    expect.objectContaining({ bookingId: id, status: 'active', start: b.start }),
  ]);
  // someone else cannot touch it, and learns nothing
  expect(await bk('cancel', { bookingId: id }, 'o_citizen_young')).toEqual(
    await bk('cancel', { bookingId: 'bk_missing' }, 'o_citizen_young'),
  );
  expect(await bk('cancel', { bookingId: id }, 'o_citizen_young')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await bk('reschedule', { bookingId: id, slotId: a.slotId }, 'o_citizen_young')).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await bk('cancel', { bookingId: id })).toMatchObject({ ok: true, data: { booking: { status: 'cancelled' } } });
  expect(await bk('cancel', { bookingId: id })).toMatchObject({
    ok: false,
    fields: { BOOKING_NOT_ACTIVE: expect.any(String) },
  });
  expect(all(await slots('regular')).find((s) => s.slotId === b.slotId)?.remaining).toBe(b.capacity);
});

test('bad input and unknown slots are refused in words', async () => {
  expect(await bk('book', { slotId: '2026-01-01@nope@10:00', category: 'livelihood' })).toMatchObject({
    ok: false,
    code: 'RULE_REFUSED',
    fields: { SLOT_NOT_FOUND: '没有这个预约时段。' },
  });
  expect(await bk('book', { slotId: '' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    fields: { slotId: expect.any(String) },
  });
  const s = all(await slots('regular'))[0];
  expect(await bk('book', { slotId: s.slotId })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    fields: { category: '请选择办理事项的类别' },
  });
  expect(await bk('book', { slotId: s.slotId, caseId: 'someone-elses' })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
});

test('上门: only for a 民生保障类 case of one’s own, with an address', async () => {
  const mine = await submitAs(cloud, 'o_citizen_elder', {
    category: 'livelihood',
    applicantType: 'person',
    mode: 'help',
    matter: '办理高龄津贴',
    contactName: '张桂兰',
    contactPhone: '13912345678',
  });
  const firm = await submitAs(cloud, 'o_enterprise', {
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'help',
    matter: '企业设立登记',
    contactName: '王海',
    contactPhone: '13899001122',
  });
  const caseId = mine.ok ? mine.data.caseId : '';
  const home = all(await slots('home_visit'));
  expect(home.length).toBeGreaterThan(0);
  expect(await bk('requestHomeVisit', { slotId: home[0].slotId, caseId, address: '' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    fields: { address: expect.stringContaining('详细地址') },
  });
  expect(
    await bk('requestHomeVisit', {
      slotId: home[0].slotId,
      caseId: firm.ok ? firm.data.caseId : '',
      address: '和硕县特吾里克镇幸福路8号',
    }),
  ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(
    await bk(
      'requestHomeVisit',
      { slotId: home[0].slotId, caseId: firm.ok ? firm.data.caseId : '', address: '和硕县特吾里克镇幸福路8号' },
      'o_enterprise',
    ),
  ).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { HOME_VISIT_LIVELIHOOD_ONLY: expect.any(String) } });
  const regular = all(await slots('regular'))[0];
  expect(
    await bk('requestHomeVisit', { slotId: regular.slotId, caseId, address: '和硕县特吾里克镇幸福路8号' }),
  ).toMatchObject({
    ok: false,
    fields: { NOT_HOME_VISIT_SLOT: expect.any(String) },
  });
  expect(await bk('book', { slotId: home[0].slotId, category: 'livelihood' })).toMatchObject({
    ok: false,
    fields: { USE_HOME_VISIT: expect.any(String) },
  });
  const ok = await bk('requestHomeVisit', { slotId: home[0].slotId, caseId, address: '和硕县特吾里克镇幸福路8号' });
  expect(ok).toMatchObject({
    ok: true,
    data: {
      booking: { kindLabel: '上门', homeAddress: '和硕县特吾里克镇幸福路8号', place: expect.stringContaining('上门') },
    },
  });
  // capacity 1: the next person gets SLOT_FULL
  const other = await submitAs(cloud, 'o_citizen_young', {
    category: 'livelihood',
    applicantType: 'person',
    mode: 'help',
    matter: '办理残疾人补贴',
    contactName: '李明',
    contactPhone: '13912340000',
  });
  expect(
    await bk(
      'requestHomeVisit',
      { slotId: home[0].slotId, caseId: other.ok ? other.data.caseId : '', address: '和硕县乃仁克尔乡1号' },
      'o_citizen_young',
    ),
  ).toMatchObject({ ok: false, fields: { SLOT_FULL: expect.any(String) } });
});

test('staff book for a caller by phone, list the day per window (masked), and check in only after the start', async () => {
  const s = all(await slots('off_peak'))[0];
  const walkIn = { name: '吐尔逊', phone: '13700001111', category: 'livelihood' };
  expect(await bk('bookFor', { slotId: s.slotId, walkIn }, 'o_citizen_elder')).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(
    await bk(
      'bookFor',
      { slotId: s.slotId, walkIn: { phone: '123', name: '', category: 'livelihood' } },
      'o_agent_center',
    ),
  ).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    fields: { 'walkIn.phone': '请填写11位手机号码', 'walkIn.name': expect.any(String) },
  });
  const made = await bk('bookFor', { slotId: s.slotId, walkIn }, 'o_agent_center');
  expect(made).toMatchObject({ ok: true, data: { booking: { status: 'active', kindLabel: '错时' } } });
  const day = await bk('listDay', { date: s.slotId.slice(0, 10) }, 'o_agent_center');
  const row = day.ok && day.data.slots.find((x: { slotId: string }) => x.slotId === s.slotId);
  expect(row.bookings).toEqual([
    expect.objectContaining({ contactName: '吐**', contactPhone: '137****1111', bookedByStaff: true }),
  ]);
  expect(JSON.stringify(day)).not.toContain('13700001111');
  expect(await bk('listDay', { date: s.slotId.slice(0, 10) }, 'o_citizen_elder')).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await bk('listDay', { date: 'tomorrow' }, 'o_agent_center')).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  });
  const id = made.ok ? made.data.booking.bookingId : '';
  expect(await bk('checkIn', { bookingId: id, attended: true }, 'o_agent_center')).toMatchObject({
    ok: false,
    code: 'RULE_REFUSED',
    fields: { ATTENDANCE_TOO_EARLY: expect.any(String) },
  });
  expect(await bk('checkIn', { bookingId: id, attended: true }, 'o_leader_fgw')).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await bk('checkIn', { bookingId: 'bk_missing', attended: true }, 'o_agent_center')).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
});

test('200 people racing for the last seat of an after-hours slot: exactly its capacity is booked', async () => {
  const evening = all(await slots('after_hours'));
  const s = evening[evening.length - 1];
  expect(s.kindLabel).toBe('延时');
  // everyone but the last seat is taken already
  for (let i = 0; i < s.capacity - 1; i++)
    expect(await bk('book', { slotId: s.slotId, category: 'enterprise' }, `o_early_${i}`)).toMatchObject({ ok: true });
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) => bk('book', { slotId: s.slotId, category: 'enterprise' }, `o_rush_${i}`)),
  );
  const won = answers.filter((a) => a.ok);
  expect(won).toHaveLength(1);
  for (const a of answers.filter((x) => !x.ok))
    expect(a).toMatchObject({ ok: false, code: expect.stringMatching(/RULE_REFUSED|CONFLICT/) });
  expect(answers.filter((a) => !a.ok && a.code === 'RULE_REFUSED').length).toBeGreaterThan(150);
  const left = all(await slots('after_hours')).find((x) => x.slotId === s.slotId);
  expect(left?.remaining).toBe(0);
  const day = await bk('listDay', { date: s.slotId.slice(0, 10) }, 'o_center_admin');
  const row = day.ok && day.data.slots.find((x: { slotId: string }) => x.slotId === s.slotId);
  expect(row.bookings.filter((b: { status: string }) => b.status === 'active')).toHaveLength(s.capacity);
});

test('a double tap books one seat; the confirmation comes with the notify timer; cancel racing a move: exactly one happens', async () => {
  const regular = all(await slots('regular'));
  const [a, b] = [regular[regular.length - 3], regular[regular.length - 4]];
  const taps = await Promise.all(
    Array.from({ length: 6 }, () => bk('book', { slotId: a.slotId, category: 'enterprise' }, 'o_double_booker')),
  );
  expect(taps.filter((t) => t.ok)).toHaveLength(1);
  for (const t of taps.filter((x) => !x.ok))
    expect(t).toMatchObject({ ok: false, code: expect.stringMatching(/RULE_REFUSED|CONFLICT/) });
  expect(all(await slots('regular')).find((s) => s.slotId === a.slotId)?.remaining).toBe(a.capacity - 1);
  const won = taps.find((t) => t.ok);
  const id = won?.ok ? won.data.booking.bookingId : '';
  // the answer does not wait for the message: it is stored with the booking and delivered moments later
  const inbox = async () => {
    const r = await call(cloud, 'notify', { action: 'inbox', input: { limit: 50 } }, 'o_double_booker');
    return r.ok ? (r.data.items as { note: string }[]).map((m) => m.note) : [];
  };
  expect(await inbox()).toEqual([]);
  await deliver(cloud);
  expect(await inbox()).toEqual(['预约成功，请按时到政务服务中心']);

  const [cancelled, moved] = await Promise.all([
    bk('cancel', { bookingId: id }, 'o_double_booker'),
    bk('reschedule', { bookingId: id, slotId: b.slotId }, 'o_double_booker'),
  ]);
  const doc = cloud.store.get('bookings', id)!.doc;
  const after = all(await slots('regular'));
  if (cancelled.ok && moved.ok) {
    // the two did not overlap (a slow machine runs them one after the other): only "moved, then
    // cancelled" is a valid order — a cancelled booking cannot be moved — and the result shows it
    expect(doc).toMatchObject({ status: 'cancelled', slotId: b.slotId, seat: `x:${id}` });
    expect(after.find((s) => s.slotId === a.slotId)?.remaining).toBe(a.capacity);
    expect(after.find((s) => s.slotId === b.slotId)?.remaining).toBe(b.capacity);
    return;
  }
  // when they overlap, exactly one of them happens and the other is refused
  expect([cancelled.ok, moved.ok].filter(Boolean)).toHaveLength(1);
  const loser = cancelled.ok ? moved : cancelled;
  expect(loser).toMatchObject({ ok: false, code: expect.stringMatching(/RULE_REFUSED|CONFLICT/) });
  if (cancelled.ok) {
    expect(doc).toMatchObject({ status: 'cancelled', slotId: a.slotId, seat: `x:${id}` });
    expect(after.find((s) => s.slotId === a.slotId)?.remaining).toBe(a.capacity);
  } else {
    expect(doc).toMatchObject({
      status: 'active',
      slotId: b.slotId,
      seat: expect.stringMatching(new RegExp(`^${b.slotId}#\\d+$`)),
    });
    expect(after.find((s) => s.slotId === a.slotId)?.remaining).toBe(a.capacity);
    expect(after.find((s) => s.slotId === b.slotId)?.remaining).toBe(b.capacity - 1);
  }
});
