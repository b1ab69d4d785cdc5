import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CloudError } from '../errors';
import { parseEJSON, stringifyEJSON } from '../ejson';

export type Doc = Record<string, unknown> & { _id: string };

export interface IndexSpec {
  name: string;
  /** field path → 1 | -1, in order; the first field is the one lookups use */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  /** documents missing every key field are left out of a sparse index (Mongo semantics) */
  sparse?: boolean;
}

export interface Write {
  collection: string;
  id: string;
  /** the whole new document, or null to delete it */
  doc: Doc | null;
}

interface Entry {
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

class IndexState {
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

export interface StoreOptions {
  /** SQLite file; omitted = in memory (tests) */
  file?: string;
  indexes?: Record<string, IndexSpec[]>;
}

/**
 * Documents live in memory for querying (mingo) and in SQLite for durability. Every change goes
 * through `apply`, which writes one SQLite transaction (WAL, synchronous=FULL: on disk before the
 * caller answers) and only then updates memory, so a failed write leaves both untouched.
 */
export class Store {
  /** the same SQLite file holds the emulator's own tables (grants, inbox) */
  readonly db: Database.Database;
  private readonly collections = new Map<string, CollectionState>();
  /** versions of deleted documents, so a transaction that read "absent" notices a re-create */
  private readonly tombstones = new Map<string, number>();
  private readonly indexSpecs: Record<string, IndexSpec[]>;
  private seq = 0;
  private readonly stmt: {
    upsert: Database.Statement;
    remove: Database.Statement;
    addCollection: Database.Statement;
    dropCollection: Database.Statement;
    dropDocs: Database.Statement;
  };

  constructor(options: StoreOptions = {}) {
    if (options.file) fs.mkdirSync(path.dirname(options.file), { recursive: true });
    this.db = new Database(options.file ?? ':memory:');
    if (options.file) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
        created_seq INTEGER NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (collection, id)) WITHOUT ROWID;
    `);
    this.stmt = {
      upsert: this.db.prepare(`INSERT INTO documents (collection, id, version, created_seq, body) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (collection, id) DO UPDATE SET version = excluded.version, body = excluded.body`),
      remove: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      addCollection: this.db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)'),
      dropCollection: this.db.prepare('DELETE FROM collections WHERE name = ?'),
      dropDocs: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
    };
    this.indexSpecs = options.indexes ?? {};
    this.load();
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT name, created_at FROM collections').all() as {
      name: string;
      created_at: number;
    }[]) {
      this.attach(row.name, row.created_at);
    }
    const rows = this.db
      .prepare('SELECT collection, id, version, body FROM documents ORDER BY created_seq')
      .iterate() as Iterable<{
      collection: string;
      id: string;
      version: number;
      body: string;
    }>;
    for (const row of rows) {
      const coll = this.collections.get(row.collection);
      if (!coll) continue;
      const doc = parseEJSON(row.body, 'stored document') as Doc;
      coll.docs.set(row.id, { doc, version: row.version });
      this.seq = Math.max(this.seq, row.version);
    }
    for (const coll of this.collections.values()) this.buildIndexes(coll);
  }

  private attach(name: string, createdAt: number): CollectionState {
    const coll = new CollectionState(name, createdAt);
    for (const spec of this.indexSpecs[name] ?? []) coll.indexes.push(new IndexState(spec));
    this.collections.set(name, coll);
    return coll;
  }

  private buildIndexes(coll: CollectionState): void {
    for (const index of coll.indexes) {
      for (const { doc } of coll.docs.values()) {
        const key = index.spec.unique ? index.uniqueKey(doc) : null;
        if (key !== null && index.owners.has(key)) {
          throw new Error(
            `unique index ${coll.name}.${index.spec.name} is violated by stored documents ${index.owners.get(key)} and ${doc._id}`,
          );
        }
        index.add(doc);
      }
    }
  }

  close(): void {
    this.db.close();
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  collection(name: string): CollectionState {
    const coll = this.collections.get(name);
    if (!coll) throw new CloudError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
    return coll;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  createCollection(name: string): void {
    if (this.collections.has(name))
      throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    const now = Date.now();
    this.stmt.addCollection.run(name, now);
    this.buildIndexes(this.attach(name, now));
  }

  dropCollection(name: string): void {
    this.collection(name);
    this.db.transaction(() => {
      this.stmt.dropDocs.run(name);
      this.stmt.dropCollection.run(name);
    })();
    this.collections.delete(name);
  }

  get(collection: string, id: string): Entry | undefined {
    return this.collection(collection).docs.get(id);
  }

  /** A document's version; deleted and never-seen documents have versions too (0 = never seen). */
  versionOf(collection: string, id: string): number {
    return (
      this.collections.get(collection)?.docs.get(id)?.version ?? this.tombstones.get(`${collection}\u0000${id}`) ?? 0
    );
  }

  /**
   * Candidate documents for a Mongo query: an `_id` or indexed-field equality (or `$in`) narrows
   * the set, in the query itself, in its `$and` clauses, or in every branch of an `$or` (the union
   * of the branches' sets, as MongoDB does when each branch can use an index); otherwise every
   * document. The caller still filters with the full query.
   */
  candidates(collection: string, query: Record<string, unknown>): { docs: Doc[]; index: string | null } {
    const coll = this.collection(collection);
    const chosen = narrowest(coll, query, 0);
    if (chosen) {
      const docs: Doc[] = [];
      for (const id of chosen.ids) {
        const e = coll.docs.get(id);
        if (e) docs.push(e.doc);
      }
      return { docs, index: chosen.index };
    }
    return { docs: [...coll.docs.values()].map((e) => e.doc), index: null };
  }

  /**
   * Applies writes atomically: unique indexes are checked over the batch, SQLite commits, then
   * memory changes. Throws (changing nothing) on a unique-index violation.
   */
  apply(writes: Write[]): number {
    if (writes.length === 0) return this.seq;
    for (const w of writes) this.collection(w.collection);
    this.checkUnique(writes);
    const version = this.seq + 1;
    this.db.transaction(() => {
      for (const w of writes) {
        if (w.doc) {
          const existing = this.collections.get(w.collection)!.docs.get(w.id);
          this.stmt.upsert.run(w.collection, w.id, version, existing ? 0 : version, stringifyEJSON(w.doc));
        } else {
          this.stmt.remove.run(w.collection, w.id);
        }
      }
    })();
    this.seq = version;
    for (const w of writes) {
      const coll = this.collections.get(w.collection)!;
      const old = coll.docs.get(w.id);
      if (old) for (const index of coll.indexes) index.remove(old.doc);
      if (w.doc) {
        if (old) {
          old.doc = w.doc;
          old.version = version;
        } else coll.docs.set(w.id, { doc: w.doc, version });
        for (const index of coll.indexes) index.add(w.doc);
        this.tombstones.delete(`${w.collection}\u0000${w.id}`);
      } else if (old) {
        coll.docs.delete(w.id);
        this.tombstones.set(`${w.collection}\u0000${w.id}`, version);
      }
    }
    return version;
  }

  private checkUnique(writes: Write[]): void {
    const byCollection = new Map<string, Write[]>();
    for (const w of writes) byCollection.set(w.collection, [...(byCollection.get(w.collection) ?? []), w]);
    for (const [name, ws] of byCollection) {
      const coll = this.collections.get(name)!;
      const touched = new Set(ws.map((w) => w.id));
      // duplicate _id inside one insert batch is caught by the caller; here: secondary unique keys
      for (const index of coll.indexes) {
        if (!index.spec.unique) continue;
        const claimed = new Map<string, string>();
        for (const w of ws) {
          if (!w.doc) continue;
          const key = index.uniqueKey(w.doc);
          if (key === null) continue;
          const other = claimed.get(key) ?? index.owners.get(key);
          const otherStillThere =
            other !== undefined && other !== w.id && (claimed.get(key) === other || !touched.has(other));
          if (otherStillThere) {
            const fields = index.fields
              .map((f) => `${f}: ${JSON.stringify(valuesAtPath(w.doc, f)[0] ?? null)}`)
              .join(', ');
            throw new CloudError(
              'DATABASE_DUPLICATE_WRITE',
              `E11000 duplicate key error collection: ${name} index: ${index.spec.name} dup key: { ${fields} }`,
            );
          }
          claimed.set(key, w.id);
        }
      }
    }
  }

  stats(): { collection: string; documents: number; indexes: string[] }[] {
    return this.collectionNames().map((name) => {
      const c = this.collections.get(name)!;
      return { collection: name, documents: c.docs.size, indexes: ['_id_', ...c.indexes.map((i) => i.spec.name)] };
    });
  }
}

/** The smallest set of ids an index gives for a query (see Store.candidates), or null: scan everything. */
function narrowest(
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
