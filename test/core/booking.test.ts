import {
  book,
  bookableSlots,
  beijingInstant,
  cancelBooking,
  createWorkCalendar,
  DEFAULT_SETTINGS,
  findSlot,
  generateSlots,
  recordAttendance,
  rescheduleBooking,
  type Actor,
  type Booking,
  type BookingSettings,
  type Slot,
} from '../../core';

const cal = createWorkCalendar();
const settings = DEFAULT_SETTINGS.booking;
const at = (date: string, time = '09:00') => beijingInstant(date, time);

const elder: Actor = { id: 'o_elder', role: 'applicant' };
const stranger: Actor = { id: 'o_other', role: 'applicant' };
const agent: Actor = { id: 'st-a', role: 'agent', unitId: 'center' };
const leader: Actor = { id: 'st-lead', role: 'leader', unitId: 'fgw' };

function slot(id: string): Slot {
  const r = findSlot(cal, id);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

let seq = 0;
function booking(over: Partial<Booking> & { slotId: string }): Booking {
  const s = slot(over.slotId);
  return {
    id: `b${++seq}`,
    applicantId: 'o_elder',
    kind: s.kind,
    startsAt: s.startsAt,
    status: 'active',
    category: 'livelihood',
    caseId: null,
    homeAddress: null,
    bookedBy: { id: 'o_elder', role: 'applicant' },
    bookedAt: at('2026-03-01'),
    rescheduleCount: 0,
    cancelledAt: null,
    cancelReason: null,
    ...over,
  };
}

function code(r: { ok: boolean; code?: string }) {
  return r.ok ? 'ALLOWED' : r.code;
}

describe('§二(四) 预约、延时、错时服务: the timetable', () => {
  test('§二(四) a winter working day has regular hours, the lunchtime 错时 desk, 延时 after closing and a home-visit slot (Beijing time)', () => {
    const slots = generateSlots(cal, '2026-03-02');
    const byWindow = (w: string) => slots.filter((s) => s.windowId === w).map((s) => s.start);
    expect(byWindow('am')).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30']);
    expect(byWindow('noon-winter')).toEqual(['14:00', '14:30', '15:00']);
    expect(byWindow('pm-winter')).toEqual(['15:30', '16:00', '16:30', '17:00', '17:30', '18:00', '18:30', '19:00']);
    expect(byWindow('eve-winter')).toEqual(['19:30', '20:00']);
    expect(byWindow('home')).toEqual(['16:30']);
    expect(slots.some((s) => s.windowId.endsWith('summer'))).toBe(false);
    expect(slots[0]).toEqual({
      id: '2026-03-02@am@10:00',
      windowId: 'am',
      kind: 'regular',
      label: '上午',
      date: '2026-03-02',
      start: '10:00',
      end: '10:30',
      startsAt: new Date('2026-03-02T02:00:00Z'),
      endsAt: new Date('2026-03-02T02:30:00Z'),
      capacity: 4,
    });
  });

  test('§二(四) summer afternoons run 16:00–20:00 with 延时 until 21:00; the winter timetable wraps the new year', () => {
    const june = generateSlots(cal, '2026-06-01');
    expect(june.filter((s) => s.kind === 'after_hours').map((s) => s.start)).toEqual(['20:00', '20:30']);
    expect(june.filter((s) => s.windowId === 'noon-summer')).toHaveLength(4);
    expect(generateSlots(cal, '2026-01-05').some((s) => s.windowId === 'pm-winter')).toBe(true);
    expect(generateSlots(cal, '2026-09-30').some((s) => s.windowId === 'pm-summer')).toBe(true);
    expect(generateSlots(cal, '2026-10-09').some((s) => s.windowId === 'pm-winter')).toBe(true);
  });

  test('§二(四) 错时 Saturday sessions open on rest-day Saturdays only; a 调休 Saturday keeps regular hours; holidays are closed', () => {
    expect(generateSlots(cal, '2026-03-07').map((s) => s.id)).toEqual(
      ['11:00', '11:30', '12:00', '12:30', '13:00', '13:30'].map((t) => `2026-03-07@sat@${t}`),
    );
    const makeup = generateSlots(cal, '2026-02-14');
    expect(makeup.some((s) => s.windowId === 'am')).toBe(true);
    expect(makeup.some((s) => s.windowId === 'sat')).toBe(false);
    expect(generateSlots(cal, '2026-02-17')).toEqual([]);
    expect(generateSlots(cal, '2026-03-08')).toEqual([]);
    const xj = createWorkCalendar({
      overrides: [{ date: '2026-05-27', working: false, name: '古尔邦节', regional: true }],
    });
    expect(generateSlots(xj, '2026-05-27')).toEqual([]);
  });

  test('§二(四) the center can add listed service days, e.g. a Sunday before a filing deadline', () => {
    const custom: BookingSettings = {
      ...settings,
      windows: [
        {
          id: 'sun',
          kind: 'off_peak',
          label: '周日专场',
          days: { type: 'dates', dates: ['2026-03-08'] },
          start: '11:00',
          end: '12:00',
          slotMinutes: 60,
          capacity: 5,
        },
      ],
    };
    expect(generateSlots(cal, '2026-03-08', custom).map((s) => s.id)).toEqual(['2026-03-08@sun@11:00']);
    expect(generateSlots(cal, '2026-03-09', custom)).toEqual([]);
  });

  test('a slot id is checked against the timetable; a missing year is signalled, not guessed', () => {
    expect(findSlot(cal, '2026-03-02@am@10:30')).toMatchObject({ ok: true, value: { start: '10:30' } });
    expect(code(findSlot(cal, '2026-03-02@am@10:15'))).toBe('SLOT_NOT_FOUND');
    expect(code(findSlot(cal, '2026-03-08@am@10:00'))).toBe('SLOT_NOT_FOUND');
    expect(code(findSlot(cal, 'nonsense'))).toBe('SLOT_NOT_FOUND');
    expect(code(findSlot(cal, '2027-01-04@am@10:00'))).toBe('CALENDAR_YEAR_MISSING');
  });

  test('bookable slots: from now to the horizon, closed and full slots left out, missing years reported', () => {
    const now = at('2026-03-02', '13:10');
    const full = Array.from({ length: 2 }, () => booking({ slotId: '2026-03-02@noon-winter@14:00', applicantId: 'x' }));
    const { slots, missingYears } = bookableSlots(cal, now, full, settings, 'off_peak');
    expect(slots[0]).toMatchObject({ id: '2026-03-02@noon-winter@14:30', remaining: 2 });
    expect(missingYears).toEqual([]);
    expect(slots.every((s) => s.kind === 'off_peak')).toBe(true);
    const regular = bookableSlots(
      cal,
      now,
      [booking({ slotId: '2026-03-02@am@13:30', applicantId: 'y' })],
      settings,
    ).slots;
    expect(regular[0]).toMatchObject({ id: '2026-03-02@noon-winter@14:00', remaining: 2 });
    const december = bookableSlots(cal, at('2026-12-25'), [], settings);
    expect(december.missingYears).toEqual([2027]);
    expect(december.slots.at(-1)!.date).toBe('2026-12-31');
  });
});

describe('§二(四) booking rules', () => {
  const s1 = () => slot('2026-03-03@am@10:00');
  const now = at('2026-03-02', '09:00');

  test('§二(四) an applicant books an open slot for themself and is told', () => {
    const r = book(elder, { applicantId: 'o_elder', slot: s1(), category: 'livelihood', caseId: 'c1' }, [], now);
    expect(r).toEqual({
      ok: true,
      value: {
        booking: expect.objectContaining({
          applicantId: 'o_elder',
          slotId: '2026-03-03@am@10:00',
          status: 'active',
          caseId: 'c1',
          homeAddress: null,
          bookedBy: { id: 'o_elder', role: 'applicant' },
          rescheduleCount: 0,
        }),
        notices: [
          {
            kind: 'booking_confirmed',
            to: { kind: 'applicant', id: 'o_elder' },
            params: { date: '2026-03-03', time: '10:00' },
          },
        ],
      },
    });
  });

  test('§二(四) staff may book on behalf of an applicant who cannot use the phone; nobody books for someone else', () => {
    expect(code(book(agent, { applicantId: 'o_elder', slot: s1(), category: 'livelihood' }, [], now))).toBe('ALLOWED');
    expect(code(book(stranger, { applicantId: 'o_elder', slot: s1(), category: 'livelihood' }, [], now))).toBe(
      'NOT_OWN',
    );
    expect(code(book(leader, { applicantId: 'o_elder', slot: s1(), category: 'livelihood' }, [], now))).toBe(
      'ROLE_NOT_PERMITTED',
    );
  });

  test('§二(四) no past slots, a cut-off before the start, and a booking horizon', () => {
    const req = { applicantId: 'o_elder', category: 'livelihood' as const };
    expect(code(book(elder, { ...req, slot: s1() }, [], at('2026-03-03', '10:00')))).toBe('SLOT_PAST');
    expect(code(book(elder, { ...req, slot: s1() }, [], at('2026-03-03', '09:31')))).toBe('BOOKING_CLOSED');
    expect(code(book(elder, { ...req, slot: s1() }, [], at('2026-03-03', '09:30')))).toBe('ALLOWED');
    expect(code(book(elder, { ...req, slot: slot('2026-03-16@am@10:00') }, [], now))).toBe('ALLOWED');
    expect(code(book(elder, { ...req, slot: slot('2026-03-17@am@10:00') }, [], now))).toBe('TOO_FAR_AHEAD');
  });

  test('§二(四) one active booking per applicant per slot, the slot’s capacity, and a cap on active bookings', () => {
    const req = { applicantId: 'o_elder', slot: s1(), category: 'livelihood' as const };
    expect(code(book(elder, req, [booking({ slotId: s1().id })], now))).toBe('DUPLICATE_BOOKING');
    expect(code(book(elder, req, [booking({ slotId: s1().id, status: 'cancelled' })], now))).toBe('ALLOWED');
    const others = Array.from({ length: 4 }, (_, i) => booking({ slotId: s1().id, applicantId: `o_${i}` }));
    expect(code(book(elder, req, others, now))).toBe('SLOT_FULL');
    const mine = ['2026-03-04@am@10:00', '2026-03-05@am@10:00', '2026-03-06@am@10:00'].map((slotId) =>
      booking({ slotId }),
    );
    expect(code(book(elder, req, mine, now))).toBe('TOO_MANY_BOOKINGS');
    expect(code(book(elder, req, mine.slice(1), now))).toBe('ALLOWED');
  });

  test('§三(一) home visits (上门) are for livelihood matters only and need an address', () => {
    const home = slot('2026-03-03@home@16:30');
    expect(
      code(
        book(
          elder,
          { applicantId: 'o_elder', slot: home, category: 'enterprise', homeAddress: '和硕县特吾里克镇' },
          [],
          now,
        ),
      ),
    ).toBe('HOME_VISIT_LIVELIHOOD_ONLY');
    expect(
      code(book(elder, { applicantId: 'o_elder', slot: home, category: 'livelihood', homeAddress: ' ' }, [], now)),
    ).toBe('HOME_VISIT_ADDRESS_REQUIRED');
    const r = book(
      agent,
      { applicantId: 'o_elder', slot: home, category: 'livelihood', homeAddress: ' 和硕县特吾里克镇幸福路8号 ' },
      [],
      now,
    );
    expect(r.ok && r.value.booking).toMatchObject({
      kind: 'home_visit',
      homeAddress: '和硕县特吾里克镇幸福路8号',
      bookedBy: { id: 'st-a', role: 'agent' },
    });
  });
});

describe('§二(四) cancelling and rescheduling', () => {
  const b = () => booking({ slotId: '2026-03-03@am@10:00' });

  test('§二(四) the applicant cancels until the cut-off; after it, only staff can, with a reason the applicant hears', () => {
    expect(cancelBooking(elder, b(), at('2026-03-03', '09:30'))).toMatchObject({
      ok: true,
      value: {
        booking: { status: 'cancelled', cancelledAt: at('2026-03-03', '09:30'), cancelReason: null },
        notices: [],
      },
    });
    expect(code(cancelBooking(elder, b(), at('2026-03-03', '09:31')))).toBe('CANCEL_TOO_LATE');
    expect(code(cancelBooking(agent, b(), at('2026-03-03', '09:45')))).toBe('CANCEL_REASON_REQUIRED');
    expect(cancelBooking(agent, b(), at('2026-03-03', '09:45'), ' 窗口系统升级 ')).toMatchObject({
      ok: true,
      value: {
        booking: { status: 'cancelled', cancelReason: '窗口系统升级' },
        notices: [
          { kind: 'booking_cancelled', to: { kind: 'applicant', id: 'o_elder' }, params: { reason: '窗口系统升级' } },
        ],
      },
    });
  });

  test('§二(四) nobody cancels a past, cancelled or someone else’s booking', () => {
    expect(code(cancelBooking(agent, b(), at('2026-03-03', '10:00'), '太晚'))).toBe('SLOT_PAST');
    expect(code(cancelBooking(elder, { ...b(), status: 'cancelled' }, at('2026-03-02')))).toBe('BOOKING_NOT_ACTIVE');
    expect(code(cancelBooking(stranger, b(), at('2026-03-02')))).toBe('NOT_OWN');
  });

  test('§二(四) rescheduling moves the booking to a free slot, within the cut-off and a limit on moves', () => {
    const to = slot('2026-03-04@am@11:00');
    const r = rescheduleBooking(elder, b(), to, [], at('2026-03-02'));
    expect(r).toMatchObject({
      ok: true,
      value: {
        booking: { slotId: '2026-03-04@am@11:00', startsAt: to.startsAt, rescheduleCount: 1, status: 'active' },
        notices: [],
      },
    });
    expect(code(rescheduleBooking(elder, b(), slot('2026-03-03@am@10:00'), [], at('2026-03-02')))).toBe('SAME_SLOT');
    expect(code(rescheduleBooking(elder, { ...b(), rescheduleCount: 2 }, to, [], at('2026-03-02')))).toBe(
      'TOO_MANY_RESCHEDULES',
    );
    expect(code(rescheduleBooking(elder, b(), to, [], at('2026-03-03', '09:45')))).toBe('CANCEL_TOO_LATE');
    const full = Array.from({ length: 4 }, (_, i) => booking({ slotId: to.id, applicantId: `o_${i}` }));
    expect(code(rescheduleBooking(elder, b(), to, full, at('2026-03-02')))).toBe('SLOT_FULL');
    expect(code(rescheduleBooking(elder, b(), to, [booking({ slotId: to.id })], at('2026-03-02')))).toBe(
      'DUPLICATE_BOOKING',
    );
    // moving does not count against the cap on active bookings: the booking itself is not counted twice
    const mine = ['2026-03-05@am@10:00', '2026-03-06@am@10:00'].map((slotId) => booking({ slotId }));
    const own = b();
    expect(code(rescheduleBooking(elder, own, to, [own, ...mine], at('2026-03-02')))).toBe('ALLOWED');
    expect(code(rescheduleBooking(elder, own, slot('2026-03-03@am@10:00'), [own], at('2026-03-02')))).toBe('SAME_SLOT');
  });

  test('§三(一) moving to a home visit needs an address; staff moves are announced to the applicant', () => {
    const home = slot('2026-03-04@home@16:30');
    expect(code(rescheduleBooking(elder, b(), home, [], at('2026-03-02')))).toBe('HOME_VISIT_ADDRESS_REQUIRED');
    const r = rescheduleBooking(agent, b(), home, [], at('2026-03-02'), settings, '和硕县乌什塔拉乡');
    expect(r).toMatchObject({
      ok: true,
      value: {
        booking: { kind: 'home_visit', homeAddress: '和硕县乌什塔拉乡' },
        notices: [{ kind: 'booking_rescheduled', params: { date: '2026-03-04', time: '16:30' } }],
      },
    });
    const back = rescheduleBooking(
      agent,
      { ...b(), kind: 'home_visit', homeAddress: 'x', slotId: home.id, startsAt: home.startsAt },
      slot('2026-03-05@am@10:00'),
      [],
      at('2026-03-02'),
    );
    expect(back.ok && back.value.booking.homeAddress).toBeNull();
  });

  test('§五(六) 台账: staff record attendance once the slot has begun', () => {
    expect(code(recordAttendance(agent, b(), true, at('2026-03-03', '09:59')))).toBe('ATTENDANCE_TOO_EARLY');
    expect(recordAttendance(agent, b(), true, at('2026-03-03', '10:05'))).toMatchObject({
      ok: true,
      value: { status: 'attended' },
    });
    expect(recordAttendance(agent, b(), false, at('2026-03-03', '11:00'))).toMatchObject({
      ok: true,
      value: { status: 'no_show' },
    });
    expect(code(recordAttendance(elder, b(), true, at('2026-03-03', '11:00')))).toBe('ROLE_NOT_PERMITTED');
    expect(code(recordAttendance(agent, { ...b(), status: 'cancelled' }, true, at('2026-03-03', '11:00')))).toBe(
      'BOOKING_NOT_ACTIVE',
    );
  });
});

describe('签到码 (issue 16 item 5)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { arriveWithCode, newCheckInCode } = require('../../core') as typeof import('../../core');
  const desk = { id: 'st-agent-center', role: 'agent' as const, unitId: 'center' };
  const at = (iso: string) => new Date(iso);
  const booking = (over: Record<string, unknown> = {}) =>
    ({
      id: 'b1',
      applicantId: 'o_a',
      slotId: 's',
      kind: 'regular',
      startsAt: at('2026-12-21T08:00:00+08:00'),
      status: 'active',
      category: 'livelihood',
      caseId: null,
      homeAddress: null,
      bookedBy: { id: 'o_a', role: 'applicant' },
      bookedAt: at('2026-12-18T09:00:00+08:00'),
      rescheduleCount: 0,
      cancelledAt: null,
      cancelReason: null,
      checkInCode: '031415',
      ...over,
    }) as never;

  it('codes are six digits, zero-padded', () => {
    expect(newCheckInCode(0)).toBe('000000');
    expect(newCheckInCode(0.031415)).toBe('031415');
    expect(newCheckInCode(0.9999999)).toBe('999999');
  });

  it('marks arrival on the booking’s own Beijing day, early for the slot too; not the day before, not with another code, not twice', () => {
    expect(arriveWithCode(desk, booking(), '031415', at('2026-12-21T07:10:00+08:00'))).toMatchObject({
      ok: true,
      value: { status: 'attended' },
    });
    expect(arriveWithCode(desk, booking(), '031415', at('2026-12-21T23:50:00+08:00'))).toMatchObject({ ok: true });
    expect(arriveWithCode(desk, booking(), '031415', at('2026-12-20T23:59:00+08:00'))).toMatchObject({
      ok: false,
      code: 'CHECK_IN_CODE_INVALID',
    });
    expect(arriveWithCode(desk, booking(), '031416', at('2026-12-21T08:10:00+08:00'))).toMatchObject({
      ok: false,
      code: 'CHECK_IN_CODE_INVALID',
    });
    expect(
      arriveWithCode(desk, booking({ checkInCode: undefined }), '031415', at('2026-12-21T08:10:00+08:00')),
    ).toMatchObject({
      ok: false,
      code: 'CHECK_IN_CODE_INVALID',
    });
    expect(
      arriveWithCode(desk, booking({ status: 'attended' }), '031415', at('2026-12-21T08:10:00+08:00')),
    ).toMatchObject({
      ok: false,
      code: 'BOOKING_NOT_ACTIVE',
    });
    expect(
      arriveWithCode({ id: 'o_a', role: 'applicant' }, booking(), '031415', at('2026-12-21T08:10:00+08:00')),
    ).toMatchObject({
      ok: false,
    });
  });
});
