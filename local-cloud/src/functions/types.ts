import type { Worker } from 'node:worker_threads';

/** The shapes FunctionHost works with: function folders, callers, invocation records, instances. */
export interface FunctionConfig {
  timeout?: number;
  permissions?: { openapi?: string[] };
  triggers?: { name: string; type: string; config: string }[];
}

export interface FunctionInfo {
  name: string;
  dir: string;
  config: FunctionConfig;
  timeoutMs: number;
  mtimeMs: number;
}

/** Who is calling, as the cloud runtime would tell the function. */
export interface Caller {
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
  /** TCB_SOURCE: wx_client, wx_devtools, scf (another function), timer… */
  source: string;
}

export interface LogLine {
  level: string;
  text: string;
  at: number;
}

export interface InvocationRecord {
  id: string;
  functionName: string;
  source: string;
  openid?: string;
  parentId?: string;
  trigger?: string;
  startedAt: number;
  durationMs?: number;
  cold: boolean;
  status: 'running' | 'ok' | 'error' | 'timeout';
  error?: string;
  dbRequests: number;
  /**
   * The atomic writes the invocation committed, each as the collections it touched: a write
   * outside a transaction is one, a committed transaction is one. Two or more mean a crash between
   * them would have left the first without the rest.
   */
  writeUnits: string[][];
  requests: number;
  logs: LogLine[];
  eventBytes: number;
}

export interface Instance {
  worker: Worker;
  busy: boolean;
  ready: Promise<void>;
  lastUsed: number;
  mtimeMs: number;
  served: number;
  /** settles the invocation in flight when the instance dies */
  onExit?: (reason: string) => void;
  onResult?: (msg: ResultMessage) => void;
  currentRecord?: InvocationRecord;
}

export type ResultMessage =
  | { type: 'result'; id: string; ok: true; json: string }
  | { type: 'result'; id: string; ok: false; error: { name: string; message: string; stack?: string } };

export interface HostOptions {
  functionsDir: string;
  /** environment every instance starts with (SDK endpoint, secrets, env id) */
  baseEnv: () => Record<string, string>;
  /** extra variables for every function, from the project file */
  functionEnv?: Record<string, string>;
  log?: (line: string) => void;
  /** refuse connections outside 127.0.0.1 inside functions (default true: this is an offline cloud) */
  loopbackOnly?: boolean;
  /** instances per function (the cloud's concurrency limit) */
  maxInstances?: number;
}
