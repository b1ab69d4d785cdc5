/**
 * How the core answers. A rule decision is a value: allowed with the result, or refused with a
 * stable code (for programs) and a Chinese sentence (for people), never an exception. Calculators
 * that cannot produce a number at all (a year missing from the calendar) throw CoreError instead, and
 * the decision functions that call them turn it back into a refusal with the same code.
 */
export interface Refusal<C extends string = string> {
  ok: false;
  code: C;
  message: string;
  details?: Record<string, unknown>;
}

export interface Allowed<T> {
  ok: true;
  value: T;
}

export type Decision<T, C extends string = string> = Allowed<T> | Refusal<C>;

export function allow<T>(value: T): Allowed<T> {
  return { ok: true, value };
}

export function refuse<C extends string>(code: C, message: string, details?: Record<string, unknown>): Refusal<C> {
  return details ? { ok: false, code, message, details } : { ok: false, code, message };
}

/** Thrown by calculators when an answer cannot be computed; carries the same code/message pair. */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoreError';
  }

  toRefusal(): Refusal {
    return refuse(this.code, this.message, this.details);
  }
}

/** Runs a decision, turning a CoreError from a calculator into a refusal; other errors are bugs. */
export function guarded<T>(fn: () => Decision<T>): Decision<T> {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CoreError) return e.toRefusal();
    throw e;
  }
}

/** A text field counts as filled only when it has something besides whitespace. */
export function filled(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim().length > 0;
}
