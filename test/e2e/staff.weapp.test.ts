/**
 * The issue 6 staff journeys (test/e2e/journeys/staff.ts) on the WeChat build itself, in the weapp
 * harness: the same description test/e2e/staff.test.ts runs in Chromium.
 */
import path from 'node:path';
import { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { WeappDriver } from './drivers/weapp';
import { agentFullJourney, deskJourney, deskSignatureAcceptJourney, leaderReassignJourney, parallelApprovalJourney, refuseJourney, settingsJourney, terminateJourney } from './journeys/staff';
import { staffJourneyEnv } from './journeys/staff-env';

const ROOT = path.join(__dirname, '..', '..');
let cloud: CloudBase;
let driver: WeappDriver;

const env = staffJourneyEnv(() => cloud);

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
test('agent: a 帮办 request accepted with the applicant’s signature drawn at the desk', () => deskSignatureAcceptJourney(driver, env));
test('desk: the day per window, a walk-in checked in, a caller booked by an agent; the leader only reads', () => deskJourney(driver, env));
test('settings: rating deadline, subscribe template id, window seats and a holiday, each in the audit list', () => settingsJourney(driver, env));
