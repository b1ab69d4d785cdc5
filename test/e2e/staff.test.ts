/**
 * Issue 6 journeys in Chromium on the H5 build (journeys in test/e2e/journeys/staff.ts, written
 * against the shared Driver). Screenshots land in test-results/screenshots/.
 */
import { h5Env } from './env';
import { staffJourneyEnv } from './journeys/staff-env';
import { STAFF_JOURNEYS } from './journeys/staff';

const e2e = h5Env();
const env = staffJourneyEnv(() => e2e.cloud);

test.each(STAFF_JOURNEYS)('%s', (_name, journey) => journey(e2e.driver, env));
