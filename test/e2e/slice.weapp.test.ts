/**
 * The same journeys on the WeChat build itself: dist/ (npm run build:weapp) running in the
 * weapp harness, wx.cloud reaching the local CloudBase as each person's OPENID. The rendered
 * trees of the shots land in test-results/weapp/.
 */
import { SETDATA_ADVISED_BYTES, largestCall, summarize } from '../weapp-harness';
import { weappEnv } from './env';
import { elderModeJourney, sliceJourney } from './journeys/slice';

const e2e = weappEnv();

test('a citizen applies and sees the case in 我的申请; the agent on duty sees it in the staff subpackage', async () => {
  const { driver } = e2e;
  const { caseNo } = await sliceJourney(driver);
  expect(caseNo).toMatch(/^BB\d{8}-\d{6}$/);
  const [citizen, agent] = driver.sessions;
  // the WeChat page stack: 申请 was redirected to 我的申请 above the home page
  expect(citizen.mp.pages().map((p) => p.route)).toEqual(['pages/index/index', 'pages/my/index']);
  expect(agent.mp.subpackagesLoaded).toEqual(new Set(['packages/staff']));
  // no warnings either (setData over 256 KB, toast titles WeChat would cut, console.warn…)
  for (const { mp } of driver.sessions) expect(mp.warnings).toEqual([]);
  // every interaction stays far below WeChat's advised 256 KB per setData
  const largest = largestCall(driver.interactions());
  expect(largest && largest.bytes).toBeLessThan(SETDATA_ADVISED_BYTES);
  expect(summarize(driver.interactions()).every((i) => i.setDataCalls <= 4)).toBe(true);
});

test('长辈版 applies to every page and survives closing the app (wx storage)', async () => {
  const { driver } = e2e;
  await elderModeJourney(driver);
  expect(driver.skipped).toEqual([]);
});

test('back from 申请 shows the home page again, which reloads on onShow, and unloads 申请', async () => {
  const { driver } = e2e;
  await driver.open('/pages/index/index', 'o_citizen_young');
  const { mp } = driver.sessions[driver.sessions.length - 1];
  await mp.tap('.t-go-apply');
  await mp.waitFor('.t-privacy-agree');
  const calls = mp.apiCalls.get('cloud.callFunction');
  mp.lifecycleLog.length = 0;
  await mp.back();
  expect(mp.lifecycleLog).toEqual(['pages/apply/index onUnload', 'pages/index/index onShow']);
  expect(mp.page.route).toBe('pages/index/index');
  // useAsync reloads the profile when the page comes back into view (Taro's useDidShow)
  expect(mp.apiCalls.get('cloud.callFunction')).toBe((calls ?? 0) + 1);
  await expect(mp.back()).rejects.toThrow(/the first page has no back button/);
});
