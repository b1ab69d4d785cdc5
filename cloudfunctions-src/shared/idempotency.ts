import crypto from 'node:crypto';

/** JSON with object keys sorted at every depth, so the same body always reads the same. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A digest of a request body without its idempotency key. An idempotency key only means "the same
 * request again" when the body is the same too: a key that comes back with another body (a stale
 * draft, a client bug) must be refused, never answered with the first request's result.
 */
export function requestFingerprint(body: Record<string, unknown>, key = 'requestId'): string {
  const rest = { ...body };
  delete rest[key];
  return crypto.createHash('sha256').update(canonical(rest)).digest('hex');
}
