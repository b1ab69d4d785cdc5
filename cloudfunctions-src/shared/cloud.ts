import cloudSdk from 'wx-server-sdk';
import type { CollectionName } from './db/collections';
import type { DocumentOf } from './db/documents';

/**
 * The SDK, initialised once per instance for the environment the function runs in. Its own typings
 * get `init({env: DYNAMIC_CURRENT_ENV})` and call results wrong, so the parts we use are typed here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const sdk = cloudSdk as any;
sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });

/** A query over one collection: reads answer its document type (shared/db/documents.ts). */
export interface Query<T = Record<string, unknown>> {
  where(q: object): Query<T>;
  orderBy(field: string, dir: 'asc' | 'desc'): Query<T>;
  limit(n: number): Query<T>;
  skip(n: number): Query<T>;
  /** a projection: the answer still has the collection's type, with only the fields asked for filled */
  field(f: object): Query<T>;
  get(): Promise<{ data: T[] }>;
  count(): Promise<{ total: number }>;
  update(o: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}
export interface DocRef<T = Record<string, unknown>> {
  /** rejects when there is no such document */
  get(): Promise<{ data: T }>;
  set(o: { data: object }): Promise<unknown>;
  update(o: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<unknown>;
}
export interface Aggregate {
  match(q: object): Aggregate;
  group(g: object): Aggregate;
  sort(s: object): Aggregate;
  project(p: object): Aggregate;
  limit(n: number): Aggregate;
  unwind(path: string | object): Aggregate;
  lookup(
    l:
      | { from: CollectionName; localField: string; foreignField: string; as: string }
      | { from: CollectionName; pipeline: unknown; as: string; let?: object },
  ): Aggregate;
  /** R: the shape the pipeline's last stage answers (the caller's pipeline decides it) */
  end<R = Record<string, unknown>>(): Promise<{ list: R[] }>;
}
export interface Collection<T = Record<string, unknown>> extends Query<T> {
  doc(id: string): DocRef<T>;
  add(o: { data: object }): Promise<{ _id: string }>;
  aggregate(): Aggregate;
}
export interface Transaction {
  collection<N extends CollectionName>(
    name: N,
  ): { doc(id: string): DocRef<DocumentOf<N>>; add(o: { data: object }): Promise<{ _id: string }> };
  rollback(reason?: unknown): Promise<void>;
}
/** db.command: operators are built by the SDK; their exact shapes are its business. */
type Command = Record<string, (...args: unknown[]) => unknown> & {
  aggregate: Record<string, (...args: unknown[]) => unknown>;
};
/** The database, typed by collection: `db.collection(COLL.cases)` reads CaseDoc-shaped documents. */
export interface Database {
  collection<N extends CollectionName>(name: N): Collection<DocumentOf<N>>;
  command: Command;
  serverDate(o?: { offset?: number }): unknown;
  runTransaction<T>(fn: (t: Transaction) => Promise<T>, retries?: number): Promise<T>;
}

/** The SDK's storage answers, as the functions use them. */
export interface TempFileList {
  fileList: { fileID: string; tempFileURL?: string; status?: number }[];
}
export const cloud = sdk as {
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; ENV?: string; SOURCE?: string };
  getTempFileURL(o: { fileList: { fileID: string; maxAge: number }[] }): Promise<TempFileList>;
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
};
export const db: Database = sdk.database();

/**
 * runTransaction retries a conflict three times; a hot document (a daily counter at the morning
 * rush) needs more patience. This keeps retrying with jittered backoff, then gives up with CONFLICT.
 */
export async function transaction<T>(fn: (t: Transaction) => Promise<T>, attempts = 12): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.runTransaction(fn, 3);
    } catch (e) {
      const conflict = /conflict/i.test(
        String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e),
      );
      if (!conflict || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * i));
    }
  }
}
