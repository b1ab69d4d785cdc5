import { Write } from './store';

/** An idle transaction is aborted after this long, as MongoDB does (transactionLifetimeLimitSeconds). */
export const TRANSACTION_IDLE_MS = 60_000;

/** The state of one optimistic transaction of DatabaseService. */
export interface Transaction {
  id: string;
  lastUsed: number;
  /** version of each document when the transaction first touched it */
  seen: Map<string, number>;
  /** the transaction's own view of documents it wrote (null = deleted) */
  writes: Map<string, Write>;
}

export const key = (collection: string, id: string) => `${collection}\u0000${id}`;
