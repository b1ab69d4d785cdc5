import { CloudError } from './errors';

/**
 * A database fault (fault injection, as LocalStack offers): the next `times` database requests that
 * match wait `delayMs` before they are served — a slow or stalled database, e.g. to make a function
 * time out in the middle of a transaction.
 */
export interface DatabaseFault {
  /** wire action, e.g. database.insertDocument (any database action when omitted) */
  action?: string;
  collection?: string;
  /** only requests inside a transaction (true) or outside one (false) */
  inTransaction?: boolean;
  delayMs: number;
  /** then fail the request (DATABASE_REQUEST_FAILED) instead of serving it: a lost request */
  fail?: boolean;
  times?: number;
}

/** The pending database faults; the admin router spends them, the console and tests add them. */
export class DatabaseFaults {
  private readonly pending: (DatabaseFault & { times: number })[] = [];

  readonly delay = (f: DatabaseFault): void => {
    if (!(Number.isFinite(f.delayMs) && f.delayMs >= 0 && f.delayMs <= 600_000))
      throw new CloudError('INVALID_PARAM', 'delayMs must be 0–600000');
    this.pending.push({ ...f, times: Math.max(1, Math.floor(f.times ?? 1)) });
  };

  readonly clear = (): void => void this.pending.splice(0);

  /** the fault a database request meets, spending one use of the first that matches */
  take(action: string, params: Record<string, unknown>): { delayMs: number; fail: boolean } | null {
    const inTx = params.transactionId !== undefined && params.transactionId !== null && params.transactionId !== '';
    const i = this.pending.findIndex(
      (f) =>
        (!f.action || f.action === action) &&
        (!f.collection || f.collection === params.collectionName) &&
        (f.inTransaction === undefined || f.inTransaction === inTx),
    );
    if (i < 0) return null;
    const f = this.pending[i];
    if (--f.times <= 0) this.pending.splice(i, 1);
    return { delayMs: f.delayMs, fail: f.fail === true };
  }
}
