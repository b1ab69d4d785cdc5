import type { Database, Transaction } from './cloud';
import { settle } from './effects';
import { dispatch } from './outbox';

/**
 * The effects pipeline after the answers (shared/effects.ts), run by the notify function's timer
 * (every 2 minutes by day) and the scheduler: settle what one-write commands recorded in `pending`,
 * then dispatch the outbox (inbox messages and subscribe-message pushes). A big day is delivered
 * over several rounds within the budget.
 */
export async function deliver(
  db: Database,
  transaction: <T>(fn: (t: Transaction) => Promise<T>) => Promise<T>,
  now: Date,
  budgetMs = 30_000,
): Promise<Record<string, number>> {
  const started = Date.now();
  const s = await settle(db, transaction, now);
  const counts: Record<string, number> = { settled: s.settled };
  let expanded = 0;
  for (;;) {
    const r = await dispatch(db, now);
    expanded += r.claimed;
    let attempted = 0;
    let done = 0;
    for (const [k, v] of Object.entries(r.pushed)) {
      counts[`push_${k}`] = (counts[`push_${k}`] ?? 0) + v;
      attempted += v;
      if (k !== 'pending') done += v;
    }
    // a full page means more may wait; stop when a round changed nothing (another run holds them)
    const more = r.expanded >= 100 || attempted >= 100;
    if (!more || r.claimed + done === 0 || Date.now() - started > budgetMs) break;
  }
  counts.expanded = expanded;
  counts.ms_deliver = Date.now() - started;
  return counts;
}
