import { COLL, type CaseDoc, type CollectionName, type DocumentOf, type RatingDoc } from './db';
import crypto from 'node:crypto';
import { type MessageFacts, type MessageKind, type Recipient, type BadRatingCase } from '../../core';
import { loadCenterConfig } from './config';
import type { Database, Transaction } from './cloud';
import { putLedgerRow } from './ledger';

/**
 * Effects: what a command leaves to do after its answer (its messages, its case's 台账 row,
 * documents it creates). The one name for them in the code; their stages are: recorded with the
 * command's write, settled into real documents (`settle`), delivered (shared/outbox.ts `dispatch`,
 * both run by shared/deliver.ts from the notify timer and the scheduler).
 *
 * In CloudBase a transaction costs a round trip to start, one per operation and one to commit, each
 * tens of milliseconds; a tap must not wait for seven of them. So an applicant's command
 * is ONE atomic write of its own document (a new case, a case's next state under a version check, a
 * rating, a booking), and that document carries what must follow it in a `pending` field: the
 * outbox entries of its messages, the case whose 台账 row must be recomputed, and documents to
 * create (a 差评's handling record). The write and its consequences are therefore atomic: none is
 * lost, none happens without the write. `settle` (run by the notify function's timer every few
 * seconds and by the scheduler) turns `pending` into real documents in one transaction per source
 * document, then the outbox is delivered. A staff member's step on a case is written the same way
 * (shared/cases.ts transitionCase); the few writes nobody waits for at a screen (the scheduler's
 * sweeps, a reassignment, 差评 handling) keep their transactions and record their messages in them
 * with `enqueue`. Either way outbox entries are written by one function, `writeOutbox`, below.
 */

export interface OutboxSeed {
  _id: string;
  kind: MessageKind;
  to: Recipient;
  facts: MessageFacts;
  at: Date;
}

export interface PendingEffects {
  at: Date;
  outbox: OutboxSeed[];
  /** the case whose 台账 row is recomputed from the case, its rating and its 差评 records */
  ledger: string | null;
  /** documents to create (each id fixed, so a settle that is retried cannot create two) */
  inserts: { collection: CollectionName; _id: string; data: object }[];
  /** fields to set on other documents (an invite marked used by the staff record it became) */
  updates?: { collection: CollectionName; _id: string; data: object }[];
}

/** Collections whose documents may carry `pending`. */
export const PENDING_COLLECTIONS = [COLL.cases, COLL.ratings, COLL.bookings, COLL.staff] as const;
type PendingCollection = (typeof PENDING_COLLECTIONS)[number];

export const outboxId = () => `ob-${crypto.randomBytes(12).toString('hex')}`;

/** Outbox entries for notifications, with their ids fixed now (the message ids derive from them). */
export function outboxSeeds(
  items: readonly { kind: MessageKind; to: Recipient }[],
  facts: MessageFacts,
  at: Date,
): OutboxSeed[] {
  return items.map((n) => ({ _id: outboxId(), kind: n.kind, to: n.to, facts, at }));
}

/** `pending` of a document being created. */
export function pendingForInsert(at: Date, p: Partial<Omit<PendingEffects, 'at'>>): PendingEffects {
  return { at, outbox: p.outbox ?? [], ledger: p.ledger ?? null, inserts: p.inserts ?? [], updates: p.updates ?? [] };
}

/**
 * Update fields that add effects to an existing document's `pending` (kept with any not yet
 * settled): use them in the same conditional update as the change itself.
 */
export function pendingForUpdate(
  db: Database,
  at: Date,
  p: Partial<Omit<PendingEffects, 'at'>>,
): Record<string, unknown> {
  const _ = db.command;
  return {
    'pending.at': at,
    'pending.outbox': _.push(p.outbox ?? []),
    'pending.inserts': _.push(p.inserts ?? []),
    'pending.updates': _.push(p.updates ?? []),
    ...(p.ledger ? { 'pending.ledger': p.ledger } : {}),
  };
}

const readDoc = <N extends CollectionName>(
  t: Pick<Transaction, 'collection'>,
  coll: N,
  id: string,
): Promise<DocumentOf<N> | null> =>
  t
    .collection(coll)
    .doc(id)
    .get()
    .then(
      (r) => (r.data ? { ...r.data, _id: id } : null),
      () => null,
    );

/**
 * A case's 台账 row, recomputed in `t` from what the case, its rating and its 差评 records are now
 * (never from a snapshot). `known`: documents already read in `t`, by collection; `inserts`: 差评
 * records a `pending` is about to create, counted as if they existed.
 */
async function recomputeLedgerRow(
  t: Pick<Transaction, 'collection'>,
  caseId: string,
  config: Awaited<ReturnType<typeof loadCenterConfig>>,
  now: Date,
  known: { cases?: CaseDoc | null; ratings?: RatingDoc | null },
  inserts: PendingEffects['inserts'],
): Promise<void> {
  const caseDoc = known.cases?._id === caseId ? known.cases : await readDoc(t, COLL.cases, caseId);
  if (!caseDoc) return;
  const rating = known.ratings?._id === caseId ? known.ratings : await readDoc(t, COLL.ratings, caseId);
  // 差评 records this very settle creates count as if they existed
  const created = new Map(
    inserts
      .filter((i) => i.collection === COLL.badRatings)
      .map((i) => [i._id, { ...(i.data as BadRatingCase), _id: i._id }]),
  );
  const bads: BadRatingCase[] = [];
  for (const n of [0, 1]) {
    const bid = `${caseId}-${n}`;
    const b = created.get(bid) ?? (await readDoc(t, COLL.badRatings, bid));
    if (b) bads.push(b);
  }
  await putLedgerRow(
    t,
    caseDoc,
    rating && (rating as { level?: unknown }).level ? rating : null,
    bads,
    config.calendar,
    now,
    config.settings,
  );
}

/**
 * The 台账 as of now, for a reader: the rows whose case (or its rating) carries a 台账 effect the
 * notify timer has not settled yet are recomputed first, each in a transaction of its own that
 * writes the ledger row only (the timer still settles the rest, and recomputes the same row). A
 * leader's 台账 once read 0 while two new cases waited for the timer (at night it runs every ten
 * minutes). `where` narrows the cases to the reader's scope (unitId, category, agentId).
 */
export async function refreshPendingLedger(
  db: Database,
  transaction: <T>(fn: (t: Transaction) => Promise<T>) => Promise<T>,
  now: Date,
  where: Record<string, unknown> = {},
  limit = 100,
): Promise<number> {
  const _ = db.command;
  const waiting = { 'pending.ledger': _.neq(null) };
  const [cases, ratings] = await Promise.all([
    db
      .collection(COLL.cases)
      .where({ ...where, ...waiting })
      .field({ _id: true })
      .limit(limit)
      .get(),
    db.collection(COLL.ratings).where(waiting).field({ _id: true }).limit(limit).get(),
  ]);
  const ids = [...new Set([...cases.data, ...ratings.data].map((d) => String(d._id)))];
  if (ids.length === 0) return 0;
  const config = await loadCenterConfig(db);
  for (const caseId of ids) {
    try {
      await transaction(async (t) => {
        const [c, r] = await Promise.all([readDoc(t, COLL.cases, caseId), readDoc(t, COLL.ratings, caseId)]);
        // a 差评 record the rating's (or case's) pending is about to create counts already
        const inserts = [...(c?.pending?.inserts ?? []), ...(r?.pending?.inserts ?? [])];
        await recomputeLedgerRow(t, caseId, config, now, { cases: c, ratings: r }, inserts);
      });
    } catch (e) {
      // the figures then wait for the timer, as before; the reader still gets an answer
      console.error(JSON.stringify({ refreshLedger: caseId, error: (e as Error)?.message ?? String(e) }));
    }
  }
  return ids.length;
}

/** Turns one document's `pending` into outbox entries, created documents and its case's 台账 row. */
async function settleOne(
  db: Database,
  transaction: <T>(fn: (t: Transaction) => Promise<T>) => Promise<T>,
  coll: PendingCollection,
  id: string,
  config: Awaited<ReturnType<typeof loadCenterConfig>>,
  now: Date,
): Promise<number> {
  const _ = db.command;
  return transaction(async (t) => {
    const doc = await readDoc(t, coll, id);
    const p = doc?.pending;
    if (!p) return 0;
    await writeOutbox(t, p.outbox ?? []);
    for (const ins of p.inserts ?? []) await t.collection(ins.collection).doc(ins._id).set({ data: ins.data });
    for (const up of p.updates ?? []) await t.collection(up.collection).doc(up._id).update({ data: up.data });
    if (p.ledger)
      await recomputeLedgerRow(
        t,
        p.ledger,
        config,
        now,
        coll === COLL.cases ? { cases: doc as CaseDoc } : coll === COLL.ratings ? { ratings: doc as RatingDoc } : {},
        p.inserts ?? [],
      );
    await t
      .collection(coll)
      .doc(id)
      .update({ data: { pending: _.remove() } });
    return (p.outbox ?? []).length;
  });
}

/**
 * Settles every document with `pending` (oldest first, a page per collection and run). Safe to run
 * from several places at once: a document settled by another run has no `pending` left.
 */
export async function settle(
  db: Database,
  transaction: <T>(fn: (t: Transaction) => Promise<T>) => Promise<T>,
  now: Date,
  limit = 100,
): Promise<{ settled: number; messages: number }> {
  const _ = db.command;
  const found = await Promise.all(
    PENDING_COLLECTIONS.map((coll) =>
      db
        .collection(coll)
        .where({ 'pending.at': _.exists(true) })
        .orderBy('pending.at', 'asc')
        .field({ _id: true })
        .limit(limit)
        .get()
        .then((r) => r.data.map((d) => [coll, String(d._id)] as const)),
    ),
  );
  const todo = found.flat();
  if (todo.length === 0) return { settled: 0, messages: 0 };
  const config = await loadCenterConfig(db);
  let settled = 0;
  let messages = 0;
  for (const [coll, id] of todo) {
    try {
      messages += await settleOne(db, transaction, coll, id, config, now);
      settled++;
    } catch (e) {
      // one bad document must not hold up the others; it stays pending and is tried next run
      console.error(JSON.stringify({ settle: coll, id, error: (e as Error)?.message ?? String(e) }));
    }
  }
  return { settled, messages };
}

/**
 * The one write of outbox entries: what `settle` makes of a document's `pending`, and what a
 * transaction that already holds its documents (a scheduler sweep, 差评 handling) writes at once.
 * All of a step's messages go in one insert (one round trip, however many recipients).
 */
async function writeOutbox(t: Pick<Transaction, 'collection'>, seeds: OutboxSeed[]): Promise<void> {
  if (seeds.length)
    await t
      .collection(COLL.outbox)
      .add({ data: seeds.map((e) => ({ ...e, status: 'pending', claimedUntil: new Date(0), createdAt: e.at })) });
}

/** The outbox id of a reminder's n-th message: the first one existing means the reminder went out. */
export const reminderOutboxId = (key: string, n = 0) => `rm:${key}:${n}`;

/**
 * Writes one outbox entry per notification inside the caller's transaction; returns their ids.
 * With a `key` the ids are `rm:<key>:<n>` instead of random: writing the same key twice fails on
 * the id, which is how a reminder is sent once (see `reminderOutboxId`).
 */
export async function enqueue(
  t: Pick<Transaction, 'collection'>,
  items: { kind: MessageKind; to: Recipient }[],
  facts: MessageFacts,
  at: Date,
  key?: string,
): Promise<string[]> {
  const seeds = items.map((n, i) => ({
    _id: key ? reminderOutboxId(key, i) : outboxId(),
    kind: n.kind,
    to: n.to,
    facts,
    at,
  }));
  await writeOutbox(t, seeds);
  return seeds.map((d) => d._id);
}
