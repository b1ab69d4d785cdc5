import { Aggregator, Query } from 'mingo';

/**
 * A faster route for the commonest report pipeline, `[$match?] $group …`, where the group key is
 * a field path (or an object of them, or a constant) and every accumulator is `$sum` of a number
 * or a field path, or `$first` of a field path. mingo evaluates each accumulator through its full
 * expression machinery (several µs per document and field), which makes a 100,000-row report take
 * seconds where MongoDB takes tens of milliseconds; here the match still runs through mingo and
 * the grouping is a plain loop with MongoDB's semantics: `$sum` adds numbers and ignores anything
 * else, a missing key or `$first` value is null, groups keep first-seen order. Anything else
 * (arrays on a path, other operators) answers null and the caller runs mingo as before.
 */

type Doc = Record<string, unknown>;
const UNSUPPORTED = Symbol('unsupported');

function pathOf(expr: unknown): string[] | null {
  return typeof expr === 'string' && expr.startsWith('$') && !expr.startsWith('$$') && expr.length > 1
    ? expr.slice(1).split('.')
    : null;
}

function valueAt(doc: Doc, path: string[]): unknown {
  let v: unknown = doc;
  for (const p of path) {
    if (Array.isArray(v)) return UNSUPPORTED;
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Doc)[p];
  }
  return Array.isArray(v) ? UNSUPPORTED : v;
}

const keyPart = (v: unknown): string =>
  v === undefined || v === null
    ? 'null'
    : v instanceof Date
      ? `d:${v.getTime()}`
      : typeof v === 'object'
        ? UNSUPPORTED_KEY
        : `${typeof v}:${String(v)}`;
const UNSUPPORTED_KEY = '\u0000unsupported';

type Acc =
  | { field: string; kind: 'count'; n: number }
  | { field: string; kind: 'sum'; path: string[] }
  | { field: string; kind: 'first'; path: string[] };

function plan(group: Doc): {
  id:
    | { kind: 'const'; value: unknown }
    | { kind: 'path'; path: string[] }
    | { kind: 'object'; parts: [string, string[]][] };
  accs: Acc[];
} | null {
  const rawId = group._id;
  let id: NonNullable<ReturnType<typeof plan>>['id'];
  const idPath = pathOf(rawId);
  if (idPath) id = { kind: 'path', path: idPath };
  else if (rawId !== null && typeof rawId === 'object' && !(rawId instanceof Date)) {
    const parts: [string, string[]][] = [];
    for (const [k, e] of Object.entries(rawId as Doc)) {
      const p = pathOf(e);
      if (!p || k.startsWith('$')) return null;
      parts.push([k, p]);
    }
    id = { kind: 'object', parts };
  } else if (typeof rawId === 'string' && rawId.startsWith('$')) return null;
  else id = { kind: 'const', value: rawId ?? null };
  const accs: Acc[] = [];
  for (const [field, spec] of Object.entries(group)) {
    if (field === '_id') continue;
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) return null;
    const ops = Object.entries(spec as Doc);
    if (ops.length !== 1) return null;
    const [op, arg] = ops[0];
    const path = pathOf(arg);
    if (op === '$sum' && typeof arg === 'number') accs.push({ field, kind: 'count', n: arg });
    else if (op === '$sum' && path) accs.push({ field, kind: 'sum', path });
    else if (op === '$first' && path) accs.push({ field, kind: 'first', path });
    else return null;
  }
  return { id, accs };
}

type Prim = string | number | boolean | Date | null;
const isPrim = (v: unknown): v is Prim =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date;
const same = (a: unknown, b: Prim) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
const ORDER = {
  $gt: (c: number) => c > 0,
  $gte: (c: number) => c >= 0,
  $lt: (c: number) => c < 0,
  $lte: (c: number) => c <= 0,
} as const;

/**
 * A $match of plain conditions (equality, $in, $ne, $gt/$gte/$lt/$lte, $exists on primitive values)
 * as a predicate answering true, false, or undefined when a document needs mingo's full semantics
 * (an array on the path, values of different types); null when the match is not plain at all.
 */
function compileMatch(match: Doc): ((doc: Doc) => boolean | undefined) | null {
  const tests: ((doc: Doc) => boolean | undefined)[] = [];
  for (const [field, cond] of Object.entries(match)) {
    if (field.startsWith('$')) return null;
    const path = field.split('.');
    const ops: [string, unknown][] =
      cond !== null &&
      typeof cond === 'object' &&
      !(cond instanceof Date) &&
      !Array.isArray(cond) &&
      Object.keys(cond).every((k) => k.startsWith('$'))
        ? Object.entries(cond as Doc)
        : [['$eq', cond]];
    if (ops.length === 0) return null;
    for (const [op, arg] of ops) {
      if (op === '$eq' || op === '$ne') {
        if (!isPrim(arg)) return null;
        const eq = (v: unknown) => (arg === null ? v === null || v === undefined : same(v, arg));
        tests.push((doc) => {
          const v = valueAt(doc, path);
          if (v === UNSUPPORTED || (v !== null && typeof v === 'object' && !(v instanceof Date))) return undefined;
          return op === '$eq' ? eq(v) : !eq(v);
        });
      } else if (op === '$in') {
        if (!Array.isArray(arg) || !arg.every((a) => isPrim(a) && a !== null)) return null;
        const set = new Set(arg.map((a) => (a instanceof Date ? `d:${a.getTime()}` : `${typeof a}:${String(a)}`)));
        tests.push((doc) => {
          const v = valueAt(doc, path);
          if (v === UNSUPPORTED || (v !== null && typeof v === 'object' && !(v instanceof Date))) return undefined;
          return (
            v !== undefined &&
            v !== null &&
            set.has(v instanceof Date ? `d:${v.getTime()}` : `${typeof v}:${String(v)}`)
          );
        });
      } else if (op === '$exists') {
        if (typeof arg !== 'boolean') return null;
        tests.push((doc) => {
          const v = valueAt(doc, path);
          return v === UNSUPPORTED ? undefined : (v !== undefined) === arg;
        });
      } else if (op in ORDER) {
        if (!(typeof arg === 'string' || typeof arg === 'number' || arg instanceof Date)) return null;
        const cmp = ORDER[op as keyof typeof ORDER];
        tests.push((doc) => {
          const v = valueAt(doc, path);
          if (v === undefined || v === null) return false;
          if (arg instanceof Date) return v instanceof Date ? cmp(v.getTime() - arg.getTime()) : undefined;
          if (typeof v !== typeof arg) return undefined;
          return cmp(v < arg ? -1 : v > arg ? 1 : 0);
        });
      } else return null;
    }
  }
  return (doc) => {
    let unsure = false;
    for (const t of tests) {
      const r = t(doc);
      if (r === false) return false;
      if (r === undefined) unsure = true;
    }
    return unsure ? undefined : true;
  };
}

/** The pipeline's answer, or null when it is not of the supported shape (run mingo then). */
export function groupFastPath(docs: Doc[], pipeline: Doc[]): unknown[] | null {
  const at = pipeline[0] && '$match' in pipeline[0] ? 1 : 0;
  const group = pipeline[at]?.$group as Doc | undefined;
  if (!group || Object.keys(pipeline[at]).length !== 1 || (at === 1 && Object.keys(pipeline[0]).length !== 1))
    return null;
  const p = plan(group);
  if (!p) return null;
  const matchDoc = at === 1 ? (pipeline[0].$match as Doc) : null;
  const query = matchDoc ? new Query(matchDoc) : null;
  const quick = matchDoc ? compileMatch(matchDoc) : null;
  const match = query ? { test: (doc: Doc) => quick?.(doc) ?? query.test(doc) } : null;
  const groups = new Map<string, Doc>();
  for (const doc of docs) {
    if (match && !match.test(doc)) continue;
    let key: string;
    let idValue: unknown;
    if (p.id.kind === 'const') {
      key = 'const';
      idValue = p.id.value;
    } else if (p.id.kind === 'path') {
      const v = valueAt(doc, p.id.path);
      if (v === UNSUPPORTED) return null;
      key = keyPart(v);
      idValue = v ?? null;
    } else {
      const o: Doc = {};
      const parts: string[] = [];
      for (const [k, path] of p.id.parts) {
        const v = valueAt(doc, path);
        if (v === UNSUPPORTED) return null;
        // a missing part is left out of the key object and groups apart from null, as in MongoDB
        if (v !== undefined) o[k] = v;
        parts.push(`${k}=${v === undefined ? 'missing' : keyPart(v)}`);
      }
      key = parts.join('\u0001');
      idValue = o;
    }
    if (key.includes(UNSUPPORTED_KEY)) return null;
    let g = groups.get(key);
    if (!g) {
      g = { _id: idValue };
      for (const a of p.accs) {
        if (a.kind === 'first') {
          const v = valueAt(doc, a.path);
          if (v === UNSUPPORTED) return null;
          g[a.field] = v ?? null;
        } else g[a.field] = 0;
      }
      groups.set(key, g);
    }
    for (const a of p.accs) {
      if (a.kind === 'count') g[a.field] = (g[a.field] as number) + a.n;
      else if (a.kind === 'sum') {
        const v = valueAt(doc, a.path);
        if (v === UNSUPPORTED) return null;
        if (typeof v === 'number') g[a.field] = (g[a.field] as number) + v;
      }
    }
  }
  const grouped = [...groups.values()];
  const rest = pipeline.slice(at + 1);
  return rest.length ? (new Aggregator(rest as never).run(grouped) as unknown[]) : grouped;
}
