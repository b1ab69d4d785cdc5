import {
  appointmentReminderDue,
  badRatingReminder,
  createWorkCalendar,
  DEFAULT_SETTINGS,
  noShowDue,
  openBadRating,
  type BadRatingCase,
  type ReminderBooking,
} from '../../core';

const at = (s: string) => new Date(`${s}+08:00`);
const booking = (over: Partial<ReminderBooking> = {}): ReminderBooking => ({
  id: 'bk1',
  status: 'active',
  startsAt: at('2026-12-02T10:00:00'),
  confirmedAt: at('2026-11-28T09:00:00'),
  ...over,
});

describe('§二(四) 预约提醒: a day before, then an hour before', () => {
  test('nothing before the day-before mark; the day-before reminder until the hour mark; then the hour reminder', () => {
    expect(appointmentReminderDue(booking(), at('2026-12-01T09:59:00'))).toBeNull();
    expect(appointmentReminderDue(booking(), at('2026-12-01T10:00:00'))).toEqual({
      kind: 'appointment_day_before',
      key: 'appt:bk1:appointment_day_before:2026-12-02T02:00:00.000Z',
    });
    expect(appointmentReminderDue(booking(), at('2026-12-02T08:59:00'))?.kind).toBe('appointment_day_before');
    expect(appointmentReminderDue(booking(), at('2026-12-02T09:00:00'))).toEqual({
      kind: 'appointment_hour_before',
      key: 'appt:bk1:appointment_hour_before:2026-12-02T02:00:00.000Z',
    });
    expect(appointmentReminderDue(booking(), at('2026-12-02T10:00:00'))).toBeNull();
  });

  test('no reminder that repeats a fresh confirmation; cancelled or ended bookings get none', () => {
    // booked this morning for 10:00 today: no "tomorrow" message, but the hour reminder
    const sameDay = booking({ confirmedAt: at('2026-12-02T07:00:00') });
    expect(appointmentReminderDue(sameDay, at('2026-12-02T07:10:00'))).toBeNull();
    expect(appointmentReminderDue(sameDay, at('2026-12-02T09:10:00'))?.kind).toBe('appointment_hour_before');
    expect(
      appointmentReminderDue(booking({ confirmedAt: at('2026-12-02T09:40:00') }), at('2026-12-02T09:50:00')),
    ).toBeNull();
    for (const status of ['cancelled', 'attended', 'no_show'] as const)
      expect(appointmentReminderDue(booking({ status }), at('2026-12-02T09:30:00'))).toBeNull();
  });

  test('a moved booking is reminded of its new time (the key carries the start)', () => {
    const a = appointmentReminderDue(booking(), at('2026-12-01T12:00:00'));
    const b = appointmentReminderDue(booking({ startsAt: at('2026-12-02T11:00:00') }), at('2026-12-01T12:00:00'));
    expect(a?.key).not.toBe(b?.key);
  });

  test('the marks are settings', () => {
    const settings = { ...DEFAULT_SETTINGS.booking, remindDayBeforeMinutes: 48 * 60, remindHourBeforeMinutes: 120 };
    expect(appointmentReminderDue(booking(), at('2026-11-30T10:00:00'), settings)?.kind).toBe('appointment_day_before');
    expect(appointmentReminderDue(booking(), at('2026-12-02T08:00:00'), settings)?.kind).toBe(
      'appointment_hour_before',
    );
  });
});

describe('§五(六) 台账: 未到场 after the slot and a grace', () => {
  const endsAt = at('2026-12-02T10:30:00');
  test('an active booking not checked in 30 minutes after its slot ended is a no-show; others never', () => {
    expect(noShowDue({ status: 'active', endsAt }, at('2026-12-02T10:59:00'))).toBe(false);
    expect(noShowDue({ status: 'active', endsAt }, at('2026-12-02T11:00:00'))).toBe(true);
    for (const status of ['cancelled', 'attended', 'no_show'] as const)
      expect(noShowDue({ status, endsAt }, at('2026-12-03T11:00:00'))).toBe(false);
    expect(
      noShowDue({ status: 'active', endsAt }, at('2026-12-02T10:30:00'), {
        ...DEFAULT_SETTINGS.booking,
        noShowGraceMinutes: 0,
      }),
    ).toBe(true);
  });
});

describe('§五(五) 差评 deadlines: leader warned, center told when overdue', () => {
  const cal = createWorkCalendar();
  // a 差评 on Wed Sep 23 2026: call back within 1 working day (Thu Sep 24); 中秋 Fri Sep 25 and National Day follow
  const rec: BadRatingCase = openBadRating(
    {
      caseId: 'c1',
      applicantId: 'o1',
      status: 'finished',
      endedAt: at('2026-09-20T10:00:00'),
      agentIds: ['st-a', null],
      unitId: 'fgw',
    },
    'dissatisfied',
    false,
    at('2026-09-23T10:00:00'),
  );
  test('call-back: due soon to the leader, overdue to the leader and the center, with keys per level and due day', () => {
    expect(badRatingReminder(cal, rec, at('2026-09-23T12:00:00'))).toEqual({
      kind: 'bad_rating_call_back_due_soon',
      to: [{ kind: 'unit_leader', unitId: 'fgw' }],
      key: 'bad:c1:0:awaiting_call_back:due_soon:2026-09-24',
    });
    expect(badRatingReminder(cal, rec, at('2026-09-28T09:00:00'))).toEqual({
      kind: 'bad_rating_call_back_overdue',
      to: [{ kind: 'unit_leader', unitId: 'fgw' }, { kind: 'center' }],
      key: 'bad:c1:0:awaiting_call_back:overdue:2026-09-24',
    });
  });
  test('rectification: fifteen working days, through the holidays; on track means nothing to say', () => {
    const r = { ...rec, status: 'awaiting_rectification' as const, followUp: true };
    expect(badRatingReminder(cal, r, at('2026-09-28T09:00:00'))).toBeNull();
    // Sep 24, 28, 29, 30, Oct 8, 9, 10 (调休 Saturday), 12 … 21: the fifteenth working day is Wed Oct 21
    expect(badRatingReminder(cal, r, at('2026-10-16T09:00:00'))).toBeNull();
    expect(badRatingReminder(cal, r, at('2026-10-19T09:00:00'))).toMatchObject({
      kind: 'bad_rating_rectify_due_soon',
      key: 'bad:c1:1:awaiting_rectification:due_soon:2026-10-21',
    });
    expect(badRatingReminder(cal, r, at('2026-10-22T09:00:00'))).toMatchObject({
      kind: 'bad_rating_rectify_overdue',
      key: 'bad:c1:1:awaiting_rectification:overdue:2026-10-21',
    });
  });
  test('an appeal under review is the center’s; closed or voided 差评 are quiet', () => {
    const appealed: BadRatingCase = {
      ...rec,
      status: 'under_appeal',
      appeal: { on: '2026-09-24', by: 'st-leader', grounds: '不实', returnTo: 'awaiting_call_back' },
    };
    expect(badRatingReminder(cal, appealed, at('2026-10-30T09:00:00'))).toMatchObject({
      kind: 'bad_rating_review_overdue',
      to: [{ kind: 'center' }],
    });
    expect(badRatingReminder(cal, { ...rec, status: 'closed' }, at('2026-10-30T09:00:00'))).toBeNull();
    expect(badRatingReminder(cal, { ...rec, status: 'awaiting_verification' }, at('2026-10-30T09:00:00'))).toBeNull();
  });
});

test('§五(六) a 未到场 the system marked can still be checked in; one staff recorded cannot', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { reopenedForCheckIn } = require('../../core') as typeof import('../../core');
  expect(reopenedForCheckIn({ id: 'b', status: 'no_show' as const }, true)).toEqual({ id: 'b', status: 'active' });
  expect(reopenedForCheckIn({ id: 'b', status: 'no_show' as const }, false)).toEqual({ id: 'b', status: 'no_show' });
  expect(reopenedForCheckIn({ id: 'b', status: 'attended' as const }, true)).toEqual({ id: 'b', status: 'attended' });
});
