import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DatabaseService } from './db/database';
import { IndexSpec, Store } from './db/store';
import { DatabaseFault, DatabaseFaults } from './faults';
import { FunctionHost } from './functions/host';
import { Router, listen, send } from './http';
import { SubscribeMessages, TemplateSpec } from './openapi';
import { adminRouter } from './routers/admin';
import { consoleRouter } from './routers/console';
import { gatewayRouter } from './routers/gateway';
import { storageRouter } from './routers/storage';
import { StorageService } from './storage';
import { TriggerScheduler } from './triggers';

export type { DatabaseFault } from './faults';
export { LIMITS } from './http';

/** The project file (default `cloudbase.json`): what a real environment is configured with. */
export interface ProjectConfig {
  envId?: string;
  collections?: Record<string, { indexes?: IndexSpec[] }>;
  subscribeTemplates?: Record<string, TemplateSpec>;
  /** environment variables every function gets (set per function in the cloud console); values
   * that are not strings are passed JSON-encoded, as one would paste them into the console */
  functionEnv?: Record<string, unknown>;
}

export interface CloudBaseOptions {
  port?: number;
  host?: string;
  /** data folder; null = in memory */
  dataDir?: string | null;
  functionsDir?: string;
  project?: ProjectConfig;
  /** print function logs to this sink */
  log?: (line: string) => void;
  /** schedule timer triggers (tests fire them by hand instead) */
  triggers?: boolean;
  /** instances per function (default 8) */
  maxInstances?: number;
}

export interface CloudBase {
  url: string;
  port: number;
  envId: string;
  /** environment that points an unmodified wx-server-sdk at this server */
  sdkEnv: Record<string, string>;
  store: Store;
  host: FunctionHost;
  messages: SubscribeMessages;
  storage: StorageService;
  triggers: TriggerScheduler;
  faults: { delayDatabase(fault: DatabaseFault): void; clear(): void };
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The composition root: builds the services and mounts one router per wire API, as the Firebase emulators do. */
export async function startCloudBase(options: CloudBaseOptions = {}): Promise<CloudBase> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`local CloudBase listens on loopback only, not ${host}`);
  const project = options.project ?? {};
  const envId = project.envId ?? 'local-env';
  const dataDir = options.dataDir === undefined ? path.resolve('.cloudbase') : options.dataDir;
  const functionsDir = path.resolve(options.functionsDir ?? 'cloudfunctions');
  const indexes: Record<string, IndexSpec[]> = {};
  for (const [name, c] of Object.entries(project.collections ?? {})) indexes[name] = c.indexes ?? [];

  const store = new Store({ file: dataDir ? path.join(dataDir, 'database.sqlite') : undefined, indexes });
  for (const name of Object.keys(project.collections ?? {}))
    if (!store.hasCollection(name)) store.createCollection(name);
  const database = new DatabaseService(store);
  const messages = new SubscribeMessages(store.db, project.subscribeTemplates ?? {});
  let baseUrl = '';
  const storage = new StorageService(dataDir ? path.join(dataDir, 'storage') : null, envId, () => baseUrl);
  const sdkEnv = (): Record<string, string> => ({
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}/admin` }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    // cloud functions run in UTC
    TZ: 'UTC',
    PATH: process.env.PATH ?? '',
  });
  const functionEnv = Object.fromEntries(
    Object.entries(project.functionEnv ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const functions = new FunctionHost({
    functionsDir,
    baseEnv: sdkEnv,
    functionEnv,
    log: options.log,
    maxInstances: options.maxInstances,
  });
  const triggers = new TriggerScheduler(functions, options.log);
  const faults = new DatabaseFaults();

  const routers: Router[] = [
    adminRouter({ envId, database, storage, functions, messages, faults }),
    gatewayRouter({ functions, storage, messages }),
    storageRouter(storage),
    consoleRouter({
      envId,
      url: () => baseUrl,
      dataDir,
      functionsDir,
      store,
      functions,
      messages,
      storage,
      triggers,
      faults,
    }),
  ];
  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const router = routers.find((r) => r.match(req, url));
    if (router) return router.handle(req, res, url);
    send(res, 404, { code: 'NOT_FOUND', message: `no route ${req.method} ${url.pathname}` });
  }
  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      options.log?.(`request failed: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, { code: 'SYS_ERR', message: 'internal error' });
    });
  });

  const port = await listen(server, host, options.port ?? 9000);
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (options.triggers !== false) triggers.start();

  return {
    url: baseUrl,
    port,
    envId,
    sdkEnv: sdkEnv(),
    store,
    host: functions,
    messages,
    storage,
    triggers,
    faults: { delayDatabase: (f: DatabaseFault) => faults.delay(f), clear: faults.clear },
    async stop() {
      triggers.stop();
      await functions.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}

export function loadProject(file: string): ProjectConfig {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ProjectConfig;
}
