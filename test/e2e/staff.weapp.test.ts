/**
 * The issue 6 staff journeys (test/e2e/journeys/staff.ts) on the WeChat build itself, in the weapp
 * harness: the same description test/e2e/staff.test.ts runs in Chromium.
 */
import path from 'node:path';
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';
import { WeappDriver } from './drivers/weapp';
import { agentFullJourney, leaderReassignJourney, parallelApprovalJourney, refuseJourney, terminateJourney, type StaffJourneyEnv } from './journeys/staff';
import { STAFF_FORMS } from './journeys/staff-forms';

const ROOT = path.join(__dirname, '..', '..');
let cloud: CloudBase;
let driver: WeappDriver;

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
  driver = new WeappDriver({ dist: path.join(ROOT, 'dist'), cloud, snapshots: path.join(ROOT, 'test-results', 'weapp') });
});
afterAll(async () => {
  await driver?.close();
  await cloud?.stop();
});

test('agent: accept (checklist) → window → 补正 → materials received → contact → finish', () => agentFullJourney(driver, env));
test('agent: refuse with reasons', () => refuseJourney(driver, env));
test('agent: terminate at the applicant’s request', () => terminateJourney(driver, env));
test('center invites, the person binds; leader sees load, supervises and reassigns within the unit', () => leaderReassignJourney(driver, env));
test('center: two-department parallel approval with a joint meeting and an escalation', () => parallelApprovalJourney(driver, env));
