import type { Doc, IndexSpec } from './store';

/** The in-memory secondary indexes of a Store: keys, lookups and the narrowing of a query to candidate ids. */
export interface Entry {
  doc: Doc;
  version: number;
}

/** Canonical string for a value, so that equal values (by Mongo equality) share an index key. */
export function indexKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'string') return `s${value}`;
  if (typeof value === 'boolean') return `b${value}`;
  if (value instanceof Date) return `d${value.getTime()}`;
  return `j${stableStringify(value)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value instanceof Date) return `{"$date":${value.getTime()}}`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Values at a dot path, descending through arrays the way Mongo's multikey indexes do. */
export function valuesAtPath(doc: unknown, dotted: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of dotted.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      if (Array.isArray(v)) {
        if (/^\d+$/.test(part)) next.push(v[Number(part)]);
        else
          for (const item of v)
            if (item && typeof item === 'object') next.push((item as Record<string, unknown>)[part]);
      } else if (v && typeof v === 'object') {
        next.push((v as Record<string, unknown>)[part]);
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined);
}

export class IndexState {
  readonly fields: string[];
  /** first key field's value key → ids (multikey: one entry per array element too) */
  readonly lookup = new Map<string, Set<string>>();
  /** whole compound key → id, for unique indexes */
  readonly owners = new Map<string, string>();

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys);
    if (this.fields.length === 0) throw new Error(`index ${spec.name} has no keys`);
  }

  lookupKeys(doc: Doc): string[] {
    const values = valuesAtPath(doc, this.fields[0]);
    if (values.length === 0) return this.spec.sparse ? [] : [indexKey(null)];
    const keys = new Set<string>();
    for (const v of values) {
      keys.add(indexKey(v));
      if (Array.isArray(v)) for (const item of v) keys.add(indexKey(item));
    }
    return [...keys];
  }

  /** null when a sparse index leaves the document out */
  uniqueKey(doc: Doc): string | null {
    const parts = this.fields.map((f) => valuesAtPath(doc, f));
    if (this.spec.sparse && parts.every((p) => p.length === 0)) return null;
    return parts.map((p) => indexKey(p.length === 0 ? null : p[0])).join('\u0000');
  }

  add(doc: Doc): void {
    for (const k of this.lookupKeys(doc)) {
      let ids = this.lookup.get(k);
      if (!ids) this.lookup.set(k, (ids = new Set()));
      ids.add(doc._id);
    }
    if (this.spec.unique) {
      const key = this.uniqueKey(doc);
      if (key !== null) this.owners.set(key, doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const k of this.lookupKeys(doc)) {
      const ids = this.lookup.get(k);
      ids?.delete(doc._id);
      if (ids && ids.size === 0) this.lookup.delete(k);
    }
    if (this.spec.unique) {
      const key = this.uniqueKey(doc);
      if (key !== null && this.owners.get(key) === doc._id) this.owners.delete(key);
    }
  }
}

export class CollectionState {
  readonly docs = new Map<string, Entry>();
  readonly indexes: IndexState[] = [];
  constructor(
    readonly name: string,
    readonly createdAt: number,
  ) {}

  indexFor(field: string): IndexState | undefined {
    return this.indexes.find((i) => i.fields[0] === field);
  }
}

/** The smallest set of ids an index gives for a query (see Store.candidates), or null: scan everything. */
export function narrowest(
  coll: CollectionState,
  query: Record<string, unknown>,
  depth: number,
): { ids: Set<string>; index: string } | null {
  let best: { ids: Set<string>; index: string } | null = null;
  const consider = (ids: Set<string> | null, index: string) => {
    if (ids && (!best || ids.size < best.ids.size)) best = { ids, index };
  };
  const clauses = [query, ...(Array.isArray(query.$and) ? (query.$and as Record<string, unknown>[]) : [])];
  for (const clause of clauses) {
    if (!clause || typeof clause !== 'object') continue;
    for (const [field, cond] of Object.entries(clause)) {
      if (field === '$or' && Array.isArray(cond) && cond.length > 0 && depth < 4) {
        // every branch must narrow, or a document matching an unindexed branch would be missed
        const branches = cond.map((b) =>
          b && typeof b === 'object' && !Array.isArray(b)
            ? narrowest(coll, b as Record<string, unknown>, depth + 1)
            : null,
        );
        if (branches.every((b) => b !== null)) {
          const ids = new Set<string>();
          for (const b of branches) for (const id of b!.ids) ids.add(id);
          consider(ids, `$or(${branches.map((b) => b!.index).join(',')})`);
        }
        continue;
      }
      if (field.startsWith('$')) continue;
      const values = equalityValues(cond);
      if (!values) continue;
      if (field === '_id') {
        consider(new Set(values.filter((v): v is string => typeof v === 'string' && coll.docs.has(v))), '_id_');
        continue;
      }
      const index = coll.indexFor(field);
      // a sparse index omits documents without the field, which `field: null` must still match
      if (!index || (index.spec.sparse && values.some((v) => v === null))) continue;
      const ids = new Set<string>();
      for (const v of values) for (const id of index.lookup.get(indexKey(v)) ?? []) ids.add(id);
      consider(ids, index.spec.name);
    }
  }
  return best;
}

/** Values a condition pins a field to (plain equality, `$eq`, `$in`), or null if it doesn't. */
function equalityValues(cond: unknown): unknown[] | null {
  if (cond === null || typeof cond !== 'object' || cond instanceof Date) return [cond];
  if (Array.isArray(cond) || cond instanceof RegExp) return null;
  const ops = cond as Record<string, unknown>;
  const keys = Object.keys(ops);
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return null;
  if ('$eq' in ops && !isPlainObjectOrArray(ops.$eq)) return [ops.$eq];
  if (Array.isArray(ops.$in) && ops.$in.every((v) => !isPlainObjectOrArray(v) && !(v instanceof RegExp)))
    return ops.$in;
  return null;
}

const isPlainObjectOrArray = (v: unknown) =>
  Array.isArray(v) || (v !== null && typeof v === 'object' && !(v instanceof Date));
