/**
 * Every cloud function answers `{ok: true, data}` or `{ok: false, code, message, fields?}`.
 * `unwrap` turns the second into a thrown AppError so pages handle one error path.
 */
export type FieldErrors = Record<string, string>;

export type CloudAnswer<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fields?: unknown };

export class AppError extends Error {
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

/**
 * Accepts `{field: message}` or a list of `{path|field, message}` (zod-style issues), and
 * drops a leading `input.` so keys match the form's field names either way.
 */
export function normalizeFields(raw: unknown): FieldErrors {
  const out: FieldErrors = {};
  const put = (key: unknown, message: unknown) => {
    const k = Array.isArray(key) ? key.join('.') : String(key ?? '');
    if (!k || typeof message !== 'string') return;
    const name = k.replace(/^input\./, '');
    if (!(name in out)) out[name] = message;
  };
  if (Array.isArray(raw)) {
    for (const item of raw) {
      if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        put(o.path ?? o.field ?? o.name, o.message);
      }
    }
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      put(k, Array.isArray(v) ? v[0] : v);
    }
  }
  return out;
}

export function unwrap<T>(answer: CloudAnswer<T> | null | undefined): T {
  if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean') {
    throw new AppError('BAD_ANSWER', '服务返回的结果无法识别，请稍后再试。');
  }
  if (answer.ok) return answer.data;
  throw new AppError(answer.code, answer.message, normalizeFields(answer.fields));
}
