/**
 * Issue 20 item 5, the WeChat half: WeChat's screen reader reads `aria-role`, `aria-label` and
 * `aria-checked` on views (base library 2.7.1+). Taro's weapp templates bind only the attributes
 * Taro lists, so until config/plugins/weapp-aria.js they were dropped from every page. Checked on
 * the build itself: the templates in dist/base.wxml, and the data a page sends to the view layer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { agreePrivacy } from '../support/applicant';
import { MiniProgram } from '../weapp-harness';

const DIST = path.join(__dirname, '..', '..', 'dist');
let cloud: CloudBase;
let mp: MiniProgram | undefined;

beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(async () => {
  await mp?.close();
  await cloud?.stop();
});

test('every view template of the build binds the aria attributes WeChat reads', () => {
  const wxml = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
  // Taro's pure-view and click-view templates are for views with no props beyond class, style and a
  // tap; a view with any aria prop renders through the full view template (and static-view)
  const views = [...wxml.matchAll(/<template name="(tmpl_\d+_[^"]+)">\s*<view ([^>]*)>/g)].filter(([, , attrs]) =>
    /hover-class=/.test(attrs),
  );
  expect(views.length).toBeGreaterThan(5);
  for (const [, name, attrs] of views) {
    for (const a of ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-disabled', 'aria-hidden'])
      expect(`${name}: ${attrs.includes(`${a}="{{`)}`).toBe(`${name}: true`);
  }
});

test('the application form reaches the view layer with its roles, names and states', async () => {
  await agreePrivacy(cloud, 'o_weapp_reader');
  mp = await MiniProgram.launch({ dist: DIST, cloud, openid: 'o_weapp_reader', path: 'pages/apply/index' });
  await mp.waitFor('.t-category-livelihood');
  const radio = mp.page.byClass('t-category-livelihood')[0];
  expect(radio.attr('aria-role')).toBe('radio');
  expect(radio.attr('aria-checked')).toBe('false');
  // the group is named by its question
  const group = mp.page.query('.choices').find((n) => n.attr('aria-role') === 'radiogroup');
  expect(String(group?.attr('aria-label'))).toMatch(/哪一类/);
  // the ●/○ marks are decoration: the state is aria-checked and the words 已选
  expect(mp.page.query('.choice__mark').every((n) => n.attr('aria-hidden') === 'true')).toBe(true);
  await mp.tap('.t-category-livelihood');
  expect(mp.page.byClass('t-category-livelihood')[0].attr('aria-checked')).toBe('true');
  // the browser's attribute is not sent to WeChat, where it means nothing
  expect(radio.attr('role')).toBeUndefined();
});
