/**
 * Issue 5 journeys in Chromium on the H5 build. Two are written once against the shared Driver
 * (test/e2e/journeys/applicant.ts) and also run on the WeChat build in applicant.weapp.test.ts:
 * the eligibility refusal at 4.99 million and the last seat of an after-hours slot. The others
 * are H5-only, written with Playwright directly. Canvas signatures and file choosing are not in
 * the Driver: the enterprise application (chooses files, draws the 代办 mandate signature) and
 * the finished case (draws the receipt signature). The 375×667 normal/长辈版 screenshots set the
 * viewport and 长辈版 storage, which the Driver does not offer either. The 上门 application and
 * booking stays here too for now: on the weapp build, choosing 请工作人员上门 still lists the
 * center's slots (no 上门服务 slot to pick), so the Driver port could not pass there.
 * Screenshots land in test-results/screenshots/ as 5x-*.png, 6x-*.png and 7x-*.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { submitAs } from '../support/applicant';
import { launchBrowser, serveApp, shot } from '../support/browser';
import { H5Driver } from './drivers/h5';
import { eligibilityRefusedJourney, homeVisitSlotsJourney, lastSeatJourney, type ApplicantJourneyEnv } from './journeys/applicant';

let cloud: CloudBase;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: BrowserContext;
let driver: H5Driver;
const pages: Page[] = [];
const errors: string[] = [];
const env: ApplicantJourneyEnv = {
  call: (name, data, openid) => call(cloud, name, data, openid),
};

beforeAll(async () => {
  cloud = await startAppCloud();
  app = await serveApp(cloud.url);
  browser = await launchBrowser();
  driver = new H5Driver(browser, app.url);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await cloud?.stop();
});
afterEach(() => {
  expect(errors.splice(0)).toEqual([]);
});

async function open(path: string, as: string, elder = false): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}/#/pages/index/index?as=${as}`);
  // Taro H5 storage wraps values as {data}; unset = follow WeChat's font size
  await page.evaluate((on) => localStorage.setItem('bangban.elderMode', JSON.stringify({ data: on })), elder);
  await page.goto(`${app.url}/#${path}${path.includes('?') ? '&' : '?'}as=${as}`);
  await page.reload();
  pages.push(page);
  return page;
}
const v = (page: Page, cls: string) => page.locator(`.${cls}:visible`);
const tap = (page: Page, cls: string) => v(page, cls).first().click();
const fill = (page: Page, cls: string, value: string) => v(page, cls).first().locator('input, textarea').fill(value);

async function sign(page: Page, name: string) {
  const canvas = v(page, `t-signature-${name}`).locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 80);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 18, box.y + 80 + (i % 2 ? -30 : 30));
  await page.mouse.up();
  await tap(page, `t-signature-confirm-${name}`);
  await v(page, 't-signature-done').waitFor({ timeout: 30000 }).catch(async (e) => {
    throw new Error(`${(e as Error).message}\n${await v(page, `t-signature-${name}`).innerText()}`);
  });
}

/** The app scrolls inside its page, so a full-page shot is the viewport: bring the part that matters into it. */
async function shotAt(page: Page, cls: string, name: string) {
  await v(page, cls).first().scrollIntoViewIfNeeded();
  await shot(page, name);
}

async function agreePrivacyOnPage(page: Page) {
  await v(page, 't-privacy-agree').waitFor();
  await tap(page, 't-privacy-agree');
  await v(page, 't-submit').waitFor();
}

// a 1×1 PNG and a tiny PDF, as a phone would pick them
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('a 民生保障类 citizen applies on the phone and asks for a home visit (上门) with an address', async () => {
  const home = await open('/pages/index/index', 'o_citizen_elder');
  await v(home, 't-go-apply').waitFor();
  expect(await home.locator('body').innerText()).toMatch(/延时[\s\S]*错时|错时[\s\S]*延时/);
  await shot(home, '51-home');
  await tap(home, 't-go-apply');
  await agreePrivacyOnPage(home);
  await tap(home, 't-category-livelihood');
  await tap(home, 't-applicantType-person');
  await fill(home, 't-applicantName', '张桂兰');
  await fill(home, 't-idNumber', '65282819550312002X'.slice(0, 17) + '0');
  await tap(home, 't-specialGroups-mobility_impaired');
  await tap(home, 't-specialGroups-elderly');
  await fill(home, 't-matter', '办理高龄津贴申领，本人腿脚不便，希望上门帮办');
  await fill(home, 't-contact-name', '张桂兰');
  await fill(home, 't-contact-phone', '13912345678');
  await tap(home, 't-mode-help');
  await tap(home, 't-submit');
  // the ID number above has a wrong check digit: said in words under the field
  await v(home, 't-error-idNumber').waitFor();
  expect(await v(home, 't-error-idNumber').innerText()).toContain('校验位');
  await shotAt(home, 't-error-idNumber', '52-apply-id-error');
  const { idNumberCheckDigit } = await import('../../core/identity');
  await fill(home, 't-idNumber', '65282819550312002' + idNumberCheckDigit('65282819550312002'));
  await tap(home, 't-submit');
  await v(home, 't-case-no').waitFor();
  const caseNo = (await v(home, 't-case-no').innerText()).trim();
  expect(caseNo).toMatch(/^BB\d{8}-\d{4}$/);
  await tap(home, 't-go-book');

  await v(home, 't-way-home').waitFor();
  await tap(home, 't-way-home');
  await v(home, 't-slot').first().waitFor();
  // the case just submitted is preselected; the address is required
  await tap(home, 't-book-confirm');
  await v(home, 't-error-address').waitFor();
  await fill(home, 't-address', '和硕县特吾里克镇幸福路8号');
  await tap(home, 't-slot-home_visit');
  await shotAt(home, 't-address', '53-book-home-visit');
  await tap(home, 't-book-confirm');
  await v(home, 't-booking-confirmed').waitFor();
  const confirmed = await v(home, 't-booking-confirmed').innerText();
  expect(confirmed).toContain('上门');
  expect(confirmed).toContain('和硕县特吾里克镇幸福路8号');
  expect(confirmed).toContain('本人身份证原件');
  await shot(home, '54-booking-confirmed-home-visit');
  const inbox = await call(cloud, 'bookings', { action: 'listMine', input: {} }, 'o_citizen_elder');
  expect(inbox.ok && inbox.data.items[0]).toMatchObject({ kindLabel: '上门', homeAddress: '和硕县特吾里克镇幸福路8号' });
});

test('an enterprise 经办人 applies for establishment with uploads and a 代办 mandate signed on the phone', async () => {
  const page = await open('/pages/apply/index', 'o_enterprise');
  await agreePrivacyOnPage(page);
  await tap(page, 't-category-enterprise');
  await tap(page, 't-applicantType-enterprise');
  await fill(page, 't-applicantName', '和硕县天山食品有限公司');
  const { usccCheckCharacter } = await import('../../core/identity');
  await fill(page, 't-uscc', '91652828MA78K3L2P' + usccCheckCharacter('91652828MA78K3L2P'));
  await tap(page, 't-enterpriseMatter-establishment');
  await fill(page, 't-matter', '新办食品公司设立登记，并办理食品经营许可');
  await fill(page, 't-contact-name', '王海');
  await fill(page, 't-contact-phone', '13899001122');
  await tap(page, 't-mode-proxy');
  await v(page, 't-mandate-text').waitFor();
  expect(await v(page, 't-mandate-text').innerText()).toContain('和硕县天山食品有限公司');
  await sign(page, 'mandate');
  await v(page, 't-file-input').count();
  await page.locator('.t-file-input').first().setInputFiles([
    { name: '营业执照.png', mimeType: 'image/png', buffer: PNG },
    { name: '场所证明.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: '太大的扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 1) },
  ]);
  await v(page, 't-file').nth(1).waitFor();
  expect(await page.locator('body').innerText()).toContain('不能超过 10 MB');
  await tap(page, 't-commitment');
  await shotAt(page, 't-mandate', '55-apply-enterprise-uploads-signed');
  await tap(page, 't-submit');
  await v(page, 't-case-no').waitFor();
  await shot(page, '56-apply-submitted');
  const list = await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_enterprise');
  const id = list.ok ? list.data.items[0].caseId : '';
  const detail = await call(cloud, 'cases', { action: 'get', input: { caseId: id } }, 'o_enterprise');
  expect(detail.ok && detail.data.case).toMatchObject({ mandateSigned: true, materials: [expect.objectContaining({ name: '营业执照.png', type: 'image/png' }), expect.objectContaining({ name: '场所证明.pdf', type: 'application/pdf' })] });
});

test('an investor’s project of 4.99 million yuan is refused by the self-check with the reason and where to go', () => eligibilityRefusedJourney(driver));

test('booking the last seat of an after-hours (延时) slot; the next person sees it full', () => lastSeatJourney(driver, env));
test('choosing 上门 lists the home-visit slots at once', () => homeVisitSlotsJourney(driver));

test('a finished case: the applicant signs the receipt on the phone, then rates it and adds a 追评', async () => {
  const r = await submitAs(cloud, 'o_citizen_young', { category: 'enterprise', applicantType: 'enterprise', mode: 'help', matter: '食品经营许可', contactName: '李明', contactPhone: '13912340000' });
  const id = r.ok ? r.data.caseId : '';
  let ver = 1;
  for (const step of [
    { type: 'accept', mandateConfirmed: true, processExplained: true, materialsChecked: true, applicantSigned: true },
    { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
    { type: 'finish', result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局', documentNo: 'JY16528280000001' }, resultHandedOver: true, originalsReturned: true, applicantSigned: true },
  ]) {
    const a = await call(cloud, 'workbench', { action: 'act', input: { caseId: id, version: ver, action: step } }, 'o_agent_center');
    expect(a).toMatchObject({ ok: true });
    ver = a.ok ? a.data.version : ver;
  }
  const page = await open('/pages/my/index', 'o_citizen_young');
  await tap(page, 't-case');
  await v(page, 't-need-receipt').waitFor();
  expect(await v(page, 't-timeline').innerText()).toContain('办结');
  expect(await v(page, 't-contacts').innerText()).toContain('陈静');
  await shotAt(page, 't-need-receipt', '61-case-finished-sign');
  await sign(page, 'receipt');
  await tap(page, 't-sign-receipt');
  await v(page, 't-receipt-signed').waitFor();
  await tap(page, 't-go-rate');
  await v(page, 't-rate-submit').waitFor();
  await tap(page, 't-level-very_satisfied');
  await tap(page, 't-dim-attitude-very_satisfied');
  await tap(page, 't-tags-one_visit');
  await fill(page, 't-comment', '陈静很耐心，一次办成');
  await shot(page, '62-rate');
  await tap(page, 't-rate-submit');
  await v(page, 't-rating-given').waitFor();
  expect(await v(page, 't-rating-given').innerText()).toContain('非常满意');
  await tap(page, 't-go-follow-up');
  await tap(page, 't-level-dissatisfied');
  await tap(page, 't-rate-submit');
  await v(page, 't-error-tags').waitFor();
  expect(await v(page, 't-error-tags').innerText()).toContain('回访整改');
  await tap(page, 't-tags-slow');
  await tap(page, 't-rate-submit');
  await v(page, 't-bad-rating').waitFor();
  expect(await v(page, 't-bad-rating-status').innerText()).toContain('待回访');
  await shotAt(page, 't-bad-rating', '63-rated-with-bad-follow-up');
});

test('every applicant page at 375×667, in normal and large text (长辈版)', async () => {
  const list = await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_citizen_young');
  const finished = list.ok ? list.data.items.find((c: { status: string }) => c.status === 'finished').caseId : '';
  const targets: [string, string, string][] = [
    ['home', '/pages/index/index', 't-go-apply'],
    ['eligibility', '/pages/eligibility/index', 't-check'],
    ['apply', '/pages/apply/index', 't-submit'],
    ['book', '/pages/book/index', 't-my-bookings'],
    ['my', '/pages/my/index', 't-case'],
    ['case', `/pages/case/index?id=${finished}`, 't-timeline'],
    ['rate', `/pages/rate/index?id=${finished}`, 't-rating-given'],
    ['privacy', '/pages/privacy/index', 'card'],
  ];
  for (const elder of [false, true]) {
    for (const [name, path, ready] of targets) {
      const page = await open(path, 'o_citizen_young', elder);
      await v(page, ready).first().waitFor();
      if (name === 'book') await tap(page, 't-way-center');
      if (name === 'book') await v(page, 't-slot').first().waitFor();
      expect(await page.locator('.page.elder').count()).toBe(elder ? 1 : 0);
      await page.setViewportSize({ width: 375, height: 667 });
      await page.screenshot({ path: `test-results/screenshots/7x-${name}-${elder ? 'large' : 'normal'}.png` });
      await page.close();
    }
  }
});
