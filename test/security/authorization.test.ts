/**
 * Issue 9 §1 — the authorization matrix, generated: every action in the registry (api-docs.ts
 * FUNCTIONS; workbench.act once per case action) × nine personas × own and foreign resources in
 * every state, with the expected decision taken from the core's permission table:
 *  - a persona without one of the action's roles gets FORBIDDEN;
 *  - a persona the core does not relate to the resource (case.view, or the permission of the very
 *    case step; for bookings: own, or booking.viewAll) never succeeds, writes nothing, and gets
 *    exactly the answer a missing id gets (code, message and fields), so a refusal reveals nothing;
 *  - a related persona gets past authorization (a positive control, so the matrix can fail).
 * Each attempt works on its own fresh copy of the resource, so attempts cannot disturb each other.
 */
import {
  BAD_RATING_TRANSITIONS,
  CASE_TRANSITIONS,
  authorize,
  caseViewTarget,
  type CaseActionType,
  type CaseRecord,
  type OwnershipTarget,
} from '../../core';
import type { Answer } from '../support/app';
import {
  PERSONAS,
  actorFor,
  buildWorld,
  changes,
  cloneBooking,
  cloneCase,
  rolesOf,
  snapshot,
  type Persona,
  type World,
} from './support/world';
import {
  actionVariants,
  invalidSamples,
  resourceKind,
  type ActionVariant,
  type ResourceKind,
} from './support/registry';
import { inParallel } from './support/pool';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 180_000);
afterAll(() => world?.cloud.stop());

const variants = actionVariants();
const IN_FLIGHT = 6;

interface Attempt {
  variant: ActionVariant;
  persona: Persona;
  kind: 'role' | 'unrelated' | 'related' | 'missing';
  label: string;
  input: Record<string, unknown>;
  /** the answer a missing id would get (same persona, same input otherwise) */
  baselineKey: string;
  resourceId: string;
}

const hasRole = (p: Persona, v: ActionVariant) => v.spec.roles.some((r) => rolesOf(p).includes(r));

function related(p: Persona, v: ActionVariant, kind: ResourceKind, doc: Record<string, unknown>): boolean {
  const actor = actorFor(p, v.spec.roles);
  if (kind === 'booking')
    return actor.role === 'applicant' ? doc.applicantId === actor.id : authorize(actor, 'booking.viewAll').ok;
  // a 差评 record carries the owners of its case; its steps have permissions of their own
  const target = kind === 'badRating' ? (doc.owners as OwnershipTarget) : caseViewTarget(doc as unknown as CaseRecord);
  if (authorize(actor, 'case.view', target).ok) return true;
  const steps: Record<string, { permission: Parameters<typeof authorize>[1] }> =
    kind === 'badRating' ? BAD_RATING_TRANSITIONS : CASE_TRANSITIONS;
  const step = v.branch && Object.prototype.hasOwnProperty.call(steps, v.branch) ? steps[v.branch] : null;
  return !!step && authorize(actor, step.permission, target).ok;
}

/** The templates an action variant is tried on: a case step in the states it applies to, anything else in every state. */
function templatesFor(v: ActionVariant) {
  const step =
    v.branch && Object.prototype.hasOwnProperty.call(CASE_TRANSITIONS, v.branch)
      ? CASE_TRANSITIONS[v.branch as CaseActionType]
      : null;
  // other case actions: the states that decide what an applicant or staff member may do next
  if (!step) return world.cases.filter((t) => ['applied', 'awaiting_materials', 'finished+rated'].includes(t.status));
  const fitting = world.cases.filter((t) => (step.from as readonly string[]).includes(t.doc.status as string));
  // one template per owner line keeps the step matrix small; a step from no walked state gets handling
  const pick = fitting.length ? fitting : world.cases.filter((t) => t.status === 'handling');
  return ['A', 'B', 'C'].map((o) => pick.find((t) => t.owner === o)!).filter(Boolean);
}

function inputFor(
  v: ActionVariant,
  id: { caseId?: string; bookingId?: string; id?: string; version?: unknown },
  slot: number,
): Record<string, unknown> {
  const input: Record<string, unknown> = { ...v.sample };
  for (const k of ['caseId', 'bookingId', 'id'] as const) if (id[k] !== undefined) input[k] = id[k];
  if ('version' in input && id.version !== undefined) input.version = id.version;
  if ('slotId' in input) input.slotId = world.freeSlots[slot % world.freeSlots.length];
  return input;
}

/** Fresh copies of the resources a variant is tried on, and how its input names one. */
function resourcesFor(
  v: ActionVariant,
  kind: ResourceKind,
): {
  which: string;
  make(): {
    doc: Record<string, unknown> & { _id: string };
    ref: { caseId?: string; bookingId?: string; id?: string; version?: unknown };
  };
}[] {
  if (kind === 'booking')
    return world.bookings.map((t) => ({
      which: `booking of ${t.owner}`,
      make: () => ((doc) => ({ doc, ref: { bookingId: doc._id } }))(cloneBooking(world.cloud, t)),
    }));
  if (kind === 'badRating')
    return world.cases
      .filter((t) => t.badRatings.length)
      .map((t) => ({
        which: `差评 on ${t.owner}`,
        make: () => {
          const c = cloneCase(world.cloud, t);
          const doc = world.cloud.store.get('badRatings', `${c._id}-0`)!.doc;
          return { doc, ref: { id: doc._id, version: doc.version ?? 0 } };
        },
      }));
  return templatesFor(v).map((t) => ({
    which: `${t.owner}:${t.status}`,
    make: () => ((doc) => ({ doc, ref: { caseId: doc._id, version: doc.version } }))(cloneCase(world.cloud, t)),
  }));
}

const answerText = (a: Answer) =>
  JSON.stringify(a.ok ? { ok: true } : { ok: false, code: a.code, message: a.message, fields: a.fields ?? null });

function buildAttempts(): Attempt[] {
  const attempts: Attempt[] = [];
  const baselines = new Map<string, Attempt>();
  let slot = 0;
  for (const v of variants) {
    const kind = resourceKind(v);
    if (!kind) continue;
    for (const p of PERSONAS) {
      for (const r of resourcesFor(v, kind)) {
        const { doc, ref } = r.make();
        const s = slot++;
        // the baseline: the same persona and input for a missing id (same version, so only the id differs)
        const baselineKey = `${v.key}|${p.key}|${String(ref.version ?? '')}`;
        if (!baselines.has(baselineKey)) {
          const missing = kind === 'badRating' ? `missing-${v.action}-0` : `missing-${v.fn}-${v.action}`;
          const missingRef = {
            ...(ref.caseId ? { caseId: missing } : {}),
            ...(ref.bookingId ? { bookingId: missing } : {}),
            ...(ref.id ? { id: missing } : {}),
            version: ref.version,
          };
          baselines.set(baselineKey, {
            variant: v,
            persona: p,
            kind: 'missing',
            label: `${v.key} by ${p.key} on a missing id`,
            input: inputFor(v, missingRef, s),
            baselineKey,
            resourceId: missing,
          });
        }
        const k = !hasRole(p, v) ? 'role' : related(p, v, kind, doc) ? 'related' : 'unrelated';
        attempts.push({
          variant: v,
          persona: p,
          kind: k,
          label: `${v.key} by ${p.key} on ${r.which}`,
          input: inputFor(v, ref, s),
          baselineKey,
          resourceId: doc._id,
        });
      }
    }
  }
  return [...attempts, ...baselines.values()];
}

/** Successful calls whose business writes were not one atomic unit (a crash between them would leave half). */
const splitWrites: string[] = [];
/**
 * Collections whose writes may stand alone: message delivery (after the action's own commit, by
 * design) and ledger rows, which are derived from their case and rebuilt idempotently
 * (ledger.rebuild writes one row per case; a case change writes its row inside its own transaction).
 */
const DELIVERY = new Set(['outbox', 'messages', 'grants', 'ledger']);

/** A failed invocation (host error, timeout) is an answer too: it shows up in the failure list with its label. */
const safeCall = (fn: string, action: string, input: unknown, openid: string): Promise<Answer> =>
  world.cloud.host
    .invoke(
      fn,
      { action, input, userInfo: { openId: openid, appId: 'wx_test' } },
      { openid, appid: 'wx_test', source: 'wx_client' },
    )
    .then(
      ({ json, record }) => {
        const answer = JSON.parse(json) as Answer;
        const business = record.writeUnits.filter((unit) => unit.some((c) => !DELIVERY.has(c)));
        if (answer.ok && business.length > 1) splitWrites.push(`${fn}.${action}: ${JSON.stringify(business)}`);
        return answer;
      },
      (e: Error) => ({ ok: false, code: 'HOST_ERROR', message: e.message }) as Answer,
    );
const run = (a: Attempt) => safeCall(a.variant.fn, a.variant.action, a.input, a.persona.openid);

test('every action in the registry has a valid sample input to test it with', () => {
  expect(variants.length).toBeGreaterThan(40);
  expect(invalidSamples(variants)).toEqual([]);
});

describe('resources: every action that takes a case or booking id × nine personas × own and foreign resources in every state', () => {
  let attempts: Attempt[];
  const answers = new Map<Attempt, Answer>();
  beforeAll(() => {
    attempts = buildAttempts();
  });

  test('without the role: FORBIDDEN; unrelated to the resource: refused exactly like a missing id, nothing written', async () => {
    const refusedSide = attempts.filter((a) => a.kind !== 'related');
    const before = snapshot(world.cloud);
    const got = await inParallel(refusedSide, IN_FLIGHT, run);
    refusedSide.forEach((a, i) => answers.set(a, got[i]));
    expect(changes(before, snapshot(world.cloud))).toEqual([]);

    const baseline = new Map(
      refusedSide.filter((a) => a.kind === 'missing').map((a) => [a.baselineKey, answers.get(a)!]),
    );
    const wrong: string[] = [];
    for (const a of refusedSide) {
      const answer = answers.get(a)!;
      if (answer.ok) wrong.push(`${a.label}: SUCCEEDED (${a.kind})`);
      else if (a.kind === 'role' && answer.code !== 'FORBIDDEN')
        wrong.push(`${a.label}: ${answer.code} instead of FORBIDDEN`);
      else if (a.kind === 'unrelated' && answerText(answer) !== answerText(baseline.get(a.baselineKey)!))
        wrong.push(
          `${a.label}: ${answerText(answer)} differs from a missing id's ${answerText(baseline.get(a.baselineKey)!)}`,
        );
    }
    expect(wrong).toEqual([]);
    // the matrix really holds foreign resources for every persona that has the role
    const unrelated = refusedSide.filter((a) => a.kind === 'unrelated');
    expect(new Set(unrelated.map((a) => a.persona.key)).size).toBe(PERSONAS.length);
    console.log(
      `authorization matrix, refused side: ${refusedSide.length} calls (${unrelated.length} on foreign resources, ${refusedSide.filter((a) => a.kind === 'role').length} without the role)`,
    );
  }, 600_000);

  test('related personas get past authorization (positive control), and only they ever succeed', async () => {
    const relatedSide = attempts.filter((a) => a.kind === 'related');
    const got = await inParallel(relatedSide, IN_FLIGHT, run);
    relatedSide.forEach((a, i) => answers.set(a, got[i]));
    const byVariant = new Map<string, Answer[]>();
    for (const a of relatedSide)
      byVariant.set(a.variant.key, [...(byVariant.get(a.variant.key) ?? []), answers.get(a)!]);
    const resourceVariants = variants.filter((v) => resourceKind(v));
    const neverPast = resourceVariants
      .filter((v) => !(byVariant.get(v.key) ?? []).some((a) => a.ok || !['NOT_FOUND', 'FORBIDDEN'].includes(a.code)))
      .map((v) => v.key);
    expect(neverPast).toEqual([]);
    const successes = relatedSide.filter((a) => answers.get(a)!.ok);
    // internal errors would hide a crash behind a polite answer
    expect(
      relatedSide
        .filter((a) => !answers.get(a)!.ok && (answers.get(a) as { code: string }).code === 'INTERNAL')
        .map((a) => a.label),
    ).toEqual([]);
    expect(successes.length).toBeGreaterThan(resourceVariants.length);
    const table = resourceVariants.map((v) => {
      const rows = attempts.filter((a) => a.variant.key === v.key);
      const count = (k: Attempt['kind']) => rows.filter((a) => a.kind === k).length;
      return `${v.key.padEnd(44)} related ${String(count('related')).padStart(3)} (ok ${String(rows.filter((a) => a.kind === 'related' && answers.get(a)?.ok).length).padStart(3)})  foreign ${String(count('unrelated')).padStart(3)}  no role ${String(count('role')).padStart(3)}`;
    });
    console.log(`authorization matrix (${attempts.length} calls)\n${table.join('\n')}`);
  }, 300_000);

  test('no answer in the matrix carries a full 身份证号 or phone number of the seeded applicants', () => {
    const secrets = [...world.secrets.idNumbers, ...world.secrets.phones];
    expect(secrets.length).toBeGreaterThan(3);
    expect(answers.size).toBe(attempts.length);
    // an action that reveals on purpose (spec.reveals, e.g. workbench.revealContact: recorded) only to those it lets through
    const leaked = [...answers]
      .filter(
        ([a, answer]) =>
          secrets.some((s) => JSON.stringify(answer).includes(s)) &&
          !(a.variant.spec.reveals && a.kind === 'related' && answer.ok),
      )
      .map(([a]) => a.label);
    expect(leaked).toEqual([]);
  });
});

describe('role gate: every action × every persona lacking its roles', () => {
  const plain = variants.filter((v) => !resourceKind(v));

  test('FORBIDDEN and nothing written, for every action without a resource id too', async () => {
    const tries = plain.flatMap((v) => PERSONAS.filter((p) => !hasRole(p, v)).map((p) => ({ v, p })));
    expect(tries.length).toBeGreaterThan(20);
    const before = snapshot(world.cloud);
    const got = await inParallel(tries, IN_FLIGHT, ({ v, p }) => safeCall(v.fn, v.action, v.sample, p.openid));
    expect(changes(before, snapshot(world.cloud))).toEqual([]);
    expect(
      got
        .map((a, i) =>
          a.ok || a.code !== 'FORBIDDEN' ? `${tries[i].v.key} by ${tries[i].p.key}: ${answerText(a)}` : null,
        )
        .filter(Boolean),
    ).toEqual([]);
  });

  test('with the role, FORBIDDEN only where the action declares it (administrator-only), never for the administrator', async () => {
    const tries = plain.flatMap((v) => PERSONAS.filter((p) => hasRole(p, v)).map((p) => ({ v, p })));
    const got = await inParallel(tries, IN_FLIGHT, ({ v, p }) => safeCall(v.fn, v.action, v.sample, p.openid));
    const wrong = got
      .map((a, i) => ({ a, ...tries[i] }))
      .filter(
        ({ a, v, p }) =>
          !a.ok &&
          (a.code === 'INTERNAL' ||
            a.code === 'HOST_ERROR' ||
            (a.code === 'FORBIDDEN' && (p.key === 'admin' || !(v.spec.errors ?? []).includes('FORBIDDEN')))),
      )
      .map(({ a, v, p }) => `${v.key} by ${p.key}: ${answerText(a)}`);
    expect(wrong).toEqual([]);
    // administrator-only actions refuse the center staff member without admin rights
    const adminOnly = tries.filter(
      ({ v, p }, i) =>
        p.key === 'centerStaff' &&
        (v.spec.errors ?? []).includes('FORBIDDEN') &&
        !got[i].ok &&
        (got[i] as { code: string }).code === 'FORBIDDEN',
    );
    expect(adminOnly.length).toBeGreaterThan(5);
  });

  // last: it looks at every call the matrix and the role gate made
  test('every successful call committed its own writes in one atomic unit (one transaction or one write)', () => {
    expect(splitWrites).toEqual([]);
  });
});
