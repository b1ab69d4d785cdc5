/**
 * Issue 9 §2 — bad input, property-based (fast-check, fixed seed): every action in the registry,
 * called by someone allowed to call it, with its valid sample input broken in one place (wrong
 * types, huge strings, deep nesting, `$where`/`_.`/operator keys, `__proto__`/`constructor` keys,
 * invalid ids and dates), with hostile extra keys, or replaced by arbitrary JSON; and the call
 * envelope itself broken. Always a structured answer (`{ok:false, code, message}` with a known
 * code, never INTERNAL), never a failed invocation of the host, and a refused call writes nothing:
 * every collection is compared before and after. Nothing stored ever carries an operator key.
 */
import fc from 'fast-check';
import { ERROR_CODES } from '../../cloudfunctions-src/shared/action';
import { PERSONAS, buildWorld, changes, snapshot, type Persona, type World } from './support/world';
import { actionVariants, type ActionVariant } from './support/registry';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 180_000);
afterAll(() => world?.cloud.stop());

const SEED = 20261128;
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const variants = actionVariants();
const by = (key: string) => PERSONAS.find((p) => p.key === key)!;

/** Someone the action's roles admit: the applicant, else an agent, a leader, the administrator. */
function callerFor(v: ActionVariant): Persona {
  for (const [role, key] of [
    ['applicant', 'applicant'],
    ['agent', 'agent'],
    ['leader', 'leader'],
    ['center', 'admin'],
  ] as const)
    if (v.spec.roles.includes(role)) return by(key);
  return by('admin');
}

const json = (text: string) => JSON.parse(text) as unknown;
/** Values that must never reach a query or a document as they are. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1e308,
    [],
    {},
    '',
    ' ',
    '\u0000',
    '../../cases',
    'a'.repeat(65),
    '2026-02-30',
    '9999-99-99T99:99:99Z',
    'NaN',
    'Infinity',
    '{"$ne":null}',
    "'; db.cases.drop(); '",
    { $where: 'sleep(5000) || true' },
    { $ne: null },
    { $gt: '' },
    { $regex: '.*' },
    { $in: ['a', 'b'] },
    { '_.': 'neq' },
    { '_.neq': null },
    { $set: { status: 'finished' } },
    { 'a.b': 1, $inc: { version: 1 } },
    ['__proto__'],
  ),
  fc
    .constantFrom(
      '{"__proto__":{"polluted":"yes","admin":true}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"prototype":{"polluted":"yes"}}',
      '{"$where":"this.applicantId != null"}',
    )
    .map(json),
  fc.string({ minLength: 5000, maxLength: 5000 }).map((s) => s.repeat(40)),
  fc.integer({ min: 50, max: 400 }).map((depth) => {
    let v: unknown = { leaf: 1 };
    for (let i = 0; i < depth; i++) v = i % 2 ? { n: v } : [v];
    return v;
  }),
  fc.double(),
  fc.date({ noInvalidDate: false }),
);

/** The sample with one field (top level or nested) replaced by a hostile value. */
function mutate(sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (path.length) paths.push(path);
    if (v && typeof v === 'object' && path.length < 4) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(sample, []);
  if (paths.length === 0) paths.push(['x']);
  return fc.tuple(fc.constantFrom(...paths), hostile).map(([path, value]) => {
    const copy = structuredClone(sample);
    let at: Record<string, unknown> = copy;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
    at[path[path.length - 1]] = value;
    return copy;
  });
}

/** The sample plus keys a client has no business sending (zod must drop them). */
const extraKeys = (sample: Record<string, unknown>) =>
  fc
    .constantFrom('__proto__', 'constructor', '$where', '_openid', 'openid', 'role', 'applicantId', 'version', 'status')
    .chain((k) =>
      hostile.map(
        (value) =>
          json(
            `{${JSON.stringify(k)}: ${JSON.stringify(value ?? null) ?? 'null'}, ${JSON.stringify(sample).slice(1)}`.replace(
              /, }$/,
              '}',
            ),
          ) as Record<string, unknown>,
      ),
    );

const inputs = (v: ActionVariant) =>
  fc.oneof(
    { weight: 3, arbitrary: mutate(v.sample) },
    { weight: 1, arbitrary: extraKeys(v.sample) },
    { weight: 1, arbitrary: fc.oneof(hostile, fc.jsonValue()) as fc.Arbitrary<Record<string, unknown>> },
  );

const KNOWN = new Set(Object.keys(ERROR_CODES));
function problem(answer: unknown): string | null {
  const a = answer as { ok?: unknown; code?: unknown; message?: unknown; data?: unknown };
  if (!a || typeof a !== 'object') return `not an object: ${JSON.stringify(answer)}`;
  if (a.ok === true) return 'data' in a ? null : 'ok without data';
  if (a.ok !== false) return `no ok flag: ${JSON.stringify(answer).slice(0, 200)}`;
  if (typeof a.code !== 'string' || !KNOWN.has(a.code)) return `unknown code ${String(a.code)}`;
  if (a.code === 'INTERNAL') return 'INTERNAL (an unhandled error behind a polite answer)';
  if (typeof a.message !== 'string' || !a.message) return 'no message';
  return null;
}

async function invoke(fn: string, event: unknown, openid: string): Promise<unknown> {
  const { json: text } = await world.cloud.host.invoke(fn, event, { openid, appid: 'wx_fuzz', source: 'wx_client' });
  return JSON.parse(text);
}

/** Every stored key, anywhere: none may look like an operator or a prototype. */
function operatorKeys(): string[] {
  const found: string[] = [];
  const walk = (v: unknown, where: string, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 30 || v instanceof Date) return;
    for (const k of Object.keys(v)) {
      if (k.startsWith('$') || k === '__proto__' || k === 'constructor' || k === 'prototype' || k.startsWith('_.'))
        found.push(`${where}.${k}`);
      walk((v as Record<string, unknown>)[k], `${where}.${k}`, depth + 1);
    }
  };
  for (const c of world.cloud.store.collectionNames())
    for (const d of world.cloud.store.candidates(c, {}).docs) walk(d, `${c}/${d._id}`, 0);
  return found;
}

describe('every action, fuzzed', () => {
  for (const v of variants) {
    test(`${v.key}`, async () => {
      const caller = callerFor(v);
      await fc.assert(
        fc.asyncProperty(inputs(v), async (input) => {
          const before = snapshot(world.cloud);
          let answer: unknown;
          try {
            answer = await invoke(v.fn, { action: v.action, input }, caller.openid);
          } catch (e) {
            throw new Error(`the invocation failed (host error): ${(e as Error).message}`);
          }
          const p = problem(answer);
          if (p) throw new Error(`${v.key}: ${p}`);
          if (!(answer as { ok: boolean }).ok) {
            const written = changes(before, snapshot(world.cloud));
            if (written.length)
              throw new Error(
                `${v.key} refused (${(answer as { code: string }).code}) but wrote ${written.slice(0, 5).join(', ')}`,
              );
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  test('nothing stored carries an operator or prototype key; the prototype is intact', () => {
    expect(operatorKeys()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the envelope', () => {
  const fns = [...new Set(variants.map((v) => v.fn))];
  test('malformed events and action names get a structured refusal from every function, never a host error', async () => {
    const events: unknown[] = [
      null,
      'cases',
      42,
      [],
      {},
      { action: '' },
      { action: 7 },
      { action: ['submit'] },
      { action: '__proto__' },
      { action: 'constructor' },
      { action: 'hasOwnProperty' },
      { action: 'toString', input: {} },
      { action: 'valueOf' },
      { action: 'a'.repeat(100_000) },
      json('{"__proto__":{"action":"listMine"}}'),
      { action: 'get', input: 'caseId' },
      { action: 'get', input: [] },
      { action: 'get', input: null },
    ];
    const before = snapshot(world.cloud);
    for (const fn of fns) {
      for (const event of events) {
        const answer = await invoke(fn, event, by('applicant').openid);
        const p = problem(answer);
        expect({ fn, event: JSON.stringify(event)?.slice(0, 60), problem: p }).toEqual({
          fn,
          event: JSON.stringify(event)?.slice(0, 60),
          problem: null,
        });
        expect(answer).toMatchObject({ ok: false });
      }
    }
    expect(changes(before, snapshot(world.cloud))).toEqual([]);
  });
});
