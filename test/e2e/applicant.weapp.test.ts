/**
 * Issue 5 applicant journeys written against the shared Driver (test/e2e/journeys/applicant.ts) on
 * the WeChat build itself, in the weapp harness: the same description test/e2e/applicant.test.ts
 * runs in Chromium. That file says which applicant journeys are H5-only, and why.
 */
import { decodeGrayPng } from '../weapp-harness/canvas';
import { weappEnv } from './env';
import { usccCheckCharacter } from '../../core';
import {
  elderStepsJourney,
  eligibilityRefusedJourney,
  enterpriseUploadsJourney,
  finishedCaseJourney,
  homeVisitSlotsJourney,
  lastSeatJourney,
  pdfAfterWechatConsentJourney,
  photographedIdCardJourney,
  twoApplicationsJourney,
} from './journeys/applicant';
import { applicantJourneyEnv } from './journeys/applicant-env';
import { uyghurJourney } from './journeys/uyghur';

const e2e = weappEnv();
const env = applicantJourneyEnv(() => e2e.cloud);

test('an investor’s project of 4.99 million yuan is refused by the self-check with the reason and where to go', () =>
  eligibilityRefusedJourney(e2e.driver));
test('booking the last seat of an after-hours (延时) slot; the next person sees it full', () =>
  lastSeatJourney(e2e.driver, env));
test('choosing 上门 lists the home-visit slots at once', () => homeVisitSlotsJourney(e2e.driver));
test('an enterprise 经办人 applies for establishment with uploads (chooseMedia, chooseMessageFile) and a 代办 mandate signed on a 2d canvas', async () => {
  await enterpriseUploadsJourney(e2e.driver, env, {
    uscc: '91652828MA78K3L2P' + usccCheckCharacter('91652828MA78K3L2P'),
  });
  // the signature in storage is the drawing: a PNG with the stroke's ink on a white ground
  const signatures = e2e.cloud.storage.list().filter((f) => f.path.startsWith('signatures/'));
  expect(signatures.length).toBeGreaterThan(0);
  for (const f of signatures) {
    const pixels = decodeGrayPng(e2e.cloud.storage.get(f.path)!);
    const ink = pixels.filter((v) => v < 128).length;
    expect(ink).toBeGreaterThan(200);
    expect(ink).toBeLessThan(pixels.length / 2);
  }
});
test('a finished case: the applicant signs the receipt on the phone, then rates it and adds a 追评', () =>
  finishedCaseJourney(e2e.driver, env));
test('two different applications in a row on one phone are two cases (issue 16 item 1)', () =>
  twoApplicationsJourney(e2e.driver, env));
test('长辈版: an elderly citizen applies one question a screen twice in a row, then rates two services step by step (issue 16 item 3)', () =>
  elderStepsJourney(e2e.driver, env));
test('a citizen photographs her ID card and submits it (issue 18: chooseMedia)', () =>
  photographedIdCardJourney(e2e.driver, env));
test('a PDF picked on a phone where WeChat has no privacy consent yet: one consent, in the app’s card (issue 18)', () =>
  pdfAfterWechatConsentJourney(e2e.driver, env));
test('in Uyghur (the stored setting): apply, book, follow the case and the inbox, rate (issue 20)', () =>
  uyghurJourney(e2e.driver, env));
