/**
 * Issue 6 journeys in Chromium on the H5 build (journeys in test/e2e/journeys/staff.ts, written
 * against the shared Driver). Screenshots land in test-results/screenshots/.
 */
import type { BrowserContext } from 'playwright-core';
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';
import { launchBrowser, serveApp } from '../support/browser';
import { H5Driver } from './drivers/h5';
import { STAFF_FORMS } from './journeys/staff-forms';
import { agentFullJourney, leaderReassignJourney, parallelApprovalJourney, refuseJourney, terminateJourney, type StaffJourneyEnv } from './journeys/staff';

let cloud: CloudBase;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: BrowserContext;
let driver: H5Driver;


const env: StaffJourneyEnv = {
  async newCase(openid, kind) {
    const r = await submitAs(cloud, openid, STAFF_FORMS[kind]);
    if (!r.ok) throw new Error(`${r.code} ${r.message}`);
    const d = await call(cloud, 'workbench', { action: 'get', input: { caseId: r.data.caseId } }, 'o_center_admin');
    if (!d.ok) throw new Error(d.message);
    return d.data.case.caseNo as string;
  },
};

beforeAll(async () => {
  cloud = await startAppCloud();
  app = await serveApp(cloud.url);
  browser = await launchBrowser();
  driver = new H5Driver(browser, app.url);
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
