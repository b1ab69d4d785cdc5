import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  beijingClock,
  beijingDate,
  beijingInstant,
  calendarWarnings,
  clockStatus,
  CoreError,
  createWorkCalendar,
  daysBetween,
  DEFAULT_SETTINGS,
  deadlineLevel,
  dueDate,
  extendClock,
  isCivilDate,
  isPaused,
  minutesOfDay,
  nextWorkingDay,
  pauseClock,
  resumeClock,
  startClock,
  statutoryYears,
  usedWorkingDays,
  workingDaysBetween,
  type DeadlineClock,
  type WorkCalendar,
} from '../../core';

const cal = createWorkCalendar();
/** 10:00 Beijing on a Beijing day */
const at = (date: string, time = '10:00') => beijingInstant(date, time);
const calendarSettings = DEFAULT_SETTINGS.calendar;

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CoreError ? e.code : `not a CoreError: ${String(e)}`;
  }
  return undefined;
}

describe('working days: statutory holidays and 调休', () => {
  test('§五(二) 2026 Spring Festival is off, and the 调休 Saturday before it is a working day', () => {
    expect(cal.dayInfo('2026-02-16')).toEqual({
      date: '2026-02-16',
      working: false,
      kind: 'statutory_holiday',
      name: '春节',
    });
    expect(cal.dayInfo('2026-02-14')).toEqual({
      date: '2026-02-14',
      working: true,
      kind: 'makeup_workday',
      name: '春节',
    });
    expect(cal.dayInfo('2026-03-07')).toEqual({ date: '2026-03-07', working: false, kind: 'weekend', name: null });
    expect(cal.dayInfo('2026-03-09')).toEqual({ date: '2026-03-09', working: true, kind: 'workday', name: null });
  });

  test('§五(二) chinese-days carries 2004–2026, and the calendar answers for exactly those years by default', () => {
    expect(statutoryYears()[0]).toBe(2004);
    expect(statutoryYears().at(-1)).toBe(2026);
    expect(cal.years()).toEqual(statutoryYears());
    expect(cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
  });

  test('§五(二) a year chinese-days lacks is signalled with CALENDAR_YEAR_MISSING, never guessed from weekdays', () => {
    expect(thrownCode(() => cal.isWorkingDay('2027-03-01'))).toBe('CALENDAR_YEAR_MISSING');
    expect(thrownCode(() => cal.isWorkingDay('2003-03-03'))).toBe('CALENDAR_YEAR_MISSING');
    try {
      cal.dayInfo('2027-01-04');
    } catch (e) {
      expect((e as CoreError).message).toContain('2027年');
      expect((e as CoreError).details).toEqual({ year: 2027 });
      expect((e as CoreError).toRefusal()).toMatchObject({ ok: false, code: 'CALENDAR_YEAR_MISSING' });
    }
  });

  test('§五(二) a deadline that runs into a missing year is refused, not computed', () => {
    const clock = startClock(cal, at('2026-12-28'), 10);
    expect(thrownCode(() => dueDate(cal, clock))).toBe('CALENDAR_YEAR_MISSING');
  });

  test('§五(二) the center can supply a missing year, which then counts like a statutory one', () => {
    const with2027 = createWorkCalendar({
      years: {
        2027: {
          holidays: [{ date: '2027-01-01', name: '元旦' }],
          makeupWorkdays: [{ date: '2027-01-09', name: '元旦' }],
        },
      },
    });
    expect(with2027.hasYear(2027)).toBe(true);
    expect(with2027.dayInfo('2027-01-01')).toMatchObject({ working: false, kind: 'statutory_holiday', name: '元旦' });
    expect(with2027.dayInfo('2027-01-09')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(with2027.dayInfo('2027-01-10')).toMatchObject({ working: false, kind: 'weekend' });
    expect(dueDate(with2027, startClock(with2027, at('2026-12-30'), 2))).toBe('2027-01-04');
  });

  test('§五(二) center overrides win: Xinjiang regional holidays off, an extra working day on', () => {
    const xj = createWorkCalendar({
      overrides: [
        { date: '2026-05-27', working: false, name: '古尔邦节', regional: true },
        { date: '2026-03-08', working: true, name: '补班' },
        { date: '2027-03-10', working: false, name: '肉孜节', regional: true },
      ],
    });
    expect(xj.dayInfo('2026-05-27')).toEqual({
      date: '2026-05-27',
      working: false,
      kind: 'center_holiday',
      name: '古尔邦节',
    });
    expect(xj.dayInfo('2026-03-08')).toMatchObject({ working: true, kind: 'center_workday' });
    // an override pins its own day even in a year nobody supplied; the other days stay unknown
    expect(xj.isWorkingDay('2027-03-10')).toBe(false);
    expect(thrownCode(() => xj.isWorkingDay('2027-03-11'))).toBe('CALENDAR_YEAR_MISSING');
    // the regional holiday moves a deadline: 5/26 Tue + 1 working day skips 5/27
    expect(addWorkingDays(xj, '2026-05-26', 1)).toBe('2026-05-28');
    expect(addWorkingDays(cal, '2026-05-26', 1)).toBe('2026-05-27');
  });

  test('§五(二) malformed center calendar dates are refused when the calendar is built', () => {
    expect(
      thrownCode(() => createWorkCalendar({ overrides: [{ date: '2026-02-30', working: false, name: 'x' }] })),
    ).toBe('INVALID_DATE');
    expect(
      thrownCode(() =>
        createWorkCalendar({ years: { 2027: { holidays: [{ date: '2028-01-01', name: 'x' }], makeupWorkdays: [] } } }),
      ),
    ).toBe('INVALID_DATE');
  });
});

describe('Beijing time whatever the server zone', () => {
  test('§五(二) an instant belongs to its Beijing day: 23:30 UTC is already the next morning in Beijing', () => {
    expect(beijingDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(beijingDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(beijingClock(new Date('2026-03-01T23:30:00Z'))).toBe('07:30');
    expect(beijingInstant('2026-03-02', '10:00').toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  test.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati'])(
    '§五(二) due dates are the same with TZ=%s',
    (tz) => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        const clock = startClock(cal, new Date('2026-02-13T16:30:00Z'), 3);
        expect(clock.receivedOn).toBe('2026-02-14');
        expect(dueDate(cal, clock)).toBe('2026-02-26');
        expect(beijingDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
      } finally {
        process.env.TZ = saved;
      }
    },
  );

  test('§五(二) date helpers reject what is not a date or a time', () => {
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2024-02-29')).toBe(true);
    expect(isCivilDate(20260101)).toBe(false);
    expect(thrownCode(() => addDays('2026/01/01', 1))).toBe('INVALID_DATE');
    expect(thrownCode(() => beijingDate(new Date('nope')))).toBe('INVALID_TIME');
    expect(thrownCode(() => beijingInstant('2026-01-01', '25:00'))).toBe('INVALID_TIME');
    expect(thrownCode(() => minutesOfDay('9:00'))).toBe('INVALID_TIME');
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});

describe('承诺时限: due dates counted from the day after receipt', () => {
  test('§五(二) a one-day limit received on Monday is due on Tuesday', () => {
    expect(dueDate(cal, startClock(cal, at('2026-03-02'), 1))).toBe('2026-03-03');
  });

  test('§五(二) counting runs over the Spring Festival and uses the 调休 Saturday', () => {
    // received Friday 2/13; Saturday 2/14 is a make-up working day (1), 2/15–2/23 off, 2/24 (2), 2/25 (3)
    expect(dueDate(cal, startClock(cal, at('2026-02-13'), 3))).toBe('2026-02-25');
  });

  test('§五(二) an online application made on a rest day counts as received on the next working day (a setting)', () => {
    const sunday = at('2026-03-08', '21:00');
    expect(startClock(cal, sunday, 1).receivedOn).toBe('2026-03-09');
    expect(dueDate(cal, startClock(cal, sunday, 1))).toBe('2026-03-10');
    const asIs = { ...calendarSettings, nonWorkingDayReceipt: 'as_is' as const };
    expect(dueDate(cal, startClock(cal, sunday, 1, asIs))).toBe('2026-03-09');
    // 即办 (0 days) received on a rest day is due the next working day, never the rest day
    expect(dueDate(cal, startClock(cal, sunday, 0, asIs))).toBe('2026-03-09');
    expect(dueDate(cal, startClock(cal, at('2026-03-10'), 0))).toBe('2026-03-10');
  });

  test('§五(二) a time limit must be a whole, non-negative number of working days', () => {
    expect(thrownCode(() => startClock(cal, at('2026-03-02'), -1))).toBe('INVALID_TIME_LIMIT');
    expect(thrownCode(() => addWorkingDays(cal, '2026-03-02', 1.5))).toBe('INVALID_TIME_LIMIT');
  });

  test('§五(二) working days between two days count (from, to]', () => {
    expect(workingDaysBetween(cal, '2026-03-02', '2026-03-09')).toBe(5);
    expect(workingDaysBetween(cal, '2026-03-09', '2026-03-02')).toBe(0);
  });

  test('§五(二) a calendar with no working day at all stops with CALENDAR_NO_WORKING_DAY instead of spinning', () => {
    const closed: WorkCalendar = { ...cal, isWorkingDay: () => false };
    expect(thrownCode(() => nextWorkingDay(closed, '2026-01-01'))).toBe('CALENDAR_NO_WORKING_DAY');
    const clock: DeadlineClock = {
      receivedOn: '2026-01-01',
      receivedAt: at('2026-01-01'),
      limitWorkingDays: 1,
      extraWorkingDays: 0,
      pauses: [],
    };
    expect(thrownCode(() => dueDate(closed, clock))).toBe('CALENDAR_NO_WORKING_DAY');
  });
});

describe('补正 stops the clock; it restarts the day after the materials arrive', () => {
  // received Monday 3/2, 5 working days: due Monday 3/9
  const base = startClock(cal, at('2026-03-02'), 5);

  test('§五(二) materials requested on Wednesday, received the next Tuesday: the due date moves by the paused working days', () => {
    expect(dueDate(cal, base)).toBe('2026-03-09');
    const paused = pauseClock(base, at('2026-03-04'), 'materials');
    expect(isPaused(paused)).toBe(true);
    expect(dueDate(cal, paused)).toBeNull();
    // 3/3 and 3/4 were used; 3 remain while paused
    expect(clockStatus(cal, paused, at('2026-03-20'))).toEqual({
      paused: true,
      due: null,
      level: 'on_track',
      remainingWorkingDays: 3,
    });
    const resumed = resumeClock(paused, at('2026-03-10'));
    expect(isPaused(resumed)).toBe(false);
    expect(resumed.pauses).toEqual([{ kind: 'materials', from: '2026-03-04', until: '2026-03-10' }]);
    expect(dueDate(cal, resumed)).toBe('2026-03-13');
    expect(usedWorkingDays(cal, resumed, '2026-03-13')).toBe(5);
  });

  test('§五(二) materials that arrive the same day cost no time', () => {
    const sameDay = resumeClock(pauseClock(base, at('2026-03-04', '10:00'), 'materials'), at('2026-03-04', '17:00'));
    expect(dueDate(cal, sameDay)).toBe('2026-03-09');
  });

  test('§五(二) pausing twice is one pause; a resume stamped before the pause is clamped to it', () => {
    const p = pauseClock(base, at('2026-03-04'), 'materials');
    expect(pauseClock(p, at('2026-03-05'), 'suspension')).toBe(p);
    expect(resumeClock(p, at('2026-03-01')).pauses[0]).toEqual({
      kind: 'materials',
      from: '2026-03-04',
      until: '2026-03-04',
    });
  });

  test('§五(二) a pause after the deadline passed does not hide that it is overdue', () => {
    const late = pauseClock(base, at('2026-03-11'), 'materials');
    expect(dueDate(cal, late)).toBe('2026-03-09');
    expect(clockStatus(cal, late, at('2026-03-12'))).toMatchObject({
      paused: true,
      due: '2026-03-09',
      level: 'overdue',
    });
  });

  test('§五(二) few remaining days while paused show as due soon', () => {
    const nearlyUsed = pauseClock(base, at('2026-03-06'), 'materials');
    expect(clockStatus(cal, nearlyUsed, at('2026-03-20'))).toMatchObject({
      level: 'due_soon',
      remainingWorkingDays: 1,
    });
  });

  test('§五(二) an extension adds working days to the limit', () => {
    expect(dueDate(cal, extendClock(base, 3))).toBe('2026-03-12');
    expect(thrownCode(() => extendClock(base, -2))).toBe('INVALID_TIME_LIMIT');
  });
});

describe('warning levels', () => {
  const clock = startClock(cal, at('2026-03-02'), 5); // due 3/9

  test('§五(二) on track, due soon within 2 working days (default), overdue after the due day', () => {
    expect(clockStatus(cal, clock, at('2026-03-04'))).toEqual({
      paused: false,
      due: '2026-03-09',
      level: 'on_track',
      remainingWorkingDays: 3,
    });
    expect(clockStatus(cal, clock, at('2026-03-05'))).toMatchObject({ level: 'due_soon', remainingWorkingDays: 2 });
    expect(clockStatus(cal, clock, at('2026-03-09', '19:00'))).toMatchObject({
      level: 'due_soon',
      remainingWorkingDays: 0,
    });
    expect(clockStatus(cal, clock, at('2026-03-10'))).toMatchObject({ level: 'overdue', remainingWorkingDays: -1 });
  });

  test('§五(二) the due-soon threshold is a setting', () => {
    expect(
      deadlineLevel(cal, '2026-03-04', '2026-03-09', { ...calendarSettings, dueSoonWithinWorkingDays: 3 }).level,
    ).toBe('due_soon');
    expect(
      deadlineLevel(cal, '2026-03-05', '2026-03-09', { ...calendarSettings, dueSoonWithinWorkingDays: 0 }).level,
    ).toBe('on_track');
    // overdue on a weekend right after a Friday due date: overdue, no working day lost yet
    expect(deadlineLevel(cal, '2026-03-14', '2026-03-13')).toEqual({ level: 'overdue', remainingWorkingDays: 0 });
  });

  test('§五(二) the calendar warns ahead when next year is missing, and when regional holidays are not entered', () => {
    const xj = createWorkCalendar({
      overrides: [{ date: '2026-05-27', working: false, name: '古尔邦节', regional: true }],
    });
    expect(calendarWarnings(xj, at('2026-06-01'))).toEqual([]);
    expect(calendarWarnings(xj, at('2026-11-15'))).toEqual([
      { code: 'CALENDAR_YEAR_MISSING', year: 2027, message: expect.stringContaining('2027年') },
    ]);
    expect(calendarWarnings(cal, at('2026-06-01'))).toEqual([
      { code: 'REGIONAL_HOLIDAYS_MISSING', year: 2026, message: expect.stringContaining('古尔邦节') },
    ]);
    expect(calendarWarnings(cal, at('2026-06-01'), { ...calendarSettings, requireRegionalHolidays: false })).toEqual(
      [],
    );
    expect(
      calendarWarnings(cal, at('2026-11-15'), {
        ...calendarSettings,
        requireRegionalHolidays: false,
        warnMissingYearWithinDays: 30,
      }),
    ).toEqual([]);
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 3 * 365 - 120 }).map((n) => addDays('2024-01-01', n));
  const limit = fc.integer({ min: 0, max: 60 });
  // leaves room for pauses of up to 140 days and the limit inside the years chinese-days carries
  const early = fc.integer({ min: 0, max: 2 * 365 + 100 }).map((n) => addDays('2024-01-01', n));

  test('§五(二) due dates never fall on a non-working day', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        limit,
        fc.constantFrom('next_working_day' as const, 'as_is' as const),
        (d, minute, n, receipt) => {
          const receivedAt = new Date(beijingInstant(d).getTime() + minute * 60_000);
          const due = dueDate(
            cal,
            startClock(cal, receivedAt, n, { ...calendarSettings, nonWorkingDayReceipt: receipt }),
          )!;
          expect(cal.isWorkingDay(due)).toBe(true);
          expect(daysBetween(beijingDate(receivedAt), due)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('§五(二) the n-th working day after a day is n working days after it, and later for larger n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const due = addWorkingDays(cal, d, n);
        expect(workingDaysBetween(cal, d, due)).toBe(n);
        expect(daysBetween(due, addWorkingDays(cal, d, n + 1))).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  test('§五(二) pausing never shortens a deadline', () => {
    const pauses = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 15 })), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(early, fc.integer({ min: 1, max: 30 }), pauses, (d, n, gaps) => {
        const start = startClock(cal, beijingInstant(d, '10:00'), n);
        let clock = start;
        let cursor = start.receivedOn;
        for (const [wait, length] of gaps) {
          cursor = addDays(cursor, wait);
          clock = pauseClock(clock, beijingInstant(cursor, '11:00'), 'materials');
          cursor = addDays(cursor, length);
          clock = resumeClock(clock, beijingInstant(cursor, '11:00'));
        }
        const without = dueDate(cal, start)!;
        const withPauses = dueDate(cal, clock)!;
        expect(daysBetween(without, withPauses)).toBeGreaterThanOrEqual(0);
        expect(cal.isWorkingDay(withPauses)).toBe(true);
        expect(usedWorkingDays(cal, clock, withPauses)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  test('§五(二) an instant’s Beijing day is its UTC+8 day, for any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          expect(beijingDate(d)).toBe(new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
          expect(beijingInstant(beijingDate(d), beijingClock(d)).getTime()).toBe(
            d.getTime() - (((d.getTime() % 60_000) + 60_000) % 60_000),
          );
        },
      ),
    );
  });
});
