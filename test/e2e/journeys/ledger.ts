/**
 * Issue 8 journey, written against the shared Driver: a citizen gives a 差评, the unit calls back
 * and rectifies on the 差评 page, the citizen reads the outcome, the center verifies and sees the
 * ledger's figures change, drills down to the case and exports the workbook. Applicants and agents
 * are turned away from the ledger.
 */
import assert from 'node:assert/strict';
import { only, type Driver, type Session } from './driver';

export interface LedgerJourneyEnv {
  /** submits an application as `openid` and takes it to 办结 through the workbench; answers its case number */
  finishedCase(openid: string): Promise<string>;
}

const LEDGER = '/packages/ledger/pages/index/index';
const BAD = '/packages/staff/pages/bad-ratings/index';

async function until(what: string, check: () => Promise<boolean>, ms = 20000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const number = async (s: Session, cls: string) => Number((await s.text(cls)).match(/^[\d.]+/)?.[0] ?? NaN);

async function figures(s: Session) {
  await s.waitFor('t-fig-bad');
  return {
    received: await number(s, 't-fig-received'),
    finished: await number(s, 't-fig-finished'),
    bad: await number(s, 't-fig-bad'),
    callback: await s.text('t-fig-callback'),
    rectified: await s.text('t-fig-rectified'),
  };
}

async function openRating(d: Driver, openid: string): Promise<Session> {
  const s = await d.open('/pages/my/index', openid);
  await s.waitFor('t-case');
  await s.tap('t-case', 0);
  await s.waitFor('t-go-rate');
  await s.tap('t-go-rate');
  return s;
}

/** One step on the 差评 page (the newest 差评 is the first card). */
async function step(s: Session, type: string, fill: Record<string, string>, tick: string[] = []): Promise<string> {
  await s.tap(`t-bad-action-${type}`, 0);
  await s.waitFor('t-bad-form');
  for (const k of tick) await s.tap(`t-bf-${k}`);
  for (const [k, v] of Object.entries(fill)) await s.fill(`t-bf-${k}`, v);
  await s.tap('t-bad-submit');
  await until(`${type} recorded`, async () => (await s.count('t-bad-done')) > 0);
  return s.text('t-bad-done');
}

export async function badRatingLedgerJourney(d: Driver, env: LedgerJourneyEnv): Promise<void> {
  const citizen = 'o_ledger_citizen';
  const before = await d.open(LEDGER, 'o_center_admin');
  const was = await figures(before);
  assert.match(await before.text('t-ledger-scope'), /全县/);
  await before.close();
  const caseNo = await env.finishedCase(citizen);

  // the citizen: 非常不满意, with a reason
  const rate = await openRating(d, citizen);
  await rate.waitFor('t-rate-submit');
  await rate.tap('t-level-very_dissatisfied');
  await rate.tap('t-tags-many_trips');
  await rate.fill('t-comment', '同一份材料让我跑了三趟');
  await rate.tap('t-rate-submit');
  await rate.waitFor('t-bad-rating');
  assert.match(await rate.text('t-bad-rating-status'), /待回访/);
  await rate.shot('81-citizen-bad-rating');
  await rate.close();
  // the 差评's handling record and 台账 row are settled by the notify timer seconds later
  await d.moment();

  // the unit (the case's agent): the 差评 page, linked from the workbench
  const wb = await d.open('/packages/staff/pages/workbench/index', 'o_agent_center');
  await wb.waitFor('t-go-bad-ratings');
  assert.equal(await wb.count('t-go-ledger'), 0, 'an agent is not offered the ledger');
  await wb.tap('t-go-bad-ratings');
  await wb.waitFor('t-bad-item-0');
  assert.match(await wb.text('t-bad-item-0'), new RegExp(caseNo));
  assert.match(await wb.text('t-bad-item-0'), /多次跑动/);
  assert.match(await wb.text('t-bad-due'), /前/);
  await wb.shot('82-agent-bad-rating-to-call-back');
  await only(d, 'h5', 'widths need a layout, which the weapp harness does not do', async () =>
    assert.equal(await wb.overflowX(), 0, 'the 差评 page fits a 375px screen'),
  );
  // a long unbroken run in what the agent types (a file number) wraps in the card
  assert.match(
    await step(
      wb,
      'callBack',
      { note: '电话联系申请人，了解到窗口两次要求补交同一份证明（证明编号ZM20261128093000011389900112209965012345）' },
      ['channel-phone'],
    ),
    /已记录：回访/,
  );
  assert.match(await wb.text('t-bad-status'), /待整改/);
  assert.match(
    await step(wb, 'rectify', { measures: '窗口改为一次性告知清单并当场核对', result: '已向申请人致歉，证照已送达' }),
    /已通知评价人/,
  );
  assert.match(await wb.text('t-bad-status'), /待中心核实/);
  const history = await wb.texts('t-bad-step');
  assert.ok(history.some((h) => /帮代办员 陈静：电话回访：电话联系申请人/.test(h)));
  await only(d, 'h5', 'widths need a layout, which the weapp harness does not do', async () =>
    assert.equal(await wb.overflowX(), 0, 'the 差评 page with its history fits a 375px screen'),
  );
  await wb.shot('83-agent-rectified');
  await wb.close();

  // the citizen reads what was done
  const back = await openRating(d, citizen);
  await back.waitFor('t-bad-rating');
  await until('the outcome on the rating page', async () =>
    /整改结果：已向申请人致歉，证照已送达/.test(await back.text('t-bad-rating')),
  );
  assert.match(await back.text('t-bad-rating-status'), /待中心核实/);
  await back.shot('84-citizen-sees-outcome');
  await back.close();

  // the center verifies, then reads the ledger: one more 差评, called back and rectified
  const verify = await d.open(BAD, 'o_center_admin');
  await verify.waitFor('t-bad-item-0');
  assert.match(await verify.text('t-bad-item-0'), new RegExp(caseNo));
  await step(verify, 'verify', { note: '电话核实，申请人认可整改' }, ['decide-yes']);
  assert.match(await verify.text('t-bad-status'), /已整改办结/);
  await verify.close();

  const after = await d.open(LEDGER, 'o_center_admin');
  const now = await figures(after);
  assert.equal(now.bad, was.bad + 1);
  assert.equal(now.finished, was.finished + 1);
  assert.equal(now.received, was.received + 1);
  assert.match(now.rectified, /^100.0%/);
  await after.waitFor('t-chart-canvas');
  await after.shot('85-ledger-center');
  await after.tap('t-export');
  await after.waitFor('t-export-done');
  assert.match(await after.text('t-export-done'), /帮办代办台账-全县-\d{4}-\d{2}\.xlsx/);
  await after.shot('86-ledger-export');
  // every figure opens the cases behind it
  await after.tap('t-fig-bad');
  await after.waitFor(`t-row-${caseNo}`);
  assert.match(await after.text('t-drill-title'), /差评件数：1件/);
  assert.match(await after.text(`t-row-${caseNo}`), /非常不满意.*已整改办结/s);
  assert.doesNotMatch(await after.pageText(), /13\d{9}/);
  await after.shot('87-ledger-drill-down');
  assert.deepEqual(after.errors(), []);
  await after.close();

  // the responsible leader sees his unit only; applicants and agents are turned away
  const leader = await d.open(LEDGER, 'o_leader_fgw');
  await leader.waitFor('t-ledger-scope');
  assert.match(await leader.text('t-ledger-scope'), /发展和改革委员会/);
  assert.equal(await leader.count('t-unit-all'), 0);
  await leader.shot('88-ledger-leader');
  await leader.close();
  for (const who of [citizen, 'o_agent_center']) {
    const no = await d.open(LEDGER, who);
    await no.waitFor('t-notice-forbidden');
    assert.equal(await no.count('t-figures'), 0);
    await no.close();
  }
}
