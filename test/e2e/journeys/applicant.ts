/**
 * Issue 5 applicant journeys that draw no signature and choose no file, written against the
 * shared Driver (H5 in applicant.test.ts, WeChat in applicant.weapp.test.ts). Setup that is not
 * the journey itself (other people's bookings) and checks of what was stored go through the
 * test cloud, as `env.call`. Assertions use node:assert, like slice.ts.
 */
import assert from 'node:assert/strict';
import type { Driver } from './driver';

type Answer = { ok: true; data: any } | { ok: false; code: string; message: string };

export interface ApplicantJourneyEnv {
  /** calls the cloud function `name` as the WeChat user `openid` (the test cloud) */
  call(name: string, data: object, openid: string): Promise<Answer>;
}

/** An investor's project of 4.99 million yuan is refused by the self-check, with the reason and where to go. */
export async function eligibilityRefusedJourney(d: Driver): Promise<void> {
  const page = await d.open('/pages/eligibility/index', 'o_enterprise');
  await page.waitFor('t-check');
  await page.tap('t-category-investment');
  await page.tap('t-applicantType-enterprise');
  await page.fill('t-investmentWan', '499');
  await page.tap('t-approvalLevel-county');
  await page.tap('t-fitsPolicy-yes');
  await page.tap('t-check');
  await page.waitFor('t-result-no');
  const text = await page.text('t-result-no');
  assert.ok(text.includes('不足500万元'), text);
  assert.ok(text.includes('可以去哪里办'), text);
  assert.equal(await page.count('t-reason'), 1);
  await page.shot('57-eligibility-refused');
  await page.fill('t-investmentWan', '1200');
  await page.tap('t-check');
  await page.waitFor('t-result-ok');
  await page.shot('58-eligibility-ok');
  assert.deepEqual(page.errors(), []);
}

/** Booking the last seat of an after-hours (延时) slot; the next person sees it full. */
export async function lastSeatJourney(d: Driver, env: ApplicantJourneyEnv): Promise<void> {
  // others have taken all but one seat of the last after-hours slot of the last day
  const slots = await env.call('bookings', { action: 'listSlots', input: { kind: 'after_hours' } }, 'o_citizen_young');
  assert.ok(slots.ok, JSON.stringify(slots));
  const days = slots.data.days;
  const day = days[days.length - 1];
  const slot = day.slots[day.slots.length - 1];
  for (let i = 0; i < slot.capacity - 1; i++) {
    const r = await env.call('bookings', { action: 'book', input: { slotId: slot.slotId, category: 'enterprise' } }, `o_e2e_${i}`);
    assert.ok(r.ok, JSON.stringify(r));
  }

  const page = await d.open('/pages/book/index', 'o_citizen_young');
  await page.waitFor('t-way-center');
  await page.tap('t-way-center');
  await page.waitFor('t-category-enterprise');
  await page.tap('t-category-enterprise');
  await page.waitFor(`t-day-${day.date}`);
  await page.tap(`t-day-${day.date}`);
  await page.waitFor('t-slot-after_hours');
  const last = (await page.texts('t-slot-after_hours')).at(-1) ?? '';
  assert.ok(last.includes('剩余1个'), last);
  assert.ok(last.includes('延时'), last);
  await page.tap('t-slot-after_hours', -1);
  await page.shot('59-book-last-seat');
  page.willAnswerSubscribe('accept');
  await page.tap('t-book-confirm');
  await page.waitFor('t-booking-confirmed');
  const text = await page.text('t-booking-confirmed');
  assert.ok(text.includes(day.date), text);
  assert.ok(text.includes(slot.start), text);
  assert.ok(text.includes('政务服务中心'), text);
  await page.shot('60-booking-confirmed');

  const other = await d.open('/pages/book/index', 'o_citizen_elder');
  await other.waitFor('t-way-center');
  await other.tap('t-way-center');
  await other.waitFor(`t-day-${day.date}`);
  await other.tap(`t-day-${day.date}`);
  await other.waitFor('t-slot-after_hours');
  const seen = (await other.texts('t-slot-after_hours')).at(-1) ?? '';
  assert.ok(seen.includes('已约满'), seen);
  for (const s of [page, other]) assert.deepEqual(s.errors(), []);
}

/**
 * Choosing 上门 shows the home-visit slots at once. (The weapp harness caught the booking page
 * reloading with the previous query on WeChat while H5 looked right; useAsync now reloads by key.)
 */
export async function homeVisitSlotsJourney(d: Driver): Promise<void> {
  const s = await d.open('/pages/book/index', 'o_citizen_elder');
  await s.waitFor('t-way-home');
  await s.tap('t-way-home');
  await s.waitFor('t-slot-home_visit');
  assert.ok((await s.count('t-slot-home_visit')) > 0, 'home-visit slots are listed');
  assert.equal(await s.count('t-slot-regular'), 0, 'the center’s own slots are not offered for a home visit');
  assert.deepEqual(s.errors(), []);
}
