/**
 * The one place a database error is recognised as a taken unique key (an `_id`, or a unique index
 * such as cases.caseNo_unique, bookings.seat, staff.openid). Seats, one application per request,
 * one rating per case and a code bound once all rest on it.
 *
 * CloudBase answers such a write with the code DATABASE_DUPLICATE_WRITE
 * (https://docs.cloudbase.net/en/error-code/DATABASE_DUPLICATE_WRITE), and so does the local cloud
 * (local-cloud/src/db/store.ts, database.ts). wx-server-sdk 4 keeps a reply's `code` only where it
 * hands the reply on as it is; where it raises an error it maps codes it has no number for to
 * errCode -501001 (SYS_ERR) and keeps the message, so the code is looked for there too, as is
 * MongoDB's own number for the error (E11000), which the database's message carries.
 */
export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';

interface WireError {
  code?: unknown;
  errCode?: unknown;
  errMsg?: unknown;
  message?: unknown;
}

function textOf(e: unknown): string {
  if (typeof e === 'string') return e;
  const w = (e ?? {}) as WireError;
  return `${String(w.errMsg ?? '')} ${String(w.message ?? '')}`;
}

/** True when a write failed because the key it wrote is already taken. */
export function isDuplicateKey(e: unknown): boolean {
  const w = (e ?? {}) as WireError;
  if (w.code === DUPLICATE_WRITE || w.errCode === DUPLICATE_WRITE) return true;
  const text = textOf(e);
  return text.includes(DUPLICATE_WRITE) || /\bE11000\b/.test(text);
}

/** The unique index a duplicate write ran into (`_id_`, `caseNo_unique`…), when the error names it. */
export function duplicateKeyIndex(e: unknown): string | null {
  if (!isDuplicateKey(e)) return null;
  return /index: (\S+)/.exec(textOf(e))?.[1] ?? null;
}
