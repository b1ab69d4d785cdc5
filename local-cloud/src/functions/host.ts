import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CloudError } from '../errors';
import { envReads } from '../../runtime/env-reads';
import { Caller, FunctionConfig, FunctionInfo, HostOptions, Instance, InvocationRecord, ResultMessage } from './types';

export type { Caller, FunctionConfig, FunctionInfo, HostOptions, InvocationRecord, LogLine } from './types';

/** CloudBase's default function timeout when config.json names none. */
export const DEFAULT_TIMEOUT_S = 3;
/** Instances per function by default; invocations beyond wait for one to free up. Two cores gain
 * nothing from more, and each cold start costs ~0.4 s of CPU. */
export const DEFAULT_MAX_INSTANCES = 8;
/** An idle instance is recycled after this long, as the cloud reclaims idle instances. */
const IDLE_MS = 5 * 60_000;
const HISTORY = 500;

/** runtime/instance.js, found from the sources (src/functions) or from the esbuild bundle (.build) */
const RUNTIME = (() => {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    for (const candidate of [
      path.join(dir, 'runtime', 'instance.js'),
      path.join(dir, 'local-cloud', 'runtime', 'instance.js'),
    ]) {
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error('local-cloud/runtime/instance.js not found');
})();

/**
 * Runs function folders (index.js + config.json) in worker-thread instances. Each invocation gets
 * a fresh token (WX_API_TOKEN) that the SDK sends back with every request it makes, so the server
 * can count a function's database round trips and pass the caller on to `callFunction`.
 */
export class FunctionHost {
  private readonly pools = new Map<string, Instance[]>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly byToken = new Map<string, InvocationRecord & { caller: Caller }>();
  readonly history: InvocationRecord[] = [];
  private sweeper: NodeJS.Timeout;

  constructor(private readonly options: HostOptions) {
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  list(): FunctionInfo[] {
    const dir = this.options.functionsDir;
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'index.js')))
      .map((d) => this.info(d.name)!)
      .filter(Boolean)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  info(name: string): FunctionInfo | null {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) return null;
    const dir = path.join(this.options.functionsDir, name);
    const index = path.join(dir, 'index.js');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(index);
    } catch {
      return null;
    }
    let config: FunctionConfig = {};
    const configFile = path.join(dir, 'config.json');
    if (fs.existsSync(configFile)) {
      try {
        config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as FunctionConfig;
      } catch (e) {
        throw new CloudError(
          'FUNCTIONS_REQUEST_FAIL',
          `${name}/config.json is not valid JSON: ${(e as Error).message}`,
        );
      }
    }
    const timeoutS = typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : DEFAULT_TIMEOUT_S;
    return { name, dir, config, timeoutMs: timeoutS * 1000, mtimeMs: stat.mtimeMs };
  }

  /** The invocation a request's wxCloudApiToken belongs to, while it runs. */
  invocationOf(token: unknown): (InvocationRecord & { caller: Caller }) | undefined {
    return typeof token === 'string' ? this.byToken.get(token) : undefined;
  }

  async invoke(
    name: string,
    event: unknown,
    caller: Caller,
    extra: { parentId?: string; trigger?: string; eventBytes?: number } = {},
  ): Promise<{ json: string; record: InvocationRecord }> {
    const fn = this.info(name);
    if (!fn) throw new CloudError('FUNCTION_NOT_FOUND', `FunctionName parameter could not be found: ${name}`);
    const { instance, cold } = await this.acquire(fn);
    const token = crypto.randomBytes(16).toString('hex');
    const record: InvocationRecord & { caller: Caller } = {
      id: crypto.randomUUID(),
      functionName: name,
      source: caller.source,
      openid: caller.openid,
      parentId: extra.parentId,
      trigger: extra.trigger,
      startedAt: Date.now(),
      cold,
      status: 'running',
      dbRequests: 0,
      writeUnits: [],
      requests: 0,
      logs: [],
      eventBytes: extra.eventBytes ?? 0,
      caller,
    };
    this.byToken.set(token, record);
    this.remember(record);
    instance.currentRecord = record;
    const started = process.hrtime.bigint();
    const finish = (status: InvocationRecord['status'], error?: string) => {
      record.status = status;
      record.error = error;
      record.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      this.byToken.delete(token);
      instance.currentRecord = undefined;
      instance.onExit = undefined;
      instance.onResult = undefined;
    };

    const env: Record<string, string> = { TCB_SOURCE: caller.source, WX_API_TOKEN: token };
    const keys = ['WX_API_TOKEN'];
    const put = (k: string, v: string | undefined) => {
      if (v) {
        env[k] = v;
        keys.push(k);
      }
    };
    put('WX_OPENID', caller.openid);
    put('WX_APPID', caller.appid);
    put('WX_UNIONID', caller.unionid);
    put('WX_CLIENTIP', caller.clientIp);
    if (extra.trigger) {
      env.TRIGGER_SRC = 'timer';
      env.WX_TRIGGER_API_TOKEN_V0 = token;
      keys.push('WX_TRIGGER_API_TOKEN_V0');
    }
    env.WX_CONTEXT_KEYS = keys.join(',');
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: fn.timeoutMs,
      request_id: record.id,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.baseEnv().TCB_ENV,
    };

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        finish('timeout', `timed out after ${fn.timeoutMs / 1000} seconds`);
        // the cloud stops a timed-out instance; so do we, and it is not reused
        this.retire(name, instance);
        reject(
          new CloudError(
            'FUNCTIONS_TIME_LIMIT_EXCEEDED',
            `Invoking task timed out after ${fn.timeoutMs / 1000} seconds`,
          ),
        );
        this.release(name);
      }, fn.timeoutMs);
      instance.onResult = (msg) => {
        clearTimeout(timer);
        if (msg.ok) {
          finish('ok');
          resolve({ json: msg.json, record });
        } else {
          const text = msg.error.stack ?? `${msg.error.name}: ${msg.error.message}`;
          record.logs.push({ level: 'error', text, at: Date.now() });
          finish('error', msg.error.message);
          reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', `${msg.error.name}: ${msg.error.message}`));
        }
        instance.busy = false;
        instance.lastUsed = Date.now();
        instance.served++;
        this.release(name);
      };
      instance.onExit = (reason) => {
        clearTimeout(timer);
        finish('error', reason);
        reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', reason));
        this.release(name);
      };
      instance.worker.postMessage({ type: 'invoke', id: record.id, event, context, env });
    });
  }

  private remember(record: InvocationRecord): void {
    this.history.push(record);
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY);
  }

  private async acquire(fn: FunctionInfo): Promise<{ instance: Instance; cold: boolean }> {
    for (;;) {
      const pool = this.pools.get(fn.name) ?? [];
      this.pools.set(fn.name, pool);
      // a rebuilt function (newer index.js) gets fresh instances, like a redeploy
      for (const stale of pool.filter((i) => i.mtimeMs !== fn.mtimeMs && !i.busy)) this.retire(fn.name, stale);
      const idle = this.pools.get(fn.name)!.find((i) => !i.busy && i.mtimeMs === fn.mtimeMs);
      if (idle) {
        idle.busy = true;
        await idle.ready;
        return { instance: idle, cold: false };
      }
      if (this.pools.get(fn.name)!.length < (this.options.maxInstances ?? DEFAULT_MAX_INSTANCES)) {
        const instance = this.spawn(fn);
        instance.busy = true;
        await instance.ready;
        return { instance, cold: true };
      }
      await new Promise<void>((resolve) => {
        const q = this.waiting.get(fn.name) ?? [];
        q.push(resolve);
        this.waiting.set(fn.name, q);
      });
    }
  }

  private release(name: string): void {
    const next = this.waiting.get(name)?.shift();
    if (next) next();
  }

  private spawn(fn: FunctionInfo): Instance {
    // only the configured variables this function's code reads, as the deploy plan derives them
    let reads: string[] = [];
    try {
      reads = envReads(fs.readFileSync(path.join(fn.dir, 'index.js'), 'utf8'));
    } catch {
      // a missing bundle fails to load in the worker, with its own message
    }
    const configured = this.options.functionEnv ?? {};
    const env = {
      ...this.options.baseEnv(),
      ...Object.fromEntries(reads.filter((k) => Object.hasOwn(configured, k)).map((k) => [k, configured[k]])),
      SCF_FUNCTIONNAME: fn.name,
      SCF_FUNCTIONVERSION: '$LATEST',
    };
    const worker = new Worker(RUNTIME, {
      workerData: { functionDir: fn.dir, loopbackOnly: this.options.loopbackOnly !== false },
      env,
      stdout: false,
      stderr: false,
    });
    const instance: Instance = {
      worker,
      busy: false,
      lastUsed: Date.now(),
      mtimeMs: fn.mtimeMs,
      served: 0,
      ready: Promise.resolve(),
    };
    instance.ready = new Promise<void>((resolve, reject) => {
      worker.on(
        'message',
        (msg: {
          type: string;
          id?: string;
          level?: string;
          text?: string;
          error?: { message: string; stack?: string };
        }) => {
          if (msg.type === 'ready') resolve();
          else if (msg.type === 'loadError') {
            const text = msg.error?.stack ?? msg.error?.message ?? 'load failed';
            this.options.log?.(`[${fn.name}] failed to load: ${text}`);
            this.retire(fn.name, instance);
            reject(
              new CloudError('FUNCTIONS_EXECUTE_FAIL', `function ${fn.name} failed to load: ${msg.error?.message}`),
            );
          } else if (msg.type === 'log') {
            const line = { level: msg.level ?? 'log', text: msg.text ?? '', at: Date.now() };
            const record = instance.currentRecord;
            if (record) record.logs.push(line);
            this.options.log?.(`[${fn.name}] ${line.text}`);
          } else if (msg.type === 'result') {
            instance.onResult?.(msg as ResultMessage);
          }
        },
      );
    });
    // a failed load rejects `ready`; whoever awaits it gets the error, nobody else must crash
    instance.ready.catch(() => undefined);
    worker.on('error', (e) => this.options.log?.(`[${fn.name}] instance crashed: ${e.stack ?? e.message}`));
    worker.on('exit', (code) => {
      this.drop(fn.name, instance);
      instance.onExit?.(`function instance exited (code ${code}) before answering`);
    });
    this.pools.get(fn.name)!.push(instance);
    return instance;
  }

  private drop(name: string, instance: Instance): void {
    const pool = this.pools.get(name);
    if (pool) {
      const i = pool.indexOf(instance);
      if (i >= 0) pool.splice(i, 1);
    }
  }

  private retire(name: string, instance: Instance): void {
    instance.onExit = undefined;
    this.drop(name, instance);
    void instance.worker.terminate();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [name, pool] of this.pools) {
      for (const i of [...pool]) if (!i.busy && now - i.lastUsed > IDLE_MS) this.retire(name, i);
    }
  }

  /** Stops a function's idle instances: the next call is a cold start (console button, benchmarks). */
  recycle(name: string): number {
    const idle = (this.pools.get(name) ?? []).filter((i) => !i.busy);
    for (const i of idle) this.retire(name, i);
    return idle.length;
  }

  instanceCounts(): Record<string, { total: number; busy: number }> {
    const out: Record<string, { total: number; busy: number }> = {};
    for (const [name, pool] of this.pools) out[name] = { total: pool.length, busy: pool.filter((i) => i.busy).length };
    return out;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const all = [...this.pools.entries()];
    this.pools.clear();
    await Promise.all(all.flatMap(([, pool]) => pool.map((i) => ((i.onExit = undefined), i.worker.terminate()))));
  }
}
