import { EJSON, BSONRegExp } from 'bson';
import { CloudError } from './errors';

/**
 * The SDK sends query, data, order and projection as canonical EJSON strings. In memory the
 * database keeps plain JS values (Date, number, RegExp) because that is what mingo evaluates.
 */
export function parseEJSON(text: unknown, what: string): unknown {
  if (typeof text !== 'string') {
    throw new CloudError('INVALID_PARAM', `${what} must be an EJSON string`);
  }
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw new CloudError('INVALID_PARAM', `${what} is not valid EJSON: ${(e as Error).message}`);
  }
  return toNative(value);
}

/** BSONRegExp → RegExp, recursively; leaves every other value alone. */
function toNative(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsFlags(value.options));
  if (Array.isArray(value)) return value.map(toNative);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNative(v);
    return out;
  }
  return value;
}

// Mongo's x (extended) and l (locale) flags have no JS equivalent; s and m and i do.
const jsFlags = (options: string) =>
  options
    .split('')
    .filter((f) => 'gimsuy'.includes(f))
    .join('');

export function stringifyEJSON(value: unknown): string {
  return EJSON.stringify(value as never, { relaxed: false });
}

/** `db.serverDate({offset})` arrives as `{$tcb_server_date: {offset}}`; the server's clock replaces it. */
export function substituteServerDate(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => substituteServerDate(v, now));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const obj = value as Record<string, unknown>;
    if ('$tcb_server_date' in obj) {
      const spec = obj.$tcb_server_date as { offset?: unknown } | null;
      const offset = typeof spec?.offset === 'number' ? spec.offset : 0;
      return new Date(now + offset);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = substituteServerDate(v, now);
    return out;
  }
  return value;
}

export function deepClone<T>(value: T): T {
  return structuredClone(value);
}
