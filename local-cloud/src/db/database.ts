import crypto from 'node:crypto';
import { Aggregator, Query, find, update as applyUpdate } from 'mingo';
import { groupFastPath } from './group-fast-path';
import { CloudError } from '../errors';
import { parseEJSON, stringifyEJSON, substituteServerDate } from '../ejson';
import { Doc, Store, Write } from './store';

type Params = Record<string, unknown>;
type Reply = Record<string, unknown>;

/** CloudBase's own caps: `get` returns 100 by default and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** An idle transaction is aborted after this long, as MongoDB does (transactionLifetimeLimitSeconds). */
const TRANSACTION_IDLE_MS = 60_000;

interface Transaction {
  id: string;
  lastUsed: number;
  /** version of each document when the transaction first touched it */
  seen: Map<string, number>;
  /** the transaction's own view of documents it wrote (null = deleted) */
  writes: Map<string, Write>;
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;
export const newDocId = () => crypto.randomBytes(16).toString('hex');

/**
 * The `database.*` actions of the CloudBase wire protocol over a Store, with MongoDB semantics
 * (mingo) and optimistic transactions: a transaction records the version of every document it
 * touches and commits only if none changed meanwhile; otherwise it answers
 * DATABASE_TRANSACTION_CONFLICT, which is the one code the SDK's runTransaction retries on.
 */
export class DatabaseService {
  private readonly transactions = new Map<string, Transaction>();
  /**
   * Compiled queries by their wire text: a mingo Query copies mingo's whole operator table when it
   * is built, and the same few queries (a staff list, an inbox) come again and again. Only the
   * compiled test is kept, never an answer; texts whose meaning depends on the moment (server
   * dates) or that run code ($where) are compiled afresh.
   */
  private readonly compiled = new Map<string, Query>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  readonly actions: Record<string, (p: Params) => Reply> = {
    'database.addCollection': (p) => {
      this.store.createCollection(collectionName(p));
      return {};
    },
    'database.deleteCollection': (p) => {
      this.store.dropCollection(collectionName(p));
      return {};
    },
    'database.getDocument': (p) => this.getDocument(p),
    'database.calculateDocument': (p) => this.calculateDocument(p),
    'database.insertDocument': (p) => this.insertDocument(p),
    'database.modifyDocument': (p) => this.modifyDocument(p),
    'database.modifyAndReturnDoc': (p) => this.modifyAndReturnDoc(p),
    'database.removeDocument': (p) => this.removeDocument(p),
    'database.aggregateDocuments': (p) => this.aggregateDocuments(p),
    'database.startTransaction': () => this.startTransaction(),
    'database.commitTransaction': (p) => this.commitTransaction(p),
    'database.abortTransaction': (p) => this.abortTransaction(p),
  };

  handle(action: string, params: Params): Reply {
    const run = this.actions[action];
    if (!run) throw new CloudError('INVALID_ACTION', `unknown action ${action}`);
    try {
      return run(params);
    } catch (e) {
      if (e instanceof CloudError) throw e;
      // mingo reports unknown or malformed operators with plain Errors
      const message = (e as Error).message ?? String(e);
      throw new CloudError(
        /operator/i.test(message) ? 'DATABASE_INVALID_OPERRATOR' : 'DATABASE_REQUEST_FAILED',
        message,
      );
    }
  }

  openTransactions(): number {
    return this.transactions.size;
  }

  /** The collections an open transaction has written so far (what its commit would change). */
  transactionCollections(transactionId: unknown): string[] {
    const tx = this.transactions.get(String(transactionId));
    return tx ? [...new Set([...tx.writes.values()].map((w) => w.collection))].sort() : [];
  }

  // ---------------------------------------------------------------- reads

  private getDocument(p: Params): Reply {
    const coll = collectionName(p);
    const query = this.parseObject(p.query, 'query');
    const projection = p.projection === undefined ? undefined : this.parseObject(p.projection, 'projection');
    const tx = this.transactionOf(p);
    if (tx) {
      const id = singleDocId(query);
      const doc = this.readInTx(tx, coll, id);
      const list = doc ? find([doc], {}, projection as never).all() : [];
      return { data: { list: list.map(stringifyEJSON) } };
    }
    const limit = intParam(p.limit, 'limit', DEFAULT_LIMIT, 0);
    const offset = intParam(p.offset, 'offset', 0, 0);
    const order = p.order === undefined ? undefined : sortSpec(this.parseValue(p.order, 'order'));
    const candidates = this.store.candidates(coll, query).docs;
    const count = Math.min(limit || DEFAULT_LIMIT, MAX_LIMIT);
    // top-level field lists are projected here, on the page only (mingo's $project costs more)
    const project = projection === undefined ? (d: Doc) => d : topLevelProjection(projection);
    const plain = !(order && Object.keys(order).length) ? plainEqualityTest(query) : null;
    if (plain && project) {
      // doc(id).get() and other plain lookups: no mingo cursor to build (it costs more than the lookup)
      const hits = candidates.filter(plain);
      return { data: { list: hits.slice(offset, offset + count).map((d) => stringifyEJSON(project(d))) } };
    }
    let cursor = this.compile(p.query, query).find(candidates, project ? undefined : (projection as never));
    if (order && Object.keys(order).length) cursor = cursor.sort(order);
    const list = cursor.skip(offset).limit(count).all() as Doc[];
    return { data: { list: list.map((d) => stringifyEJSON(project ? project(d) : d)) } };
  }

  private calculateDocument(p: Params): Reply {
    const coll = collectionName(p);
    const query = this.parseObject(p.query, 'query');
    const test = queryTest(query, (q) => this.compile(p.query, q));
    let total = 0;
    for (const doc of this.store.candidates(coll, query).docs) if (test(doc)) total++;
    return { data: { total } };
  }

  private aggregateDocuments(p: Params): Reply {
    const coll = collectionName(p);
    if (!Array.isArray(p.stages)) throw new CloudError('INVALID_PARAM', 'stages must be an array');
    const pipeline = p.stages.map((s, i) => {
      const stage = s as { stageKey?: unknown; stageValue?: unknown };
      if (typeof stage?.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
        throw new CloudError('INVALID_PARAM', `stages[${i}].stageKey must be a $stage name`);
      }
      return { [stage.stageKey]: this.parseValue(stage.stageValue, `stages[${i}].stageValue`) };
    });
    const collectionResolver = (name: string) => this.store.candidates(name, {}).docs;
    const agg = new Aggregator(pipeline as never, { collectionResolver } as never);
    // as in MongoDB, a leading $match may use an index: only its candidates enter the pipeline,
    // where the $match itself still runs, so the answer is the same as over the whole collection
    const lead = (pipeline[0] as { $match?: unknown } | undefined)?.$match;
    const source =
      lead && typeof lead === 'object' && !Array.isArray(lead)
        ? this.store.candidates(coll, lead as Record<string, unknown>).docs
        : this.store.candidates(coll, {}).docs;
    const list = (groupFastPath(source as never, pipeline as never) ?? agg.run(source)) as unknown[];
    return { data: { list: list.map(stringifyEJSON) } };
  }

  // ---------------------------------------------------------------- writes

  private insertDocument(p: Params): Reply {
    const coll = collectionName(p);
    if (!Array.isArray(p.data) || p.data.length === 0)
      throw new CloudError('INVALID_PARAM', 'data must be a non-empty array');
    const docs = p.data.map((d, i) => {
      const doc = this.parseObject(d, `data[${i}]`) as Partial<Doc>;
      if (doc._id === undefined) doc._id = newDocId();
      if (typeof doc._id !== 'string' || doc._id === '')
        throw new CloudError('INVALID_PARAM', '_id must be a non-empty string');
      return doc as Doc;
    });
    const tx = this.transactionOf(p);
    const seen = new Set<string>();
    for (const doc of docs) {
      const exists = tx ? this.readInTx(tx, coll, doc._id) !== null : this.store.get(coll, doc._id) !== undefined;
      if (exists || seen.has(doc._id)) {
        // CloudBase answers a taken key with DATABASE_DUPLICATE_WRITE; the message keeps MongoDB's wording
        throw new CloudError(
          'DATABASE_DUPLICATE_WRITE',
          `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`,
        );
      }
      seen.add(doc._id);
    }
    const writes = docs.map((doc) => ({ collection: coll, id: doc._id, doc }));
    if (tx) this.writeInTx(tx, writes);
    else this.store.apply(writes);
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private modifyDocument(p: Params): Reply {
    const { updated, upsertId } = this.modify(p, false);
    return { data: { updated, upsert_id: upsertId ?? null } };
  }

  private modifyAndReturnDoc(p: Params): Reply {
    const { updated, docs } = this.modify({ ...p, multi: false, merge: true, upsert: false }, true);
    return { data: { updated, doc: docs[0] ? stringifyEJSON(docs[0]) : null } };
  }

  private modify(p: Params, wantDocs: boolean): { updated: number; upsertId?: string; docs: Doc[] } {
    const coll = collectionName(p);
    const query = this.parseObject(p.query, 'query');
    const data = this.parseObject(p.data, 'data');
    const multi = p.multi === true;
    const merge = p.merge !== false;
    const upsert = p.upsert === true;
    const isOperatorUpdate = Object.keys(data).some((k) => k.startsWith('$'));
    if (isOperatorUpdate && Object.keys(data).some((k) => !k.startsWith('$'))) {
      throw new CloudError('DATABASE_INVALID_OPERRATOR', 'update mixes operators and plain fields');
    }
    if (
      '_id' in data ||
      (isOperatorUpdate && Object.values(data).some((v) => v && typeof v === 'object' && '_id' in v))
    ) {
      throw new CloudError('INVALID_PARAM', '不能更新_id的值');
    }
    const modifier = merge ? (isOperatorUpdate ? data : { $set: data }) : null;

    /** the document after the update, and whether anything in it changed (mingo reports the fields it modified) */
    const rewrite = (doc: Doc): { next: Doc; changed: boolean } => {
      if (!modifier) {
        const next = { ...structuredClone(data), _id: doc._id } as Doc;
        return { next, changed: stringifyEJSON(next) !== stringifyEJSON(doc) };
      }
      const copy = structuredClone(doc);
      const modified = applyUpdate(copy, modifier as never);
      if (copy._id !== doc._id) throw new CloudError('INVALID_PARAM', '不能更新_id的值');
      return { next: copy, changed: modified.length > 0 };
    };

    const tx = this.transactionOf(p);
    let matched: Doc[];
    if (tx) {
      const id = singleDocId(query);
      const doc = this.readInTx(tx, coll, id);
      matched = doc ? [doc] : [];
    } else {
      const test = queryTest(query, (q) => this.compile(p.query, q));
      matched = [];
      for (const doc of this.store.candidates(coll, query).docs) {
        if (test(doc)) {
          matched.push(doc);
          if (!multi) break;
        }
      }
    }

    const writes: Write[] = [];
    const docs: Doc[] = [];
    for (const doc of matched) {
      const { next, changed } = rewrite(doc);
      docs.push(next);
      if (changed) writes.push({ collection: coll, id: doc._id, doc: next });
    }
    let upsertId: string | undefined;
    if (matched.length === 0 && upsert) {
      const base: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(query))
        if (!k.startsWith('$') && !k.includes('.') && (v === null || typeof v !== 'object' || v instanceof Date))
          base[k] = v;
      const id = typeof base._id === 'string' ? base._id : newDocId();
      const seed = { ...base, _id: id } as Doc;
      const created = modifier ? rewrite(seed).next : ({ ...structuredClone(data), _id: id } as Doc);
      writes.push({ collection: coll, id, doc: created });
      docs.push(created);
      upsertId = id;
    }
    if (tx) this.writeInTx(tx, writes);
    else this.store.apply(writes);
    return { updated: upsertId ? 0 : writes.length, upsertId, docs: wantDocs ? docs : [] };
  }

  private removeDocument(p: Params): Reply {
    const coll = collectionName(p);
    const query = this.parseObject(p.query, 'query');
    const tx = this.transactionOf(p);
    let ids: string[];
    if (tx) {
      const id = singleDocId(query);
      ids = this.readInTx(tx, coll, id) ? [id] : [];
    } else {
      const test = queryTest(query, (q) => this.compile(p.query, q));
      const multi = p.multi !== false;
      ids = [];
      for (const doc of this.store.candidates(coll, query).docs) {
        if (test(doc)) {
          ids.push(doc._id);
          if (!multi) break;
        }
      }
    }
    const writes = ids.map((id) => ({ collection: coll, id, doc: null }));
    if (tx) this.writeInTx(tx, writes);
    else this.store.apply(writes);
    return { data: { deleted: ids.length } };
  }

  // ---------------------------------------------------------------- transactions

  private startTransaction(): Reply {
    const now = this.now();
    for (const [id, tx] of this.transactions) if (now - tx.lastUsed > TRANSACTION_IDLE_MS) this.transactions.delete(id);
    const tx: Transaction = { id: `tx-${newDocId()}`, lastUsed: now, seen: new Map(), writes: new Map() };
    this.transactions.set(tx.id, tx);
    return { transactionId: tx.id };
  }

  private commitTransaction(p: Params): Reply {
    const tx = this.transactionOf(p, true)!;
    this.transactions.delete(tx.id);
    this.assertUnchanged(tx);
    this.store.apply([...tx.writes.values()]);
    return {};
  }

  private abortTransaction(p: Params): Reply {
    const tx = this.transactionOf(p, true)!;
    this.transactions.delete(tx.id);
    return {};
  }

  private transactionOf(p: Params, required = false): Transaction | null {
    if (p.transactionId === undefined || p.transactionId === null || p.transactionId === '') {
      if (required) throw new CloudError('INVALID_PARAM', 'transactionId is required');
      return null;
    }
    const tx = this.transactions.get(String(p.transactionId));
    if (!tx)
      throw new CloudError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${String(p.transactionId)} does not exist (committed, aborted or expired)`,
      );
    tx.lastUsed = this.now();
    return tx;
  }

  /** Records the version a transaction saw; fails fast (and aborts) if it changed since. */
  private touch(tx: Transaction, collection: string, id: string): void {
    const k = key(collection, id);
    const current = this.store.versionOf(collection, id);
    const seen = tx.seen.get(k);
    if (seen === undefined) tx.seen.set(k, current);
    else if (seen !== current) this.conflict(tx);
  }

  private assertUnchanged(tx: Transaction): void {
    for (const [k, version] of tx.seen) {
      const [collection, id] = k.split('\u0000');
      if (this.store.versionOf(collection, id) !== version) this.conflict(tx);
    }
  }

  private conflict(tx: Transaction): never {
    this.transactions.delete(tx.id);
    throw new CloudError(
      'DATABASE_TRANSACTION_CONFLICT',
      'database transaction conflict: a document was changed by another request; retry',
    );
  }

  private readInTx(tx: Transaction, collection: string, id: string): Doc | null {
    this.store.collection(collection);
    this.touch(tx, collection, id);
    const own = tx.writes.get(key(collection, id));
    if (own) return own.doc;
    return this.store.get(collection, id)?.doc ?? null;
  }

  private writeInTx(tx: Transaction, writes: Write[]): void {
    for (const w of writes) {
      this.touch(tx, w.collection, w.id);
      tx.writes.set(key(w.collection, w.id), w);
    }
  }

  // ---------------------------------------------------------------- parsing

  /** The compiled Query for a parsed query, from the cache when its wire text allows (see `compiled`). */
  private compile(text: unknown, query: Record<string, unknown>): Query {
    const cacheable = typeof text === 'string' && text.length <= 4096 && !/\$tcb_server_date|\$where/.test(text);
    if (!cacheable) return new Query(query);
    const hit = this.compiled.get(text);
    if (hit) return hit;
    const q = new Query(query);
    if (this.compiled.size >= 500) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(text, q);
    return q;
  }

  private parseValue(text: unknown, what: string): unknown {
    return substituteServerDate(parseEJSON(text, what), this.now());
  }

  private parseObject(text: unknown, what: string): Record<string, unknown> {
    if (text === undefined || text === null || text === '') return {};
    const value = this.parseValue(text, what);
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new CloudError('INVALID_PARAM', `${what} must be an object`);
    return value as Record<string, unknown>;
  }
}

function collectionName(p: Params): string {
  const name = p.collectionName;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
    throw new CloudError('INVALID_PARAM', 'collectionName must be 1–64 letters, digits, _ or -');
  }
  return name;
}

/** Transactions work on single documents only, as in the cloud. */
function singleDocId(query: Record<string, unknown>): string {
  const keys = Object.keys(query);
  if (keys.length !== 1 || keys[0] !== '_id' || typeof query._id !== 'string') {
    throw new CloudError(
      'DATABASE_REQUEST_FAILED',
      'transactions support single-document operations only: use collection.doc(id)',
    );
  }
  return query._id;
}

function intParam(v: unknown, what: string, fallback: number, min: number): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw new CloudError('INVALID_PARAM', `${what} must be an integer ≥ ${min}`);
  return v;
}

/** The SDK sends `{field: 1|-1}`; older clients send `[{field, direction}]`. */
function sortSpec(order: unknown): Record<string, 1 | -1> {
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
