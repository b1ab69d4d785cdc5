/**
 * §五(一) 核实资料: staff open what the applicant uploaded. workbench.fileLink answers short-lived
 * links only for files of the case (materials with 补正, the mandate, desk and receipt signatures),
 * only to staff who may view the case; anything else answers like a missing case.
 */
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { deskSignature, PDF_BYTES, PNG_BYTES, submitAs, uploadAs } from '../support/applicant';

let cloud: CloudBase;
const logs: string[] = [];
beforeAll(async () => {
  cloud = await startAppCloud({ log: (line) => logs.push(line) });
});
afterAll(() => cloud.stop());

const form = {
  category: 'enterprise',
  applicantType: 'enterprise',
  mode: 'proxy',
  matter: '天山食品有限公司设立登记及食品经营许可',
  contactName: '王海',
  contactPhone: '13899001122',
};
const wb = (action: string, input: object, openid: string) => call(cloud, 'workbench', { action, input }, openid);
const link = (caseId: string, fileIDs: string[], openid = 'o_agent_center') =>
  wb('fileLink', { caseId, fileIDs }, openid);

/** A case of `openid` with a photo and a PDF, taken by 陈静 (o_agent_center). */
async function caseWithFiles(openid: string) {
  const photo = await uploadAs(cloud, openid, 'materials', PNG_BYTES, 'png');
  const pdf = await uploadAs(cloud, openid, 'materials', PDF_BYTES, 'pdf');
  const r = await submitAs(cloud, openid, {
    ...form,
    materials: [
      { fileID: photo, name: '营业执照.png', size: PNG_BYTES.length, type: 'image/png' },
      { fileID: pdf, name: '场所证明.pdf', size: PDF_BYTES.length, type: 'application/pdf' },
    ],
  });
  if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fields)}`);
  const caseId = r.data.caseId as string;
  const d = await wb('get', { caseId }, 'o_center_admin');
  if (!d.ok) throw new Error(d.message);
  if (d.data.case.agentName !== '陈静') {
    const t = await wb('act', { caseId, version: d.data.case.version, action: { type: 'take' } }, 'o_agent_center');
    if (!t.ok) throw new Error(t.message);
  }
  return { caseId, photo, pdf };
}

const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

describe('workbench.fileLink', () => {
  let a: Awaited<ReturnType<typeof caseWithFiles>>;
  let b: Awaited<ReturnType<typeof caseWithFiles>>;
  let mandate: string;
  beforeAll(async () => {
    a = await caseWithFiles('o_enterprise');
    b = await caseWithFiles('o_citizen_young');
    const d = await wb('get', { caseId: a.caseId }, 'o_agent_center');
    mandate = d.ok ? d.data.case.signatures.find((s: { kind: string }) => s.kind === 'mandate').fileID : '';
  });

  test('the staff detail lists every file of the case with its fileID: materials and the mandate signature', async () => {
    const d = await wb('get', { caseId: a.caseId }, 'o_agent_center');
    expect(d).toMatchObject({
      ok: true,
      data: {
        case: {
          materials: [
            { fileID: a.photo, name: '营业执照.png', type: 'image/png' },
            { fileID: a.pdf, name: '场所证明.pdf', type: 'application/pdf' },
          ],
          signatures: [{ kind: 'mandate', label: expect.stringContaining('委托书') }],
        },
      },
    });
    expect(mandate).toMatch(/^cloud:\/\/.+\/signatures\//);
  });

  test('the case agent gets links that download the very bytes the applicant uploaded, in the order asked', async () => {
    const r = await link(a.caseId, [a.pdf, a.photo, mandate]);
    expect(r).toMatchObject({
      ok: true,
      data: {
        files: [
          { fileID: a.pdf, kind: 'pdf', name: '场所证明.pdf' },
          { fileID: a.photo, kind: 'image', name: '营业执照.png' },
          { fileID: mandate, kind: 'image', name: '代办委托书签名' },
        ],
      },
    });
    if (!r.ok) return;
    expect((await download(r.data.files[0].url)).equals(PDF_BYTES)).toBe(true);
    expect((await download(r.data.files[1].url)).equals(PNG_BYTES)).toBe(true);
    expect((await download(r.data.files[2].url)).equals(PNG_BYTES)).toBe(true);
    // short-lived: minutes, not the hour of an export
    const ttl = new Date(r.data.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  });

  test('the center may look too', async () => {
    expect(await link(a.caseId, [a.photo], 'o_center_admin')).toMatchObject({ ok: true });
  });

  test('another case’s file, a made-up fileID or a storage path outside the case: NOT_FOUND, nothing signed', async () => {
    expect(await link(a.caseId, [b.photo])).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // one foreign file among the case's own refuses the whole request
    expect(await link(a.caseId, [a.photo, b.pdf])).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await link(a.caseId, ['cloud://bangban-local.local/materials/u000/secret.pdf'])).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await link(a.caseId, ['cloud://bangban-local.local/exports/ledger/all/x.xlsx'])).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  test('an applicant (even the owner) has no staff role: FORBIDDEN', async () => {
    expect(await link(a.caseId, [a.photo], 'o_enterprise')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await link(a.caseId, [a.photo], 'o_citizen_young')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('an agent or leader of another unit is answered exactly like a missing case', async () => {
    const missing = await link('no-such-case', [a.photo], 'o_agent_fgw');
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await link(a.caseId, [a.photo], 'o_agent_fgw')).toEqual(missing);
    expect(await link(a.caseId, [a.photo], 'o_leader_fgw')).toEqual(
      await link('no-such-case', [a.photo], 'o_leader_fgw'),
    );
  });

  test('bad input is refused by the schema', async () => {
    expect(await link(a.caseId, [])).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await wb('fileLink', { caseId: a.caseId, fileIDs: [{ $ne: null }] }, 'o_agent_center')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(
      await wb(
        'fileLink',
        { caseId: a.caseId, fileIDs: Array.from({ length: 41 }, (_, i) => `x${i}`) },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  test('a file of the case that storage no longer has: NOT_FOUND in words', async () => {
    const gone = await caseWithFiles('o_enterprise');
    cloud.storage.remove(cloud.storage.pathOf(gone.photo));
    expect(await link(gone.caseId, [gone.photo])).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: expect.stringContaining('重新上传'),
    });
  });

  test('a desk signature for 受理 and the receipt signature can be opened too', async () => {
    const c = await caseWithFiles('o_enterprise');
    const before = await wb('get', { caseId: c.caseId }, 'o_agent_center');
    let v = before.ok ? (before.data.case.version as number) : 0;
    const desk = await deskSignature(cloud, 'o_agent_center');
    const steps: object[] = [
      {
        type: 'accept',
        mandateConfirmed: true,
        processExplained: true,
        materialsChecked: true,
        applicantSigned: true,
        mandateLetterSigned: true,
      },
      { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 3 },
      {
        type: 'finish',
        result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局' },
        resultHandedOver: true,
        originalsReturned: true,
        applicantSigned: true,
      },
    ];
    for (const [i, action] of steps.entries()) {
      const r = await wb(
        'act',
        { caseId: c.caseId, version: v, action, ...(i === 0 ? { signatureFileID: desk } : {}) },
        'o_agent_center',
      );
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      v = r.data.version;
    }
    const receipt = await uploadAs(cloud, 'o_enterprise', 'signatures', PNG_BYTES);
    expect(
      await call(
        cloud,
        'cases',
        { action: 'signReceipt', input: { caseId: c.caseId, signatureFileID: receipt } },
        'o_enterprise',
      ),
    ).toMatchObject({ ok: true });
    const d = await wb('get', { caseId: c.caseId }, 'o_agent_center');
    expect(d.ok && d.data.case.signatures.map((s: { kind: string; fileID: string }) => [s.kind, s.fileID])).toEqual([
      ['mandate', expect.any(String)],
      ['accept', desk],
      ['receipt', receipt],
    ]);
    expect(await link(c.caseId, [desk, receipt])).toMatchObject({
      ok: true,
      data: { files: [{ name: '受理确认签字' }, { name: '签收签名' }] },
    });
  });

  test('two database round trips (the staff binding and the case), and the logs carry no fileID', async () => {
    const { json, record } = await cloud.host.invoke(
      'workbench',
      {
        action: 'fileLink',
        input: { caseId: a.caseId, fileIDs: [a.photo] },
        userInfo: { openId: 'o_agent_center', appId: 'wx_test' },
      },
      { openid: 'o_agent_center', appid: 'wx_test', source: 'wx_client' },
    );
    expect(JSON.parse(json)).toMatchObject({ ok: true });
    expect(record.dbRequests).toBe(2);
    const fileLogs = logs.filter((l) => l.includes('fileLink'));
    expect(fileLogs.length).toBeGreaterThan(0);
    expect(logs.filter((l) => l.includes(a.photo) || l.includes(a.pdf) || l.includes('13899001122'))).toEqual([]);
  });
});
