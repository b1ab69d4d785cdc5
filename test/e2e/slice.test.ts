/**
 * The first slice in Chromium on the H5 build (the journey itself is test/e2e/journeys/slice.ts,
 * shared with the weapp build in slice.weapp.test.ts). Screenshots land in test-results/screenshots/.
 */
import type { BrowserContext } from 'playwright-core';
import { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { launchBrowser, serveApp } from '../support/browser';
import { H5Driver } from './drivers/h5';
import { elderModeJourney, sliceJourney } from './journeys/slice';

let cloud: CloudBase;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: BrowserContext;
let driver: H5Driver;

beforeAll(async () => {
  cloud = await startAppCloud();
  app = await serveApp(cloud.url);
  browser = await launchBrowser();
  driver = new H5Driver(browser, app.url, cloud.url);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await cloud?.stop();
});

test('a citizen applies and sees the case in 我的申请; the agent on duty sees it on the workbench', async () => {
  await sliceJourney(driver);
});

test('长辈版 applies to every page and survives closing the app', async () => {
  await elderModeJourney(driver);
  expect(driver.skipped).toEqual([]);
});
