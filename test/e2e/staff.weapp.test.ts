/**
 * The issue 6 staff journeys (test/e2e/journeys/staff.ts) on the WeChat build itself, in the weapp
 * harness: the same list test/e2e/staff.test.ts runs in Chromium.
 */
import { weappEnv } from './env';
import { STAFF_JOURNEYS } from './journeys/staff';
import { staffJourneyEnv } from './journeys/staff-env';

const e2e = weappEnv();
const env = staffJourneyEnv(() => e2e.cloud);

test.each(STAFF_JOURNEYS)('%s', (_name, journey) => journey(e2e.driver, env));
