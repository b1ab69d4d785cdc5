import { Query } from 'mingo';
import { Doc } from './store';

/**
 * A query that is only top-level equalities on strings, booleans and finite numbers (`{_id}`,
 * `{_id, version}`, `{openid}`) tested without mingo: building a mingo Query copies its whole
 * operator table, which costs more than the lookup it serves. The semantics are MongoDB's: a field
 * holding an array matches when an element equals the value; a field holding anything else that
 * is not a plain value (a sub-document, a BSON number type) is left to mingo. Anything else: null.
 */
export function plainEqualityTest(query: Record<string, unknown>): ((doc: Doc) => boolean) | null {
  const entries = Object.entries(query);
  if (entries.length === 0) return null;
  for (const [k, v] of entries) {
    if (k.startsWith('$') || k.includes('.')) return null;
    if (typeof v !== 'string' && typeof v !== 'boolean' && !(typeof v === 'number' && Number.isFinite(v))) return null;
  }
  let slow: Query | null = null;
  return (doc) => {
    for (const [k, v] of entries) {
      const d = (doc as Record<string, unknown>)[k];
      if (d === v) continue;
      if (Array.isArray(d)) {
        if (d.includes(v)) continue;
        return false;
      }
      if (d !== null && typeof d === 'object') return (slow ??= new Query(query)).test(doc);
      return false;
    }
    return true;
  };
}

/** The test of a query: the plain-equality one where it applies, mingo's otherwise (compiled by `compile`, e.g. from the cache). */
export function queryTest(
  query: Record<string, unknown>,
  compile: (query: Record<string, unknown>) => Query = (x) => new Query(x),
): (doc: Doc) => boolean {
  const plain = plainEqualityTest(query);
  if (plain) return plain;
  const q = compile(query);
  return (doc) => q.test(doc);
}

/**
 * A projection that only lists top-level fields, all to include or all to exclude (`_id` may be
 * excluded from an inclusion), as `.field({...})` sends it: applied directly. Anything else
 * (dotted paths, operators, mixed lists): null, and mingo projects.
 */
export function topLevelProjection(projection: Record<string, unknown>): ((doc: Doc) => Doc) | null {
  const entries = Object.entries(projection);
  if (entries.length === 0) return null;
  const on = (v: unknown) => v === true || v === 1;
  const off = (v: unknown) => v === false || v === 0;
  for (const [k, v] of entries) if (k.startsWith('$') || k.includes('.') || !(on(v) || off(v))) return null;
  const rest = entries.filter(([k]) => k !== '_id');
  if (rest.length === 0)
    return on(projection._id)
      ? (doc) => ({ _id: doc._id }) as Doc
      : (doc) => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== '_id')) as Doc;
  const including = rest.every(([, v]) => on(v));
  // `_id` may be dropped from an inclusion, not kept in an exclusion (mingo refuses that mix)
  const excluding = rest.every(([, v]) => off(v)) && !on(projection._id);
  if (!including && !excluding) return null;
  const dropId = off(projection._id);
  if (including) {
    const fields = rest.map(([k]) => k);
    return (doc) => {
      const out: Record<string, unknown> = dropId ? {} : { _id: doc._id };
      for (const f of fields) if (f in doc) out[f] = (doc as Record<string, unknown>)[f];
      return out as Doc;
    };
  }
  const drop = new Set(entries.filter(([, v]) => off(v)).map(([k]) => k));
  return (doc) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) if (!drop.has(k)) out[k] = v;
    return out as Doc;
  };
}
