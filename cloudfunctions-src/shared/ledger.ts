import { COLL } from './db';
import {
  DEFAULT_SETTINGS,
  ledgerRow,
  type BadRatingCase,
  type LedgerCase,
  type Rating,
  type Settings,
  type WorkCalendar,
} from '../../core';
import type { Transaction } from './cloud';

/**
 * The 台账 row of a case lives in its own `ledger` collection (id = case id), written in the same
 * transaction as every change of the case, its rating or its 差评. Why not aggregate `cases`
 * directly: a case document carries the timeline, materials, tasks and the applicant's personal
 * data, and grows with every step; statistics over a county's years of cases would read all of it.
 * A ledger row is small, flat, holds only masked personal data, and carries the counters a `$group`
 * sums, so CloudBase's aggregation (match on an indexed date range, then group) reads little per
 * case and a leader's or the center's figures never need the cases themselves. The ratings
 * function keeps the rating part current without touching the case (and its version).
 */
export async function putLedgerRow(
  t: Pick<Transaction, 'collection'>,
  c: LedgerCase,
  rating: Rating | null,
  badRatings: readonly BadRatingCase[],
  cal: WorkCalendar,
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): Promise<void> {
  const { _id, ...row } = ledgerRow(c, rating, badRatings, cal, settings);
  await t
    .collection(COLL.ledger)
    .doc(_id)
    .set({ data: { ...row, updatedAt: now } });
}
