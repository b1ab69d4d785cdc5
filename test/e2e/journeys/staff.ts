/**
 * Issue 6 journeys, as agent, leader and center, written against the shared Driver (H5 in
 * staff.test.ts). Cases are submitted through the cases function (`submit` is the applicant's
 * screen, covered by its own journeys); everything staff do is done by tapping the staff pages.
 */
import assert from 'node:assert/strict';
import { only, type Driver, type Session } from './driver';
import { PDF_BYTES, PNG_BYTES } from '../../support/applicant';

export interface StaffJourneyEnv {
  /** submits an application as `openid` and answers its case number; `withFiles`: with a photo and a PDF (journeyFileBytes) */
  newCase(
    openid: string,
    kind: 'enterprise' | 'investment' | 'walkIn',
    options?: { withFiles?: boolean },
  ): Promise<string>;
  /**
   * Today's booking of someone who phoned yesterday, whose slot began an hour ago (so the desk can
   * check them in; the clock cannot be moved in a journey). Answers the masked name the desk shows.
   */
  bookingUnderWay(name: string, phone: string): Promise<string>;
  /** calls a cloud function as `openid` (to check what was stored) */
  call(
    name: string,
    data: object,
    openid: string,
  ): Promise<{ ok: boolean; data?: any; code?: string; message?: string }>;
}

const WB = '/packages/staff/pages/workbench/index';

async function until(what: string, check: () => Promise<boolean>, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Opens the workbench, finds the case in a queue, opens it. */
async function openCase(d: Driver, openid: string, caseNo: string, queue = 'open'): Promise<Session> {
  const s = await d.open(WB, openid);
  await s.waitFor(`t-queue-${queue}`);
  await s.tap(`t-queue-${queue}`);
  await s.waitFor(`t-case-${caseNo}`);
  await s.tap(`t-case-${caseNo}`);
  await s.waitFor('t-timeline');
  return s;
}

type Step = { type: string; fill?: Record<string, string>; tick?: string[]; pick?: string[] };

/** One staff action: tap it, type and tick what it asks, confirm; waits for the new timeline entry. */
async function act(s: Session, step: Step): Promise<string> {
  const before = await s.count('t-event');
  await s.waitFor(`t-action-${step.type}`);
  await s.tap(`t-action-${step.type}`);
  if (step.fill || step.tick || step.pick) {
    await s.waitFor('t-action-form');
    for (const [k, v] of Object.entries(step.fill ?? {})) await s.fill(`t-f-${k}`, v);
    for (const k of step.tick ?? []) await s.tap(`t-f-${k}`);
    for (const k of step.pick ?? []) await s.tap(`t-f-${k}`);
    await s.tap('t-submit-action');
  }
  await until(
    `${step.type} on the timeline`,
    async () => (await s.count('t-event')) === before + 1 && (await s.count('t-done')) > 0,
  );
  return s.text('t-done');
}

/** 陈静 takes a new enterprise case through accept → window → 补正 → materials in → contact → finish. */
export async function agentFullJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_enterprise', 'enterprise');
  const list = await d.open(WB, 'o_agent_center');
  await list.waitFor(`t-case-${caseNo}`);
  assert.match(await list.text('t-queue-new'), /新申请 \d+/);
  await list.shot('10-agent-queues');
  await list.close();

  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await s.tap('t-action-accept');
  await s.waitFor('t-action-form');
  // the applicant signed the 代办 mandate on the phone: that is the signature; no pad is offered
  assert.match(await s.text('t-phone-signed'), /在手机上签署委托书/);
  assert.equal(await s.count('t-signature-accept'), 0);
  // the checklist refuses what was not ticked, in words
  for (const k of ['mandateConfirmed', 'processExplained', 'mandateLetterSigned']) await s.tap(`t-f-${k}`);
  await s.tap('t-submit-action');
  await s.waitFor('t-act-error');
  assert.match(await s.text('t-act-error'), /核实申请人的相关资料/);
  await s.shot('11-agent-accept-checklist');
  await s.tap('t-f-materialsChecked');
  await s.tap('t-submit-action');
  await until('accepted', async () => (await s.text('t-status')) === '已受理');

  assert.match(
    await act(s, { type: 'deliver', fill: { window: '市场监管窗口', committedWorkingDays: '5' } }),
    /已送达审批窗口.*已通知/,
  );
  assert.match(await s.text('t-deadline'), /到期/);
  await act(s, { type: 'requestMaterials', fill: { missing: '经营场所使用证明\n法定代表人身份证复印件' } });
  assert.match(await s.text('t-missing'), /经营场所使用证明、法定代表人身份证复印件/);
  await s.shot('12-agent-materials-requested');
  await act(s, { type: 'receiveMaterials' });
  await act(s, {
    type: 'reportProgress',
    pick: ['channel-phone'],
    fill: { note: '电话告知补正材料已收到，窗口继续办理' },
  });
  assert.match(await s.text('t-next-feedback'), /下次定期反馈：\d{4}-\d{2}-\d{2}/);
  await act(s, {
    type: 'finish',
    fill: { decidedBy: '和硕县市场监督管理局', documentNo: 'JY16528280000001' },
    tick: ['resultHandedOver', 'originalsReturned'],
  });
  assert.equal(await s.text('t-status'), '已办结');
  // no tick claims the receipt: without a signature drawn at the desk it waits for the applicant's phone
  assert.match(await s.text('t-receipt-state'), /待申请人在手机上签收/);
  const events = await s.texts('t-event');
  assert.deepEqual(
    events.map((e) => e.split(' · ')[1].replace(/（.*）/, '')),
    ['办结', '反馈办理情况', '收到补正材料', '通知补正材料', '送达审批窗口', '受理', '提交申请'],
  );
  assert.ok(events.some((e) => e.includes('（电话）')));
  await s.shot('13-agent-finished');
  assert.deepEqual(s.errors(), []);
}

/**
 * A 帮办 request made without a phone signature: the applicant signs with a finger on 陈静's
 * device at the desk; accepting without it is refused in words; the case then shows the desk
 * signature it rests on.
 */
export async function deskSignatureAcceptJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_citizen_elder', 'walkIn');
  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await s.tap('t-action-accept');
  await s.waitFor('t-action-form');
  assert.equal(await s.count('t-phone-signed'), 0);
  await s.waitFor('t-signature-accept');
  for (const k of ['mandateConfirmed', 'processExplained', 'materialsChecked']) await s.tap(`t-f-${k}`);
  await s.tap('t-submit-action');
  await s.waitFor('t-act-error');
  assert.match(await s.text('t-act-error'), /签字/);
  await s.draw('t-signature-accept');
  await s.shot('21-agent-accept-desk-signature');
  await s.tap('t-signature-confirm-accept');
  await until('the desk signature saved', async () => (await s.count('t-signature-done')) > 0);
  await s.tap('t-submit-action');
  await until('accepted', async () => (await s.text('t-status')) === '已受理');
  assert.match(await s.text('t-accept-signature'), /窗口当面手写签名/);
  assert.deepEqual(s.errors(), []);
}

/**
 * The desk: 陈静 books a caller (phone call) into a slot, the day list per window shows them
 * masked, and she checks in a walk-in whose slot has begun; the leader sees the list read-only.
 */
export async function deskJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const arrived = await env.bookingUnderWay('阿依古丽', '13700002222');
  const s = await d.open(WB, 'o_agent_center');
  await s.waitFor('t-go-desk');
  await s.tap('t-go-desk');
  await s.waitFor('t-desk-list');
  // today: the walk-in whose slot began is there, with a check-in
  await until('the booking under way listed', async () =>
    (await s.texts('t-desk-booking')).some((t) => t.includes(arrived)),
  );
  await s.shot('22-desk-today');
  // only a slot that has begun can be checked in: theirs is the one
  assert.equal(await s.count('t-checkin-yes'), 1);
  await s.tap('t-checkin-yes');
  await s.waitFor('t-desk-done');
  assert.match(await s.text('t-desk-done'), /已到场/);
  await until('the list shows it', async () =>
    (await s.texts('t-desk-booking-attended')).some((t) => t.includes(arrived)),
  );

  // a phone call: 吐尔逊 books for tomorrow or later
  await s.tap('t-walkin-open');
  await s.waitFor('t-walkin-form');
  await s.tap('t-walkin-submit');
  await s.waitFor('t-error-phone');
  assert.match(await s.text('t-error-name'), /姓名/);
  await s.fill('t-walkin-name', '吐尔逊');
  await s.fill('t-walkin-phone', '13700001111');
  await s.tap('t-walkin-category-livelihood');
  let day = 0;
  for (; day < 7; day++) {
    await s.tap(`t-desk-day-${day}`);
    await until(
      'slots for the day',
      async () => (await s.count('t-walkin-slot')) > 0 || (await s.count('t-walkin-noslots')) > 0,
    );
    if ((await s.count('t-walkin-slot')) > 0) break;
  }
  assert.ok(day < 7, 'a day with slots within a week');
  await s.tap('t-walkin-slot', 0);
  await s.shot('23-desk-book-for-caller');
  await s.tap('t-walkin-submit');
  await s.waitFor('t-desk-done');
  assert.match(await s.text('t-desk-done'), /已为 吐尔逊 预约 \d{4}-\d{2}-\d{2} \d{2}:\d{2}–\d{2}:\d{2}/);
  await until('the caller on the day list', async () =>
    (await s.texts('t-desk-booking')).some(
      (t) => t.includes('吐**') && t.includes('137****1111') && t.includes('工作人员代约'),
    ),
  );
  await s.shot('24-desk-booked');
  // the same person, reached by phone, has the booking the center made
  const list = await env.call(
    'bookings',
    { action: 'listDay', input: { date: (await s.text('t-desk-done')).match(/\d{4}-\d{2}-\d{2}/)![0] } },
    'o_center_admin',
  );
  assert.ok(list.ok && JSON.stringify(list.data).includes('吐**'));

  const leader = await d.open('/packages/staff/pages/desk/index', 'o_leader_fgw');
  await leader.waitFor('t-desk-list');
  assert.equal(await leader.count('t-walkin-open'), 0);
  assert.equal(await leader.count('t-checkin-yes'), 0);
  for (const x of [s, leader]) assert.deepEqual(x.errors(), []);
}

const DESK = '/packages/staff/pages/desk/index';
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** Days from today (Beijing) to `date`: the desk's day tab. */
const dayOffset = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${beijingToday()}T00:00:00Z`)) / 86400_000);
/** The 预约提醒 message's time: 2026年12月1日 10:00. */
const messageTime = (date: string, time: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${time}`;

/** A free slot within the desk's week, other than those `taken` (asked as staff, like the desk's own picker). */
async function freeSlot(
  env: StaffJourneyEnv,
  taken: { date: string; start: string }[] = [],
): Promise<{ slotId: string; date: string; start: string }> {
  const r = await env.call('bookings', { action: 'listSlots', input: {} }, 'o_agent_center');
  assert.ok(r.ok, JSON.stringify(r));
  for (const day of r.data.days as { date: string; slots: { slotId: string; start: string; remaining: number }[] }[]) {
    if (dayOffset(day.date) > 6) break;
    const s = day.slots.find((x) => x.remaining > 0 && !taken.some((t) => t.date === day.date && t.start === x.start));
    if (s) return { slotId: s.slotId, date: day.date, start: s.start };
  }
  throw new Error('no free slot within a week');
}

/**
 * 改约 and 取消预约 at the desk: 王海 (who applied online) phones and 陈静 books him; the next day
 * she moves his booking to another slot, then cancels another of his bookings with a reason (a
 * reason too short is refused in the server's words). A moment later his 我的预约 shows the new
 * time and the cancellation with its reason, and his messages say both. The leader sees no buttons.
 */
export async function deskChangeJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const applicant = 'o_citizen_young';
  // he reads out his case number; 陈静 finds it, checks the masked name and phone with him, and books for that case
  const caseNo = await env.newCase(applicant, 'enterprise');
  const first = await freeSlot(env);
  const found = await env.call('bookings', { action: 'findCase', input: { caseNo } }, 'o_agent_center');
  assert.ok(found.ok && found.data.case.contactPhone === '138****1122', JSON.stringify(found));
  const called = await env.call(
    'bookings',
    { action: 'bookFor', input: { slotId: first.slotId, caseId: found.data.case.caseId } },
    'o_agent_center',
  );
  assert.ok(called.ok, JSON.stringify(called));
  const movedId = called.data.booking.bookingId as string;
  const his = await env.call('bookings', { action: 'listMine', input: {} }, applicant);
  assert.ok(
    his.ok && his.data.items.some((b: { bookingId: string }) => b.bookingId === movedId),
    'the booking made for his case is his',
  );

  const s = await d.open(DESK, 'o_agent_center');
  await s.waitFor('t-desk-list');
  await s.tap(`t-desk-day-${dayOffset(first.date)}`);
  await s.waitFor(`t-desk-move-${movedId}`);
  assert.equal(await s.text(`t-desk-move-${movedId}`), '改约');
  assert.equal(await s.text(`t-desk-cancel-${movedId}`), '取消预约');
  await s.shot('28-desk-change-buttons');

  // 改约: only other slots with seats left are offered; the first of them is taken
  await s.tap(`t-desk-move-${movedId}`);
  await s.waitFor('t-move-slot');
  await s.tap('t-move-slot', 0);
  await s.waitFor('t-move-summary');
  assert.match(await s.text('t-move-summary'), /改到 .*申请人会收到新时间/);
  await s.shot('29-desk-move-picker');
  await s.tap('t-move-confirm');
  await until('moved', async () => (await s.count('t-desk-done')) > 0);
  const moved = (await s.text('t-desk-done')).match(
    /已将 王\*+ 的预约改到 (\d{4}-\d{2}-\d{2})（星期.）(\d{2}:\d{2})–\d{2}:\d{2}/,
  );
  assert.ok(moved, await s.text('t-desk-done'));
  const [, newDate, newStart] = moved;
  // the desk went to the new day, where the booking is listed with its buttons
  await until('the moved booking on its new day', async () => (await s.count(`t-desk-move-${movedId}`)) > 0);

  // 取消预约 of another of his bookings, with a reason he is told
  const second = await freeSlot(env, [first, { date: newDate, start: newStart }]);
  const own = await env.call(
    'bookings',
    { action: 'book', input: { slotId: second.slotId, category: 'enterprise' } },
    applicant,
  );
  assert.ok(own.ok, JSON.stringify(own));
  const cancelledId = own.data.booking.bookingId as string;
  await s.tap(`t-desk-day-${(dayOffset(second.date) + 1) % 7}`);
  await s.tap(`t-desk-day-${dayOffset(second.date)}`);
  await until('his own booking listed', async () => (await s.count(`t-desk-cancel-${cancelledId}`)) > 0);
  await s.tap(`t-desk-cancel-${cancelledId}`);
  await s.waitFor('t-cancel-reason');
  await s.tap('t-cancel-next');
  await s.waitFor('t-change-error');
  assert.match(await s.text('t-change-error'), /请填写取消原因/);
  // one character: the server refuses it, and its words are shown next to the reason
  await s.fill('t-cancel-reason', '停');
  await s.tap('t-cancel-next');
  await s.waitFor('t-cancel-confirm');
  await s.tap('t-cancel-confirm');
  await until(
    'the server’s refusal',
    async () => (await s.count('t-change-error')) > 0 && (await s.count('t-cancel-reason')) > 0,
  );
  assert.match(await s.text('t-change-error'), /请填写取消原因，申请人会收到/);
  const reason = '临时停电闭厅，请改约其他时间';
  await s.fill('t-cancel-reason', reason);
  await s.tap('t-cancel-next');
  await s.waitFor('t-cancel-confirm-step');
  assert.match(await s.text('t-cancel-confirm-step'), new RegExp(`申请人会收到：${reason}`));
  await s.shot('30-desk-cancel-confirm');
  await s.tap('t-cancel-confirm');
  await until('cancelled', async () => (await s.count('t-desk-done')) > 0);
  assert.match(await s.text('t-desk-done'), /已取消 \S+ \d+月\d+日 \d{2}:\d{2} 的预约，系统会把原因通知申请人/);
  await until('shown as cancelled with its reason', async () =>
    (await s.texts('t-desk-booking-cancelled')).some((t) => t.includes(`取消原因：${reason}`)),
  );
  assert.equal(await s.count(`t-desk-cancel-${cancelledId}`), 0);

  const leader = await d.open(DESK, 'o_leader_fgw');
  await leader.waitFor('t-desk-list');
  await leader.tap(`t-desk-day-${dayOffset(newDate)}`);
  await until('the leader’s list', async () => (await leader.texts('t-desk-booking')).some((t) => t.includes('王*')));
  assert.equal(await leader.count('t-desk-move'), 0);
  assert.equal(await leader.count('t-desk-cancel'), 0);

  // a moment later: what he sees on his phone
  await d.moment();
  const my = await d.open('/pages/my/index', applicant);
  await my.waitFor('t-go-my-bookings');
  await my.tap('t-go-my-bookings');
  await my.waitFor('t-my-bookings');
  await until('his booking at the new time', async () =>
    (await my.texts('t-booking')).some((t) => t.includes(newDate) && t.includes(newStart)),
  );
  await until('the cancellation with its reason', async () =>
    (await my.texts('t-booking-cancelled')).some((t) => t.includes(second.date) && t.includes(reason)),
  );
  const inbox = await d.open('/pages/messages/index', applicant);
  await until('his messages', async () => (await inbox.count('t-message')) > 0);
  const messages = await inbox.texts('t-message');
  assert.ok(
    messages.some((m) => m.includes('预约时间已调整') && m.includes(messageTime(newDate, newStart))),
    messages.join(' | '),
  );
  assert.ok(
    messages.some((m) => m.includes('预约已被工作人员取消') && m.includes(messageTime(second.date, second.start))),
    messages.join(' | '),
  );
  // the message opens his bookings with that booking standing out
  await inbox.tap(
    't-message',
    messages.findIndex((m) => m.includes('预约时间已调整')),
  );
  await inbox.waitFor('t-booking-focus');
  const focused = await inbox.texts('t-booking-focus');
  assert.equal(focused.length, 1, focused.join(' | '));
  assert.ok(focused[0].includes(newDate) && focused[0].includes(newStart), focused[0]);
  await inbox.shot('33-booking-from-message');
  for (const x of [s, leader, my, inbox]) assert.deepEqual(x.errors(), []);
}

/**
 * Settings (administrator): a rating deadline, a subscribe-message template id, a window's seats
 * and a holiday are changed on the settings screen; each change is in the audit list, by kind.
 */
export async function settingsJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  // opened as the 节假日安排尚未录入 message opens it: straight on the settings tab
  const a = await d.open('/packages/center/pages/admin/index?tab=settings', 'o_center_admin');
  await a.waitFor('t-settings-rating');
  await a.fill('t-a-followUpWithinDays', '30');
  await a.tap('t-save-followUpWithinDays');
  await until('saved', async () => (await a.count('t-admin-done')) > 0);
  assert.match(await a.text('t-admin-done'), /追评期限 已保存/);
  await until('shown', async () => (await a.text('t-settings-rating')).includes('现为 30'));

  await a.fill('t-a-tpl-progress', 'TPL_PROGRESS_2027');
  await a.tap('t-save-tpl-progress');
  await until('template saved', async () =>
    (await a.texts('t-template')).some((t) => t.includes('TPL_PROGRESS_2027') && t.includes('在此设置')),
  );
  await a.shot('25-settings-templates');

  const cap = (await a.texts('t-window')).find((t) => t.includes('19:30–20:30'))!;
  const seats = Number(cap.match(/(\d+) 人/)![1]);
  await a.tap('t-cap-eve-winter-up');
  await until('seats saved', async () =>
    (await a.texts('t-window')).some(
      (t) => t.includes('延时服务') && t.includes('19:30–20:30') && t.includes(`${seats + 1} 人`),
    ),
  );

  await a.fill('t-a-hDate', '2027-06-16');
  await a.fill('t-a-hName', '古尔邦节');
  await a.tap('t-holiday-off');
  await until('holiday listed', async () =>
    (await a.texts('t-holiday')).some((t) => t.includes('2027-06-16 古尔邦节 · 放假')),
  );
  await a.shot('26-settings');

  // next year's State Council notice, pasted: a line it cannot read is named, and it saves what the preview shows
  const y = Number(beijingToday().slice(0, 4)) + 1;
  const saturday = [...Array(7).keys()]
    .map((i) => `${y}-02-${15 + i}`)
    .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
  const notice = (national: string) =>
    `一、元旦：1月1日至3日放假，共3天。\n二、春节：2月6日至14日放假调休，共9天。2月${Number(saturday.slice(8))}日上班。\n${national}`;
  await a.tap(`t-enter-year-${y}`);
  await a.waitFor('t-year-form');
  await a.fill('t-a-yText', notice('三、国庆节：10月1日至7号放假'));
  await until('the unreadable line named', async () =>
    (await a.texts('t-year-error')).some((t) => t.includes('第3行') && t.includes('至')),
  );
  await a.fill('t-a-yText', notice('三、国庆节：10月1日至7日放假'));
  await until('read', async () => (await a.count('t-year-error')) === 0 && (await a.count('t-year-preview')) > 0);
  assert.match(
    await a.text('t-year-preview'),
    new RegExp(
      `元旦 1月1日至1月3日；春节 2月6日至2月14日；国庆节 10月1日至10月7日；调休上班 2月${Number(saturday.slice(8))}日`,
    ),
  );
  await a.shot('26b-settings-year-notice');
  await a.tap('t-save-year');
  await until(
    'the year entered',
    async () =>
      (await a.text(`t-calendar-year-${y}`)).includes('已由中心录入') &&
      (await a.text(`t-calendar-year-${y}`)).includes('春节 2月6日至2月14日'),
  );
  assert.equal(await a.count('t-year-form'), 0);

  await a.tap('t-tab-audit');
  await a.waitFor('t-audit');
  const all = await a.texts('t-audit');
  for (const what of ['修改设置', '订阅消息模板', '节假日调整', '录入全年节假日安排'])
    assert.ok(
      all.some((t) => t.includes(what)),
      `${what} audited: ${all.join('|')}`,
    );
  await a.tap('t-audit-kind-subscribeTemplate');
  await until('filtered', async () => (await a.texts('t-audit')).every((t) => t.includes('订阅消息模板')));
  assert.match((await a.texts('t-audit'))[0], /TPL_PROGRESS_2027/);
  await a.shot('27-settings-audit');
  // the applicant is now asked for the new template
  const t = await env.call('applicant', { action: 'subscribeTemplates', input: {} }, 'o_citizen_young');
  assert.equal(t.ok && t.data.progress, 'TPL_PROGRESS_2027');
  assert.deepEqual(a.errors(), []);
}

/** 陈静 refuses a request with reasons the applicant will read. */
export async function refuseJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_citizen_young', 'enterprise');
  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await act(s, { type: 'refuse', fill: { reasons: '所办事项不属于新办企业设立或变更登记\n请到市场监管窗口直接办理' } });
  assert.equal(await s.text('t-status'), '不予受理');
  assert.match(await s.pageText(), /不予受理理由：所办事项不属于新办企业设立或变更登记；请到市场监管窗口直接办理/);
  await s.shot('14-agent-refused');
  assert.deepEqual(s.errors(), []);
}

/** 陈静 ends a mandate the applicant no longer wants: reason, materials returned, signed. */
export async function terminateJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_enterprise', 'enterprise');
  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await act(s, {
    type: 'accept',
    tick: ['mandateConfirmed', 'processExplained', 'materialsChecked', 'mandateLetterSigned'],
  });
  await act(s, {
    type: 'terminate',
    pick: ['ground-applicant_request'],
    fill: { reason: '申请人决定暂不开办企业' },
    tick: ['materialsReturned', 'applicantSigned'],
  });
  assert.equal(await s.text('t-status'), '已终止');
  assert.match(await s.pageText(), /申请人主动要求终止委托，申请人决定暂不开办企业/);
  await s.shot('15-agent-terminated');
  assert.deepEqual(s.errors(), []);
}

/**
 * The center administrator invites a second 发改委 agent, who binds with the code; 刘志强, the
 * responsible leader, sees his unit's load, supervises a case and reassigns it within the unit;
 * the first agent stays on record.
 */
export async function leaderReassignJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const admin = await d.open('/packages/center/pages/admin/index', 'o_center_admin');
  await admin.waitFor('t-create-invite');
  await admin.fill('t-a-name', '吐尔逊');
  await admin.tap('t-a-role-agent');
  await admin.tap('t-a-unitId-fgw');
  await admin.tap('t-create-invite');
  await admin.waitFor('t-admin-done');
  await until('the invite listed', async () => (await admin.texts('t-invite')).some((t) => t.includes('吐尔逊')));
  const code = (await admin.texts('t-invite')).find((t) => t.includes('吐尔逊'))!.match(/[A-Z2-9]{8}/)![0];
  await admin.shot('16-center-invite');

  const newcomer = await d.open('/packages/staff/pages/workbench/index', 'o_agent_fgw_new');
  await newcomer.waitFor('t-go-bind');
  await newcomer.tap('t-go-bind');
  await newcomer.waitFor('t-invite-code');
  await newcomer.fill('t-invite-code', code);
  await newcomer.tap('t-bind');
  await newcomer.waitFor('t-bound');
  assert.match(await newcomer.text('t-bound'), /吐尔逊 · 帮代办员 · 和硕县发展和改革委员会/);
  await newcomer.shot('17-staff-bound');

  const caseNo = await env.newCase('o_citizen_young', 'investment');
  const agent = await openCase(d, 'o_agent_fgw', caseNo, 'new');
  await act(agent, {
    type: 'accept',
    tick: ['mandateConfirmed', 'processExplained', 'materialsChecked', 'mandateLetterSigned'],
  });

  const team = await d.open('/packages/staff/pages/team/index', 'o_leader_fgw');
  await team.waitFor('t-agent');
  const rows = await team.texts('t-agent');
  assert.ok(
    rows.some((r) => r.includes('马建军') && /在办 [1-9]/.test(r)),
    rows.join('|'),
  );
  assert.ok(rows.some((r) => r.includes('吐尔逊')));
  await team.shot('18-leader-team-load');
  // one agent's cases: the workbench filtered on the server
  await team.tap(
    't-agent',
    rows.findIndex((r) => r.includes('马建军')),
  );
  await team.waitFor('t-agent-filter');
  assert.match(await team.text('t-agent-filter'), /马建军/);
  await team.waitFor(`t-case-${caseNo}`);

  const leader = await openCase(d, 'o_leader_fgw', caseNo);
  await act(leader, { type: 'supervise', fill: { note: '请本周内送达投资项目审批窗口' } });
  await act(leader, {
    type: 'reassign',
    pick: ['toAgentId-st-' + code.toLowerCase()],
    fill: { reason: '马建军出差，转吐尔逊跟进' },
  });
  assert.match(await leader.text('t-agents'), /吐尔逊（首问：马建军）/);
  await leader.shot('19-leader-reassigned');

  const first = await openCase(d, 'o_agent_fgw', caseNo);
  assert.match(await first.text('t-supervisions'), /请本周内送达投资项目审批窗口/);
  for (const s of [admin, newcomer, agent, team, leader, first]) assert.deepEqual(s.errors(), []);
}

/** 赵敏 (center) runs a two-department parallel approval with a joint meeting and an escalation. */
export async function parallelApprovalJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_citizen_young', 'investment');
  const agent = await openCase(d, 'o_agent_fgw', caseNo, 'new');
  await act(agent, {
    type: 'accept',
    tick: ['mandateConfirmed', 'processExplained', 'materialsChecked', 'mandateLetterSigned'],
  });
  await act(agent, { type: 'deliver', fill: { window: '投资项目审批窗口', committedWorkingDays: '20' } });

  const c = await openCase(d, 'o_center_admin', caseNo);
  await act(c, {
    type: 'addTask',
    pick: ['departmentId-zrzy'],
    fill: { matter: '用地预审与选址意见', committedWorkingDays: '10' },
  });
  await act(c, {
    type: 'addTask',
    pick: ['departmentId-scjg'],
    fill: { matter: '食品生产许可预审', committedWorkingDays: '8' },
  });
  await act(c, {
    type: 'conveneJointMeeting',
    pick: ['departmentIds-zrzy', 'departmentIds-scjg'],
    fill: { topic: '用地与生产许可衔接', date: '2026-06-10', time: '10:30', place: '中心三楼会议室' },
  });
  await act(c, {
    type: 'recordJointMeeting',
    fill: { minutes: '自然资源局10个工作日内出具用地预审意见；市场监管局同步预审' },
  });
  await act(c, { type: 'escalate', fill: { issue: '用地指标需县政府协调' } });
  await act(c, { type: 'resolveEscalation', fill: { resolution: '分管副县长同意优先安排用地指标' } });
  const tasks = await c.texts('t-task');
  assert.equal(tasks.length, 2);
  assert.ok(
    tasks.every((t) => /\d{4}-\d{2}-\d{2}到期/.test(t)),
    tasks.join('|'),
  );
  assert.match(await c.text('t-meeting'), /中心三楼会议室.*已召开/s);
  await c.shot('20-center-parallel-approval');
  assert.deepEqual(c.errors(), []);
}

/**
 * §五(一) 核实资料: 陈静 opens what the applicant uploaded from the case page. The PDF opens as a
 * document (WeChat's document viewer after a download; a new tab on H5), a photo in the image
 * viewer with every image of the case (the material and the mandate signature), starting at it.
 * Every link downloads exactly what the applicant uploaded.
 */
export async function agentViewsFilesJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_enterprise', 'enterprise', { withFiles: true });
  const s = await openCase(d, 'o_agent_center', caseNo, 'new');
  await s.waitFor('t-materials');
  const rows = await s.texts('t-material');
  assert.equal(rows.length, 2);
  assert.match(rows[0], /营业执照\.png[\s\S]*照片[\s\S]*查看/);
  assert.match(rows[1], /场所证明\.pdf[\s\S]*PDF[\s\S]*查看/);
  assert.match(await s.text('t-signature-mandate'), /代办委托书签名[\s\S]*查看/);
  await s.shot('31-agent-case-files');

  const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
  // the PDF: a document, not an image
  await s.tap('t-view-file', 1);
  await until('the PDF opened', async () => (await s.opened()).some((o) => o.kind === 'document'));
  const doc = (await s.opened()).find((o) => o.kind === 'document')!;
  assert.ok(
    doc.kind === 'document' && (await bytes(doc.url)).equals(PDF_BYTES),
    `the document opened is the uploaded PDF: ${doc.kind === 'document' ? doc.url : ''}`,
  );

  // the photo: the image viewer, with the case's images, starting at the tapped one
  await s.tap('t-view-file', 0);
  await until('the image viewer', async () => (await s.opened()).some((o) => o.kind === 'images'));
  const viewer = (await s.opened()).find((o) => o.kind === 'images')!;
  assert.ok(viewer.kind === 'images');
  assert.equal(viewer.urls.length, 2, viewer.urls.join(' | '));
  assert.equal(viewer.current, viewer.urls[0]);
  for (const u of viewer.urls) assert.ok((await bytes(u)).equals(PNG_BYTES), `${u} is an uploaded image`);
  assert.equal(await s.count('t-file-error'), 0);
  await s.shot('32-agent-file-preview');
  assert.deepEqual(s.errors(), []);
}

/**
 * Issue 16 items 2 and 3: 马建军 reads what an investment case is about (project, amount, approval
 * level), reveals the applicant's phone — recorded in the audit log — and calls it.
 */
export async function agentCallsApplicantJourney(d: Driver, env: StaffJourneyEnv): Promise<void> {
  const caseNo = await env.newCase('o_citizen_young', 'investment');
  const s = await openCase(d, 'o_agent_fgw', caseNo, 'new');
  await s.waitFor('t-application');
  const application = await s.text('t-application');
  for (const part of ['番茄酱加工项目', '12,000 万元', '县级部门审批', '统一社会信用代码', '代办委托书'])
    assert.ok(application.includes(part), `${part} in: ${application}`);
  assert.equal(await s.text('t-contact-phone'), '139****7766');
  await s.shot('33-agent-case-application');
  await s.tap('t-reveal-phone');
  await s.waitFor('t-call-applicant');
  assert.equal(await s.text('t-contact-phone'), '13999887766');
  assert.match(await s.text('t-revealed'), /已留记录/);
  await s.shot('34-agent-contact-revealed');
  await only(d, 'weapp', 'Taro H5 dials through a tel: link a headless browser cannot follow', async () => {
    await s.tap('t-call-applicant');
    await until('the dialer opened', async () => (await s.dialed()).length > 0);
    assert.deepEqual(await s.dialed(), ['13999887766']);
  });
  const audit = await env.call('center', { action: 'listAudit', input: { kind: 'case' } }, 'o_center_admin');
  assert.ok(
    audit.ok &&
      audit.data.items.some(
        (i: { whatLabel: string; by: string; after: { caseNo?: string } }) =>
          i.whatLabel === '查看申请人电话' && i.by === '马建军' && i.after?.caseNo === caseNo,
      ),
    JSON.stringify(audit),
  );
  assert.ok(!JSON.stringify(audit).includes('13999887766'));
  assert.deepEqual(s.errors(), []);
}

/** Every staff journey, named as the test reports it: staff.test.ts (H5) and staff.weapp.test.ts (weapp) run this one list. */
export const STAFF_JOURNEYS: [string, (d: Driver, env: StaffJourneyEnv) => Promise<void>][] = [
  ['agent: accept (checklist) → window → 补正 → materials received → contact → finish', agentFullJourney],
  ['agent: refuse with reasons', refuseJourney],
  ['agent: terminate at the applicant’s request', terminateJourney],
  [
    'center invites, the person binds; leader sees load, supervises and reassigns within the unit',
    leaderReassignJourney,
  ],
  ['center: two-department parallel approval with a joint meeting and an escalation', parallelApprovalJourney],
  ['agent: a 帮办 request accepted with the applicant’s signature drawn at the desk', deskSignatureAcceptJourney],
  ['desk: the day per window, a walk-in checked in, a caller booked by an agent; the leader only reads', deskJourney],
  [
    'desk: an agent moves a caller’s booking and cancels another with a reason; the applicant sees both and is told',
    deskChangeJourney,
  ],
  [
    'settings: rating deadline, subscribe template id, window seats and a holiday, each in the audit list',
    settingsJourney,
  ],
  ['agent: opens the applicant’s files (a PDF as a document, photos in the image viewer)', agentViewsFilesJourney],
  [
    'agent: reads the whole application, reveals the applicant’s phone (recorded) and calls',
    agentCallsApplicantJourney,
  ],
];
