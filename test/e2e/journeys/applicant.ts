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
  await until(
    `the ${name} signature saved`,
    async () => (await s.count('t-signature-done')) > 0 || (await s.count(`t-error-signature-${name}`)) > 0,
  );
  assert.equal(await s.count(`t-error-signature-${name}`), 0, await s.pageText());
}

/** An enterprise 经办人 applies for establishment with uploads and a 代办 mandate signed on the phone. */
export async function enterpriseUploadsJourney(
  d: Driver,
  env: ApplicantJourneyEnv,
  ids: { uscc: string },
): Promise<void> {
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
  // the licence photographed (WeChat: camera or album; H5: an image file), the PDFs from a chat / the disk
  await page.takePhotos('t-pick-materials-photo', [files.photo]);
  await until('the photo uploaded', async () => (await page.count('t-file')) === 1);
  await page.chooseFiles('t-pick-materials-pdf', [files.pdf, files.tooBig]);
  await until('two files uploaded', async () => (await page.count('t-file')) === 2);
  // a photo from WeChat's camera has no file name: the app names it 照片1; the browser keeps the file's
  const photoName = d.build === 'weapp' ? '照片1.png' : '营业执照.png';
  const picked = await page.pageText();
  assert.ok(picked.includes('不能超过 10 MB'), picked);
  assert.ok(picked.includes(photoName) && picked.includes('场所证明.pdf'), picked);
  await page.tap('t-commitment');
  await page.shot('55-apply-enterprise-uploads-signed');
  page.willAnswerSubscribe('accept');
  await page.tap('t-submit');
  await page.waitFor('t-case-no');
  await page.shot('56-apply-submitted');
  const list = await env.call('cases', { action: 'listMine', input: {} }, 'o_enterprise');
  assert.ok(list.ok, JSON.stringify(list));
  const detail = await env.call(
    'cases',
    { action: 'get', input: { caseId: list.data.items[0].caseId } },
    'o_enterprise',
  );
  assert.ok(detail.ok, JSON.stringify(detail));
  assert.equal(detail.data.case.mandateSigned, true);
  assert.deepEqual(
    detail.data.case.materials.map((m: { name: string; type: string }) => `${m.name} ${m.type}`),
    [`${photoName} image/png`, '场所证明.pdf application/pdf'],
  );
  assert.deepEqual(page.errors(), []);
}

/** Fills the 民生 form of a citizen (张桂兰) up to the materials. */
async function fillCitizenForm(page: Session, env: ApplicantJourneyEnv, matter: string): Promise<void> {
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
}

/** The materials of the applicant's only case, as "name type". */
async function storedMaterials(env: ApplicantJourneyEnv, openid: string): Promise<string[]> {
  const list = await env.call('cases', { action: 'listMine', input: {} }, openid);
  assert.ok(list.ok, JSON.stringify(list));
  const detail = await env.call('cases', { action: 'get', input: { caseId: list.data.items[0].caseId } }, openid);
  assert.ok(detail.ok, JSON.stringify(detail));
  return detail.data.case.materials.map((m: { name: string; type: string }) => `${m.name} ${m.type}`);
}

/**
 * Issue 18: a citizen photographs her ID card with the phone's camera (WeChat's chooseMedia; an
 * image file on H5) and submits it; she accepts the reminders with WeChat's sound turned on too.
 */
export async function photographedIdCardJourney(d: Driver, env: ApplicantJourneyEnv): Promise<void> {
  const who = 'o_id_card_photo';
  const files = journeyFiles();
  const page = await d.open('/pages/apply/index', who);
  await page.waitFor('t-privacy-agree');
  await page.tap('t-privacy-agree');
  await page.waitFor('t-submit');
  await fillCitizenForm(page, env, '办理高龄津贴申领，附身份证照片');
  await page.takePhotos('t-pick-materials-photo', [files.idCard]);
  await until('the ID card photo uploaded', async () => (await page.count('t-file')) === 1);
  const photoName = d.build === 'weapp' ? '照片1.jpg' : '身份证.jpg';
  assert.ok((await page.text('t-file')).includes(photoName), await page.text('t-file'));
  page.willAnswerSubscribe('acceptWithAudio');
  await page.tap('t-submit');
  await page.waitFor('t-case-no');
  assert.deepEqual(await storedMaterials(env, who), [`${photoName} image/jpeg`]);
  assert.deepEqual(page.errors(), []);
}

/**
 * Issue 18: someone who agreed to the privacy guide before (on the server) uses a phone where
 * WeChat has no consent yet. Picking a PDF: WeChat asks the app (onNeedPrivacyAuthorization), the
 * app's own card opens over the filled form, one tap agrees for both, and the PDF arrives. H5 has
 * no WeChat consent: the PDF arrives at once.
 */
export async function pdfAfterWechatConsentJourney(d: Driver, env: ApplicantJourneyEnv): Promise<void> {
  const who = 'o_pdf_new_phone';
  const files = journeyFiles();
  const status = await env.call('applicant', { action: 'privacyStatus', input: {} }, who);
  assert.ok(status.ok, JSON.stringify(status));
  const agreed = await env.call('applicant', { action: 'agreePrivacy', input: { version: status.data.version } }, who);
  assert.ok(agreed.ok, JSON.stringify(agreed));
  const page = await d.open('/pages/apply/index', who);
  await page.waitFor('t-submit');
  assert.equal(await page.count('t-privacy-agree'), 0, 'consent on the server: no gate before the form');
  await fillCitizenForm(page, env, '办理残疾人两项补贴，附证明 PDF');
  await page.chooseFiles('t-pick-materials-pdf', [files.pdf]);
  await only(
    d,
    'weapp',
    'WeChat’s own privacy consent (onNeedPrivacyAuthorization) exists only in WeChat',
    async () => {
      await page.waitFor('t-wx-privacy-agree');
      assert.equal(await page.count('t-file'), 0, 'the picker waits for consent');
      assert.match(await page.text('t-wx-privacy'), /相册|摄像头|文件/);
      await page.tap('t-wx-privacy-agree');
    },
  );
  await until('the PDF uploaded', async () => (await page.count('t-file')) === 1);
  assert.equal(await page.count('t-wx-privacy'), 0);
  // submitted without typing again: the card opened over the form and left it as it was
  page.willAnswerSubscribe('reject');
  await page.tap('t-submit');
  await page.waitFor('t-case-no');
  assert.deepEqual(await storedMaterials(env, who), ['场所证明.pdf application/pdf']);
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
    await fillCitizenForm(page, env, matter);
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
  assert.deepEqual(
    list.data.items.map((i: { caseNo: string; matter: string }) => `${i.caseNo} ${i.matter}`).sort(),
    [`${numbers[0]} 办理高龄津贴申领`, `${numbers[1]} 办理残疾人两项补贴`].sort(),
  );
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
    const r = await env.call(
      'bookings',
      { action: 'book', input: { slotId: slot.slotId, category: 'enterprise' } },
      `o_e2e_${i}`,
    );
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

/** Taps 下一步 and waits for the next question (its own hook). */
async function nextTo(s: Session, hook: string): Promise<void> {
  await s.tap('t-step-next');
  await s.waitFor(hook);
}

async function atStep(s: Session, n: number, total: number): Promise<void> {
  const p = await s.text('t-step-progress');
  assert.ok(p.startsWith(`第 ${n} 步，共 ${total} 步`), `step ${n} of ${total}: ${p}`);
}

/**
 * Issue 16 item 3: an elderly citizen in 长辈版 applies one question a screen, twice in a row (the
 * second time she leaves half-way and comes back to the same step), then rates two finished
 * services one question a screen. The second application and the second rating are where a step
 * flow that keeps state would go wrong.
 */
export async function elderStepsJourney(d: Driver, env: ApplicantJourneyEnv): Promise<void> {
  const who = 'o_elder_steps';
  const home = await d.open('/pages/index/index', who);
  await home.waitFor('t-elder-toggle');
  if ((await home.text('t-elder-toggle')).includes('未开启')) await home.tap('t-elder-toggle');
  // 长辈版 opens with what she came for: 申请 and 我的申请 right under the title
  await home.waitFor('t-home-first');
  assert.match(await home.text('t-home-first'), /申请帮办代办[\s\S]*我的申请/);
  await home.shot('80-elder-home');
  await home.tap('t-go-apply');
  await home.waitFor('t-privacy-agree');
  await home.tap('t-privacy-agree');
  const sessions: Session[] = [home];
  const numbers: string[] = [];
  for (const [i, matter] of ['办理高龄津贴申领', '办理残疾人两项补贴'].entries()) {
    // the first time 帮办; the second 代办, which adds the mandate and its signature as a step
    let total = 12;
    let s = sessions[sessions.length - 1];
    await s.waitFor('t-category-livelihood');
    await atStep(s, 1, total);
    assert.ok(!(await s.pageText()).includes('已选'), 'the new form starts empty');
    // 下一步 without an answer says what is missing and stays
    await s.tap('t-step-next');
    await s.waitFor('t-error-category');
    await s.tap('t-category-livelihood');
    await nextTo(s, 't-applicantType-person');
    await atStep(s, 2, total);
    await s.tap('t-applicantType-person');
    await nextTo(s, 't-applicantName');
    await s.fill('t-applicantName', '张桂兰');
    await nextTo(s, 't-idNumber');
    await s.fill('t-idNumber', env.personId);
    if (i === 0) await s.shot('81-elder-apply-step-id');
    await nextTo(s, 't-specialGroups-elderly');
    await s.tap('t-specialGroups-elderly');
    await nextTo(s, 't-publicService-yes');
    await s.tap('t-publicService-yes');
    await nextTo(s, 't-matter');
    await s.fill('t-matter', matter);
    await nextTo(s, 't-contact-name');
    if (i === 1) {
      // she puts the phone down half-way; the form opens again at the same step, answers kept
      await new Promise((r) => setTimeout(r, 800));
      await s.close();
      s = await d.open('/pages/apply/index', who);
      sessions.push(s);
      await s.waitFor('t-contact-name');
      await atStep(s, 8, total);
    }
    await nextTo(s, 't-contact-phone');
    await s.fill('t-contact-phone', '139123');
    await s.tap('t-step-next');
    await s.waitFor('t-error-contactPhone');
    await s.fill('t-contact-phone', '13912345678');
    // 上一步 and forward again: nothing lost
    await s.tap('t-step-back');
    await s.waitFor('t-contact-name');
    await nextTo(s, 't-contact-phone');
    await nextTo(s, 't-mode-help');
    if (i === 0) {
      await s.tap('t-mode-help');
      await s.shot('82-elder-apply-step-mode');
    } else {
      await s.tap('t-mode-proxy');
      total = 13;
      await nextTo(s, 't-mandate-text');
      await atStep(s, 11, total);
      assert.ok((await s.text('t-mandate-text')).includes(matter));
      await s.tap('t-step-next');
      await s.waitFor('t-error-signature-mandate');
      // (not sign(): that one reads any signature error as a failed save, and this one is still up)
      await s.draw('t-signature-mandate');
      await s.tap('t-signature-confirm-mandate');
      await s.waitFor('t-signature-done');
      assert.equal(await s.count('t-error-signature-mandate'), 0, 'signed: the step’s error is gone');
    }
    await nextTo(s, 't-pick-materials-photo');
    await nextTo(s, 't-review');
    await atStep(s, total, total);
    const review = await s.text('t-review');
    if (i === 0) await s.shot('84-elder-apply-review');
    for (const answer of ['张桂兰', env.personId, matter, '13912345678', i === 0 ? '帮办' : '已签名'])
      assert.ok(review.includes(answer), `the read-back has ${answer}: ${review}`);
    s.willAnswerSubscribe('reject');
    await s.tap('t-submit');
    await s.waitFor('t-case-no');
    numbers.push(await s.text('t-case-no'));
    // the confirmation is read for a while: long past the draft's save delay
    await new Promise((r) => setTimeout(r, 800));
    if (i === 0) await s.tap('t-apply-again');
  }
  assert.notEqual(numbers[0], numbers[1], `two applications, two case numbers: ${numbers.join(' / ')}`);
  const list = await env.call('cases', { action: 'listMine', input: {} }, who);
  assert.ok(list.ok, JSON.stringify(list));
  assert.deepEqual(
    list.data.items.map((c: { caseNo: string; matter: string }) => `${c.caseNo} ${c.matter}`).sort(),
    [`${numbers[0]} 办理高龄津贴申领`, `${numbers[1]} 办理残疾人两项补贴`].sort(),
  );

  // two finished services, rated one after the other: 总体评价, three dimensions, reasons, comment
  for (const [i, level] of ['very_satisfied', 'dissatisfied'].entries()) {
    const caseId = await env.finishedCase(who);
    const r = await d.open(`/pages/rate/index?id=${caseId}`, who);
    sessions.push(r);
    await r.waitFor('t-level-very_satisfied');
    await atStep(r, 1, 6);
    await r.tap(`t-level-${level}`);
    await nextTo(r, `t-dim-efficiency-${level}`);
    await r.tap(`t-dim-efficiency-${level}`);
    if (i === 0) await r.shot('83-elder-rate-step-dimension');
    await nextTo(r, 't-dim-competence-satisfied');
    await nextTo(r, `t-dim-attitude-${level}`);
    await r.tap(`t-dim-attitude-${level}`);
    await nextTo(r, i === 0 ? 't-tags-one_visit' : 't-tags-slow');
    if (i === 0) await r.tap('t-tags-one_visit');
    await nextTo(r, 't-comment');
    await atStep(r, 6, 6);
    if (i === 0) await r.fill('t-comment', '工作人员很耐心');
    await r.tap('t-rate-submit');
    if (i === 1) {
      // a 差评 needs a reason: back to the reasons, said in words
      await r.waitFor('t-error-tags');
      assert.ok((await r.text('t-error-tags')).includes('回访整改'));
      await atStep(r, 5, 6);
      await r.tap('t-tags-slow');
      await nextTo(r, 't-comment');
      await r.tap('t-rate-submit');
      await r.waitFor('t-bad-rating');
    }
    await r.waitFor('t-rating-given');
    assert.ok((await r.text('t-rating-given')).includes(i === 0 ? '非常满意' : '不满意'));
    const rated = await env.call('ratings', { action: 'getForCase', input: { caseId } }, who);
    assert.ok(rated.ok && rated.data.rating, JSON.stringify(rated));
    const dims = rated.data.rating.dimensions
      .map((x: { label: string; levelLabel: string }) => `${x.label}${x.levelLabel}`)
      .sort();
    const label = i === 0 ? '非常满意' : '不满意';
    assert.deepEqual(dims, [`服务态度${label}`, `服务效率${label}`].sort());
  }

  // 长辈版 back off: the next journey in this browser starts as most people do
  const last = sessions[sessions.length - 1];
  await last.close();
  const off = await d.open('/pages/index/index', who);
  await off.waitFor('t-elder-toggle');
  await off.tap('t-elder-toggle');
  assert.ok((await off.text('t-elder-toggle')).includes('未开启'));
  for (const s of [...sessions, off]) assert.deepEqual(s.errors(), []);
}
