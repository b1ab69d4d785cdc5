/**
 * The first slice as people use it, in Chromium on the H5 build: 张桂兰 applies and finds her case
 * in 我的申请; 陈静, the center's agent on duty, finds it on her workbench; a citizen is kept out.
 * Screenshots land in test-results/screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { launchBrowser, serveApp, shot } from '../support/browser';

let cloud: CloudBase;
let app: Awaited<ReturnType<typeof serveApp>>;
let browser: BrowserContext;

beforeAll(async () => {
  cloud = await startAppCloud();
  app = await serveApp(cloud.url);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await cloud?.stop();
});

// Taro H5 keeps earlier pages of the stack in the DOM, hidden, so locators ask for :visible
async function open(path: string, as: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${app.url}/#${path}?as=${as}`);
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

test('a citizen applies and sees the case in 我的申请; the agent on duty sees it on the workbench', async () => {
  const home = await open('/pages/index/index', 'o_citizen_elder');
  await home.locator('.t-go-apply:visible').waitFor();
  expect(await home.locator('body').innerText()).toMatch(/免费/);
  await shot(home, '01-home');
  await home.locator('.t-go-apply:visible').click();

  await home.locator('.t-submit:visible').waitFor();
  await home.locator('.t-category-livelihood:visible').click();
  await home.locator('.t-applicantType-person:visible').click();
  await home.locator('.t-mode-proxy:visible').click();
  // first try without a phone number: the form says what is wrong, in words
  await home.locator('.t-matter:visible textarea').fill('办理高龄津贴申领，本人腿脚不便，希望上门帮办');
  await home.locator('.t-contact-name:visible input').fill('张桂兰');
  await home.locator('.t-submit:visible').click();
  await home.locator('.t-error-contactPhone:visible').waitFor();
  expect(await home.locator('.t-error-contactPhone:visible').innerText()).toContain('手机号');
  await shot(home, '02-apply-field-error');

  await home.locator('.t-contact-phone:visible input').fill('13912345678');
  await home.locator('.t-submit:visible').click();
  await home.locator('.t-case-no:visible').waitFor();
  const caseNo = (await home.locator('.t-case-no:visible').innerText()).trim();
  expect(caseNo).toMatch(/^BB\d{8}-\d{4}$/);
  await shot(home, '03-apply-submitted');

  await home.locator('.t-go-my:visible').click();
  await home.locator('.t-case:visible').first().waitFor();
  const mine = await home.locator('.t-case:visible').first().innerText();
  expect(mine).toContain(caseNo);
  expect(mine).toContain('已提交，待受理');
  await shot(home, '04-my-applications');

  const agent = await open('/packages/staff/pages/workbench/index', 'o_agent_center');
  await agent.locator('.t-case:visible').first().waitFor();
  const row = await agent.locator('.t-case:visible').first().innerText();
  expect(row).toContain(caseNo);
  expect(row).toContain('张**');
  expect(row).toContain('139****5678');
  expect(row).not.toContain('13912345678');
  await shot(agent, '05-agent-workbench');

  const outsider = await open('/packages/staff/pages/workbench/index', 'o_citizen_young');
  await outsider.locator('.t-notice-forbidden:visible').waitFor();
  expect(await outsider.locator('.t-case:visible').count()).toBe(0);
  await shot(outsider, '06-citizen-denied-workbench');

  for (const p of [home, agent, outsider]) expect((p as Page & { errors?: string[] }).errors).toEqual([]);
});
