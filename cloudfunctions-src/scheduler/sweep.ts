import { COLL, isDuplicateKey, type CollectionName } from '../shared/db';
import { type MessageFacts, type MessageKind, type Recipient } from '../../core';
import { db, transaction } from '../shared/cloud';
import { caseFacts } from '../shared/cases';
import { enqueue, reminderOutboxId } from '../shared/effects';
import type { CaseDoc } from '../shared/db';

/** What the scheduler's sweeps share: batching, paging and sending a reminder once. */
export const OPEN_WITH_CLOCK = ['accepted', 'handling', 'awaiting_materials', 'suspended'];
/** the most a get returns */
export const PAGE = 1000;
/** reminders written per transaction: fewer round trips, and a conflict only redoes this many */
export const BATCH = 25;
/** default ratings look back this far past their due day: a timer down for weeks still catches up, history is not rescanned every run */
export const DEFAULT_RATING_LOOKBACK_DAYS = 30;
/** the function's timeout is 60 s; delivery stops well before it and the next run goes on */
export const DISPATCH_BUDGET_MS = 30_000;

export type Counts = Record<string, number>;

export interface Due {
  key: string;
  kind: MessageKind;
  to: Recipient[];
  facts: MessageFacts;
}

/** One reminder: its messages, named by its key, in one transaction; false when they exist (sent already). */
export async function remindOne(d: Due, now: Date): Promise<boolean> {
  try {
    await transaction(async (t) => {
      await enqueue(
        t,
        d.to.map((r) => ({ kind: d.kind, to: r })),
        d.facts,
        now,
        d.key,
      );
    });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/**
 * Sends each reminder once. One query finds the reminders already written (on most runs: all of
 * them), the rest are written BATCH at a time. A batch that meets a reminder another run wrote in
 * the meantime fails whole and is redone one by one, so every reminder still goes out exactly once.
 * The outbox entry is the record: no separate write per reminder.
 */
export async function remindAll(items: Due[], now: Date, counts: Counts): Promise<void> {
  const _ = db.command;
  const unique = [...new Map(items.map((d) => [d.key, d])).values()];
  const existing = new Set<string>();
  for (let i = 0; i < unique.length; i += PAGE) {
    const ids = unique.slice(i, i + PAGE).map((d) => reminderOutboxId(d.key));
    const { data } = await db
      .collection(COLL.outbox)
      .where({ _id: _.in(ids) })
      .field({ _id: true })
      .limit(PAGE)
      .get();
    for (const r of data) existing.add(String(r._id));
  }
  const fresh = unique.filter((d) => !existing.has(reminderOutboxId(d.key)));
  for (let i = 0; i < fresh.length; i += BATCH) {
    const chunk = fresh.slice(i, i + BATCH);
    let sent: Due[] = chunk;
    try {
      await transaction(async (t) => {
        for (const d of chunk)
          await enqueue(
            t,
            d.to.map((r) => ({ kind: d.kind, to: r })),
            d.facts,
            now,
            d.key,
          );
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      counts.batches_redone = (counts.batches_redone ?? 0) + 1;
      sent = [];
      for (const d of chunk) if (await remindOne(d, now)) sent.push(d);
    }
    for (const d of sent) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  }
}

/** Pages through a query by _id (a get returns at most 1000), every matching document once. */
export async function* pages<T extends { _id: string }>(
  collection: CollectionName,
  where: Record<string, unknown>,
  field?: Record<string, boolean>,
): AsyncGenerator<T[]> {
  const _ = db.command;
  let after = '';
  for (;;) {
    let q = db.collection(collection).where({ ...where, _id: _.gt(after) });
    if (field) q = q.field(field);
    const { data } = await q.orderBy('_id', 'asc').limit(PAGE).get();
    const page = data as T[];
    if (page.length) yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]._id;
  }
}

/** Case numbers and kinds for messages about other things (差评, bookings) that point at cases. */
export async function caseFactsByIds(ids: string[]): Promise<Map<string, ReturnType<typeof caseFacts>>> {
  const _ = db.command;
  const out = new Map<string, ReturnType<typeof caseFacts>>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += PAGE) {
    const { data } = await db
      .collection(COLL.cases)
      .where({ _id: _.in(unique.slice(i, i + PAGE)) })
      .field({ _id: true, caseNo: true, category: true, mode: true, status: true })
      .limit(PAGE)
      .get();
    for (const c of data as CaseDoc[]) out.set(c._id, caseFacts(c));
  }
  return out;
}
