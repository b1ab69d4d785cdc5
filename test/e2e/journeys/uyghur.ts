/**
 * Issue 20: a citizen who reads Uyghur applies, books, follows her case and rates a finished one,
 * on both builds (H5: `?lang=ug`; WeChat: the stored setting). What she types is stored as typed;
 * the pages, the validation messages, the statuses, the timeline and the inbox speak Uyghur.
 */
import assert from 'node:assert/strict';
import { ug } from '../../../src/i18n/ug';
import type { ApplicantJourneyEnv } from './applicant';
import type { Driver, Session } from './driver';

const NAME = 'ئايگۈل تۇرسۇن';
const MATTER = 'ئانامغا ياشانغانلار تولۇقلىمىسى ئىلتىماس قىلىش';
const COMMENT = 'خادىم ناھايىتى سەۋرچان';

async function until(what: string, check: () => Promise<boolean>, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const includes = async (s: Session, cls: string, words: string) => {
  const text = await s.text(cls);
  assert.ok(text.includes(words), `${cls} should say «${words}»: ${text}`);
};

export async function uyghurJourney(d: Driver, env: ApplicantJourneyEnv): Promise<void> {
  const who = 'o_citizen_uyghur';
  const lang = { lang: 'ug' as const };

  // the whole form on one screen (长辈版 has its own journey): large text off if the phone had it on
  const home = await d.open('/pages/index/index', who, lang);
  await home.waitFor('t-elder-toggle');
  if ((await home.text('t-elder-toggle')).includes(ug['home.elder.on'])) await home.tap('t-elder-toggle');
  await until('large text off', async () => (await home.text('t-elder-toggle')).includes(ug['home.elder.off']));

  // apply: the form and its validation messages in Uyghur
  const page = await d.open('/pages/apply/index', who, lang);
  await page.waitFor('t-privacy-agree');
  await page.tap('t-privacy-agree');
  await page.waitFor('t-submit');
  await includes(page, 't-submit', ug['apply.submit']);
  await page.tap('t-submit');
  await page.waitFor('t-error-category');
  await includes(page, 't-error-category', ug['apply.err.category']);
  await page.tap('t-category-livelihood');
  await page.tap('t-applicantType-person');
  await page.fill('t-applicantName', NAME);
  await page.fill('t-idNumber', env.personId);
  await page.tap('t-specialGroups-elderly');
  await page.tap('t-publicService-yes');
  await page.fill('t-matter', MATTER);
  await page.fill('t-contact-name', NAME);
  await page.fill('t-contact-phone', '13912345678');
  await page.tap('t-mode-help');
  await page.shot('90-ug-apply');
  page.willAnswerSubscribe('accept');
  await page.tap('t-submit');
  await page.waitFor('t-case-no');
  await includes(page, 't-submitted', ug['apply.done.title']);
  const caseNo = (await page.text('t-case-no')).trim();
  const mine = await env.call('cases', { action: 'listMine', input: {} }, who);
  assert.ok(mine.ok, JSON.stringify(mine));
  const item = mine.data.items.find((i: { caseNo: string }) => i.caseNo === caseNo);
  // what she typed is stored as typed
  assert.equal(item?.matter, MATTER, JSON.stringify(mine.data.items));

  // book: a slot at the center for this application
  await page.tap('t-go-book');
  await page.waitFor('t-way-center');
  await page.tap('t-way-center');
  await page.waitFor('t-slot');
  await page.tap('t-slot', 0);
  page.willAnswerSubscribe('accept');
  await page.tap('t-book-confirm');
  await page.waitFor('t-booking-confirmed');
  await includes(page, 't-booking-confirmed', ug['book.done']);
  await page.shot('91-ug-booked');

  // follow: 我的申请, the case with its step bar and timeline, and the inbox, all in Uyghur
  await d.moment();
  const my = await d.open('/pages/my/index', who, lang);
  await my.waitFor('t-case');
  await includes(my, 't-case', ug['status.applied']);
  const detail = await d.open(`/pages/case/index?id=${item.caseId}`, who, lang);
  await detail.waitFor('t-timeline');
  await includes(detail, 't-status', ug['status.applied']);
  await includes(detail, 't-timeline', ug['event.apply']);
  await includes(detail, 't-progress-now', ug['case.note.applied']);
  await detail.shot('92-ug-case');
  const inbox = await d.open('/pages/messages/index', who, lang);
  await inbox.waitFor('t-message');
  await until(
    'the booking message',
    async () => (await inbox.texts('t-message')).some((t) => t.includes(ug['msg.booking_confirmed'])),
    5000,
  ).catch(async () => {
    throw new Error(`inbox: ${(await inbox.texts('t-message')).join(' | ')}`);
  });

  // rate: a finished case is signed for and rated, the comment kept as typed
  const finished = await env.finishedCase(who);
  const rate = await d.open(`/pages/case/index?id=${finished}`, who, lang);
  await rate.waitFor('t-need-receipt');
  await includes(rate, 't-need-receipt', ug['case.receipt.title']);
  await rate.draw('t-signature-receipt');
  await rate.tap('t-sign-receipt');
  await rate.waitFor('t-receipt-signed');
  await rate.tap('t-go-rate');
  await rate.waitFor('t-rate-submit');
  await rate.tap('t-rate-submit');
  await rate.waitFor('t-error-level');
  await includes(rate, 't-error-level', ug['rate.err.level']);
  await rate.tap('t-level-very_satisfied');
  await rate.fill('t-comment', COMMENT);
  await rate.shot('93-ug-rate');
  await rate.tap('t-rate-submit');
  await rate.waitFor('t-rating-given');
  await includes(rate, 't-rating-given', ug['level.very_satisfied']);
  await includes(rate, 't-rating-given', COMMENT);
  for (const s of [home, page, my, detail, inbox, rate]) assert.deepEqual(s.errors(), []);
}
