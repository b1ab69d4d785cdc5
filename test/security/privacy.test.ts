/**
 * Issue 9 §5 — privacy: after a day's worth of calls (submissions, every staff step, bookings by
 * phone, ratings, every read by every persona), the function logs (every console line the local
 * CloudBase captured, and the invocation records its console API serves) hold no full 身份证号 and
 * no full phone number of the seeded applicants; no answer to anyone carries them either; staff
 * lists show them masked; and every export in the registry (an action named *export*, once the
 * ledger has one) is downloaded and searched the same way.
 */
import ExcelJS from 'exceljs';
import { maskPhone } from '../../core';
import { call, type Answer } from '../support/app';
import { PERSON_ID } from '../support/applicant';
import { PERSONAS, buildWorld, cloneCase, type World } from './support/world';
import { actionVariants, resourceKind } from './support/registry';
import { inParallel } from './support/pool';

let world: World;
const answers: { label: string; answer: Answer; reveals?: boolean }[] = [];
beforeAll(async () => {
  world = await buildWorld();
  // staff book for a caller by phone (the phone is in the input), list the day, log contacts
  const walkIn = '13987654321';
  world.secrets.phones.push(walkIn);
  const r = await call(
    world.cloud,
    'bookings',
    {
      action: 'bookFor',
      input: { slotId: world.freeSlots[0], walkIn: { phone: walkIn, name: '热合曼', category: 'livelihood' } },
    },
    'o_agent_center',
  );
  answers.push({ label: 'bookings.bookFor', answer: r });
  // every action with its sample input, by everyone who sees personal data (the owner and staff),
  // on a fresh copy of the applicant's case (test/security/authorization.test.ts scans its own answers too)
  const variants = actionVariants();
  const readers = PERSONAS.filter((p) => ['applicant', 'agent', 'leader', 'centerStaff', 'admin'].includes(p.key));
  const tries = variants.flatMap((v) =>
    readers.map((p) => {
      if (resourceKind(v) !== 'case') return { v, p, input: v.sample };
      const doc = cloneCase(
        world.cloud,
        world.cases.find((t) => t.owner === 'A' && t.status === 'handling')!,
      );
      return {
        v,
        p,
        input: { ...v.sample, caseId: doc._id, ...('version' in v.sample ? { version: doc.version } : {}) },
      };
    }),
  );
  const got = await inParallel(tries, 6, ({ v, p, input }) =>
    call(world.cloud, v.fn, { action: v.action, input }, p.openid),
  );
  got.forEach((answer, i) =>
    answers.push({ label: `${tries[i].v.key} by ${tries[i].p.key}`, answer, reveals: !!tries[i].v.spec.reveals }),
  );
}, 300_000);
afterAll(() => world?.cloud.stop());

/** Where a secret appears in full, in a text. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const id of new Set([...world.secrets.idNumbers, PERSON_ID]))
    if (text.includes(id)) found.push(`身份证号 ${id}`);
  for (const phone of new Set(world.secrets.phones)) if (text.includes(phone)) found.push(`phone ${phone}`);
  return found;
}

test('the world really holds the personal data searched for (so the searches can fail)', () => {
  expect(world.secrets.idNumbers).toContain(PERSON_ID);
  expect(world.secrets.phones.length).toBeGreaterThanOrEqual(4);
  const stored = JSON.stringify(world.cloud.store.candidates('cases', {}).docs);
  expect(leaks(stored).length).toBeGreaterThan(0);
});

test('function logs hold no full 身份证号 or phone number', async () => {
  expect(world.logs.length).toBeGreaterThan(100);
  expect(leaks(world.logs.join('\n'))).toEqual([]);
  const res = await fetch(`${world.cloud.url}/_/api/invocations`);
  const served = await res.text();
  expect(JSON.parse(served).items.length).toBeGreaterThan(50);
  expect(leaks(served)).toEqual([]);
});

test('no answer to anyone carries a full 身份证号 or phone number, except a recorded reveal of the phone', () => {
  expect(answers.length).toBeGreaterThan(200);
  const found = answers
    .filter((a) => !a.reveals)
    .flatMap(({ label, answer }) => leaks(JSON.stringify(answer)).map((l) => `${label}: ${l}`));
  expect(found).toEqual([]);
  // the reveals (spec.reveals: workbench.revealContact) carry the phone and never the 身份证号, and each left its record
  const reveals = answers.filter((a) => a.reveals && a.answer.ok);
  expect(reveals.length).toBeGreaterThan(0);
  expect(
    reveals.flatMap(({ label, answer }) =>
      leaks(JSON.stringify(answer))
        .filter((l) => !l.startsWith('phone'))
        .map((l) => `${label}: ${l}`),
    ),
  ).toEqual([]);
  const records = world.cloud.store.candidates('audit', {}).docs.filter((d) => d.what === 'contact.reveal');
  expect(records.length).toBeGreaterThanOrEqual(reveals.length);
  expect(leaks(JSON.stringify(records))).toEqual([]);
});

test('staff lists and details show the applicant masked', async () => {
  const line = world.cases.find((t) => t.owner === 'A' && t.status === 'handling')!;
  const phone = String(line.doc.contactPhone);
  const name = String(line.doc.contactName);
  const list = await call(
    world.cloud,
    'workbench',
    { action: 'listCases', input: { queue: 'all', limit: 50 } },
    'o_center_admin',
  );
  expect(list.ok).toBe(true);
  const rows = (list.ok ? list.data.items : []) as { applicantName: string; contactPhone: string }[];
  expect(rows.length).toBeGreaterThan(10);
  for (const row of rows) {
    expect(row.contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(world.secrets.names).not.toContain(row.applicantName);
  }
  expect(maskPhone(phone)).toMatch(/^1\d{2}\*{4}\d{4}$/);
  const detail = await call(
    world.cloud,
    'workbench',
    { action: 'get', input: { caseId: line.doc._id } },
    'o_agent_center',
  );
  // the detail is for the staff who handle the case: the name in full, the phone masked until revealed (recorded)
  expect(detail.ok && detail.data.case).toMatchObject({ contactName: name, contactPhone: maskPhone(phone) });
  const date = String(world.bookings[0].doc.date);
  const day = await call(world.cloud, 'bookings', { action: 'listDay', input: { date } }, 'o_center_admin');
  const booked = (day.ok ? day.data.slots : []).flatMap(
    (s: { bookings: { contactPhone: string | null }[] }) => s.bookings,
  );
  expect(booked.length).toBeGreaterThan(0);
  for (const b of booked) if (b.contactPhone) expect(b.contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
});

/** Every export in the registry: any action named like one, called by the administrator. */
const exportsInRegistry = actionVariants().filter((v) => /export/i.test(v.action));
(exportsInRegistry.length ? test : test.skip)(
  `exports (${exportsInRegistry.map((v) => v.key).join(', ') || 'none in the registry yet'}) hold no full 身份证号 or phone number`,
  async () => {
    for (const v of exportsInRegistry) {
      const r = await call(world.cloud, v.fn, { action: v.action, input: v.sample }, 'o_center_admin');
      expect({ key: v.key, ok: r.ok }).toEqual({ key: v.key, ok: true });
      const text = JSON.stringify(r);
      const files = [...text.matchAll(/cloud:\/\/[^/"]+\/([^"\s]+)/g)].map((m) => m[1]);
      expect(files.length + (leaks(text).length === 0 ? 0 : 1)).toBeGreaterThan(0);
      expect(leaks(text)).toEqual([]);
      for (const file of files) {
        const bytes = world.cloud.storage.get(file);
        expect(bytes).toBeTruthy();
        let content = bytes!.toString('utf8');
        if (bytes![0] === 0x50 && bytes![1] === 0x4b) {
          // xlsx: every cell of every sheet
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(bytes as unknown as ArrayBuffer);
          const cells: string[] = [];
          book.eachSheet((sheet) =>
            sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? cell.value ?? '')))),
          );
          expect(cells.length).toBeGreaterThan(0);
          content = cells.join('\n');
        }
        expect({ file, leaks: leaks(content) }).toEqual({ file, leaks: [] });
      }
    }
  },
);
