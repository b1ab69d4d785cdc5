import {
  buildYearCalendar,
  calendarYearsView,
  createWorkCalendar,
  holidayPeriods,
  parseYearCalendarText,
  statutoryYear,
  calendarWarnings,
  beijingInstant,
} from '../../core';

// The shape of a State Council notice, as an administrator would paste it (dates for a made-up year)
const NOTICE = `一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至14日（周日）放假调休，共9天。2月20日（周六）上班。
三、清明节：4月3日至5日放假调休，共3天。
四、劳动节：5月1日至5日放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
端午节 2027-06-09
中秋节、国庆节：9月15日至21日放假调休
2027年10月1日至10月7日 国庆节 放假
9月26日（周日）上班`;

describe('entering a year the State Council published and chinese-days lacks', () => {
  test('the notice is read as written: periods, 至13日 in the same month, make-up days on the line or their own', () => {
    const r = parseYearCalendarText(2027, NOTICE);
    expect(r.errors.map((e) => e.message)).toEqual(['第7行：请在日期前写明节日名称，如“春节”']);
    expect(r.periods).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-06', to: '2027-02-14' },
      { name: '清明节', from: '2027-04-03', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节、国庆节', from: '2027-09-15', to: '2027-09-21' },
    ]);
    expect(r.makeupWorkdays).toEqual([
      { date: '2027-02-20', name: '春节调休上班' },
      { date: '2027-04-25', name: '劳动节调休上班' },
      { date: '2027-05-08', name: '劳动节调休上班' },
      { date: '2027-09-26', name: '调休上班' },
    ]);
  });

  test('what cannot be read is named by line, never dropped', () => {
    const errors = (t: string) => parseYearCalendarText(2027, t).errors.map((e) => e.message);
    expect(errors('春节 2月30日 放假')).toEqual(['第1行：“2月30日”不是有效日期']);
    expect(errors('\n元旦 2028-01-01')).toEqual(['第2行：2028-01-01 不在2027年']);
    expect(errors('元旦 放假')).toEqual(['第1行：没有找到日期，请写成“元旦 1月1日至1月3日 放假”']);
    expect(errors('春节 5日至9日')).toEqual(['第1行：“5日”没有月份，请写成“2月13日”']);
    expect(errors('春节 2月5日至9日放假 2月14日')).toEqual(['第1行：“放假”之后的日期是上班日吗？请写明“上班”']);
    expect(errors('春节 2月1日 2月5日 2月9日 放假')).toEqual(['第1行：一个节日只写开始和结束两个日期']);
    expect(errors('国庆节：10月1日至7号放假')).toEqual(['第1行：“至”后面的日期没有读出，请写成“10月7日”或“7日”']);
    expect(errors('\n\n  \n')).toEqual([]);
  });

  test('built: the periods become days; refused in words for what no notice says', () => {
    const today = '2026-11-28';
    const ok = buildYearCalendar(
      {
        year: 2027,
        periods: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
        makeupWorkdays: [{ date: '2027-01-09', name: '元旦调休上班' }],
      },
      today,
    );
    expect(ok).toEqual({
      ok: true,
      value: {
        holidays: [
          { date: '2027-01-01', name: '元旦' },
          { date: '2027-01-02', name: '元旦' },
          { date: '2027-01-03', name: '元旦' },
        ],
        makeupWorkdays: [{ date: '2027-01-09', name: '元旦调休上班' }],
      },
    });
    const refused = (entry: Parameters<typeof buildYearCalendar>[0]) => {
      const r = buildYearCalendar(entry, today);
      return r.ok ? 'allowed' : `${r.code}: ${r.message}`;
    };
    expect(
      refused({ year: 2026, periods: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01' }], makeupWorkdays: [] }),
    ).toMatch(/^CALENDAR_YEAR_BUILT_IN: 2026年的法定节假日已内置/);
    expect(
      refused({ year: 2030, periods: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01' }], makeupWorkdays: [] }),
    ).toBe('CALENDAR_YEAR_OUT_OF_RANGE: 只能录入2026年至2028年的安排');
    expect(refused({ year: 2027, periods: [], makeupWorkdays: [] })).toMatch(/至少录入一个放假安排/);
    expect(
      refused({ year: 2027, periods: [{ name: '春节', from: '2027-02-14', to: '2027-02-06' }], makeupWorkdays: [] }),
    ).toMatch(/春节：结束日期早于开始日期/);
    expect(
      refused({ year: 2027, periods: [{ name: '春节', from: '2027-02-01', to: '2027-02-28' }], makeupWorkdays: [] }),
    ).toMatch(/放假28天，超过12天/);
    expect(
      refused({
        year: 2027,
        periods: [
          { name: '春节', from: '2027-02-06', to: '2027-02-14' },
          { name: '元宵', from: '2027-02-14', to: '2027-02-14' },
        ],
        makeupWorkdays: [],
      }),
    ).toMatch(/2027-02-14 同时属于春节和元宵/);
    expect(
      refused({
        year: 2027,
        periods: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
        makeupWorkdays: [{ date: '2027-01-06', name: 'x' }],
      }),
    ).toMatch(/调休上班日 2027-01-06 不是周六或周日/);
    expect(
      refused({
        year: 2027,
        periods: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
        makeupWorkdays: [{ date: '2027-01-02', name: 'x' }],
      }),
    ).toMatch(/2027-01-02 既是放假日又是调休上班日/);
    expect(
      refused({ year: 2027, periods: [{ name: '元旦', from: '2028-01-01', to: '2028-01-01' }], makeupWorkdays: [] }),
    ).toMatch(/元旦的日期应在2027年内/);
  });

  test('once entered, working days count through the new year and the warning goes away', () => {
    const parsed = parseYearCalendarText(2027, '元旦：1月1日至3日放假\n春节：2月6日至14日放假调休，2月20日上班');
    const built = buildYearCalendar({ year: 2027, ...parsed }, '2026-12-20');
    if (!built.ok) throw new Error(built.message);
    const before = createWorkCalendar();
    const after = createWorkCalendar({ years: { 2027: built.value } });
    const now = beijingInstant('2026-12-20', '10:00');
    const missing = (cal: typeof before) =>
      calendarWarnings(cal, now)
        .filter((w) => w.code === 'CALENDAR_YEAR_MISSING')
        .map((w) => w.year);
    expect(missing(before)).toEqual([2027]);
    expect(missing(after)).toEqual([]);
    expect(after.dayInfo('2027-01-01')).toMatchObject({ working: false, kind: 'statutory_holiday', name: '元旦' });
    expect(after.dayInfo('2027-02-20')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(after.dayInfo('2027-01-04')).toMatchObject({ working: true, kind: 'workday' });
    expect(holidayPeriods(built.value)).toEqual(parsed.periods);
  });

  test('the settings view: this year and the next two, built in, entered or missing', () => {
    expect(statutoryYear(2026)?.holidays.some((h) => h.date === '2026-10-01')).toBe(true);
    expect(statutoryYear(2027)).toBeNull();
    const entered = { holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    const view = calendarYearsView({ years: { 2027: entered } }, '2026-11-28');
    expect(view.map((v) => [v.year, v.source])).toEqual([
      [2026, 'built_in'],
      [2027, 'center'],
      [2028, 'missing'],
    ]);
    expect(view[0].periods.find((p) => p.name === '国庆节')).toMatchObject({ from: '2026-10-01' });
    expect(view[1].periods).toEqual([{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }]);
  });
});
