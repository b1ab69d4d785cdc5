import { isCivilDate, type CivilDate } from './beijing-time';

/**
 * Reading a State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) as the center's
 * administrator pastes or types it. Kept apart from the calendar so the settings page can show what
 * it read while typing without bundling chinese-days' data.
 */

export interface HolidayPeriod {
  name: string;
  from: CivilDate;
  to: CivilDate;
}

export interface NamedDay {
  date: CivilDate;
  name: string;
}

// 2027-02-05 · 2027年2月5日 · 2月5日 · and, after a first date, 13日 (the notice's "2月5日至13日")
const DATE_TOKEN =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{1,2})\s*日/g;
const WEEKDAY_NOTE = /[（(]\s*(周|星期)[一二三四五六日天]\s*[）)]/g;
const pad = (n: number) => String(n).padStart(2, '0');

interface ParsedLine {
  line: number;
  message: string;
}

/**
 * Reads what the administrator typed or pasted, one holiday per line: "元旦：1月1日至3日放假" or
 * "元旦 2027-01-01 2027-01-03"; make-up working days on the same line after the holiday ("…放假调休，
 * 共9天。2月14日（周日）上班。") or on a line of their own ("2月14日 上班"). Whatever cannot be read
 * is named by line, in words; nothing is dropped silently.
 */
export function parseYearCalendarText(
  year: number,
  text: string,
): { periods: HolidayPeriod[]; makeupWorkdays: NamedDay[]; errors: ParsedLine[] } {
  const periods: HolidayPeriod[] = [];
  const makeupWorkdays: NamedDay[] = [];
  const errors: ParsedLine[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(WEEKDAY_NOTE, '').trim();
    if (!line) return;
    const fail = (message: string) => errors.push({ line: i + 1, message: `第${i + 1}行：${message}` });
    const dates: { date: CivilDate; at: number; end: number }[] = [];
    let month: number | null = null;
    for (const m of line.matchAll(DATE_TOKEN)) {
      let y = year;
      let mo: number | null;
      let d: number;
      if (m[1]) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else if (m[4]) [mo, d] = [Number(m[4]), Number(m[5])];
      else [mo, d] = [month, Number(m[6])];
      if (mo === null) {
        fail(`“${m[0]}”没有月份，请写成“2月13日”`);
        return;
      }
      month = mo;
      const date = `${y}-${pad(mo)}-${pad(d)}`;
      // 2月30日 passes the pattern; the real calendar does not
      if (!isCivilDate(date) || new Date(`${date}T00:00:00Z`).getUTCDate() !== d) {
        fail(`“${m[0].trim()}”不是有效日期`);
        return;
      }
      if (y !== year) {
        fail(`${date} 不在${year}年`);
        return;
      }
      dates.push({ date, at: m.index!, end: m.index! + m[0].length });
    }
    if (dates.length === 0) {
      fail('没有找到日期，请写成“元旦 1月1日至1月3日 放假”');
      return;
    }
    const off = line.indexOf('放假');
    const onDuty = line.indexOf('上班');
    // the holiday's name: what comes before its first date, without numbering and punctuation
    const name = line
      .slice(0, dates[0].at)
      .replace(/^[一二三四五六七八九十\d]+\s*[、.．]/, '')
      .replace(/[：:，,。；;、\s]+$/, '')
      .trim()
      .slice(0, 20);
    if (off < 0 && onDuty >= 0) {
      // a line of make-up working days only
      const label = line
        .replace(DATE_TOKEN, '')
        .replace(/上班|调休/g, '')
        .replace(/[：:，,。；;、\s]/g, '')
        .slice(0, 20);
      for (const d of dates) makeupWorkdays.push({ date: d.date, name: label ? `${label}调休上班` : '调休上班' });
      return;
    }
    if (!name) {
      fail('请在日期前写明节日名称，如“春节”');
      return;
    }
    // the period: the dates before 放假 (or the first two when the line has no 放假)
    const before = off >= 0 ? dates.filter((d) => d.end <= off) : dates.slice(0, 2);
    const after = off >= 0 ? dates.filter((d) => d.at > off) : dates.slice(2);
    if (before.length === 0 || before.length > 2) {
      fail(before.length === 0 ? '放假日期应写在“放假”之前' : '一个节日只写开始和结束两个日期');
      return;
    }
    // "10月1日至7号": the end was meant but not read; a one-day holiday would be a silent misreading
    if (before.length === 1 && /[至到~～]/.test(line.slice(before[0].end, off >= 0 ? off : undefined))) {
      fail('“至”后面的日期没有读出，请写成“10月7日”或“7日”');
      return;
    }
    periods.push({ name, from: before[0].date, to: before[before.length - 1].date });
    if (after.length > 0) {
      if (onDuty < 0) {
        fail('“放假”之后的日期是上班日吗？请写明“上班”');
        return;
      }
      for (const d of after) makeupWorkdays.push({ date: d.date, name: `${name}调休上班` });
    }
  });
  return { periods, makeupWorkdays, errors };
}
