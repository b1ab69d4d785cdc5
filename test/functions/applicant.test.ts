/**
 * Issue 5, the applicant's side through the real functions: privacy consent before any personal
 * data, the full 申请表 validated on the server, one case per request id, the detail screen's due
 * date and needs, signing the result receipt, 补正 from the phone, confirming an extension, asking
 * to terminate — and another applicant's case id refused with nothing revealed.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import {
  agreePrivacy,
  ENTERPRISE_USCC,
  fullApplication,
  PDF_BYTES,
  PERSON_ID,
  PNG_BYTES,
  signedApplication,
  submitAs,
  uploadAs,
} from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const enterpriseForm = {
  category: 'enterprise',
  applicantType: 'enterprise',
  mode: 'proxy',
  matter: '天山食品有限公司设立登记及食品经营许可',
  contactName: '王海',
  contactPhone: '13899001122',
};
/** A PDF the applicant really uploaded (to their own folder), as the picker sends its metadata. */
const materialOf = async (openid: string) => ({
  fileID: await uploadAs(cloud, openid, 'materials', PDF_BYTES, 'pdf'),
  name: '营业执照.pdf',
  size: PDF_BYTES.length,
  type: 'application/pdf',
});
const sigOf = (openid: string) => uploadAs(cloud, openid, 'signatures', PNG_BYTES);
const act = (caseId: string, version: number, action: object) =>
  call(cloud, 'workbench', { action: 'act', input: { caseId, version, action } }, 'o_agent_center');
const accept = {
  type: 'accept',
  mandateConfirmed: true,
  processExplained: true,
  materialsChecked: true,
  applicantSigned: true,
  mandateLetterSigned: true,
};
const finish = {
  type: 'finish',
  result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局', documentNo: 'JY16528280000001' },
  resultHandedOver: true,
  originalsReturned: true,
  applicantSigned: true,
};

async function run(caseId: string, steps: object[], from = 1) {
  let v = from;
  for (const s of steps) {
    const r = await act(caseId, v, s);
    if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
    v = r.data.version;
  }
  return v;
}
async function newCase(openid = 'o_enterprise', form: Record<string, unknown> = enterpriseForm) {
  const r = await submitAs(cloud, openid, form);
  if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
  return r.data.caseId as string;
}
const get = (caseId: string, openid = 'o_enterprise') =>
  call(cloud, 'cases', { action: 'get', input: { caseId } }, openid);

describe('privacy consent (用户隐私保护指引)', () => {
  test('no application is kept before the applicant agrees; the consent is stored per openid and versioned', async () => {
    const before = await call(cloud, 'applicant', { action: 'privacyStatus', input: {} }, 'o_new_person');
    expect(before).toMatchObject({ ok: true, data: { agreed: false, version: expect.any(String), agreedAt: null } });
    const refused = await call(
      cloud,
      'cases',
      { action: 'submit', input: await signedApplication(cloud, 'o_new_person', enterpriseForm) },
      'o_new_person',
    );
    expect(refused).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { PRIVACY_CONSENT_REQUIRED: expect.any(String) },
    });
    expect(
      await call(cloud, 'applicant', { action: 'agreePrivacy', input: { version: '1999-01-01' } }, 'o_new_person'),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { version: expect.any(String) },
    });
    await agreePrivacy(cloud, 'o_new_person');
    expect(await call(cloud, 'applicant', { action: 'privacyStatus', input: {} }, 'o_new_person')).toMatchObject({
      ok: true,
      data: { agreed: true, agreedAt: expect.any(String) },
    });
    expect(await call(cloud, 'applicant', { action: 'privacyStatus', input: {} }, 'o_other_person')).toMatchObject({
      ok: true,
      data: { agreed: false },
    });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'submit', input: await signedApplication(cloud, 'o_new_person', enterpriseForm) },
        'o_new_person',
      ),
    ).toMatchObject({ ok: true });
  });

  test('subscribe template ids come from the function environment (cloudbase.json functionEnv)', async () => {
    expect(await call(cloud, 'applicant', { action: 'subscribeTemplates', input: {} }, 'o_citizen_elder')).toEqual({
      ok: true,
      data: {
        acceptResult: 'TPL_ACCEPT_RESULT_LOCAL',
        progress: 'TPL_PROGRESS_LOCAL',
        bookingReminder: 'TPL_APPOINTMENT_LOCAL',
        finished: 'TPL_FINISHED_LOCAL',
      },
    });
  });
});

describe('cases.submit: the full 帮办代办申请表', () => {
  test('checks 身份证号, 统一社会信用代码, the 代办 mandate, category answers and every upload, field by field', async () => {
    await agreePrivacy(cloud, 'o_citizen_young');
    const material = await materialOf('o_citizen_young');
    const application = await signedApplication(cloud, 'o_citizen_young', enterpriseForm);
    const person = {
      category: 'livelihood',
      applicantType: 'person',
      mode: 'help',
      matter: '办理高龄津贴',
      contactName: '李明',
      contactPhone: '13912345678',
    };
    const badId = await call(
      cloud,
      'cases',
      {
        action: 'submit',
        input: { ...fullApplication(person), idNumber: PERSON_ID.slice(0, 17) + (PERSON_ID[17] === '0' ? '1' : '0') },
      },
      'o_citizen_young',
    );
    expect(badId).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { idNumber: '身份证号校验位不正确，请核对是否输错。' },
    });
    const noGroup = await call(
      cloud,
      'cases',
      { action: 'submit', input: { ...fullApplication(person), details: {} } },
      'o_citizen_young',
    );
    expect(noGroup).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { 'details.livelihoodPublicService': '请回答是否为民生保障类事项' },
    });
    // no special circumstance is an answer, judged by §三(一) like the self-check does
    const notSpecial = await call(
      cloud,
      'cases',
      {
        action: 'submit',
        input: { ...fullApplication(person), details: { specialGroups: [], livelihoodPublicService: true } },
      },
      'o_citizen_young',
    );
    expect(notSpecial).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
      fields: { LIVELIHOOD_NOT_SPECIAL_GROUP: expect.stringContaining('行动不便') },
    });
    const badUscc = await call(
      cloud,
      'cases',
      { action: 'submit', input: { ...application, uscc: ENTERPRISE_USCC.slice(0, 17) + 'I' } },
      'o_citizen_young',
    );
    expect(badUscc).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { uscc: expect.stringContaining('统一社会信用代码') },
    });
    const noMandate = { ...application } as Record<string, unknown>;
    delete noMandate.mandate;
    expect(await call(cloud, 'cases', { action: 'submit', input: noMandate }, 'o_citizen_young')).toMatchObject({
      ok: false,
      fields: { mandate: '代办须签署代办服务委托书' },
    });
    const files = [
      { ...material, size: 11 * 1024 * 1024 },
      { ...material, type: 'application/zip', name: 'a.zip' },
      { ...material, fileID: 'https://evil.example/x.pdf' },
      { ...material, type: 'image/jpeg', size: 6 * 1024 * 1024 },
    ];
    const bad = await call(
      cloud,
      'cases',
      { action: 'submit', input: { ...application, materials: files } },
      'o_citizen_young',
    );
    expect(bad).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: {
        'materials.0.size': 'PDF 文件不能超过 10 MB',
        'materials.1.type': expect.stringContaining('JPG'),
        'materials.2.fileID': expect.any(String),
        'materials.3.size': '照片不能超过 5 MB',
      },
    });
    const ok = await call(
      cloud,
      'cases',
      { action: 'submit', input: { ...application, materials: [material], commitment: true } },
      'o_citizen_young',
    );
    expect(ok).toMatchObject({ ok: true, data: { repeated: false } });
    const detail = await get(ok.ok ? ok.data.caseId : '', 'o_citizen_young');
    expect(detail).toMatchObject({
      ok: true,
      data: {
        case: {
          materials: [{ name: '营业执照.pdf', size: PDF_BYTES.length, type: 'application/pdf', supplement: false }],
          mandateSigned: true,
        },
      },
    });
  });

  test('a double tap or a retry with the same request id makes one case; a new form makes another', async () => {
    await agreePrivacy(cloud, 'o_double_tap');
    const input = await signedApplication(cloud, 'o_double_tap', enterpriseForm);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call(cloud, 'cases', { action: 'submit', input }, 'o_double_tap')),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const ids = new Set(answers.map((a) => (a.ok ? a.data.caseId : '')));
    expect(ids.size).toBe(1);
    const retry = await call(cloud, 'cases', { action: 'submit', input }, 'o_double_tap');
    expect(retry).toMatchObject({ ok: true, data: { caseId: [...ids][0], repeated: true } });
    const list = await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_double_tap');
    expect(list.ok && list.data.items).toHaveLength(1);
    // the same request id from someone else is their own request (with their own signature)
    await agreePrivacy(cloud, 'o_double_tap_2');
    const other = await call(
      cloud,
      'cases',
      {
        action: 'submit',
        input: { ...input, mandate: { ...(input.mandate as object), signatureFileID: await sigOf('o_double_tap_2') } },
      },
      'o_double_tap_2',
    );
    expect(other.ok && other.data.caseId).not.toBe([...ids][0]);
  });
});

describe('cases.submit: an idempotency key means the same request, never another one', () => {
  const countCases = (openid: string) =>
    cloud.store.candidates('cases', {}).docs.filter((d) => d.applicantId === openid).length;

  test('the same key with a different body is refused (IDEMPOTENCY_KEY_REUSED) and writes nothing; the same body twice is one case', async () => {
    await agreePrivacy(cloud, 'o_key_reuse');
    const first = await signedApplication(cloud, 'o_key_reuse', enterpriseForm);
    const made = await call(cloud, 'cases', { action: 'submit', input: first }, 'o_key_reuse');
    expect(made).toMatchObject({ ok: true, data: { repeated: false } });
    const caseId = made.ok ? made.data.caseId : '';
    // a stale draft: the old request id with a new matter must not be answered with the old case
    const second = { ...first, matter: '天山食品有限公司变更登记（新的事项）' };
    const reused = await call(cloud, 'cases', { action: 'submit', input: second }, 'o_key_reuse');
    expect(reused).toMatchObject({
      ok: false,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
    expect(JSON.stringify(reused)).not.toContain(caseId);
    expect(await countCases('o_key_reuse')).toBe(1);
    // any part of the body counts, not only the matter
    expect(
      await call(cloud, 'cases', { action: 'submit', input: { ...first, contactPhone: '13899001123' } }, 'o_key_reuse'),
    ).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
    // the very same request again is the same case
    expect(await call(cloud, 'cases', { action: 'submit', input: first }, 'o_key_reuse')).toMatchObject({
      ok: true,
      data: { caseId, repeated: true },
    });
    // the new body under a fresh key is a second case
    expect(
      await call(
        cloud,
        'cases',
        { action: 'submit', input: { ...second, requestId: 'fresh-key-0002' } },
        'o_key_reuse',
      ),
    ).toMatchObject({ ok: true, data: { repeated: false } });
    expect(await countCases('o_key_reuse')).toBe(2);
    const list = await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_key_reuse');
    expect(list.ok && list.data.items.map((i: { matter: string }) => i.matter).sort()).toEqual(
      [enterpriseForm.matter, second.matter].sort(),
    );
  });

  test('a body that differs only in key order or surrounding spaces is the same request', async () => {
    await agreePrivacy(cloud, 'o_key_same');
    const first = await signedApplication(cloud, 'o_key_same', enterpriseForm);
    const made = await call(cloud, 'cases', { action: 'submit', input: first }, 'o_key_same');
    const reordered = Object.fromEntries(Object.entries({ ...first, matter: ` ${enterpriseForm.matter} ` }).reverse());
    expect(await call(cloud, 'cases', { action: 'submit', input: reordered }, 'o_key_same')).toMatchObject({
      ok: true,
      data: { caseId: made.ok ? made.data.caseId : '?', repeated: true },
    });
    expect(await countCases('o_key_same')).toBe(1);
  });
});

describe('case detail, receipt, 补正, extension, termination', () => {
  test('detail shows status, unit and agent with office phones (首问负责), due date and whether it is on track', async () => {
    const id = await newCase();
    const fresh = await get(id);
    expect(fresh).toMatchObject({
      ok: true,
      data: {
        case: {
          status: 'applied',
          due: null,
          canWithdraw: true,
          canRequestTermination: false,
          contacts: {
            unitName: '和硕县政务服务中心',
            agentName: '陈静',
            agentPhone: '0996-5012301',
            unitPhone: '0996-5012345',
          },
        },
      },
    });
    await run(id, [accept, { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 }]);
    const handling = await get(id);
    expect(handling).toMatchObject({
      ok: true,
      data: {
        case: {
          status: 'handling',
          firstAgentName: '陈静',
          due: {
            date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            level: expect.stringMatching(/on_track|due_soon/),
            levelLabel: expect.any(String),
            paused: false,
          },
        },
      },
    });
    const labels = handling.ok
      ? handling.data.case.timeline.map((e: { label: string; by: string }) => `${e.label}/${e.by}`)
      : [];
    expect(labels).toEqual(['提交申请/您', '受理/帮代办员 陈静', '送达审批窗口/帮代办员 陈静']);
  });

  test('补正 from the phone, extension confirmation and asking to terminate are the applicant’s own steps', async () => {
    const id = await newCase();
    let v = await run(id, [
      accept,
      { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
      { type: 'requestMaterials', missing: ['经营场所使用证明'] },
    ]);
    let d = await get(id);
    expect(d.ok && d.data.case.needs).toEqual([{ kind: 'materials', missing: ['经营场所使用证明'] }]);
    expect(
      await call(cloud, 'cases', { action: 'sendSupplement', input: { caseId: id, materials: [] } }, 'o_enterprise'),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { materials: '请至少上传一个文件' },
    });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'sendSupplement', input: { caseId: id, materials: [await materialOf('o_citizen_young')] } },
        'o_citizen_young',
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await call(
        cloud,
        'cases',
        {
          action: 'sendSupplement',
          input: { caseId: id, materials: [{ ...(await materialOf('o_enterprise')), name: '场所证明.pdf' }] },
        },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: true, data: { count: 1 } });
    d = await get(id);
    expect(d.ok && d.data.case.needs).toEqual([{ kind: 'materials_sent', missing: ['经营场所使用证明'] }]);
    v = d.ok ? d.data.case.version : v;
    await run(
      id,
      [
        { type: 'receiveMaterials' },
        { type: 'extend', extraWorkingDays: 3, explanation: '需现场核查经营场所', explainedToApplicant: true },
      ],
      v,
    );
    d = await get(id);
    const ext = d.ok && d.data.case.needs.find((n: { kind: string }) => n.kind === 'extension');
    expect(ext).toMatchObject({ kind: 'extension', extraWorkingDays: 3, explanation: '需现场核查经营场所' });
    expect(
      await call(cloud, 'cases', { action: 'confirmExtension', input: { caseId: id, seq: 1 } }, 'o_enterprise'),
    ).toMatchObject({
      ok: false,
      code: 'RULE_REFUSED',
    });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'confirmExtension', input: { caseId: id, seq: ext.seq } },
        'o_citizen_young',
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await call(cloud, 'cases', { action: 'confirmExtension', input: { caseId: id, seq: ext.seq } }, 'o_enterprise'),
    ).toMatchObject({
      ok: true,
    });
    d = await get(id);
    expect(d.ok && d.data.case.needs).toEqual([]);
    expect(
      await call(cloud, 'cases', { action: 'requestTermination', input: { caseId: id, reason: '' } }, 'o_enterprise'),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { reason: expect.any(String) },
    });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'requestTermination', input: { caseId: id, reason: '企业决定暂缓开办' } },
        'o_citizen_young',
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'requestTermination', input: { caseId: id, reason: '企业决定暂缓开办' } },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: true, data: { terminationRequest: { reason: '企业决定暂缓开办' } } });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'requestTermination', input: { caseId: id, reason: '再次申请' } },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: false, fields: { ALREADY_REQUESTED: expect.any(String) } });
    d = await get(id);
    expect(d.ok && d.data.case).toMatchObject({
      canRequestTermination: false,
      terminationRequest: { reason: '企业决定暂缓开办' },
    });
  });

  test('the receipt is signed on the phone only by the applicant of a finished case, once', async () => {
    const id = await newCase();
    const sig = await sigOf('o_enterprise');
    expect(
      await call(
        cloud,
        'cases',
        { action: 'signReceipt', input: { caseId: id, signatureFileID: sig } },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { RECEIPT_NOT_FINISHED: expect.any(String) } });
    await run(id, [accept, { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 }, finish]);
    let d = await get(id);
    expect(d.ok && d.data.case).toMatchObject({
      status: 'finished',
      needs: [{ kind: 'receipt' }],
      result: { outcomeLabel: '准予办理', decidedBy: '和硕县市场监督管理局' },
      canRate: true,
      due: null,
    });
    expect(
      await call(
        cloud,
        'cases',
        {
          action: 'signReceipt',
          input: { caseId: id, signatureFileID: 'cloud://bangban-local.local/materials/x.png' },
        },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { signatureFileID: expect.any(String) } });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'signReceipt', input: { caseId: id, signatureFileID: await sigOf('o_citizen_young') } },
        'o_citizen_young',
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '没有找到这条申请' });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'signReceipt', input: { caseId: id, signatureFileID: sig } },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: true, data: { receipt: { signedAt: expect.any(String) } } });
    expect(
      await call(
        cloud,
        'cases',
        { action: 'signReceipt', input: { caseId: id, signatureFileID: sig } },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: false, fields: { RECEIPT_ALREADY_SIGNED: expect.any(String) } });
    d = await get(id);
    expect(d.ok && d.data.case).toMatchObject({ needs: [], receipt: { signedAt: expect.any(String) } });
  });

  test('another applicant’s case id is refused exactly like a missing one, for every applicant action', async () => {
    const id = await newCase();
    const sig = await sigOf('o_citizen_young');
    const material = await materialOf('o_citizen_young');
    const probes: [string, object][] = [
      ['get', { caseId: id }],
      ['withdraw', { caseId: id, version: 1 }],
      ['signReceipt', { caseId: id, signatureFileID: sig }],
      ['sendSupplement', { caseId: id, materials: [material] }],
      ['confirmExtension', { caseId: id, seq: 2 }],
      ['requestTermination', { caseId: id, reason: '不想办了' }],
    ];
    for (const [action, input] of probes) {
      const theirs = await call(cloud, 'cases', { action, input }, 'o_citizen_young');
      const missing = await call(
        cloud,
        'cases',
        { action, input: { ...input, caseId: 'no-such-case' } },
        'o_citizen_young',
      );
      expect({ action, theirs }).toEqual({ action, theirs: missing });
      expect(theirs).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect((await get(id)).ok && ((await get(id)) as { data: { case: { version: number } } }).data.case.version).toBe(
      1,
    );
  });
});

describe('uploaded files are checked in storage before a case refers to them', () => {
  const count = async (openid: string) => {
    const r = await call(cloud, 'cases', { action: 'listMine', input: {} }, openid);
    return r.ok ? r.data.items.length : -1;
  };

  test('the upload folder is the caller’s own, the same on every call, and differs between people', async () => {
    const a = await call(cloud, 'cases', { action: 'uploadFolder', input: {} }, 'o_files_a');
    const again = await call(cloud, 'cases', { action: 'uploadFolder', input: {} }, 'o_files_a');
    const b = await call(cloud, 'cases', { action: 'uploadFolder', input: {} }, 'o_files_b');
    expect(a).toMatchObject({
      ok: true,
      data: {
        materials: expect.stringMatching(/^materials\/u[0-9a-f]{24}\/$/),
        signatures: expect.stringMatching(/^signatures\/u[0-9a-f]{24}\/$/),
      },
    });
    expect(again).toEqual(a);
    expect(b.ok && a.ok && b.data.materials).not.toBe(a.ok && a.data.materials);
    // the openid itself is not in the path
    expect(JSON.stringify(a)).not.toContain('o_files_a');
  });

  test('missing, someone else’s, disguised, wrong-kind, empty and too-large files are refused with stable codes; nothing is written', async () => {
    await agreePrivacy(cloud, 'o_files_a');
    const application = await signedApplication(cloud, 'o_files_a', enterpriseForm);
    const theirs = await uploadAs(cloud, 'o_files_b', 'materials', PDF_BYTES, 'pdf');
    const mine = (bytes: Buffer, ext: string) => uploadAs(cloud, 'o_files_a', 'materials', bytes, ext);
    const meta = (fileID: string, type = 'application/pdf', size = 1000) => ({ fileID, name: '材料', size, type });
    const folder = (await call(cloud, 'cases', { action: 'uploadFolder', input: {} }, 'o_files_a')) as {
      data: { materials: string };
    };
    const cases: [object, string, string][] = [
      [meta(cloud.storage.fileId(`${folder.data.materials}never-uploaded.pdf`)), 'FILE_MISSING', '找不到'],
      [meta(theirs), 'FILE_NOT_YOURS', '自己上传'],
      // a PNG named and declared as a PDF
      [meta(await mine(PNG_BYTES, 'pdf')), 'FILE_TYPE_MISMATCH', '不符'],
      [meta(await mine(Buffer.from('MZ\x90\x00 not a document'), 'pdf')), 'FILE_TYPE', 'PDF'],
      [meta(await mine(Buffer.alloc(0), 'pdf')), 'FILE_EMPTY', '空的'],
      // declared small, really 5.5 MB: the stored size counts
      [
        meta(await mine(Buffer.concat([PNG_BYTES, Buffer.alloc(5.5 * 1024 * 1024)]), 'png'), 'image/png', 2000),
        'FILE_TOO_LARGE',
        '5 MB',
      ],
    ];
    for (const [file, code, words] of cases) {
      const r = await call(
        cloud,
        'cases',
        { action: 'submit', input: { ...application, requestId: `files-${code}`, materials: [file] } },
        'o_files_a',
      );
      expect({ code, r }).toMatchObject({
        code,
        r: {
          ok: false,
          code: 'FILE_REJECTED',
          fields: { 'materials.0': expect.stringContaining(words), [code]: expect.any(String) },
        },
      });
      expect(r.ok ? '' : r.message).toMatch(/^上传的文件有问题：/);
    }
    expect(await count('o_files_a')).toBe(0);
    // a mandate signed with someone else's signature image
    const borrowed = {
      ...application,
      requestId: 'files-sig',
      mandate: { ...(application.mandate as object), signatureFileID: await sigOf('o_files_b') },
    };
    expect(await call(cloud, 'cases', { action: 'submit', input: borrowed }, 'o_files_a')).toMatchObject({
      ok: false,
      code: 'FILE_REJECTED',
      fields: { 'mandate.signatureFileID': expect.any(String), FILE_NOT_YOURS: expect.any(String) },
    });
    expect(await count('o_files_a')).toBe(0);
    // the real thing goes through, with the stored size
    const ok = await call(
      cloud,
      'cases',
      {
        action: 'submit',
        input: {
          ...application,
          requestId: 'files-ok',
          materials: [meta(await mine(PDF_BYTES, 'pdf'), 'application/pdf', 999)],
        },
      },
      'o_files_a',
    );
    expect(ok).toMatchObject({ ok: true });
    const d = await get(ok.ok ? ok.data.caseId : '', 'o_files_a');
    expect(d.ok && d.data.case.materials).toEqual([
      expect.objectContaining({ size: PDF_BYTES.length, type: 'application/pdf' }),
    ]);
  });

  test('补正 uploads and the receipt signature get the same checks; a refused 补正 changes nothing', async () => {
    const id = await newCase('o_files_c');
    await run(id, [
      accept,
      { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
      { type: 'requestMaterials', missing: ['经营场所使用证明'] },
    ]);
    const before = await get(id, 'o_files_c');
    const theirs = await materialOf('o_files_b');
    const r = await call(
      cloud,
      'cases',
      { action: 'sendSupplement', input: { caseId: id, materials: [await materialOf('o_files_c'), theirs] } },
      'o_files_c',
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'FILE_REJECTED',
      fields: { 'materials.1': expect.any(String), FILE_NOT_YOURS: expect.any(String) },
    });
    const after = await get(id, 'o_files_c');
    expect(after.ok && after.data.case).toMatchObject({
      version: before.ok && before.data.case.version,
      needs: [{ kind: 'materials' }],
    });
    expect(after.ok && after.data.case.materials).toEqual(before.ok && before.data.case.materials);
  });
});
