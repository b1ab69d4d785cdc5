import { Cron } from 'croner';
import { FunctionHost } from './functions/host';

export interface TriggerInfo {
  functionName: string;
  name: string;
  cron: string;
  nextRun: string | null;
  lastRun?: { at: string; status: string; error?: string };
  error?: string;
}

/**
 * Timer triggers from each function's config.json: seven-field cron (second minute hour day month
 * weekday year), evaluated in Beijing time as CloudBase does. One trigger per function.
 */
export class TriggerScheduler {
  private jobs = new Map<string, { cron: Cron | null; info: TriggerInfo }>();
  private poll: NodeJS.Timeout | null = null;
  private signature = '';

  constructor(
    private readonly functions: FunctionHost,
    private readonly log?: (line: string) => void,
  ) {}

  start(): void {
    this.refresh(true);
    // functions are rebuilt while the server runs; pick up changed triggers
    this.poll = setInterval(() => this.refresh(true), 5000);
    this.poll.unref();
  }

  stop(): void {
    if (this.poll) clearInterval(this.poll);
    for (const { cron } of this.jobs.values()) cron?.stop();
    this.jobs.clear();
  }

  /** Reads triggers from config.json files; schedules them only when `schedule` is set. */
  refresh(schedule: boolean): void {
    const fns = this.functions.list();
    const signature = JSON.stringify(fns.map((f) => [f.name, f.config.triggers ?? []]));
    if (signature === this.signature && this.jobs.size > 0) return;
    this.signature = signature;
    for (const { cron } of this.jobs.values()) cron?.stop();
    const previous = this.jobs;
    this.jobs = new Map();
    for (const fn of fns) {
      const timers = (fn.config.triggers ?? []).filter((t) => t.type === 'timer');
      if (timers.length === 0) continue;
      const t = timers[0];
      const info: TriggerInfo = {
        functionName: fn.name,
        name: t.name,
        cron: t.config,
        nextRun: null,
        lastRun: previous.get(fn.name)?.info.lastRun,
      };
      if (timers.length > 1) info.error = 'CloudBase allows one timer trigger per function; only the first is used';
      let cron: Cron | null = null;
      try {
        if (t.config.trim().split(/\s+/).length !== 7)
          throw new Error('cron must have seven fields: second minute hour day month weekday year');
        cron = new Cron(t.config, { timezone: 'Asia/Shanghai', paused: !schedule, protect: true }, () => {
          void this.fire(fn.name);
        });
        info.nextRun = cron.nextRun()?.toISOString() ?? null;
      } catch (e) {
        info.error = `invalid cron "${t.config}": ${(e as Error).message}`;
        this.log?.(`[trigger ${fn.name}] ${info.error}`);
      }
      this.jobs.set(fn.name, { cron, info });
    }
  }

  list(): TriggerInfo[] {
    if (this.jobs.size === 0) this.refresh(false);
    return [...this.jobs.values()].map(({ cron, info }) => ({
      ...info,
      nextRun: cron?.nextRun()?.toISOString() ?? null,
    }));
  }

  /**
   * Runs a function's trigger now, with the event a timer would send. `time` sets the event's Time
   * (tests replay a month of timer runs without waiting for it).
   */
  async fire(
    functionName: string,
    options: { time?: Date } = {},
  ): Promise<{ ok: boolean; result?: unknown; error?: string }> {
    if (this.jobs.size === 0) this.refresh(false);
    const job = this.jobs.get(functionName);
    if (!job) return { ok: false, error: `function ${functionName} has no timer trigger` };
    const event = {
      Type: 'Timer',
      TriggerName: job.info.name,
      Time: (options.time ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
      Message: '',
    };
    const at = new Date().toISOString();
    try {
      const { json } = await this.functions.invoke(
        functionName,
        event,
        { source: 'wx_trigger' },
        { trigger: job.info.name },
      );
      job.info.lastRun = { at, status: 'ok' };
      return { ok: true, result: JSON.parse(json) };
    } catch (e) {
      job.info.lastRun = { at, status: 'error', error: (e as Error).message };
      this.log?.(`[trigger ${functionName}] ${(e as Error).message}`);
      return { ok: false, error: (e as Error).message };
    }
  }
}
