/**
 * Issue 6 journeys in Chromium on the H5 build (journeys in test/e2e/journeys/staff.ts, written
 * against the shared Driver). Screenshots land in test-results/screenshots/.
 */
import type { BrowserContext } from 'playwright-core';
import { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { launchBrowser, serveApp } from '../support/browser';
import { H5Driver } from './drivers/h5';
import { staffJourneyEnv } from './journeys/staff-env';
import { agentFullJourney, deskJourney, deskSignatureAcceptJourney, leaderReassignJourney, parallelApprovalJourney, refuseJourney, settingsJourney, terminateJourney } from './journeys/staff';

let cloud: CloudBase;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: BrowserContext;
let driver: H5Driver;


const env = staffJourneyEnv(() => cloud);

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

test('agent: accept (checklist) → window → 补正 → materials received → contact → finish', () => agentFullJourney(driver, env));
test('agent: refuse with reasons', () => refuseJourney(driver, env));
test('agent: terminate at the applicant’s request', () => terminateJourney(driver, env));
test('center invites, the person binds; leader sees load, supervises and reassigns within the unit', () => leaderReassignJourney(driver, env));
test('center: two-department parallel approval with a joint meeting and an escalation', () => parallelApprovalJourney(driver, env));
test('agent: a 帮办 request accepted with the applicant’s signature drawn at the desk', () => deskSignatureAcceptJourney(driver, env));
test('desk: the day per window, a walk-in checked in, a caller booked by an agent; the leader only reads', () => deskJourney(driver, env));
test('settings: rating deadline, subscribe template id, window seats and a holiday, each in the audit list', () => settingsJourney(driver, env));
