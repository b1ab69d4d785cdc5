import { DEFAULT_SERVICE_WINDOWS, DEFAULT_SETTINGS, resolveSettings } from '../../core';

const fieldsOf = (r: ReturnType<typeof resolveSettings>) =>
  r.ok ? {} : (r.details as { fields: Record<string, string> }).fields;

describe('settings: every configurable number, with documented defaults', () => {
  test('the defaults are the ones docs/rules.md documents', () => {
    expect(DEFAULT_SETTINGS.calendar).toEqual({
      dueSoonWithinWorkingDays: 2,
      warnMissingYearWithinDays: 60,
      nonWorkingDayReceipt: 'next_working_day',
      requireRegionalHolidays: true,
    });
    expect(DEFAULT_SETTINGS.lifecycle).toEqual({
      maxCommittedWorkingDays: 120,
      maxExtensionWorkingDays: 30,
      progressReportEveryWorkingDays: 5,
    });
    expect(DEFAULT_SETTINGS.rating).toEqual({
      hideRaterFromStaff: false,
      defaultRatingAfterDays: null,
      defaultRatingLevel: 'basically_satisfied',
      followUpWithinDays: 90,
      badRatingRequiresReason: true,
      callBackWithinWorkingDays: 1,
      rectifyWithinWorkingDays: 15,
      appealWithinWorkingDays: 5,
      reviewWithinWorkingDays: 5,
    });
    expect(DEFAULT_SETTINGS.booking).toMatchObject({
      bookingCutoffMinutes: 30,
      cancelCutoffMinutes: 30,
      maxAdvanceDays: 14,
      maxActiveBookingsPerApplicant: 3,
      maxReschedulesPerBooking: 2,
    });
    expect(DEFAULT_SETTINGS.booking.windows).toEqual(DEFAULT_SERVICE_WINDOWS);
    expect(DEFAULT_SETTINGS.routing).toEqual({
      centerUnitId: 'center',
      finishableInCenter: { livelihood: true, enterprise: true, investment: false, major: false },
      industryDepartments: {},
      fallbackDepartment: 'fgw',
      fallbackToAnyOnDutyAgent: true,
    });
  });

  test('the center stores only what it changes; the rest comes from the defaults', () => {
    const r = resolveSettings({
      rating: { callBackWithinWorkingDays: 2, defaultRatingAfterDays: 7 },
      routing: { industryDepartments: { agriculture: 'nyncj' } },
    });
    expect(r.ok && r.value.rating).toMatchObject({
      callBackWithinWorkingDays: 2,
      defaultRatingAfterDays: 7,
      rectifyWithinWorkingDays: 15,
    });
    expect(r.ok && r.value.routing.industryDepartments).toEqual({ agriculture: 'nyncj' });
    expect(r.ok && r.value.calendar).toEqual(DEFAULT_SETTINGS.calendar);
    expect(resolveSettings()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(resolveSettings(null)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  test('bad values are refused field by field in Chinese', () => {
    const r = resolveSettings({
      rating: { rectifyWithinWorkingDays: -1, defaultRatingLevel: 'dissatisfied' },
      booking: {
        windows: [
          {
            id: 'Bad Id',
            kind: 'regular',
            label: '上午',
            days: { type: 'working_days' },
            start: '14:00',
            end: '10:00',
            slotMinutes: 30,
            capacity: 4,
          },
        ],
      },
    });
    expect(r.ok).toBe(false);
    const fields = fieldsOf(r);
    expect(fields['rating.rectifyWithinWorkingDays']).toBe('不能为负数');
    expect(fields['rating.defaultRatingLevel']).toBeDefined();
    expect(fields['booking.windows.0.id']).toBe('窗口编号只能包含小写字母、数字和连字符');
    expect(r).toMatchObject({ code: 'INVALID_SETTINGS', message: '设置有误，请按提示修改' });
    const backwards = resolveSettings({
      booking: { windows: [{ ...DEFAULT_SERVICE_WINDOWS[0], start: '14:00', end: '10:00' }] },
    });
    const malformed = resolveSettings({ booking: { windows: [{ ...DEFAULT_SERVICE_WINDOWS[0], start: '9:00' }] } });
    expect(fieldsOf(malformed)['booking.windows.0.start']).toBe('时刻应为 HH:mm（北京时间）');
    expect(fieldsOf(backwards)['booking.windows.0.end']).toBe('结束时刻应晚于开始时刻');
  });
});
