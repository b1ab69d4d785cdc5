/**
 * Database round trips of every applicant-facing action on its successful path (draft).
 */
import type { CloudBase } from '../../local-cloud/src';
import { call } from '../support/app';
import { fullApplication, PNG_BYTES, uploadAs } from '../support/applicant';
import { buildWorld, cloneBooking, cloneCase, docOf, persona, type World } from './support/world';

let world: World;
let cloud: CloudBase;
beforeAll(async () => {
  world = await buildWorld();
  cloud = world.cloud;
}, 240_000);
afterAll(() => cloud?.stop());

async function trips(fn: string, action: string, input: object, openid: string) {
  // warm first so the count is of the action, not of a cold start
  const { json, record } = await cloud.host.invoke(fn, { action, input, userInfo: { openId: openid, appId: 'wx_t' } }, { openid, appid: 'wx_t', source: 'wx_client' });
  return { answer: JSON.parse(json), n: record.dbRequests };
}

test('measure', async () => {
  const A = persona('applicant').openid;
  const agent = 'o_agent_center';
  const tpl = (s: string) => world.cases.find((t) => t.owner === 'A' && t.status === s)!;
  const out: string[] = [];
  const m = async (label: string, fn: string, action: string, input: object, who = A) => {
    const r = await trips(fn, action, input, who);
    out.push(`${label}: ${r.n} ${r.answer.ok ? 'ok' : r.answer.code + ' ' + r.answer.message}`);
  };
  await m('agreePrivacy', 'applicant', 'agreePrivacy', { version: '2026-11-01' }, 'o_fresh_1');
  await m('submit', 'cases', 'submit', fullApplication({ category: 'enterprise', applicantType: 'enterprise', mode: 'help', matter: '测试', contactName: '基准', contactPhone: '13800138000' }));
  await m('withdraw', 'cases', 'withdraw', { caseId: cloneCase(cloud, tpl('applied'))._id, version: tpl('applied').doc.version });
  await m('requestTermination', 'cases', 'requestTermination', { caseId: cloneCase(cloud, tpl('handling'))._id, reason: '不需要了' });
  const h = cloneCase(cloud, tpl('handling'));
  const ext = await trips('workbench', 'act', { caseId: h._id, version: h.version, action: { type: 'extend', reason: '需要会审', workingDays: 3 } }, agent);
  out.push('extend(staff) ' + ext.n + ' ' + JSON.stringify(ext.answer).slice(0, 100));
  const seq = (docOf(cloud, 'cases', h._id)!.timeline as { seq: number; action: string }[]).find((e) => e.action === 'extend')?.seq ?? 1;
  await m('confirmExtension', 'cases', 'confirmExtension', { caseId: h._id, seq });
  const file = await uploadAs(cloud, A, 'materials', PNG_BYTES);
  await m('sendSupplement', 'cases', 'sendSupplement', { caseId: cloneCase(cloud, tpl('awaiting_materials'))._id, materials: [{ fileID: file, name: 'a.png', size: PNG_BYTES.length, type: 'image/png' }] });
  const sig = await uploadAs(cloud, A, 'signatures', PNG_BYTES);
  await m('signReceipt', 'cases', 'signReceipt', { caseId: cloneCase(cloud, tpl('finished'))._id, signatureFileID: sig });
  const fin = cloneCase(cloud, tpl('finished'));
  await m('ratings.submit good', 'ratings', 'submit', { caseId: fin._id, level: 'satisfied' });
  await m('ratings.submit bad', 'ratings', 'submit', { caseId: cloneCase(cloud, tpl('finished'))._id, level: 'very_dissatisfied', comment: '等了很久' });
  await m('ratings.followUp', 'ratings', 'followUp', { caseId: fin._id, level: 'very_satisfied', comment: '后来很好' });
  await m('book', 'bookings', 'book', { slotId: world.freeSlots[0], category: 'enterprise' });
  const b = cloneBooking(cloud, world.bookings[0]);
  await m('reschedule', 'bookings', 'reschedule', { bookingId: b._id, slotId: world.freeSlots[1] });
  await m('cancel', 'bookings', 'cancel', { bookingId: cloneBooking(cloud, world.bookings[0])._id });
  await m('markRead', 'notify', 'markRead', { ids: [] });
  console.log(out.join('\n'));
}, 120_000);
