/**
 * Issue 5 applicant journeys written against the shared Driver (test/e2e/journeys/applicant.ts) on
 * the WeChat build itself, in the weapp harness: the same description test/e2e/applicant.test.ts
 * runs in Chromium. That file says which applicant journeys are H5-only, and why.
 */
import path from 'node:path';
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { WeappDriver } from './drivers/weapp';
import { eligibilityRefusedJourney, homeVisitSlotsJourney, lastSeatJourney, type ApplicantJourneyEnv } from './journeys/applicant';

const ROOT = path.join(__dirname, '..', '..');
let cloud: CloudBase;
let driver: WeappDriver;

const env: ApplicantJourneyEnv = {
  call: (name, data, openid) => call(cloud, name, data, openid),
};

beforeAll(async () => {
  cloud = await startAppCloud();
  driver = new WeappDriver({ dist: path.join(ROOT, 'dist'), cloud, snapshots: path.join(ROOT, 'test-results', 'weapp') });
});
afterAll(async () => {
  await driver?.close();
  await cloud?.stop();
});

test('an investor’s project of 4.99 million yuan is refused by the self-check with the reason and where to go', () => eligibilityRefusedJourney(driver));
test('booking the last seat of an after-hours (延时) slot; the next person sees it full', () => lastSeatJourney(driver, env));
test('choosing 上门 lists the home-visit slots at once', () => homeVisitSlotsJourney(driver));
