/**
 * Issue 9 §4 — faults, with the real functions:
 *  - the local CloudBase as a child process (`node local-cloud/bin/cloudbase.js --data DIR`), under a
 *    mixed load through the client gateway (submissions, acceptances, bookings), with message
 *    delivery stalled, killed with SIGKILL and restarted: every acknowledged write is there, the
 *    outbox resumes from where it stopped (the scheduler delivers what was left), and no message
 *    is delivered twice, however often the scheduler runs;
 *  - a function that times out in the middle of its work (a stalled or lost database request,
 *    injected) leaves nothing half-done: its one write lands whole or not at all, and the caller's
 *    retry completes it once.
 * (test/cloud/durability.test.ts proves the same kill -9 property for raw database writes.)
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject, startCloudBase } from '../../local-cloud/src';
import { PENDING_COLLECTIONS } from '../../cloudfunctions-src/shared/effects';
import { call, deliver } from '../support/app';
import { agreePrivacy, deskSignature, fullApplication, PNG_BYTES } from '../support/applicant';
import { changes, snapshot } from './support/world';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../scripts/build-functions') as { build: () => string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seed } = require('../../scripts/seed') as {
  seed: (env: Record<string, string>, options?: { standInCalendars?: boolean }) => Promise<number>;
};

beforeAll(() => build());

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'local-cloud/bin/cloudbase.js'),
        '--port',
        '0',
        '--data',
        dataDir,
        '--functions',
        path.join(ROOT, 'cloudfunctions'),
        '--project',
        path.join(ROOT, 'cloudbase.json'),
        '--quiet',
      ],
      {
        cwd: dataDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /CloudBase listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const sdkEnv = (url: string) => ({
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_SECRETID: 'local',
  TENCENTCLOUD_SECRETKEY: 'local',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  TCB_ENV: 'bangban-local',
  SCF_NAMESPACE: 'bangban-local',
});

/** The mini-program's call through the client gateway; null when the server is gone. */
async function gateway(url: string, name: string, action: string, input: object, openid: string): Promise<any | null> {
  try {
    const res = await fetch(`${url}/gateway/callFunction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, data: { action, input }, openid }),
    });
    return ((await res.json()) as { result?: unknown }).result ?? null;
  } catch {
    return null;
  }
}

async function all(url: string, collection: string): Promise<Record<string, any>[]> {
  const out: Record<string, any>[] = [];
  for (let offset = 0; ; offset += 500) {
    const r = (await (await fetch(`${url}/_/api/collections/${collection}?limit=500&offset=${offset}`)).json()) as {
      documents: Record<string, any>[];
    };
    out.push(...r.documents);
    if (r.documents.length < 500) return out;
  }
}

/** A signature drawn on the agent's device, uploaded through the client gateway to the agent's own folder (受理 of a 帮办 case rests on it). */
async function gatewaySignature(url: string, openid: string): Promise<string> {
  const folders = await gateway(url, 'cases', 'uploadFolder', {}, openid);
  const res = await fetch(
    `${url}/gateway/uploadFile?openid=${openid}&cloudPath=${encodeURIComponent(`${folders.data.signatures}desk.png`)}`,
    { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: PNG_BYTES },
  );
  return ((await res.json()) as { fileID: string }).fileID;
}

const until = async (what: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end && !what();) await new Promise((r) => setTimeout(r, 50));
};

test('SIGKILL during a mixed load, then a restart: every acknowledged write is there, the outbox resumes, no message twice', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-kill-'));
  let { child, url } = await startServer(dir);
  try {
    await seed(sdkEnv(url), { standInCalendars: true });
    const submitters = ['o_kill_1', 'o_kill_2', 'o_kill_3', 'o_kill_4'];
    for (const o of submitters)
      expect(
        await gateway(
          url,
          'applicant',
          'agreePrivacy',
          { version: (await gateway(url, 'applicant', 'privacyStatus', {}, o)).data.version },
          o,
        ),
      ).toMatchObject({ ok: true });
    const slots = (await gateway(url, 'bookings', 'listSlots', {}, 'o_kill_probe')).data.days
      .flatMap((d: { slots: { slotId: string; kind: string; remaining: number }[] }) => d.slots)
      .filter((s: { kind: string }) => s.kind === 'regular');

    const acked = {
      cases: new Map<string, { caseNo: string; openid: string }>(),
      accepted: new Set<string>(),
      bookings: new Map<string, string>(),
    };
    let stop = false;
    let n = 0;
    const submitter = async (openid: string) => {
      while (!stop) {
        const input = fullApplication({
          category: 'enterprise',
          applicantType: 'enterprise',
          mode: 'help',
          matter: `断电测试申请 ${n++}`,
          contactName: '努尔',
          contactPhone: '13912340000',
        });
        const r = await gateway(url, 'cases', 'submit', input, openid);
        if (r?.ok) acked.cases.set(r.data.caseId, { caseNo: r.data.caseNo, openid });
        if (r === null) return;
      }
    };
    const signatureFileID = await gatewaySignature(url, 'o_agent_center');
    const accepter = async () => {
      while (!stop) {
        const next = [...acked.cases.keys()].find((id) => !acked.accepted.has(id));
        if (!next) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        acked.accepted.add(next);
        const r = await gateway(
          url,
          'workbench',
          'act',
          {
            caseId: next,
            version: 1,
            action: {
              type: 'accept',
              mandateConfirmed: true,
              processExplained: true,
              materialsChecked: true,
              applicantSigned: true,
            },
            signatureFileID,
          },
          'o_agent_center',
        );
        if (!r?.ok) acked.accepted.delete(next);
        if (r === null) return;
      }
    };
    let b = 0;
    const booker = async () => {
      while (!stop) {
        const i = b++;
        const slot = slots[i % slots.length];
        const r = await gateway(
          url,
          'bookings',
          'book',
          { slotId: slot.slotId, category: 'enterprise' },
          `o_kill_booker_${i}`,
        );
        if (r?.ok) acked.bookings.set(r.data.booking.bookingId, slot.slotId);
        if (r === null) return;
      }
    };
    const load = [...submitters.map(submitter), accepter(), accepter(), booker(), booker()];
    await until(() => acked.cases.size >= 12 && acked.accepted.size >= 4 && acked.bookings.size >= 4, 60_000);
    // stall message delivery (the outbox's claims hang): submissions keep committing their cases with
    // their effects in `pending`, acceptances their outbox entries — the kill leaves both unsettled
    await fetch(`${url}/_/api/faults`, {
      method: 'POST',
      body: JSON.stringify({
        database: { action: 'database.modifyDocument', collection: 'outbox', delayMs: 600_000, times: 100_000 },
      }),
    });
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(load);
    const acceptedAcks = new Set(acked.accepted);
    expect(acked.cases.size).toBeGreaterThanOrEqual(12);

    ({ child, url } = await startServer(dir));
    const cases = new Map((await all(url, 'cases')).map((c) => [c._id as string, c]));
    const missing = [...acked.cases]
      .filter(([id, a]) => cases.get(id)?.caseNo !== a.caseNo || cases.get(id)?.applicantId !== a.openid)
      .map(([id]) => id);
    expect(missing).toEqual([]);
    // an acceptance counts as acknowledged once its answer came back; the accepter only kept those
    const notAccepted = [...acceptedAcks].filter(
      (id) => acked.cases.has(id) && cases.get(id)?.status !== 'accepted' && cases.get(id)?.status !== 'applied',
    );
    expect(notAccepted).toEqual([]);
    const bookings = new Map((await all(url, 'bookings')).map((x) => [x._id as string, x]));
    expect([...acked.bookings.keys()].filter((id) => bookings.get(id)?.status !== 'active')).toEqual([]);
    // every acknowledged booking holds a seat of its slot (the unique index keeps seats to the capacity)
    for (const [id, slotId] of acked.bookings)
      expect(String(bookings.get(id)?.seat)).toMatch(new RegExp(`^${slotId}#\\d+$`));
    // the kill left work unfinished: steps whose effects were not settled yet (`pending` on the case,
    // the notify timer only runs by day) or outbox entries not delivered (delivery was stalled)
    const pending = (await all(url, 'outbox')).filter((o) => o.status === 'pending');
    const unsettled = [...cases.values()].filter((c) => c.pending);
    expect(pending.length + unsettled.length).toBeGreaterThan(0);
    const unanswered = [...cases.values()].filter(
      (c) => String(c.matter).startsWith('断电测试') && !acked.cases.has(c._id),
    );

    // the scheduler settles and resumes delivery (later than any claim the killed server left); twice changes nothing
    // one instant for every run: reminders depend on the time (a booking's day-ahead reminder falls due
    // as the clock passes its slot minus a day), so "twice changes nothing" must fire at the same time
    const at = new Date(Date.now() + 5 * 60_000).toISOString();
    const fire = async () =>
      (await (await fetch(`${url}/_/api/triggers/scheduler/fire?time=${at}`, { method: 'POST' })).json()) as {
        ok: boolean;
      };
    // every collection whose commands leave effects (PENDING_COLLECTIONS): a run settles 100 a
    // collection, and a fast machine acknowledges more than 100 bookings before the kill
    const unfinished = async () => {
      if ((await all(url, 'outbox')).some((o) => o.status === 'pending')) return true;
      for (const coll of PENDING_COLLECTIONS) if ((await all(url, coll)).some((d) => d.pending)) return true;
      return false;
    };
    for (let i = 0; i < 10 && (await unfinished()); i++) expect(await fire()).toMatchObject({ ok: true });
    expect((await all(url, 'outbox')).filter((o) => o.status === 'pending')).toEqual([]);
    // and every case's own effects were settled (its 台账 row written, its messages in the outbox)
    for (const coll of PENDING_COLLECTIONS)
      expect((await all(url, coll)).filter((d) => d.pending).map((d) => `${coll}/${d._id}`)).toEqual([]);
    const messages = await all(url, 'messages');
    expect(await fire()).toMatchObject({ ok: true });
    expect((await all(url, 'messages')).length).toBe(messages.length);
    const pairs = messages.map((m) => `${m.outboxId}|${m.openid}`);
    expect(pairs.length).toBe(new Set(pairs).size);
    // every case the applicant was told about, and every case left unanswered, got its message to the agent
    const told = new Set(messages.map((m) => m.caseId));
    expect(
      [...cases.values()].filter((c) => String(c.matter).startsWith('断电测试') && !told.has(c._id)).map((c) => c._id),
    ).toEqual([]);
    console.log(
      `kill -9: ${acked.cases.size} acknowledged submissions, ${acceptedAcks.size} acceptances, ${acked.bookings.size} bookings; ${unanswered.length} cases committed but unanswered; ${unsettled.length} cases settled and ${pending.length} outbox entries resumed after restart`,
    );
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

describe('a function timing out in the middle of its transaction', () => {
  // the built functions, with a short timeout for the ones under test (inside the repository, so
  // that they resolve wx-server-sdk from node_modules as the originals do)
  fs.mkdirSync(path.join(ROOT, '.build'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, '.build', 'timeout-functions-'));
  let cloud: Awaited<ReturnType<typeof startCloudBase>>;
  beforeAll(async () => {
    fs.cpSync(path.join(ROOT, 'cloudfunctions'), dir, { recursive: true });
    for (const fn of ['cases', 'workbench', 'ratings']) {
      const file = path.join(dir, fn, 'config.json');
      fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), timeout: 3 }));
    }
    cloud = await startCloudBase({
      port: 0,
      dataDir: null,
      functionsDir: dir,
      project: loadProject(path.join(ROOT, 'cloudbase.json')),
      triggers: false,
    });
    await seed(cloud.sdkEnv, { standInCalendars: true });
  });
  afterAll(async () => {
    await cloud?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const timedOut = (p: Promise<unknown>) =>
    p.then(
      () => 'answered',
      (e: Error) => e.message,
    );

  test('a submission is one write: lost, nothing is stored and the retry makes the case; stalled past the timeout, it lands whole and the retry answers it', async () => {
    await agreePrivacy(cloud, 'o_timeout');
    const input = fullApplication({
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '超时测试',
      contactName: '艾力',
      contactPhone: '13912348888',
    });
    expect(await call(cloud, 'cases', { action: 'listMine', input: {} }, 'o_timeout')).toMatchObject({ ok: true });
    await deliver(cloud);
    const before = snapshot(cloud);
    // the database refuses the one write: nothing at all is stored
    cloud.faults.delayDatabase({ action: 'database.insertDocument', collection: 'cases', delayMs: 0, fail: true });
    expect(await call(cloud, 'cases', { action: 'submit', input }, 'o_timeout')).toMatchObject({
      ok: false,
      code: 'INTERNAL',
    });
    expect(changes(before, snapshot(cloud))).toEqual([]);
    // the write stalls until the function has timed out, then finishes on the server
    cloud.faults.delayDatabase({ action: 'database.insertDocument', collection: 'cases', delayMs: 5000 });
    expect(await timedOut(call(cloud, 'cases', { action: 'submit', input }, 'o_timeout'))).toMatch(
      /timed out after 3 seconds/,
    );
    await new Promise((r) => setTimeout(r, 2500));
    const landed = cloud.store.candidates('cases', {}).docs.filter((c) => c.applicantId === 'o_timeout');
    expect(landed).toHaveLength(1);
    // whole: the case carries its messages and its 台账 row, still to be settled
    const pending = landed[0].pending as { outbox: unknown[]; ledger: string };
    expect(pending).toMatchObject({ ledger: landed[0]._id });
    expect(pending.outbox.length).toBeGreaterThan(0);
    // the applicant taps again: the same request gets the case that landed
    const retry = await call(cloud, 'cases', { action: 'submit', input }, 'o_timeout');
    expect(retry).toMatchObject({ ok: true, data: { repeated: true, caseId: landed[0]._id } });
    await deliver(cloud);
    await deliver(cloud);
    expect(
      cloud.store
        .candidates('outbox', {})
        .docs.filter((o) => (o.facts as { caseId?: string }).caseId === landed[0]._id),
    ).toHaveLength(pending.outbox.length);
    expect(cloud.store.get('ledger', String(landed[0]._id))?.doc).toMatchObject({ status: 'applied' });
    expect(cloud.store.get('cases', String(landed[0]._id))?.doc.pending).toBeUndefined();
  }, 60_000);

  test('a staff step is one write: lost, the case is unchanged and the retry lands once; stalled past the timeout, it lands whole and the retry is answered as done', async () => {
    await agreePrivacy(cloud, 'o_timeout_2');
    const submitted = await call(
      cloud,
      'cases',
      {
        action: 'submit',
        input: fullApplication({
          category: 'enterprise',
          applicantType: 'enterprise',
          mode: 'help',
          matter: '超时测试二',
          contactName: '艾力',
          contactPhone: '13912348889',
        }),
      },
      'o_timeout_2',
    );
    const caseId = submitted.ok ? submitted.data.caseId : '';
    await deliver(cloud);
    const accept = {
      type: 'accept',
      mandateConfirmed: true,
      processExplained: true,
      materialsChecked: true,
      applicantSigned: true,
    };
    const signatureFileID = await deskSignature(cloud, 'o_agent_center');
    const act = (version: number, action: object) =>
      call(
        cloud,
        'workbench',
        { action: 'act', input: { caseId, version, action, signatureFileID } },
        'o_agent_center',
      );
    const before = snapshot(cloud);
    // the database refuses the one write: nothing at all is stored
    cloud.faults.delayDatabase({ action: 'database.modifyDocument', collection: 'cases', delayMs: 0, fail: true });
    expect(await act(1, accept)).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(changes(before, snapshot(cloud))).toEqual([]);
    // the write stalls until the function has timed out, then finishes on the server
    cloud.faults.delayDatabase({ action: 'database.modifyDocument', collection: 'cases', delayMs: 5000 });
    expect(await timedOut(act(1, accept))).toMatch(/timed out after 3 seconds/);
    await new Promise((r) => setTimeout(r, 2500));
    // whole: the step with its messages and its 台账 row, still to be settled
    const landed = cloud.store.get('cases', caseId)!.doc as unknown as {
      version: number;
      status: string;
      timeline: { action: string }[];
      pending: { ledger: string; outbox: unknown[] };
    };
    expect(landed).toMatchObject({ version: 2, status: 'accepted', pending: { ledger: caseId } });
    expect(landed.pending.outbox.length).toBeGreaterThan(0);
    // the agent taps again on the screen that still shows version 1: answered as done, written once
    expect(await act(1, accept)).toMatchObject({
      ok: true,
      data: {
        status: 'accepted',
        version: 2,
        notifications: expect.arrayContaining([expect.objectContaining({ kind: expect.any(String) })]),
      },
    });
    // a different step on that old version is someone else's news: CONFLICT
    expect(await act(1, { type: 'reportProgress', note: '电话告知办理进度' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await deliver(cloud);
    await deliver(cloud);
    const c = cloud.store.get('cases', caseId)!.doc as unknown as {
      version: number;
      timeline: { action: string }[];
      pending?: unknown;
    };
    expect(c.version).toBe(2);
    expect(c.timeline.filter((e) => e.action === 'accept')).toHaveLength(1);
    expect(c.pending).toBeUndefined();
    const outbox = cloud.store
      .candidates('outbox', {})
      .docs.filter(
        (o) =>
          (o.facts as { caseId?: string }).caseId === caseId && (o.facts as { status?: string }).status === 'accepted',
      );
    expect(outbox).toHaveLength(landed.pending.outbox.length);
    expect(cloud.store.get('ledger', caseId)?.doc).toMatchObject({ status: 'accepted' });
  }, 60_000);

  test('a 差评 whose handling record cannot be written: no rating without its 差评 record (carried pending until it is); each retry records it once', async () => {
    await agreePrivacy(cloud, 'o_timeout_3');
    const submitted = await call(
      cloud,
      'cases',
      {
        action: 'submit',
        input: fullApplication({
          category: 'enterprise',
          applicantType: 'enterprise',
          mode: 'help',
          matter: '超时测试三',
          contactName: '艾力',
          contactPhone: '13912348887',
        }),
      },
      'o_timeout_3',
    );
    const caseId = submitted.ok ? submitted.data.caseId : '';
    let version = 1;
    for (const step of [
      { type: 'accept', mandateConfirmed: true, processExplained: true, materialsChecked: true, applicantSigned: true },
      { type: 'deliver', window: '综合窗口', committedWorkingDays: 5 },
      {
        type: 'finish',
        result: { outcome: 'approved', decidedBy: '和硕县政务服务中心' },
        resultHandedOver: true,
        originalsReturned: true,
        applicantSigned: true,
      },
    ]) {
      const signature = step.type === 'accept' ? { signatureFileID: await deskSignature(cloud, 'o_agent_center') } : {};
      const r = await call(
        cloud,
        'workbench',
        { action: 'act', input: { caseId, version, action: step, ...signature } },
        'o_agent_center',
      );
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      version = r.data.version;
    }
    const bad = { caseId, level: 'very_dissatisfied', comment: '等了很久没人联系，态度也不好' };
    const before = snapshot(cloud);
    // the one write of the rating (which carries its 差评 record) is lost: nothing is stored
    cloud.faults.delayDatabase({ action: 'database.insertDocument', collection: 'ratings', delayMs: 0, fail: true });
    expect(await call(cloud, 'ratings', { action: 'submit', input: bad }, 'o_timeout_3')).toMatchObject({
      ok: false,
      code: 'INTERNAL',
    });
    expect(changes(before, snapshot(cloud))).toEqual([]);
    expect(await call(cloud, 'ratings', { action: 'submit', input: bad }, 'o_timeout_3')).toMatchObject({
      ok: true,
      data: { badRatings: [expect.anything()] },
    });
    const badOf = () => cloud.store.candidates('badRatings', {}).docs.filter((b) => b.caseId === caseId);
    const pendingOf = () =>
      (cloud.store.get('ratings', caseId)?.doc as { pending?: { inserts: { _id: string }[] } }).pending;
    expect(pendingOf()).toMatchObject({ inserts: [{ _id: `${caseId}-0` }] });
    // the notify timer cannot write the record: its settling is undone, the rating keeps it pending
    cloud.faults.delayDatabase({ action: 'database.modifyDocument', collection: 'badRatings', delayMs: 0, fail: true });
    await deliver(cloud);
    expect(badOf()).toEqual([]);
    expect(pendingOf()).toMatchObject({ inserts: [{ _id: `${caseId}-0` }] });
    expect(
      cloud.store
        .candidates('outbox', {})
        .docs.filter((o) => (o.facts as { caseId?: string }).caseId === caseId && o.kind === 'bad_rating_opened'),
    ).toEqual([]);
    // the next run records it, its messages and the 台账 row once
    await deliver(cloud);
    await deliver(cloud);
    expect(badOf()).toHaveLength(1);
    expect(pendingOf()).toBeUndefined();
    expect(
      cloud.store
        .candidates('outbox', {})
        .docs.filter((o) => (o.facts as { caseId?: string }).caseId === caseId && o.kind === 'bad_rating_opened'),
    ).toHaveLength(2);
    expect(cloud.store.get('ledger', caseId)?.doc).toMatchObject({
      rating: { level: 'very_dissatisfied' },
      n: { bad: 1 },
    });
  }, 60_000);
});
