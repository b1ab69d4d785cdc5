/**
 * Issue 8 journey in Chromium on the H5 build (test/e2e/journeys/ledger.ts, written against the
 * shared Driver). Screenshots land in test-results/screenshots/ (docs/screenshots/issue8/ keeps a copy).
 */
import { h5Env } from './env';
import { badRatingLedgerJourney } from './journeys/ledger';
import { ledgerJourneyEnv } from './journeys/ledger-env';

const e2e = h5Env();

test('a citizen’s 差评 is called back and rectified by the unit, the citizen reads the outcome, the center sees the ledger change', () =>
  badRatingLedgerJourney(
    e2e.driver,
    ledgerJourneyEnv(() => e2e.cloud),
  ));

/**
 * For docs/screenshots/issue8: the charts, breakdown and drill-down of a ledger with half a year
 * of cases (rows made by the core's ledgerRow, as the functions make them), each element in view.
 */
test('the ledger page with half a year of cases: charts, breakdown, common problems (screenshots)', async () => {
  const { createWorkCalendar, ledgerRow, beijingInstant, addDays, beijingDate, periodKeys, periodStart, periodLabel } =
    await import('../../core');
  const cal = createWorkCalendar();
  const today = beijingDate(new Date());
  // The six whole months before this one, twenty cases each, and the test opens last month: on the
  // 1st of a month this month is still empty, so anchoring on today (as before) failed then.
  const months: string[] = [];
  for (let m = periodKeys(today).month; months.length < 6;)
    months.push((m = periodKeys(addDays(periodStart('month', m), -1)).month));
  const units = [
    ['center', '和硕县政务服务中心', 'st-agent-center', '陈静'],
    ['fgw', '和硕县发展和改革委员会', 'st-agent-fgw', '马建军'],
  ] as const;
  const categories = ['livelihood', 'enterprise', 'investment', 'major'] as const;
  const writes = [];
  for (let i = 0; i < 120; i++) {
    const [unitId, unitName, agentId, agentName] = units[i % 2];
    const received = addDays(periodStart('month', months[Math.floor(i / 20)]), (i * 7) % 28);
    const ended = addDays(received, 2 + (i % 9));
    const status = i % 10 === 0 ? 'refused' : i % 13 === 0 ? 'terminated' : i % 11 === 0 ? 'handling' : 'finished';
    const c = {
      _id: `shot-${i}`,
      caseNo: `BB${received.replace(/-/g, '')}-${String(900 + i)}`,
      category: categories[i % 4],
      mode: 'help' as const,
      matter: '演示事项',
      contactName: '李明',
      unitId,
      unitName,
      agentId,
      agentName,
      firstAgentId: agentId,
      status: status as 'finished',
      submittedAt: beijingInstant(received, '11:00'),
      endedAt: status === 'handling' || ended > today ? null : beijingInstant(ended, '17:00'),
      clock:
        status === 'refused'
          ? null
          : {
              receivedOn: received,
              receivedAt: beijingInstant(received),
              limitWorkingDays: 5,
              extraWorkingDays: 0,
              pauses: [],
            },
      tasks: [],
      refusalReasons: status === 'refused' ? [{ message: i % 20 ? '不属于帮办代办范围' : '非县级审批权限' }] : [],
      termination: status === 'terminated' ? { ground: 'applicant_request' as const, reason: '演示' } : null,
      result: null,
      // 受理 the day it came in (受理件数 counts accepted cases); a refused one never was
      timeline: status === 'refused' ? [] : [{ action: 'accept', at: beijingInstant(received, '15:00') }],
    };
    if (!c.endedAt && status !== 'handling') c.status = 'handling' as never;
    const level = (
      ['very_satisfied', 'satisfied', 'very_satisfied', 'basically_satisfied', 'satisfied', 'dissatisfied'] as const
    )[i % 6];
    const rating =
      c.endedAt && i % 3
        ? {
            caseId: c._id,
            raterId: 'o',
            source: 'applicant' as const,
            level,
            dimensions: {},
            tags: level === 'dissatisfied' ? ['slow' as const] : [],
            comment: null,
            at: c.endedAt,
            followUp: null,
          }
        : null;
    const row = ledgerRow(c, rating, [], cal);
    writes.push({ collection: 'ledger', id: row._id, doc: row as never });
  }
  e2e.cloud.store.apply(writes);
  const page = await e2e.browser.newPage();
  try {
    await page.goto(`${e2e.app.url}/#/packages/ledger/pages/index/index?as=o_center_admin`);
    const v = (cls: string) => page.locator(`.${cls}:visible`).first();
    await v('t-chart-canvas').waitFor();
    await page.waitForTimeout(500);
    const { SHOTS } = await import('../support/browser');
    await v('t-chart-ledger-trend').screenshot({ path: `${SHOTS}/89-ledger-trend-chart.png` });
    await v('t-chart-ledger-parts').screenshot({ path: `${SHOTS}/90-ledger-by-category-chart.png` });
    await v('t-prev').click();
    await page.locator('.t-period-label:visible', { hasText: periodLabel('month', months[0]) }).waitFor();
    await v('t-by-unit').click();
    await v('t-dim-fgw').waitFor();
    await v('t-breakdown').screenshot({ path: `${SHOTS}/91-ledger-by-unit.png` });
    await v('t-reasons').screenshot({ path: `${SHOTS}/92-ledger-common-problems.png` });
    // the chart really was drawn: some pixels of the trend canvas are not white
    const inked = await page.evaluate(() => {
      const c = document.querySelector('#ledger-trend') as HTMLCanvasElement | null;
      const d = c?.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; d && i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(500);
    await v('t-dim-fgw').click();
    await v('t-row').waitFor();
    await page.screenshot({ path: `${SHOTS}/93-ledger-drill-down-unit.png` });
  } finally {
    await page.close();
  }
});
