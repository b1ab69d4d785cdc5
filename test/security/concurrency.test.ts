/**
 * Issue 9 §3 — concurrency through the real functions: 200 people booking a 5-seat slot at once get
 * exactly 5 seats; the same submission sent 10 times at once makes one case (one number, one set of
 * messages); an agent finishing while the applicant asks to terminate (and an agent accepting while
 * the applicant withdraws) — one wins, the other gets a clear answer (CONFLICT, or the rule that
 * no longer allows it); and writers racing on one case lose no update.
 * (test/functions/bookings.test.ts races 200 for the last seat; applicant.test.ts a double tap.)
 */
import { type Answer, call, deliver } from '../support/app';
import { agreePrivacy, deskSignature, fullApplication } from '../support/applicant';
import { buildWorld, cloneCase, docOf, type World } from './support/world';

let world: World;
beforeAll(async () => {
  world = await buildWorld({ maxInstances: 8 });
}, 180_000);
afterAll(() => world?.cloud.stop());

const fresh = (owner: 'A' | 'B' | 'C', status: string) =>
  cloneCase(
    world.cloud,
    world.cases.find((t) => t.owner === owner && t.status === status)!,
  );
const caseDoc = (id: string) => docOf(world.cloud, 'cases', id) as Record<string, any>;
const wb = (action: string, input: object, openid: string) => call(world.cloud, 'workbench', { action, input }, openid);
const cases = (action: string, input: object, openid: string) => call(world.cloud, 'cases', { action, input }, openid);
const finish = {
  type: 'finish',
  result: { outcome: 'approved', decidedBy: '和硕县政务服务中心' },
  resultHandedOver: true,
  originalsReturned: true,
  applicantSigned: true,
};
const accept = {
  type: 'accept',
  mandateConfirmed: true,
  processExplained: true,
  materialsChecked: true,
  applicantSigned: true,
  mandateLetterSigned: true,
};

test('200 concurrent bookings for a 5-seat slot: exactly 5 seats, every other caller told the slot is full', async () => {
  const admin = 'o_center_admin';
  const current = await call(world.cloud, 'center', { action: 'getSettings', input: {} }, admin);
  if (!current.ok) throw new Error(current.message);
  const windows = current.data.settings.booking.windows.map((w: { id: string }) =>
    w.id === 'am' ? { ...w, capacity: 5 } : w,
  );
  expect(
    await call(
      world.cloud,
      'center',
      { action: 'saveSettings', input: { section: 'booking', value: { windows } } },
      admin,
    ),
  ).toMatchObject({ ok: true });
  const listed = await call(world.cloud, 'bookings', { action: 'listSlots', input: {} }, 'o_rush_probe');
  const slot = (listed.ok ? listed.data.days : [])
    .flatMap((d: { slots: { slotId: string; capacity: number; remaining: number }[] }) => d.slots)
    .find(
      (s: { slotId: string; capacity: number; remaining: number }) =>
        s.slotId.includes('@am@') && s.capacity === 5 && s.remaining === 5,
    );
  expect(slot).toBeDefined();

  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      call(
        world.cloud,
        'bookings',
        { action: 'book', input: { slotId: slot.slotId, category: 'enterprise' } },
        `o_rush5_${i}`,
      ),
    ),
  );
  const ms = Date.now() - started;
  expect(answers.filter((a) => a.ok)).toHaveLength(5);
  const losers = answers.filter((a): a is Extract<Answer, { ok: false }> => !a.ok);
  expect(losers.filter((a) => !(a.code === 'RULE_REFUSED' && a.fields?.SLOT_FULL) && a.code !== 'CONFLICT')).toEqual(
    [],
  );
  // the database agrees: 5 active bookings, the slot lists 5 seats taken
  const stored = world.cloud.store
    .candidates('bookings', { slotId: slot.slotId })
    .docs.filter((b) => b.slotId === slot.slotId && b.status === 'active');
  expect(stored).toHaveLength(5);
  const after = await call(world.cloud, 'bookings', { action: 'listSlots', input: {} }, 'o_rush_probe');
  expect(
    (after.ok ? after.data.days : [])
      .flatMap((d: { slots: { slotId: string; remaining: number }[] }) => d.slots)
      .find((s: { slotId: string }) => s.slotId === slot.slotId),
  ).toMatchObject({ remaining: 0 });
  console.log(`200 concurrent bookings for 5 seats: ${answers.filter((a) => a.ok).length} booked in ${ms} ms`);
});

test('the same submission sent 10 times at once: one case, one case number, one set of messages', async () => {
  await agreePrivacy(world.cloud, 'o_ten_taps');
  const input = fullApplication({
    category: 'livelihood',
    applicantType: 'person',
    mode: 'help',
    matter: '高龄津贴申请（十次提交）',
    contactName: '再娜甫',
    contactPhone: '13912345699',
  });
  // whatever earlier tests left for the timer is settled first, so the count below is this submission's
  await deliver(world.cloud);
  const outboxBefore = world.cloud.store.candidates('outbox', {}).docs.length;
  const answers = await Promise.all(Array.from({ length: 10 }, () => cases('submit', input, 'o_ten_taps')));
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  const ids = new Set(answers.map((a) => (a.ok ? a.data.caseId : null)));
  expect(ids.size).toBe(1);
  expect(new Set(answers.map((a) => (a.ok ? a.data.caseNo : null))).size).toBe(1);
  expect(answers.filter((a) => a.ok && a.data.repeated === false)).toHaveLength(1);
  const mine = world.cloud.store
    .candidates('cases', { applicantId: 'o_ten_taps' })
    .docs.filter((c) => c.applicantId === 'o_ten_taps');
  expect(mine).toHaveLength(1);
  // the notifications of one submission only (the agent, or the leader when nobody is on duty),
  // written when the notify timer settles the case; a second run finds nothing more to write
  await deliver(world.cloud);
  await deliver(world.cloud);
  const outbox = world.cloud.store
    .candidates('outbox', {})
    .docs.filter((o) => (o.facts as { caseId: string }).caseId === mine[0]._id);
  expect(outbox.length).toBeGreaterThan(0);
  expect(world.cloud.store.candidates('outbox', {}).docs.length - outboxBefore).toBe(outbox.length);
  expect(outbox.length).toBeLessThanOrEqual(2);
});

test('an agent finishing while the applicant asks to terminate: one wins, the other gets a clear refusal, nothing mixed', async () => {
  const ids = Array.from({ length: 12 }, () => fresh('A', 'handling')._id);
  const later = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // four pairs at a time (instances free for both sides), the applicant's request staggered
  // 0–450 ms behind the agent's step, so both orders of arrival are exercised
  const outcomes: { caseId: string; v: number; agent: Answer; applicant: Answer }[] = [];
  for (let batch = 0; batch < ids.length; batch += 4) {
    outcomes.push(
      ...(await Promise.all(
        ids.slice(batch, batch + 4).map(async (caseId, i) => {
          const v = caseDoc(caseId).version;
          const [agent, applicant] = await Promise.all([
            wb('act', { caseId, version: v, action: finish }, 'o_agent_center'),
            later(i * 150).then(() =>
              cases('requestTermination', { caseId, reason: '不想再办了，申请终止' }, 'o_sec_applicant'),
            ),
          ]);
          return { caseId, v, agent, applicant };
        }),
      )),
    );
  }
  const summary = { finishWon: 0, terminationWon: 0 };
  for (const { caseId, v, agent, applicant } of outcomes) {
    expect([agent.ok, applicant.ok].filter(Boolean)).toHaveLength(1);
    const c = caseDoc(caseId);
    expect(c.version).toBe(v + 1);
    if (agent.ok) {
      summary.finishWon++;
      expect(applicant).toMatchObject({ ok: false, code: 'RULE_REFUSED', fields: { CASE_ENDED: expect.any(String) } });
      expect(c).toMatchObject({ status: 'finished', terminationRequest: null });
    } else {
      summary.terminationWon++;
      expect(agent).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(c.status).toBe('handling');
      expect(c.terminationRequest).toMatchObject({ reason: '不想再办了，申请终止' });
    }
  }
  console.log(`finish vs terminate request ×12: ${JSON.stringify(summary)}`);
});

test('an agent accepting while the applicant withdraws: one wins, the other gets CONFLICT or the rule', async () => {
  const ids = Array.from({ length: 12 }, () => fresh('A', 'applied')._id);
  // a 帮办 case: the applicant signs on the agent's device at the desk
  const signatureFileID = await deskSignature(world.cloud, 'o_agent_center');
  for (const { caseId, agent, applicant } of await Promise.all(
    ids.map(async (caseId) => {
      const v = caseDoc(caseId).version;
      const [agent, applicant] = await Promise.all([
        wb('act', { caseId, version: v, action: accept, signatureFileID }, 'o_agent_center'),
        cases('withdraw', { caseId, version: v }, 'o_sec_applicant'),
      ]);
      return { caseId, agent, applicant };
    }),
  )) {
    expect([agent.ok, applicant.ok].filter(Boolean)).toHaveLength(1);
    const loser = agent.ok ? applicant : agent;
    expect(loser).toMatchObject({ ok: false, code: expect.stringMatching(/^(CONFLICT|RULE_REFUSED)$/) });
    expect(caseDoc(caseId).status).toBe(agent.ok ? 'accepted' : 'terminated');
    expect(
      caseDoc(caseId)
        .timeline.map((e: { action: string }) => e.action)
        .filter((a: string) => a === 'accept' || a === 'withdraw'),
    ).toHaveLength(1);
  }
});

test('no lost update: staff and the applicant writing one case at once, each retrying CONFLICT with a fresh version, all land', async () => {
  const caseId = fresh('A', 'handling')._id;
  const v0 = caseDoc(caseId).version;
  const retrying = async (send: () => Promise<Answer>) => {
    for (let i = 0; i < 50; i++) {
      const r = await send();
      if (r.ok || r.code !== 'CONFLICT') return r;
    }
    throw new Error('never got through');
  };
  const staffStep = (note: string, openid: string, type: 'reportProgress' | 'supervise') =>
    retrying(() => wb('act', { caseId, version: caseDoc(caseId).version, action: { type, note } }, openid));
  const answers = await Promise.all([
    ...Array.from({ length: 5 }, (_, i) => staffStep(`电话告知进度 ${i}`, 'o_agent_center', 'reportProgress')),
    ...Array.from({ length: 5 }, (_, i) =>
      staffStep(`请加快办理 ${i}`, i % 2 ? 'o_sec_leader_center' : 'o_center_admin', 'supervise'),
    ),
    retrying(() => cases('requestTermination', { caseId, reason: '同时申请终止' }, 'o_sec_applicant')),
  ]);
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  const c = caseDoc(caseId);
  expect(c.version).toBe(v0 + 11);
  const notes = c.timeline.map((e: { note: string | null }) => e.note);
  for (let i = 0; i < 5; i++) expect(notes).toEqual(expect.arrayContaining([`电话告知进度 ${i}`, `请加快办理 ${i}`]));
  expect(c.terminationRequest).toMatchObject({ reason: '同时申请终止' });
});
