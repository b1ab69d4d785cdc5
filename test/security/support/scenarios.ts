/**
 * A successful call of every applicant-facing action, set up on the security world: who calls it
 * with what input, on a resource in the state where it succeeds. Used by the round-trip test
 * (test/security/roundtrips.test.ts) and by `npm run bench`.
 */
import type { CloudBase } from '../../../local-cloud/src';
import { fullApplication, PNG_BYTES, uploadAs } from '../../support/applicant';
import { cloneBooking, cloneCase, docOf, persona, type World } from './world';

type Answer = { ok: boolean; code?: string; message?: string; data?: any };

/** One invocation as the mini-program makes it, with the database requests it made. */
export async function invokeCounting(
  cloud: CloudBase,
  fn: string,
  action: string,
  input: object,
  openid: string,
): Promise<{ answer: Answer; trips: number; ms: number }> {
  const t = process.hrtime.bigint();
  const { json, record } = await cloud.host.invoke(
    fn,
    { action, input, userInfo: { openId: openid, appId: 'wx_rt' } },
    { openid, appid: 'wx_rt', source: 'wx_client' },
  );
  return {
    answer: JSON.parse(json) as Answer,
    trips: record.dbRequests,
    ms: Number(process.hrtime.bigint() - t) / 1e6,
  };
}

export function applicantScenarios(world: World): Record<string, () => Promise<{ input: object; by: string }>> {
  const cloud = world.cloud;
  const must = async (fn: string, action: string, input: object, openid: string) => {
    const r = await invokeCounting(cloud, fn, action, input, openid);
    if (!r.answer.ok) throw new Error(`${fn}.${action}: ${r.answer.code} ${r.answer.message}`);
    return r.answer.data;
  };
  const A = () => persona('applicant').openid;
  const B = () => persona('otherApplicant').openid;
  const tpl = (owner: 'A' | 'C', status: string) => world.cases.find((t) => t.owner === owner && t.status === status)!;
  const slotOfKind = async (kind: string, n = 0) => {
    const listed = await must('bookings', 'listSlots', { kind }, A());
    const free = listed.days
      .flatMap((d: { slots: { slotId: string; remaining: number }[] }) => d.slots)
      .filter((s: { remaining: number }) => s.remaining > 0);
    return free[free.length - 1 - n].slotId as string;
  };

  return {
    'session.whoami': async () => ({ input: {}, by: A() }),
    'applicant.privacyStatus': async () => ({ input: {}, by: A() }),
    'applicant.agreePrivacy': async () => ({
      input: { version: (await must('applicant', 'privacyStatus', {}, 'o_rt_new')).version },
      by: 'o_rt_new',
    }),
    'applicant.subscribeTemplates': async () => ({ input: {}, by: A() }),
    'center.serviceCatalogue': async () => ({ input: {}, by: A() }),
    'center.centerLocation': async () => ({ input: {}, by: A() }),
    'cases.uploadFolder': async () => ({ input: {}, by: A() }),
    'cases.submit': async () => ({
      input: fullApplication({
        category: 'enterprise',
        applicantType: 'enterprise',
        mode: 'help',
        matter: '往返次数测试',
        contactName: '往返',
        contactPhone: '13800138000',
      }),
      by: A(),
    }),
    'cases.listMine': async () => ({ input: {}, by: A() }),
    'cases.get': async () => ({ input: { caseId: cloneCase(cloud, tpl('A', 'handling'))._id }, by: A() }),
    'cases.withdraw': async () => {
      const c = cloneCase(cloud, tpl('A', 'applied'));
      return { input: { caseId: c._id, version: c.version, reason: '不需要了' }, by: A() };
    },
    'cases.requestTermination': async () => ({
      input: { caseId: cloneCase(cloud, tpl('A', 'handling'))._id, reason: '已自行办理' },
      by: A(),
    }),
    'cases.confirmExtension': async () => {
      const c = cloneCase(cloud, tpl('A', 'handling'));
      await must(
        'workbench',
        'act',
        {
          caseId: c._id,
          version: c.version,
          action: { type: 'extend', extraWorkingDays: 3, explanation: '需要部门会审', explainedToApplicant: true },
        },
        'o_agent_center',
      );
      const seq = (docOf(cloud, 'cases', c._id)!.timeline as { seq: number; action: string }[]).find(
        (e) => e.action === 'extend',
      )!.seq;
      return { input: { caseId: c._id, seq }, by: A() };
    },
    'cases.sendSupplement': async () => {
      const fileID = await uploadAs(cloud, A(), 'materials', PNG_BYTES);
      return {
        input: {
          caseId: cloneCase(cloud, tpl('A', 'awaiting_materials'))._id,
          materials: [{ fileID, name: '营业执照.png', size: PNG_BYTES.length, type: 'image/png' }],
        },
        by: A(),
      };
    },
    'cases.signReceipt': async () => ({
      input: {
        caseId: cloneCase(cloud, tpl('A', 'finished'))._id,
        signatureFileID: await uploadAs(cloud, A(), 'signatures', PNG_BYTES),
      },
      by: A(),
    }),
    'ratings.getForCase': async () => ({
      input: { caseId: cloneCase(cloud, tpl('A', 'finished+rated'))._id },
      by: A(),
    }),
    'ratings.submit': async () => ({
      input: {
        caseId: cloneCase(cloud, tpl('A', 'finished'))._id,
        level: 'very_dissatisfied',
        comment: '等了很久才有人联系',
      },
      by: A(),
    }),
    'ratings.followUp': async () => ({
      input: {
        caseId: cloneCase(cloud, tpl('C', 'finished+rated'))._id,
        level: 'very_satisfied',
        comment: '后来办得很好',
      },
      by: B(),
    }),
    'bookings.listSlots': async () => ({ input: {}, by: A() }),
    'bookings.listMine': async () => ({ input: {}, by: A() }),
    'bookings.book': async () => ({
      input: { slotId: await slotOfKind('regular'), category: 'enterprise' },
      by: 'o_rt_booker',
    }),
    'bookings.requestHomeVisit': async () => ({
      input: {
        slotId: await slotOfKind('home_visit'),
        caseId: cloneCase(cloud, tpl('C', 'handling'))._id,
        address: '和硕县特吾里克镇幸福村3组12号',
      },
      by: B(),
    }),
    'bookings.reschedule': async () => ({
      input: { bookingId: cloneBooking(cloud, world.bookings[0])._id, slotId: await slotOfKind('regular', 1) },
      by: A(),
    }),
    'bookings.cancel': async () => ({ input: { bookingId: cloneBooking(cloud, world.bookings[0])._id }, by: A() }),
    'notify.inbox': async () => ({ input: {}, by: A() }),
    'notify.markRead': async () => {
      const { items } = await must('notify', 'inbox', {}, A());
      return { input: { ids: items.slice(0, 3).map((m: { id: string }) => m.id) }, by: A() };
    },
    'notify.recordGrants': async () => ({ input: { accepted: ['TPL_ACCEPT_RESULT_LOCAL'] }, by: A() }),
    'center.redeemInvite': async () => {
      const invite = await must(
        'center',
        'createInvite',
        { name: '新同事', role: 'agent', unitId: 'center' },
        persona('admin').openid,
      );
      return { input: { code: invite.code }, by: 'o_rt_new_staff' };
    },
  };
}
