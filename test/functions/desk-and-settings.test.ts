/**
 * Issue 6 gaps through the real functions: the desk's day list (windows, check-in once a slot has
 * begun, bookings whose slot left the timetable), 受理 resting on a signature the server can see
 * (desk pad or the applicant's phone signature, never a bare tick), what the applicant did from
 * the phone shown to staff (补正 uploads, asking to terminate), and the administrator's
 * subscribe-message templates and rating deadlines, each change audited.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, seedCase, startAppCloud } from '../support/app';
import { deskSignature, PDF_BYTES, submitAs, uploadAs } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const bk = (action: string, input: object, openid: string) => call(cloud, 'bookings', { action, input }, openid);
const wb = (action: string, input: object, openid = 'o_agent_center') =>
  call(cloud, 'workbench', { action, input }, openid);
const center = (action: string, input: object, openid = 'o_center_admin') =>
  call(cloud, 'center', { action, input }, openid);
const accept = {
  type: 'accept',
  mandateConfirmed: true,
  processExplained: true,
  materialsChecked: true,
  applicantSigned: true,
};
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A booking whose slot began an hour ago (the desk can check it in), stored as bookings.bookFor stores one. */
function startedBooking(id: string, slotId: string) {
  const startsAt = new Date(Date.now() - 3600_000);
  const clock = new Date(startsAt.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  cloud.store.apply([
    {
      collection: 'bookings',
      id,
      doc: {
        _id: id,
        applicantId: 'tel:13700002222',
        slotId,
        kind: 'regular',
        startsAt,
        status: 'active',
        category: 'livelihood',
        caseId: null,
        homeAddress: null,
        bookedBy: { id: 'st-agent-center', role: 'agent' },
        bookedAt: startsAt,
        rescheduleCount: 0,
        cancelledAt: null,
        cancelReason: null,
        date: beijingToday(),
        start: clock,
        end: clock,
        windowLabel: '上午',
        contactName: '阿依古丽',
        contactPhone: '13700002222',
        checkedInAt: null,
        seat: `${slotId}#1`,
        holder: `${slotId}|tel:13700002222`,
      } as never,
    },
  ]);
}

describe('the desk: the day per window, check-in', () => {
  test('a booking whose slot is not in today’s timetable is still listed; check-in once begun, by agents and center only', async () => {
    startedBooking('bk_started_1', `${beijingToday()}@retired-window@00:01`);
    const day = await bk('listDay', { date: beijingToday() }, 'o_agent_center');
    expect(day.ok).toBe(true);
    const row = day.ok && day.data.slots.find((s: { slotId: string }) => s.slotId.includes('retired-window'));
    expect(row).toMatchObject({
      label: '上午（原时段）',
      bookings: [
        expect.objectContaining({
          bookingId: 'bk_started_1',
          contactName: '阿***',
          contactPhone: '137****2222',
          canCheckIn: true,
          categoryLabel: '民生保障类事项',
        }),
      ],
    });
    expect(day.ok && day.data).toMatchObject({ canCheckIn: true, windows: expect.any(Array) });
    // a leader sees the list but may not check in
    const asLeader = await bk('listDay', { date: beijingToday() }, 'o_leader_fgw');
    expect(asLeader.ok && asLeader.data.canCheckIn).toBe(false);
    expect(JSON.stringify(asLeader)).not.toContain('13700002222');
    expect(await bk('checkIn', { bookingId: 'bk_started_1', attended: true }, 'o_leader_fgw')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await bk('checkIn', { bookingId: 'bk_started_1', attended: true }, 'o_agent_center')).toMatchObject({
      ok: true,
      data: { status: 'attended', statusLabel: '已到场' },
    });
    expect(await bk('checkIn', { bookingId: 'bk_started_1', attended: false }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { BOOKING_NOT_ACTIVE: expect.any(String) },
    });
    const after = await bk('listDay', { date: beijingToday() }, 'o_agent_center');
    const b =
      after.ok &&
      after.data.slots
        .flatMap((s: { bookings: object[] }) => s.bookings)
        .find((x: { bookingId: string }) => x.bookingId === 'bk_started_1');
    expect(b).toMatchObject({ status: 'attended', canCheckIn: false });
  });

  test('the window filter narrows the list to one window', async () => {
    const days = await bk('listSlots', {}, 'o_agent_center');
    const slot = days.ok && days.data.days[0].slots[0];
    expect(
      await bk(
        'bookFor',
        { slotId: slot.slotId, walkIn: { phone: '13700003333', name: '买买提', category: 'enterprise' } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: true });
    const date = slot.slotId.slice(0, 10);
    const windowId = slot.slotId.split('@')[1];
    const all = await bk('listDay', { date }, 'o_center_admin');
    expect(all.ok && all.data.windows.map((w: { windowId: string }) => w.windowId)).toContain(windowId);
    const one = await bk('listDay', { date, windowId }, 'o_center_admin');
    expect(one.ok && one.data.slots.every((s: { windowId: string }) => s.windowId === windowId)).toBe(true);
    expect(
      one.ok &&
        one.data.slots.flatMap((s: { bookings: { contactName: string }[] }) => s.bookings.map((x) => x.contactName)),
    ).toContain('买**');
    const other = await bk('listDay', { date, windowId: 'no-such-window' }, 'o_center_admin');
    expect(other.ok && other.data.slots).toEqual([]);
  });
});

describe('the desk: 取消／改约 offered by the core’s rules', () => {
  const bookingsOf = (r: { ok: boolean; data?: { slots: { bookings: object[] }[] } }) =>
    (r.ok ? r.data!.slots.flatMap((s) => s.bookings) : []) as { bookingId: string; [k: string]: unknown }[];

  test('agents and center staff may cancel or move a booking until it starts; leaders only read; a cancelled one shows its reason', async () => {
    startedBooking('bk_started_2', `${beijingToday()}@retired-window@00:02`);
    const days = await bk('listSlots', {}, 'o_agent_center');
    const slot = days.ok && days.data.days[0].slots.find((s: { remaining: number }) => s.remaining > 0);
    const made = await bk(
      'bookFor',
      { slotId: slot.slotId, walkIn: { phone: '13700004444', name: '古丽', category: 'livelihood' } },
      'o_agent_center',
    );
    expect(made).toMatchObject({ ok: true });
    const id = made.ok && made.data.booking.bookingId;
    const date = slot.slotId.slice(0, 10);

    const asAgent = await bk('listDay', { date }, 'o_agent_center');
    expect(asAgent.ok && asAgent.data.canChange).toBe(true);
    expect(bookingsOf(asAgent).find((b) => b.bookingId === id)).toMatchObject({
      canCancel: true,
      canReschedule: true,
      canChange: true,
      cancelReason: null,
    });
    // a slot that has begun can no longer be released
    const today = bookingsOf(await bk('listDay', { date: beijingToday() }, 'o_center_admin')).find(
      (b) => b.bookingId === 'bk_started_2',
    );
    expect(today).toMatchObject({ canCancel: false, canReschedule: false, canChange: false });

    const asLeader = await bk('listDay', { date }, 'o_leader_fgw');
    expect(asLeader.ok && asLeader.data.canChange).toBe(false);
    expect(bookingsOf(asLeader).find((b) => b.bookingId === id)).toMatchObject({
      canCancel: false,
      canReschedule: false,
      canChange: false,
    });
    expect(await bk('staffCancel', { bookingId: id, reason: '临时闭厅' }, 'o_leader_fgw')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });

    expect(await bk('staffCancel', { bookingId: id, reason: '好' }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { reason: '请填写取消原因，申请人会收到' },
    });
    expect(await bk('staffCancel', { bookingId: id, reason: '临时闭厅，请改日再来' }, 'o_agent_center')).toMatchObject({
      ok: true,
      data: { booking: { status: 'cancelled', cancelReason: '临时闭厅，请改日再来' } },
    });
    expect(bookingsOf(await bk('listDay', { date }, 'o_agent_center')).find((b) => b.bookingId === id)).toMatchObject({
      status: 'cancelled',
      statusLabel: expect.any(String),
      cancelReason: '临时闭厅，请改日再来',
      canChange: false,
    });
    expect(await bk('staffCancel', { bookingId: id, reason: '临时闭厅' }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { BOOKING_NOT_ACTIVE: expect.any(String) },
    });
  });
});

describe('受理 rests on a signature the server can see', () => {
  test('a 帮办 case: a tick alone is refused; the applicant signs on the agent’s device; the signature is on the case', async () => {
    const c = seedCase(cloud, { applicantId: 'o_sig_applicant' });
    expect(await wb('act', { caseId: c.caseId, version: 1, action: accept })).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { APPLICANT_NOT_SIGNED: expect.any(String) },
    });
    // a signature image somebody else uploaded (here the applicant’s own folder, not the agent’s) is not the desk’s
    const notTheDesks = await uploadAs(cloud, 'o_sig_applicant', 'signatures', PDF_BYTES, 'png');
    expect(
      await wb('act', { caseId: c.caseId, version: 1, action: accept, signatureFileID: notTheDesks }),
    ).toMatchObject({
      ok: false,
      code: 'FILE_REJECTED',
      fields: { FILE_NOT_YOURS: expect.any(String) },
    });
    // a PDF passed off as the signature image
    const pdf = await uploadAs(cloud, 'o_agent_center', 'signatures', PDF_BYTES, 'png');
    expect(await wb('act', { caseId: c.caseId, version: 1, action: accept, signatureFileID: pdf })).toMatchObject({
      ok: false,
      code: 'FILE_REJECTED',
      fields: { FILE_TYPE: expect.any(String) },
    });
    const r = await wb('act', {
      caseId: c.caseId,
      version: 1,
      action: { ...accept, applicantSigned: false },
      signatureFileID: await deskSignature(cloud, 'o_agent_center'),
    });
    expect(r).toMatchObject({ ok: true, data: { status: 'accepted', version: 2 } });
    const d = await wb('get', { caseId: c.caseId });
    expect(d.ok && d.data.case.acceptSignature).toMatchObject({ source: 'desk', sourceLabel: '窗口当面手写签名' });
  });

  test('a 代办 case signed on the phone needs no desk signature; the staff screen says so', async () => {
    const r = await submitAs(cloud, 'o_sig_phone', {
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'proxy',
      matter: '企业设立登记',
      contactName: '王海',
      contactPhone: '13899001122',
    });
    const id = r.ok ? r.data.caseId : '';
    const before = await wb('get', { caseId: id });
    expect(before.ok && before.data.case).toMatchObject({ phoneSignedAt: expect.any(String), acceptSignature: null });
    expect(
      await wb('act', {
        caseId: id,
        version: 1,
        action: { ...accept, applicantSigned: false, mandateLetterSigned: true },
      }),
    ).toMatchObject({ ok: true });
    const after = await wb('get', { caseId: id });
    expect(after.ok && after.data.case.acceptSignature).toMatchObject({
      source: 'phone',
      sourceLabel: '申请人在手机上签名',
    });
  });
});

test('staff see the applicant’s 补正 uploads and request to terminate, on the case and in the list', async () => {
  const r = await submitAs(cloud, 'o_asks', {
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'proxy',
    matter: '食品经营许可',
    contactName: '王海',
    contactPhone: '13899001122',
  });
  const id = r.ok ? r.data.caseId : '';
  let v = 1;
  for (const a of [
    { ...accept, mandateLetterSigned: true },
    { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
    { type: 'requestMaterials', missing: ['经营场所使用证明'] },
  ]) {
    const x = await wb('act', { caseId: id, version: v, action: a });
    if (!x.ok) throw new Error(x.message);
    v = x.data.version;
  }
  const file = {
    fileID: await uploadAs(cloud, 'o_asks', 'materials', PDF_BYTES, 'pdf'),
    name: '场所证明.pdf',
    size: PDF_BYTES.length,
    type: 'application/pdf',
  };
  expect(
    await call(cloud, 'cases', { action: 'sendSupplement', input: { caseId: id, materials: [file] } }, 'o_asks'),
  ).toMatchObject({
    ok: true,
  });
  expect(
    await call(
      cloud,
      'cases',
      { action: 'requestTermination', input: { caseId: id, reason: '企业决定暂缓开办' } },
      'o_asks',
    ),
  ).toMatchObject({ ok: true });
  const d = await wb('get', { caseId: id });
  expect(d.ok && d.data.case).toMatchObject({
    supplementSentAt: expect.any(String),
    terminationRequest: { reason: '企业决定暂缓开办', at: expect.any(String) },
    materials: [expect.objectContaining({ name: '场所证明.pdf', supplement: true, at: expect.any(String) })],
  });
  const list = await wb('listCases', { queue: 'waiting' });
  const row = list.ok && list.data.items.find((i: { caseId: string }) => i.caseId === id);
  expect(row.applicantAsks).toEqual(['申请人已上传补正材料，待核收', '申请人申请终止委托']);
  // another unit's agent learns nothing
  expect(await wb('get', { caseId: id }, 'o_agent_fgw')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

describe('settings: subscribe templates and rating deadlines, audited', () => {
  test('the administrator sets a template id; the applicant is asked for it and the change is audited; reset goes back to the environment', async () => {
    expect(
      await center('saveSubscribeTemplate', { purpose: 'progress', id: 'TPL_NEW_PROGRESS' }, 'o_agent_center'),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await center('saveSubscribeTemplate', { purpose: 'progress', id: 'bad id!' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { id: expect.any(String) },
    });
    expect(await center('saveSubscribeTemplate', { purpose: 'progress', id: 'TPL_NEW_PROGRESS' })).toMatchObject({
      ok: true,
      data: { template: { id: 'TPL_NEW_PROGRESS', keywords: { caseNo: 'character_string1' } } },
    });
    expect(await call(cloud, 'applicant', { action: 'subscribeTemplates', input: {} }, 'o_x')).toMatchObject({
      ok: true,
      data: { progress: 'TPL_NEW_PROGRESS', acceptResult: 'TPL_ACCEPT_RESULT_LOCAL' },
    });
    const s = await center('getSettings', {});
    expect(s.ok && s.data.subscribeTemplates.find((t: { purpose: string }) => t.purpose === 'progress')).toMatchObject({
      id: 'TPL_NEW_PROGRESS',
      source: 'settings',
      label: '办理进度通知',
    });
    const audit = await center('listAudit', { kind: 'subscribeTemplate' });
    expect(audit.ok && audit.data.items[0]).toMatchObject({
      what: 'subscribeTemplate.save',
      whatLabel: '订阅消息模板',
      by: expect.any(String),
      before: { id: 'TPL_PROGRESS_LOCAL' },
      after: { id: 'TPL_NEW_PROGRESS' },
    });
    expect(
      audit.ok && audit.data.items.every((a: { target: { kind: string } }) => a.target.kind === 'subscribeTemplate'),
    ).toBe(true);
    expect(await center('saveSubscribeTemplate', { purpose: 'progress', reset: true })).toMatchObject({
      ok: true,
      data: { template: null },
    });
    expect(await call(cloud, 'applicant', { action: 'subscribeTemplates', input: {} }, 'o_x')).toMatchObject({
      ok: true,
      data: { progress: 'TPL_PROGRESS_LOCAL' },
    });
  });

  test('rating deadlines are settings the administrator edits, checked by the rules, audited with before and after', async () => {
    expect(await center('saveSettings', { section: 'rating', value: { followUpWithinDays: -1 } })).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
    });
    expect(
      await center('saveSettings', {
        section: 'rating',
        value: { followUpWithinDays: 30, defaultRatingAfterDays: 15, reviewWithinWorkingDays: 3 },
      }),
    ).toMatchObject({ ok: true });
    const s = await center('getSettings', {});
    expect(s.ok && s.data.settings.rating).toMatchObject({
      followUpWithinDays: 30,
      defaultRatingAfterDays: 15,
      reviewWithinWorkingDays: 3,
    });
    const audit = await center('listAudit', { kind: 'settings' });
    expect(audit.ok && audit.data.items[0]).toMatchObject({
      whatLabel: '修改设置',
      target: { kind: 'settings', id: 'rating' },
      after: expect.objectContaining({ followUpWithinDays: 30 }),
    });
  });
});

describe('办结签收 rests on a signature, never on a tick (issue 16 item 4)', () => {
  async function atWindow(applicantId: string) {
    const c = seedCase(cloud, { applicantId });
    let v = 1;
    for (const [i, a] of [accept, { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 }].entries()) {
      const x = await wb('act', {
        caseId: c.caseId,
        version: v,
        action: a,
        ...(i === 0 ? { signatureFileID: await deskSignature(cloud, 'o_agent_center') } : {}),
      });
      if (!x.ok) throw new Error(x.message);
      v = x.data.version;
    }
    return { caseId: c.caseId, version: v };
  }
  const finish = {
    type: 'finish',
    result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局' },
    resultHandedOver: true,
    originalsReturned: true,
    applicantSigned: true,
  };
  const getCase = (caseId: string, openid: string) =>
    call(cloud, 'cases', { action: 'get', input: { caseId } }, openid);

  test('a ticked 申请人已签收 without a signature is not taken for one: the receipt stays for the applicant to sign on the phone', async () => {
    const c = await atWindow('o_receipt_tick');
    expect(await wb('act', { caseId: c.caseId, version: c.version, action: finish })).toMatchObject({
      ok: true,
      data: { status: 'finished' },
    });
    const staff = await wb('get', { caseId: c.caseId });
    expect(staff.ok && staff.data.case.receipt).toEqual({
      signed: false,
      sourceLabel: '待申请人在手机上签收',
      at: null,
    });
    expect(staff.ok && staff.data.case.signatures.map((g: { kind: string }) => g.kind)).not.toContain('receipt');
    const mine = await getCase(c.caseId, 'o_receipt_tick');
    expect(mine.ok && mine.data.case.needs).toEqual([{ kind: 'receipt' }]);
    expect(mine.ok && mine.data.case.receipt).toBeNull();
  });

  test('a signature drawn at the desk is the receipt: checked as the desk’s own image, stored, and the applicant is not asked again', async () => {
    const c = await atWindow('o_receipt_desk');
    const notTheDesks = await uploadAs(cloud, 'o_receipt_desk', 'signatures', PDF_BYTES, 'png');
    expect(
      await wb('act', { caseId: c.caseId, version: c.version, action: finish, signatureFileID: notTheDesks }),
    ).toMatchObject({
      ok: false,
      code: 'FILE_REJECTED',
      fields: { FILE_NOT_YOURS: expect.any(String) },
    });
    const desk = await deskSignature(cloud, 'o_agent_center');
    expect(
      await wb('act', {
        caseId: c.caseId,
        version: c.version,
        action: { ...finish, applicantSigned: false },
        signatureFileID: desk,
      }),
    ).toMatchObject({ ok: true, data: { status: 'finished' } });
    const staff = await wb('get', { caseId: c.caseId });
    expect(staff.ok && staff.data.case.receipt).toMatchObject({ signed: true, sourceLabel: '窗口当面手写签名' });
    expect(staff.ok && staff.data.case.signatures).toContainEqual(
      expect.objectContaining({ kind: 'receipt', label: '签收签名（窗口当面）', fileID: desk }),
    );
    const mine = await getCase(c.caseId, 'o_receipt_desk');
    expect(mine.ok && mine.data.case.needs).toEqual([]);
    expect(mine.ok && mine.data.case.receipt).toEqual({ signedAt: expect.any(String) });
  });
});

describe('the desk: the full number of a booking, on a recorded reveal (issue 16 item 3)', () => {
  const reveals = () => cloud.store.candidates('audit', {}).docs.filter((d) => d.what === 'contact.reveal');

  test('a booking without a case is the desk’s: its agents and the center reveal it (recorded, no number in the record); another unit gets a missing booking', async () => {
    startedBooking('bk_reveal_desk', `${beijingToday()}@retired-window@00:03`);
    const missing = await wb('revealBookingContact', { bookingId: 'bk_no_such' });
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const before = reveals().length;
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_desk' }, 'o_agent_fgw')).toEqual(
      await wb('revealBookingContact', { bookingId: 'bk_no_such' }, 'o_agent_fgw'),
    );
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_desk' }, 'o_leader_fgw')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_desk' }, 'o_citizen_young')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(reveals().length).toBe(before);
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_desk' }, 'o_agent_center')).toMatchObject({
      ok: true,
      data: { contactPhone: '13700002222', contactName: '阿依古丽' },
    });
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_desk' }, 'o_center_admin')).toMatchObject({
      ok: true,
      data: { contactPhone: '13700002222' },
    });
    const records = reveals().slice(before);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      target: { kind: 'booking', id: 'bk_reveal_desk' },
      by: { staffId: 'st-agent-center' },
    });
    expect(JSON.stringify(records)).not.toContain('13700002222');
  });

  test('a booking for a case follows the case: its agent and its unit’s leader, not the desk’s other agents', async () => {
    const c = seedCase(cloud, { applicantId: 'o_reveal_case', category: 'investment' });
    startedBooking('bk_reveal_case', `${beijingToday()}@retired-window@00:04`);
    const b = cloud.store.get('bookings', 'bk_reveal_case')!.doc;
    cloud.store.apply([
      {
        collection: 'bookings',
        id: 'bk_reveal_case',
        doc: { ...b, caseId: c.caseId, applicantId: 'o_reveal_case' } as never,
      },
    ]);
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_case' }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_case' }, 'o_agent_fgw')).toMatchObject({
      ok: true,
      data: { contactPhone: '13700002222' },
    });
    expect(await wb('revealBookingContact', { bookingId: 'bk_reveal_case' }, 'o_leader_fgw')).toMatchObject({
      ok: true,
    });
    expect(reveals().at(-1)).toMatchObject({
      target: { kind: 'booking', id: 'bk_reveal_case' },
      after: { caseNo: c.caseNo },
    });
  });
});

describe('材料清单 per service matter, kept by the center (issue 16 item 4)', () => {
  test('the seeded catalogue carries lists; the administrator edits one (audited); anyone reads it; a bad list is refused whole', async () => {
    const first = await center('serviceCatalogue', {}, 'o_citizen_young');
    expect(
      first.ok && first.data.items.find((i: { itemId: string }) => i.itemId === 'elderly-allowance'),
    ).toMatchObject({
      name: '高龄津贴申领',
      unitName: '和硕县政务服务中心',
      materials: expect.arrayContaining(['户口簿']),
    });
    const item = {
      itemId: 'disability-subsidy',
      name: '残疾人两项补贴',
      unitId: 'center',
      window: '残联窗口',
      committedWorkingDays: 5,
    };
    expect(await center('saveServiceItem', { ...item, materials: ['残疾人证', ''] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(
      await center('saveServiceItem', { ...item, materials: Array.from({ length: 31 }, (_, i) => `材料${i}`) }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await center('saveServiceItem', { ...item, materials: ['残疾人证'] }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    let read = await center('serviceCatalogue', {}, 'o_citizen_elder');
    expect(read.ok && read.data.items.map((i: { itemId: string }) => i.itemId)).not.toContain('disability-subsidy');
    expect(await center('saveServiceItem', { ...item, materials: [' 残疾人证 ', '户口簿'] })).toMatchObject({
      ok: true,
    });
    read = await center('serviceCatalogue', {}, 'o_citizen_elder');
    expect(read.ok && read.data.items.find((i: { itemId: string }) => i.itemId === 'disability-subsidy')).toEqual({
      itemId: 'disability-subsidy',
      name: '残疾人两项补贴',
      unitName: '和硕县政务服务中心',
      window: '残联窗口',
      committedWorkingDays: 5,
      materials: ['残疾人证', '户口簿'],
    });
    const audit = await center('listAudit', { limit: 1 });
    expect(audit.ok && audit.data.items[0]).toMatchObject({
      what: 'serviceItem.save',
      after: { materials: ['残疾人证', '户口簿'] },
    });
  });
});

describe('签到码 and the way to the center (issue 16 item 5)', () => {
  test('a booking carries a six-digit code its applicant sees (staff lists do not); the desk marks today’s booking arrived with it, and only with it', async () => {
    const days = await bk('listSlots', {}, 'o_checkin_code');
    const slot =
      days.ok &&
      days.data.days[0].slots.find(
        (s: { remaining: number; kind: string }) => s.remaining > 0 && s.kind !== 'home_visit',
      );
    const made = await bk('book', { slotId: slot.slotId, category: 'enterprise' }, 'o_checkin_code');
    expect(made).toMatchObject({ ok: true, data: { booking: { checkInCode: expect.stringMatching(/^\d{6}$/) } } });
    const booked = made.ok ? (made.data.booking as { bookingId: string; checkInCode: string }) : null;
    const mine = await bk('listMine', {}, 'o_checkin_code');
    const code =
      mine.ok && mine.data.items.find((b: { bookingId: string }) => b.bookingId === booked?.bookingId).checkInCode;
    expect(code).toBe(booked?.checkInCode);
    const staffDay = await bk('listDay', { date: slot.slotId.slice(0, 10) }, 'o_agent_center');
    expect(JSON.stringify(staffDay)).not.toContain('checkInCode');

    // today's booking (starting now, so it is today at any hour; arriving early is the core test's); another day's code is not today's
    startedBooking('bk_code_today', `${beijingToday()}@retired-window@00:05`);
    const b = cloud.store.get('bookings', 'bk_code_today')!.doc;
    cloud.store.apply([
      {
        collection: 'bookings',
        id: 'bk_code_today',
        doc: { ...b, checkInCode: '204817', startsAt: new Date() } as never,
      },
    ]);
    const invalid = { ok: false, code: 'RULE_REFUSED', fields: { CHECK_IN_CODE_INVALID: expect.any(String) } };
    expect(await bk('checkInByCode', { code: '204818' }, 'o_agent_center')).toMatchObject(invalid);
    if (slot.slotId.slice(0, 10) !== beijingToday())
      expect(await bk('checkInByCode', { code }, 'o_agent_center')).toMatchObject(invalid);
    expect(await bk('checkInByCode', { code: '20481' }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await bk('checkInByCode', { code: '204817' }, 'o_citizen_young')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await bk('checkInByCode', { code: '204817' }, 'o_leader_fgw')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(cloud.store.get('bookings', 'bk_code_today')!.doc).toMatchObject({ status: 'active' });
    expect(await bk('checkInByCode', { code: '204817' }, 'o_agent_center')).toMatchObject({
      ok: true,
      data: { bookingId: 'bk_code_today', status: 'attended', contactName: '阿***' },
    });
    expect(cloud.store.get('bookings', 'bk_code_today')!.doc).toMatchObject({
      status: 'attended',
      checkedInAt: expect.any(Date),
    });
    // used once: the same code again is refused like a wrong one
    expect(await bk('checkInByCode', { code: '204817' }, 'o_agent_center')).toMatchObject(invalid);
  });

  test('the center’s address and map point come from its settings, readable by anyone, edited by the administrator', async () => {
    const first = await center('centerLocation', {}, 'o_citizen_elder');
    expect(first).toMatchObject({
      ok: true,
      data: {
        name: '和硕县政务服务中心',
        address: expect.any(String),
        latitude: expect.any(Number),
        longitude: expect.any(Number),
      },
    });
    expect(await center('saveSettings', { section: 'location', value: { latitude: 142 } })).toMatchObject({
      ok: false,
    });
    expect(
      await center('saveSettings', {
        section: 'location',
        value: { address: '和硕县团结路1号政务服务中心', latitude: 42.27, longitude: 86.87 },
      }),
    ).toMatchObject({ ok: true });
    expect(await center('centerLocation', {}, 'o_citizen_elder')).toMatchObject({
      ok: true,
      data: { address: '和硕县团结路1号政务服务中心', latitude: 42.27, longitude: 86.87 },
    });
  });
});
