import { CloudError } from '../errors';

/** Checks of the wire parameters the `database.*` actions share. */
type Params = Record<string, unknown>;

/** CloudBase's own caps: `get` returns 100 by default and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function collectionName(p: Params): string {
  const name = p.collectionName;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    throw new CloudError('INVALID_PARAM', 'collectionName must be 1–64 letters, digits, _ or -');
  }
  return name;
}

/** Transactions work on single documents only, as in the cloud. */
export function singleDocId(query: Record<string, unknown>): string {
  const keys = Object.keys(query);
  if (keys.length !== 1 || keys[0] !== '_id' || typeof query._id !== 'string') {
    throw new CloudError(
      'DATABASE_REQUEST_FAILED',
      'transactions support single-document operations only: use collection.doc(id)',
    );
  }
  return query._id;
}

export function intParam(v: unknown, what: string, fallback: number, min: number): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw new CloudError('INVALID_PARAM', `${what} must be an integer ≥ ${min}`);
  return v;
}

/** The SDK sends `{field: 1|-1}`; older clients send `[{field, direction}]`. */
export function sortSpec(order: unknown): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {};
  if (Array.isArray(order)) {
    for (const o of order as { field?: unknown; direction?: unknown }[]) {
      if (typeof o?.field !== 'string') throw new CloudError('INVALID_PARAM', 'order items need a field');
      out[o.field] = o.direction === 'desc' || o.direction === -1 ? -1 : 1;
    }
    return out;
  }
  if (!order || typeof order !== 'object') throw new CloudError('INVALID_PARAM', 'order must be an object');
  for (const [f, d] of Object.entries(order)) {
    if (d !== 1 && d !== -1 && d !== 'asc' && d !== 'desc')
      throw new CloudError('INVALID_PARAM', `order of ${f} must be 1 or -1`);
    out[f] = d === -1 || d === 'desc' ? -1 : 1;
  }
  return out;
}
