/**
 * Issue 5 applicant journeys written against the shared Driver (test/e2e/journeys/applicant.ts) on
 * the WeChat build itself, in the weapp harness: the same description test/e2e/applicant.test.ts
 * runs in Chromium. That file says which applicant journeys are H5-only, and why.
 */
import path from 'node:path';
import { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { decodeGrayPng } from '../weapp-harness/canvas';
import { WeappDriver } from './drivers/weapp';
import { usccCheckCharacter } from '../../core';
import { eligibilityRefusedJourney, enterpriseUploadsJourney, finishedCaseJourney, homeVisitSlotsJourney, lastSeatJourney } from './journeys/applicant';
import { applicantJourneyEnv } from './journeys/applicant-env';

const ROOT = path.join(__dirname, '..', '..');
let cloud: CloudBase;
let driver: WeappDriver;

const env = applicantJourneyEnv(() => cloud);

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
test('an enterprise 经办人 applies for establishment with uploads (chooseMessageFile) and a 代办 mandate signed on a 2d canvas', async () => {
  await enterpriseUploadsJourney(driver, env, { uscc: '91652828MA78K3L2P' + usccCheckCharacter('91652828MA78K3L2P') });
  // the signature in storage is the drawing: a PNG with the stroke's ink on a white ground
  const signatures = cloud.storage.list().filter((f) => f.path.startsWith('signatures/'));
  expect(signatures.length).toBeGreaterThan(0);
  for (const f of signatures) {
    const pixels = decodeGrayPng(cloud.storage.get(f.path)!);
    const ink = pixels.filter((v) => v < 128).length;
    expect(ink).toBeGreaterThan(200);
    expect(ink).toBeLessThan(pixels.length / 2);
  }
});
test('a finished case: the applicant signs the receipt on the phone, then rates it and adds a 追评', () => finishedCaseJourney(driver, env));
