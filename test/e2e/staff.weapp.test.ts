/**
 * The issue 6 staff journeys (test/e2e/journeys/staff.ts) on the WeChat build itself, in the weapp
 * harness: the same description test/e2e/staff.test.ts runs in Chromium.
 */
import { weappEnv } from './env';
import { agentFullJourney, agentViewsFilesJourney, deskChangeJourney, deskJourney, deskSignatureAcceptJourney, leaderReassignJourney, parallelApprovalJourney, refuseJourney, settingsJourney, terminateJourney } from './journeys/staff';
import { staffJourneyEnv } from './journeys/staff-env';

const e2e = weappEnv();
const env = staffJourneyEnv(() => e2e.cloud);

test('agent: accept (checklist) → window → 补正 → materials received → contact → finish', () => agentFullJourney(e2e.driver, env));
test('agent: refuse with reasons', () => refuseJourney(e2e.driver, env));
test('agent: terminate at the applicant’s request', () => terminateJourney(e2e.driver, env));
test('center invites, the person binds; leader sees load, supervises and reassigns within the unit', () => leaderReassignJourney(e2e.driver, env));
test('center: two-department parallel approval with a joint meeting and an escalation', () => parallelApprovalJourney(e2e.driver, env));
test('agent: a 帮办 request accepted with the applicant’s signature drawn at the desk', () => deskSignatureAcceptJourney(e2e.driver, env));
test('desk: the day per window, a walk-in checked in, a caller booked by an agent; the leader only reads', () => deskJourney(e2e.driver, env));
test('desk: an agent moves a caller’s booking and cancels another with a reason; the applicant sees both and is told', () => deskChangeJourney(e2e.driver, env));
test('settings: rating deadline, subscribe template id, window seats and a holiday, each in the audit list', () => settingsJourney(e2e.driver, env));
test('agent: opens the applicant’s files (a PDF as a document, photos in the image viewer)', () => agentViewsFilesJourney(e2e.driver, env));
