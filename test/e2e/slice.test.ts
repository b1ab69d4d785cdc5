/**
 * The first slice in Chromium on the H5 build (the journey itself is test/e2e/journeys/slice.ts,
 * shared with the weapp build in slice.weapp.test.ts). Screenshots land in test-results/screenshots/.
 */
import { h5Env } from './env';
import { elderModeJourney, sliceJourney } from './journeys/slice';

const e2e = h5Env();

test('a citizen applies and sees the case in 我的申请; the agent on duty sees it on the workbench', async () => {
  await sliceJourney(e2e.driver);
});

test('长辈版 applies to every page and survives closing the app', async () => {
  await elderModeJourney(e2e.driver);
  expect(e2e.driver.skipped).toEqual([]);
});
