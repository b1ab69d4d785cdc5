/**
 * Issue 20 item 5: what a screen reader meets. axe-core (the engine browsers' own audits use) runs
 * in Chromium over every applicant page of the H5 build, in normal and large-text (长辈版) mode, at
 * 375×667, with the page's real content: a new applicant, one with an open case, one with a finished
 * case to sign and rate. No critical and no serious violation may remain; moderate and minor ones
 * are printed for the record. WeChat's own reader uses `aria-role` (the weapp build), browsers
 * `role` (the H5 build): src/utils/a11y.ts chooses per build, and the weapp half is checked on the
 * WeChat build's templates in weapp-a11y.test.ts.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { deliver } from '../support/app';
import { shot } from '../support/browser';
import { agreePrivacy, submitAs } from '../support/applicant';
import { applicantJourneyEnv } from './journeys/applicant-env';
import { h5Env } from './env';

const e2e = h5Env();
const env = applicantJourneyEnv(() => e2e.cloud);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WHO = 'o_a11y_reader';

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

let openCaseId = '';
let finishedCaseId = '';
beforeAll(async () => {
  await agreePrivacy(e2e.cloud, WHO);
  finishedCaseId = await env.finishedCase(WHO);
  // a second, open case: the case page with its pending steps
  const r = await submitAs(e2e.cloud, WHO, {
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'help',
    matter: '变更登记',
    contactName: '李明',
    contactPhone: '13912340000',
  });
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  openCaseId = r.data.caseId;
  // the messages page with its messages in it
  await deliver(e2e.cloud);
}, 120_000);

async function open(path: string, elder: boolean, lang: 'zh' | 'ug' = 'zh'): Promise<Page> {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.app.url}/#/pages/index/index?as=${WHO}`);
  // Taro H5 storage wraps values as {data}
  await page.evaluate((on) => localStorage.setItem('bangban.elderMode', JSON.stringify({ data: on })), elder);
  await page.goto(`${e2e.app.url}/#${path}${path.includes('?') ? '&' : '?'}as=${WHO}&lang=${lang}`);
  await page.reload();
  return page;
}

async function audit(page: Page, ready: string, plant = false): Promise<Finding[]> {
  await page.locator(`.${ready}:visible`).first().waitFor({ timeout: 30_000 });
  if (plant) {
    // what the pages rendered before this issue (WeChat's attribute on a browser element), and text too light to read
    await page.evaluate(
      (at) =>
        document
          .querySelector(`.taro_page_show .${at}`)
          ?.insertAdjacentHTML(
            'beforebegin',
            '<div aria-role="radio" aria-checked="false">是</div><p style="color:#aaa;background:#fff">浅灰色的字</p>',
          ),
      ready,
    );
  }
  // axe judges contrast only on text it can see: the whole page in one tall viewport, 375 wide
  const height = await page.evaluate(() =>
    Math.max(667, ...[...document.querySelectorAll('.taro_page_show, .taro_page_show *')].map((e) => e.scrollHeight)),
  );
  await page.setViewportSize({ width: 375, height: Math.min(height + 200, 12_000) });
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Element,
            o: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { html: string }[] }[];
          }>;
        };
      }
    ).axe;
    // the page on screen; Taro H5 keeps earlier pages hidden in the DOM
    const root = document.querySelector('.taro_page_show') ?? document.body;
    const res = await axe.run(root, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)),
    }));
  });
}

test('the audit sees the page: a planted aria-role and light-grey text are found', async () => {
  const page = await open('/pages/apply/index', false);
  try {
    const found = await audit(page, 't-submit', true);
    expect(found.map((f) => `${f.impact} ${f.id}`)).toEqual(
      expect.arrayContaining(['critical aria-valid-attr', 'serious color-contrast']),
    );
  } finally {
    await page.close();
  }
}, 60_000);

const PAGES: { name: string; path: () => string; ready: string }[] = [
  { name: 'home', path: () => '/pages/index/index', ready: 't-go-apply' },
  { name: 'self-check', path: () => '/pages/eligibility/index', ready: 't-check' },
  { name: 'apply', path: () => '/pages/apply/index', ready: 't-category-livelihood' },
  { name: 'book', path: () => '/pages/book/index', ready: 't-way-center' },
  { name: 'my', path: () => '/pages/my/index', ready: 't-case' },
  { name: 'case (open)', path: () => `/pages/case/index?id=${openCaseId}`, ready: 't-status' },
  { name: 'case (finished)', path: () => `/pages/case/index?id=${finishedCaseId}`, ready: 't-status' },
  { name: 'rate', path: () => `/pages/rate/index?id=${finishedCaseId}`, ready: 'choices' },
  { name: 'messages', path: () => '/pages/messages/index', ready: 't-message' },
  { name: 'privacy', path: () => '/pages/privacy/index', ready: 'card__title' },
];

describe.each([
  ['normal text', false],
  ['长辈版', true],
])('%s', (_mode, elder) => {
  test.each(PAGES.map((p) => [p.name, p] as const))(
    '%s: no critical or serious axe-core violation',
    async (_name, p) => {
      const page = await open(p.path(), elder);
      try {
        const found = await audit(page, p.ready);
        const blocking = found.filter((f) => f.impact === 'critical' || f.impact === 'serious');
        const rest = found.filter((f) => !blocking.includes(f));
        if (rest.length)
          console.log(
            `${p.name}${elder ? ' (长辈版)' : ''}: ${rest.map((f) => `${f.impact} ${f.id} ×${f.nodes.length}`).join('; ')}`,
          );
        expect(blocking).toEqual([]);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});

/** Every applicant page is on the dictionary (issue 20): each is audited in Uyghur too. */
const UYGHUR_PAGES = PAGES;

describe.each([
  ['ئۇيغۇرچە', false],
  ['ئۇيغۇرچە 长辈版', true],
])('%s', (_mode, elder) => {
  test.each(UYGHUR_PAGES.map((p) => [p.name, p] as const))(
    '%s: right to left, and no critical or serious axe-core violation',
    async (name, p) => {
      const page = await open(p.path(), elder, 'ug');
      try {
        await page.locator(`.${p.ready}:visible`).first().waitFor({ timeout: 30_000 });
        expect(
          await page.evaluate(
            () => getComputedStyle(document.querySelector('.taro_page_show .page') as Element).direction,
          ),
        ).toBe('rtl');
        await shot(page, `a11y-ug-${name}${elder ? '-large' : ''}`);
        const found = await audit(page, p.ready);
        expect(found.filter((f) => f.impact === 'critical' || f.impact === 'serious')).toEqual([]);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
