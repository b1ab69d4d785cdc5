/**
 * Issue 5 applicant journeys written against the shared Driver (H5 in applicant.test.ts, WeChat
 * in applicant.weapp.test.ts), including choosing files and drawing signatures. Setup that is not
 * the journey itself (other people's bookings) and checks of what was stored go through the
 * test cloud, as `env.call`. Assertions use node:assert, like slice.ts.
 */
import assert from 'node:assert/strict';
import { only, type Driver, type Session } from './driver';
import { journeyFiles } from './files';

type Answer = { ok: true; data: any } | { ok: false; code: string; message: string };

export interface ApplicantJourneyEnv {
  /** calls the cloud function `name` as the WeChat user `openid` (the test cloud) */
  call(name: string, data: object, openid: string): Promise<Answer>;
  /** a 代办 case of `openid` that an agent accepted, delivered and finished; answers its id */
  finishedCase(openid: string): Promise<string>;
  /** a 身份证号 with a valid check digit (invented) */
  personId: string;
}

async function until(what: string, check: () => Promise<boolean>, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Signs in the signature pad `name`: draws, confirms, waits until the image is saved in cloud storage. */
export async function sign(s: Session, name: string): Promise<void> {
  await s.draw(`t-signature-${name}`);
  await s.tap(`t-signature-confirm-${name}`);
  await until(`the ${name} signature saved`, async () => (await s.count('t-signature-done')) > 0 || (await s.count(`t-error-signature-${name}`)) > 0);
  assert.equal(await s.count(`t-error-signature-${name}`), 0, await s.pageText());
}

/** An enterprise 经办人 applies for establishment with uploads and a 代办 mandate signed on the phone. */
export async function enterpriseUploadsJourney(d: Driver, env: ApplicantJourneyEnv, ids: { uscc: string }): Promise<void> {
  const files = journeyFiles();
  const page = await d.open('/pages/apply/index', 'o_enterprise');
  await page.waitFor('t-privacy-agree');
  await page.tap('t-privacy-agree');
  await page.waitFor('t-submit');
  await page.tap('t-category-enterprise');
  await page.tap('t-applicantType-enterprise');
  await page.fill('t-applicantName', '和硕县天山食品有限公司');
  await page.fill('t-uscc', ids.uscc);
  await page.tap('t-enterpriseMatter-establishment');
  await page.fill('t-matter', '新办食品公司设立登记，并办理食品经营许可');
  await page.fill('t-contact-name', '王海');
  await page.fill('t-contact-phone', '13899001122');
  await page.tap('t-mode-proxy');
  await page.waitFor('t-mandate-text');
  assert.ok((await page.text('t-mandate-text')).includes('和硕县天山食品有限公司'));
  // confirming an empty pad is refused in words
  await page.tap('t-signature-confirm-mandate');
  await page.waitFor('t-error-signature-mandate');
  assert.match(await page.text('t-error-signature-mandate'), /写下您的姓名/);
  await sign(page, 'mandate');
  await page.chooseFiles('t-pick-materials', [files.photo, files.pdf, files.tooBig]);
  await until('two files uploaded', async () => (await page.count('t-file')) === 2);
  const picked = await page.pageText();
  assert.ok(picked.includes('不能超过 10 MB'), picked);
  assert.ok(picked.includes('营业执照.png') && picked.includes('场所证明.pdf'), picked);
  await page.tap('t-commitment');
  await page.shot('55-apply-enterprise-uploads-signed');
  page.willAnswerSubscribe('accept');
  await page.tap('t-submit');
  await page.waitFor('t-case-no');
  await page.shot('56-apply-submitted');
  const list = await env.call('cases', { action: 'listMine', input: {} }, 'o_enterprise');
  assert.ok(list.ok, JSON.stringify(list));
  const detail = await env.call('cases', { action: 'get', input: { caseId: list.data.items[0].caseId } }, 'o_enterprise');
  assert.ok(detail.ok, JSON.stringify(detail));
  assert.equal(detail.data.case.mandateSigned, true);
  assert.deepEqual(
    detail.data.case.materials.map((m: { name: string; type: string }) => `${m.name} ${m.type}`),
    ['营业执照.png image/png', '场所证明.pdf application/pdf'],
  );
  assert.deepEqual(page.errors(), []);
}

/**
 * Issue 16 item 1: a citizen submits, then applies again for something else on the same phone. The
 * second form starts empty and makes a second case (it once came back pre-filled with the first
 * request's id, and the server answered the new matter with the old case number).
 */
export async function twoApplicationsJourney(d: Driver, env: ApplicantJourneyEnv): Promise<void> {
  const who = 'o_two_applications';
  const page = await d.open('/pages/apply/index', who);
  await page.waitFor('t-privacy-agree');
  await page.tap('t-privacy-agree');
  const numbers: string[] = [];
  for (const matter of ['办理高龄津贴申领', '办理残疾人两项补贴']) {
    await page.waitFor('t-submit');
    assert.ok(!(await page.pageText()).includes('办理高龄津贴申领'), 'the new form starts empty');
    await page.tap('t-category-livelihood');
    await page.tap('t-applicantType-person');
    await page.fill('t-applicantName', '张桂兰');
    await page.fill('t-idNumber', env.personId);
    await page.tap('t-specialGroups-elderly');
    await page.tap('t-publicService-yes');
    await page.fill('t-matter', matter);
    await page.fill('t-contact-name', '张桂兰');
    await page.fill('t-contact-phone', '13912345678');
    await page.tap('t-mode-help');
    page.willAnswerSubscribe('reject');
    await page.tap('t-submit');
    await page.waitFor('t-case-no');
    numbers.push(await page.text('t-case-no'));
    // the confirmation is read for a while: long past the draft's save delay
    await new Promise((r) => setTimeout(r, 800));
    if (numbers.length === 1) await page.tap('t-apply-again');
  }
  assert.notEqual(numbers[0], numbers[1], `two applications, two case numbers: ${numbers.join(' / ')}`);
  const list = await env.call('cases', { action: 'listMine', input: {} }, who);
  assert.ok(list.ok, JSON.stringify(list));
  assert.deepEqual(list.data.items.map((i: { caseNo: string; matter: string }) => `${i.caseNo} ${i.matter}`).sort(), [`${numbers[0]} 办理高龄津贴申领`, `${numbers[1]} 办理残疾人两项补贴`].sort());
  assert.deepEqual(page.errors(), []);
}

/** A finished case: the applicant signs the receipt on the phone, then rates it and adds a 追评. */
export async function finishedCaseJourney(d: Driver, env: ApplicantJourneyEnv): Promise<void> {
  const caseId = await env.finishedCase('o_citizen_young');
  const page = await d.open(`/pages/case/index?id=${caseId}`, 'o_citizen_young');
  await page.waitFor('t-need-receipt');
  assert.ok((await page.text('t-timeline')).includes('办结'));
  assert.ok((await page.text('t-contacts')).includes('陈静'));
  // one tap calls the agent (her office phone, as digits the dialer takes)
  await only(d, 'weapp', 'Taro H5 dials through a tel: link a headless browser cannot follow', async () => {
    await page.tap('t-call-agent');
    await until('the dialer opened', async () => (await page.dialed()).length > 0);
    assert.deepEqual(await page.dialed(), ['09965012301']);
  });
  await page.shot('61-case-finished-sign');
  // an empty pad is refused in words; drawing then 确认签收 signs, with no separate 确认签名 tap
  await page.tap('t-sign-receipt');
  await page.waitFor('t-error-signature-receipt');
  assert.equal(await page.count('t-signature-confirm-receipt'), 0);
  await page.draw('t-signature-receipt');
  await page.tap('t-sign-receipt');
  await page.waitFor('t-receipt-signed');
  await page.tap('t-go-rate');
  await page.waitFor('t-rate-submit');
  await page.tap('t-level-very_satisfied');
  await page.tap('t-dim-attitude-very_satisfied');
  await page.tap('t-tags-one_visit');
  await page.fill('t-comment', '陈静很耐心，一次办成');
  await page.shot('62-rate');
  await page.tap('t-rate-submit');
  await page.waitFor('t-rating-given');
  assert.ok((await page.text('t-rating-given')).includes('非常满意'));
  await page.tap('t-go-follow-up');
  await page.tap('t-level-dissatisfied');
  await page.tap('t-rate-submit');
  await page.waitFor('t-error-tags');
  assert.ok((await page.text('t-error-tags')).includes('回访整改'));
  await page.tap('t-tags-slow');
  await page.tap('t-rate-submit');
  await page.waitFor('t-bad-rating');
  assert.ok((await page.text('t-bad-rating-status')).includes('待回访'));
  await page.shot('63-rated-with-bad-follow-up');
  // the receipt is on record with the signature the server checked
  const detail = await env.call('cases', { action: 'get', input: { caseId } }, 'o_citizen_young');
  assert.ok(detail.ok && detail.data.case.receipt?.signedAt, JSON.stringify(detail));
  assert.deepEqual(page.errors(), []);
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
