/**
 * The first slice as people use it: 张桂兰 applies and finds her case in 我的申请; 陈静, the
 * center's agent on duty, finds it on her workbench, masked; a citizen is kept out.
 * Assertions use node:assert so the journey also runs outside jest (npm run bench).
 */
import assert from 'node:assert/strict';
import type { Driver, Journey } from './driver';
import { idNumberCheckDigit } from '../../../core/identity';

/** A 身份证号 with a correct GB 11643 check digit (an invented person born 1955). */
const VALID_ID = '65282819550312002' + idNumberCheckDigit('65282819550312002');

export async function sliceJourney(d: Driver): Promise<{ caseNo: string }> {
  const home = await d.open('/pages/index/index', 'o_citizen_elder');
  await home.waitFor('t-go-apply');
  assert.match(await home.pageText(), /免费/);
  await home.shot('01-home');
  await home.tap('t-go-apply');

  // 用户隐私保护指引 first: nothing personal is asked before she agrees
  await home.waitFor('t-privacy-agree');
  await home.tap('t-privacy-agree');
  await home.waitFor('t-submit');
  await home.tap('t-category-livelihood');
  await home.tap('t-applicantType-person');
  await home.tap('t-mode-help');
  await home.fill('t-applicantName', '张桂兰');
  await home.fill('t-idNumber', VALID_ID);
  await home.tap('t-specialGroups-mobility_impaired');
  // §三(一): the matter is a 民生保障类 public service (the server refuses the form without the answer)
  await home.tap('t-publicService-yes');
  // first try without a phone number: the form says what is wrong, in words
  await home.fill('t-matter', '办理高龄津贴申领，本人腿脚不便，希望上门帮办');
  await home.fill('t-contact-name', '张桂兰');
  await home.tap('t-submit');
  await home.waitFor('t-error-contactPhone');
  assert.ok((await home.text('t-error-contactPhone')).includes('手机号'));
  await home.shot('02-apply-field-error');

  await home.fill('t-contact-phone', '13912345678');
  // she allows the 受理结果/进度/办结 notices when asked at the submit tap
  home.willAnswerSubscribe('accept');
  await home.tap('t-submit');
  await home.waitFor('t-case-no');
  const caseNo = (await home.text('t-case-no')).trim();
  assert.match(caseNo, /^BB\d{8}-\d{6}$/);
  await home.shot('03-apply-submitted');

  await home.tap('t-go-my');
  await home.waitFor('t-case');
  const mine = (await home.texts('t-case'))[0];
  assert.ok(mine.includes(caseNo), `我的申请 lists ${caseNo}: ${mine}`);
  assert.ok(mine.includes('已提交，待受理'));
  await home.shot('04-my-applications');

  const agent = await d.open('/packages/staff/pages/workbench/index', 'o_agent_center');
  await agent.waitFor('t-case');
  const row = (await agent.texts('t-case'))[0];
  assert.ok(row.includes(caseNo), `the workbench lists ${caseNo}: ${row}`);
  assert.ok(row.includes('张**'));
  assert.ok(row.includes('139****5678'));
  assert.ok(!row.includes('13912345678'), 'the workbench masks the phone number');
  await agent.shot('05-agent-workbench');

  // §四: the agent is told within seconds (the notify timer), in the app's own inbox whatever WeChat does with the push
  await d.moment();
  const inbox = await d.open('/pages/messages/index', 'o_agent_center');
  await inbox.waitFor('t-message');
  const note = (await inbox.texts('t-message')).find((t) => t.includes(caseNo)) ?? '';
  assert.ok(note.includes('新的帮办代办申请待受理'), `the agent's inbox tells of ${caseNo}: ${note}`);
  await inbox.shot('05b-agent-messages');

  const outsider = await d.open('/packages/staff/pages/workbench/index', 'o_citizen_young');
  await outsider.waitFor('t-notice-forbidden');
  assert.equal(await outsider.count('t-case'), 0);
  await outsider.shot('06-citizen-denied-workbench');

  for (const s of [home, agent, inbox, outsider]) assert.deepEqual(s.errors(), []);
  return { caseNo };
}

/**
 * 长辈版 is one switch for every page and survives closing the app: on H5 through localStorage
 * (same browser), on WeChat through wx storage (same phone and user).
 */
export async function elderModeJourney(d: Driver): Promise<void> {
  const first = await d.open('/pages/index/index', 'o_enterprise');
  await first.waitFor('t-elder-toggle');
  assert.equal(await first.count('elder'), 0);
  await first.tap('t-elder-toggle');
  await first.waitFor('elder');
  assert.ok((await first.text('t-elder-toggle')).includes('已开启'));
  await first.shot('07-home-elder-mode');
  await first.tap('t-go-apply');
  await first.waitFor('t-privacy-agree');
  assert.ok((await first.count('elder')) > 0, 'the next page is large-text too');
  await first.close();

  const again = await d.open('/pages/index/index', 'o_enterprise');
  await again.waitFor('t-elder-toggle');
  await again.waitFor('elder');
  await again.tap('t-elder-toggle');
  assert.ok((await again.text('t-elder-toggle')).includes('未开启'));
  for (const s of [first, again]) assert.deepEqual(s.errors(), []);
}

export const SLICE: Journey = { name: 'slice', run: sliceJourney };
export const ELDER_MODE: Journey = { name: 'elder-mode', run: elderModeJourney };
