/**
 * The ground floor of the mini-program in Node: problems recorded where they happen and raised by the
 * next action, `guard` around everything the app runs, its timers and console, and waiting until
 * nothing is in flight. MiniProgram (mini-program.ts) is built on it, one concern a file.
 */
import vm from 'node:vm';
import type { Interaction } from './measure';
import { HarnessError, type Problem, type ProblemKind, explain, formatProblems } from './problems';
import type { Realm } from './wx';

export type Fn = (...args: unknown[]) => unknown;
export type Options = Record<string, unknown>;

/**
 * The real process: under jest, `process` is a per-test stand-in whose listeners never hear
 * about unhandled rejections; vm.runInThisContext reaches the process itself.
 */
const hostProcess = vm.runInThisContext('process') as NodeJS.Process;
export type RejectionWatcher = (reason: unknown, promise: Promise<unknown>) => boolean;
/** One process listener for every running mini-program; each claims the promises of its realm. */
const running = new Set<RejectionWatcher>();
/** Promise.prototype of every realm created, so a late rejection in a closed one is not foreign. */
export const realmPromiseProtos = new WeakSet<object>();
const onAnyRejection = (reason: unknown, promise: Promise<unknown>) => {
  const claimed =
    [...running].some((fn) => fn(reason, promise)) || realmPromiseProtos.has(Object.getPrototypeOf(promise) as object);
  // not ours and nobody else listening: keep Node's default (crash) rather than swallow it
  if (!claimed && hostProcess.listenerCount('unhandledRejection') === 1) throw reason;
};
export function watchRejections(fn: RejectionWatcher, on: boolean): void {
  if (on) {
    if (running.size === 0) hostProcess.on('unhandledRejection', onAnyRejection);
    running.add(fn);
  } else if (running.delete(fn) && running.size === 0) hostProcess.off('unhandledRejection', onAnyRejection);
}
/** Timers up to this long are waited for by idle(); longer ones (polls, reminders) are not. */
const SHORT_TIMER_MS = 2000;

interface TimerEntry {
  handle: NodeJS.Timeout;
  delay: number;
  repeat: boolean;
}

export abstract class Runtime {
  /** every wx API called, with how often (modelled or not) */
  readonly apiCalls = new Map<string, number>();
  readonly interactions: Interaction[] = [];
  readonly warnings: string[] = [];
  /** problems already raised by an action (kept for the record) */
  readonly raised: Problem[] = [];
  /** the realm's JSON, Promise and Error: set by MiniProgram once its vm context exists */
  realm!: Realm;
  protected pendingProblems: Problem[] = [];
  protected app: Options | null = null;
  protected readonly timers = new Map<number, TimerEntry>();
  protected pending = 0;
  protected timerSeq = 0;
  protected inOnError = false;
  protected closed = false;
  protected readonly strict: boolean;
  protected readonly printConsole: boolean;

  constructor(options: { strict?: boolean; printConsole?: boolean }) {
    this.strict = options.strict !== false;
    this.printConsole = options.printConsole === true;
  }

  /** the route of the page on top, if any */
  abstract route(): string | undefined;

  /** Problems recorded and not yet raised. */
  get problems(): readonly Problem[] {
    return this.pendingProblems;
  }

  /** Returns and forgets the pending problems (for tests that expect one). */
  takeProblems(): Problem[] {
    const out = this.pendingProblems;
    this.pendingProblems = [];
    this.raised.push(...out);
    return out;
  }

  /**
   * Resolves once nothing is in flight: no wx API call or cloud call pending, no short timer
   * scheduled, several event-loop turns in a row.
   */
  async idle(timeout = 10000): Promise<void> {
    const end = Date.now() + timeout;
    let quiet = 0;
    while (quiet < 3) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.busy()) {
        quiet = 0;
        await new Promise<void>((resolve) => setTimeout(resolve, 1));
      } else quiet++;
      if (Date.now() > end)
        throw new HarnessError(
          `weapp harness: still busy after ${timeout} ms (${this.pending} API calls, ${this.timers.size} timers pending)`,
        );
    }
  }

  /** Raises the recorded problems, if any, as one HarnessError naming each. */
  check(): void {
    if (this.pendingProblems.length === 0) return;
    const problems = this.takeProblems();
    throw new HarnessError(`weapp run failed:\n${formatProblems(problems)}`, problems);
  }

  problem(kind: ProblemKind, message: string): void {
    this.pendingProblems.push({ kind, message, route: this.route() });
  }

  warn(message: string): void {
    this.warnings.push(`${this.route() ?? 'app'}: ${message}`);
  }

  observe(api: string): void {
    this.apiCalls.set(api, (this.apiCalls.get(api) ?? 0) + 1);
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    const done = () => {
      this.pending--;
    };
    work.then(done, done);
    return work;
  }

  guard(where: string, fn: () => unknown): unknown {
    // after close() nothing of the app runs any more (late API answers are dropped)
    if (this.closed) return undefined;
    try {
      return fn();
    } catch (err) {
      this.report(err, where);
      return undefined;
    }
  }

  protected begin(labelText: string, route: string): void {
    if (this.closed) throw new HarnessError(`weapp harness: ${labelText}: the mini-program was closed`);
    this.interactions.push({ label: labelText, route, calls: [] });
  }

  protected busy(): boolean {
    if (this.pending > 0) return true;
    for (const t of this.timers.values()) if (!t.repeat && t.delay <= SHORT_TIMER_MS) return true;
    return false;
  }

  /** Runs `fn` on a later turn as WeChat's framework would (render callbacks, onReady). */
  protected later(where: string, fn: () => unknown): void {
    this.pending++;
    setTimeout(() => {
      this.pending--;
      if (!this.closed) this.guard(where, fn);
    }, 0);
  }

  protected startTimer(fn: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
    if (typeof fn !== 'function') {
      this.problem(
        'misuse',
        `set${repeat ? 'Interval' : 'Timeout'} with a string: a mini-program cannot evaluate code`,
      );
      return 0;
    }
    const id = ++this.timerSeq;
    const delay = Math.max(0, Number(ms) || 0);
    const run = () => {
      if (!repeat) this.timers.delete(id);
      if (!this.closed) this.guard(repeat ? 'setInterval callback' : 'setTimeout callback', () => (fn as Fn)(...args));
    };
    this.timers.set(id, { handle: repeat ? setInterval(run, delay) : setTimeout(run, delay), delay, repeat });
    return id;
  }

  protected clearTimer(id: unknown): void {
    const t = this.timers.get(Number(id));
    if (!t) return;
    clearTimeout(t.handle);
    this.timers.delete(Number(id));
  }

  protected report(err: unknown, where: string): void {
    if ((err as { harnessReported?: boolean } | null)?.harnessReported) return;
    const p = explain(err, where);
    this.problem(p.kind, p.message);
    // WeChat hands uncaught script errors to App.onError
    const onError = this.app?.onError;
    if (typeof onError === 'function' && !this.inOnError) {
      this.inOnError = true;
      try {
        onError.call(this.app, String((err as Error)?.stack ?? err));
      } catch {
        // an onError that throws is reported by WeChat only to the console
      } finally {
        this.inOnError = false;
      }
    }
  }

  protected makeConsole(): Options {
    const text = (args: unknown[]) =>
      args
        .map((a) =>
          typeof a === 'string'
            ? a
            : a instanceof Error || (a as Error)?.stack
              ? String((a as Error).stack)
              : safeJson(a),
        )
        .join(' ');
    const log = (...args: unknown[]) => {
      if (this.printConsole) console.log('[weapp]', text(args));
    };
    return {
      log,
      info: log,
      debug: log,
      trace: log,
      dir: log,
      table: log,
      group: log,
      groupCollapsed: log,
      groupEnd: () => undefined,
      time: () => undefined,
      timeEnd: () => undefined,
      warn: (...args: unknown[]) => this.warn(`console.warn: ${text(args)}`),
      error: (...args: unknown[]) => this.problem('console-error', `console.error: ${text(args)}`),
      assert: (ok: unknown, ...args: unknown[]) => {
        if (!ok) this.problem('console-error', `console.assert failed: ${text(args)}`);
      },
    };
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
