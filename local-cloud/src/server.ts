import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { CloudError } from './errors';
import { DatabaseService } from './db/database';
import { IndexSpec, Store } from './db/store';
import { FunctionHost, Caller } from './functions/host';
import { parseMultipart } from './multipart';
import { SubscribeMessages, TemplateSpec, WxError } from './openapi';
import { StorageService, checkPath } from './storage';
import { TriggerScheduler } from './triggers';
import { consoleHtml } from './console-page';

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

/**
 * A database fault (fault injection, as LocalStack offers): the next `times` database requests that
 * match wait `delayMs` before they are served — a slow or stalled database, e.g. to make a function
 * time out in the middle of a transaction.
 */
export interface DatabaseFault {
  /** wire action, e.g. database.insertDocument (any database action when omitted) */
  action?: string;
  collection?: string;
  /** only requests inside a transaction (true) or outside one (false) */
  inTransaction?: boolean;
  delayMs: number;
  /** then fail the request (DATABASE_REQUEST_FAILED) instead of serving it: a lost request */
  fail?: boolean;
  times?: number;
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
/** Request caps: the SDK wire (5 MB), a mini-program callFunction payload (100 KB), uploads (20 MB). */
export const LIMITS = { admin: 5 * 1024 * 1024, clientCall: 100 * 1024, upload: 20 * 1024 * 1024 };

/** SDK errCodes for the wire codes a mini-program client sees through the gateway. */
const CLIENT_ERR_CODES: Record<string, number> = {
  FUNCTIONS_EXECUTE_FAIL: -504002,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: -504003,
  FUNCTION_NOT_FOUND: -501000,
  INVALID_PARAM: -501007,
};

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
  const dbFaults: (DatabaseFault & { times: number })[] = [];
  const delayDatabase = (f: DatabaseFault) => {
    if (!(Number.isFinite(f.delayMs) && f.delayMs >= 0 && f.delayMs <= 600_000))
      throw new CloudError('INVALID_PARAM', 'delayMs must be 0–600000');
    dbFaults.push({ ...f, times: Math.max(1, Math.floor(f.times ?? 1)) });
  };
  /** the fault a database request meets, spending one use of the first that matches */
  const dbFault = (action: string, params: Record<string, unknown>): { delayMs: number; fail: boolean } | null => {
    const inTx = params.transactionId !== undefined && params.transactionId !== null && params.transactionId !== '';
    const i = dbFaults.findIndex(
      (f) =>
        (!f.action || f.action === action) &&
        (!f.collection || f.collection === params.collectionName) &&
        (f.inTransaction === undefined || f.inTransaction === inTx),
    );
    if (i < 0) return null;
    const f = dbFaults[i];
    if (--f.times <= 0) dbFaults.splice(i, 1);
    return { delayMs: f.delayMs, fail: f.fail === true };
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      options.log?.(`request failed: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, { code: 'SYS_ERR', message: 'internal error' });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const route = `${req.method} ${url.pathname}`;
    if (url.pathname.startsWith('/gateway/')) {
      cors(req, res);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    }
    if (route === 'POST /admin') return admin(req, res);
    if (url.pathname.startsWith('/storage/')) return storageHttp(req, res, url);
    if (url.pathname.startsWith('/gateway/')) return gateway(req, res, url);
    if (url.pathname === '/' || url.pathname === '/console') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(consoleHtml);
    }
    if (url.pathname.startsWith('/_/api/')) return consoleApi(req, res, url);
    send(res, 404, { code: 'NOT_FOUND', message: `no route ${route}` });
  }

  // ------------------------------------------------------------------ the SDK wire: POST /admin
  async function admin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = crypto.randomBytes(8).toString('hex');
    const reply = (body: Record<string, unknown>) => send(res, 200, { ...body, requestId });
    const fail = (e: unknown) => {
      const err = e instanceof CloudError ? e : new CloudError('SYS_ERR', (e as Error)?.message ?? String(e));
      reply({ code: err.code, message: err.message });
    };
    let body: Buffer;
    try {
      body = await readBody(req, LIMITS.admin);
    } catch (e) {
      return fail(e);
    }
    let params: Record<string, unknown>;
    let binary: Map<string, Buffer> | null = null;
    try {
      if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        binary = parseMultipart(body, req.headers['content-type']);
        params = {};
        for (const [k, v] of binary) if (k !== 'requestData') params[k] = v.toString('utf8');
      } else {
        params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        if (!params || typeof params !== 'object' || Array.isArray(params))
          throw new Error('body must be a JSON object');
      }
    } catch (e) {
      return fail(new CloudError('INVALID_PARAM', `malformed request body: ${(e as Error).message}`));
    }
    const action = String(params.action ?? '');
    const invocation = functions.invocationOf(params.wxCloudApiToken);
    if (invocation) {
      invocation.requests++;
      if (action.startsWith('database.')) invocation.dbRequests++;
    }
    try {
      const envName = params.envName;
      if (typeof envName === 'string' && envName !== '' && envName !== envId) {
        throw new CloudError('INVALID_ENV', `environment ${envName} does not exist here (local environment: ${envId})`);
      }
      if (action.startsWith('database.')) {
        const fault = dbFault(action, params);
        if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault?.fail)
          throw new CloudError(
            'DATABASE_REQUEST_FAILED',
            `injected fault: ${action} on ${String(params.collectionName ?? '')} failed`,
          );
        const committing =
          action === 'database.commitTransaction' ? database.transactionCollections(params.transactionId) : [];
        const answer = database.handle(action, params);
        if (invocation) recordWrite(invocation, action, params, answer, committing);
        return reply(answer);
      }
      if (action.startsWith('storage.')) return reply(storage.handle(action, params));
      if (action === 'functions.invokeFunction') {
        const name = String(params.function_name ?? '');
        const text = typeof params.request_data === 'string' ? params.request_data : '';
        let event: unknown = {};
        if (text) {
          try {
            event = JSON.parse(text);
          } catch {
            throw new CloudError('INVALID_PARAM', 'request_data must be a JSON string');
          }
        }
        // a function called by another keeps the original caller, as in the cloud
        const caller: Caller = invocation
          ? { ...invocation.caller, source: `${invocation.caller.source},scf` }
          : { source: 'scf' };
        const { json } = await functions.invoke(name, event, caller, {
          parentId: invocation?.id,
          eventBytes: text.length,
        });
        return reply({ data: { response_data: json } });
      }
      if (action === 'wx.openApi') return openApi(res, params, binary, invocation?.functionName);
      throw new CloudError('INVALID_ACTION', `unknown action ${action || '(none)'}`);
    } catch (e) {
      fail(e);
    }
  }

  /** Counts the atomic writes of an invocation (InvocationRecord.writeUnits). */
  function recordWrite(
    invocation: { writeUnits: string[][] },
    action: string,
    params: Record<string, unknown>,
    answer: Record<string, unknown>,
    committing: string[],
  ): void {
    if (action === 'database.commitTransaction') {
      if (committing.length) invocation.writeUnits.push(committing);
      return;
    }
    const inTx = params.transactionId !== undefined && params.transactionId !== null && params.transactionId !== '';
    if (
      inTx ||
      ![
        'database.insertDocument',
        'database.modifyDocument',
        'database.modifyAndReturnDoc',
        'database.removeDocument',
      ].includes(action)
    )
      return;
    const data = (answer.data ?? {}) as {
      updated?: number;
      upsert_id?: string | null;
      deleted?: number;
      insertedIds?: unknown[];
    };
    const wrote =
      (data.insertedIds?.length ?? 0) > 0 || (data.updated ?? 0) > 0 || !!data.upsert_id || (data.deleted ?? 0) > 0;
    if (wrote) invocation.writeUnits.push([String(params.collectionName)]);
  }

  function openApi(
    res: http.ServerResponse,
    params: Record<string, unknown>,
    binary: Map<string, Buffer> | null,
    functionName?: string,
  ): void {
    // the SDK registers its protobuf types when it loads; load it here only when first needed
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('wx-server-sdk');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pb = require('protobufjs/minimal') as { roots: { default: Record<string, ProtobufType> } };
    const { CommApiData, CommOpenApiResp } = pb.roots.default;
    const answer = (json: Record<string, unknown>) => {
      const bytes = CommOpenApiResp.encode({
        respData: Buffer.from(JSON.stringify(json)),
        contentType: 'application/json',
        httpCode: 200,
      }).finish();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(bytes));
    };
    const apiName = String(params.apiName ?? '');
    const raw = binary?.get('requestData');
    if (!raw) return answer({ errcode: 47001, errmsg: 'data format error: requestData missing' });
    let fields: Record<string, unknown>;
    try {
      const decoded = CommApiData.decode(raw) as { openapiData?: { pairs?: { key: string; value: Uint8Array }[] } };
      fields = {};
      for (const pair of decoded.openapiData?.pairs ?? [])
        fields[pair.key] = JSON.parse(Buffer.from(pair.value).toString('utf8'));
    } catch (e) {
      return answer({ errcode: 47001, errmsg: `data format error: ${(e as Error).message}` });
    }
    if (functionName) {
      const allowed = functions.info(functionName)?.config.permissions?.openapi ?? [];
      if (!allowed.includes(apiName)) {
        return answer({
          errcode: -604101,
          errmsg: `function ${functionName} has no permission to call ${apiName}: add it to permissions.openapi in config.json`,
        });
      }
    }
    if (apiName !== 'subscribeMessage.send')
      return answer({ errcode: 40001, errmsg: `openapi ${apiName} is not emulated locally` });
    try {
      const { msgid } = messages.send(fields, functionName);
      answer({ errcode: 0, errmsg: 'ok', msgid });
    } catch (e) {
      if (e instanceof WxError) return answer({ errcode: e.errcode, errmsg: e.errmsg });
      throw e;
    }
  }

  // ------------------------------------------------------------------ storage URLs
  async function storageHttp(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const [, , kind, ...rest] = url.pathname.split('/');
    const cloudPath = rest.map(decodeURIComponent).join('/');
    const op = kind === 'upload' ? 'put' : 'get';
    if (!storage.verify(cloudPath, op, url.searchParams.get('expires'), url.searchParams.get('sign'))) {
      res.writeHead(403, { 'content-type': 'application/xml' });
      return void res.end(
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AccessDenied</Code><Message>signature invalid or expired</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>',
      );
    }
    if (op === 'put' && (req.method === 'PUT' || req.method === 'POST')) {
      storage.put(cloudPath, await readBody(req, LIMITS.upload));
      return void res.writeHead(200).end('');
    }
    const bytes = storage.get(cloudPath);
    if (!bytes) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': contentType(cloudPath), 'content-length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  // ------------------------------------------------------------------ client gateway (H5 stand-in for wx.cloud)
  async function gateway(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const clientFail = (api: string, e: unknown, status = 400) => {
      const err = e instanceof CloudError ? e : new CloudError('SYS_ERR', (e as Error)?.message ?? String(e));
      const errCode = CLIENT_ERR_CODES[err.code] ?? -501001;
      send(res, status, {
        errCode,
        errMsg: `${api}:fail Error: errCode: ${errCode} ${err.code.toLowerCase().replace(/_/g, ' ')} | errMsg: ${err.message}`,
      });
    };
    try {
      if (url.pathname === '/gateway/callFunction' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req, LIMITS.clientCall)).toString('utf8')) as {
          name?: unknown;
          data?: unknown;
          openid?: unknown;
          appid?: unknown;
        };
        const openid = requireOpenid(body.openid);
        const appid = typeof body.appid === 'string' ? body.appid : 'wx-local-appid';
        const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
        // the cloud adds userInfo to events from the mini-program
        const event = { ...data, userInfo: { appId: appid, openId: openid } };
        try {
          const { json, record } = await functions.invoke(
            String(body.name ?? ''),
            event,
            { openid, appid, source: 'wx_client', clientIp: '127.0.0.1' },
            { eventBytes: JSON.stringify(data).length },
          );
          return send(res, 200, { result: JSON.parse(json), errMsg: 'cloud.callFunction:ok', requestID: record.id });
        } catch (e) {
          return clientFail('cloud.callFunction', e, 500);
        }
      }
      if (url.pathname === '/gateway/uploadFile' && req.method === 'POST') {
        requireOpenid(url.searchParams.get('openid'));
        const cloudPath = url.searchParams.get('cloudPath') ?? '';
        const bytes = await readBody(req, LIMITS.upload);
        storage.put(checkPath(cloudPath), bytes);
        return send(res, 200, { fileID: storage.fileId(cloudPath), statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
      }
      if (url.pathname === '/gateway/getTempFileURL' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req, LIMITS.clientCall)).toString('utf8')) as { fileList?: unknown[] };
        const out = storage.handle('storage.batchGetDownloadUrl', {
          file_list: (body.fileList ?? []).map((f) => ({ fileid: f, max_age: 3600 })),
        });
        return send(res, 200, {
          fileList: (out.data as { download_list: unknown[] }).download_list,
          errMsg: 'cloud.getTempFileURL:ok',
        });
      }
      if (url.pathname === '/gateway/requestSubscribeMessage' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req, LIMITS.clientCall)).toString('utf8')) as {
          openid?: unknown;
          tmplIds?: unknown;
          reject?: unknown;
        };
        const openid = requireOpenid(body.openid);
        if (!Array.isArray(body.tmplIds) || body.tmplIds.length === 0 || body.tmplIds.length > 3) {
          throw new CloudError('INVALID_PARAM', 'tmplIds must list 1–3 template ids');
        }
        const answers = messages.grant(
          openid,
          body.tmplIds.map(String),
          Array.isArray(body.reject) ? body.reject.map(String) : [],
        );
        return send(res, 200, { ...answers, errMsg: 'requestSubscribeMessage:ok' });
      }
      send(res, 404, { errCode: -1, errMsg: `no gateway route ${req.method} ${url.pathname}` });
    } catch (e) {
      clientFail('gateway', e);
    }
  }

  // ------------------------------------------------------------------ console API (read-mostly, local only)
  async function consoleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname.split('/').slice(3).map(decodeURIComponent);
    try {
      if (req.method === 'GET' && parts[0] === 'state') {
        return send(res, 200, {
          envId,
          url: baseUrl,
          dataDir,
          functionsDir,
          collections: store.stats(),
          functions: functions.list().map((f) => ({
            name: f.name,
            timeoutMs: f.timeoutMs,
            triggers: f.config.triggers ?? [],
            openapi: f.config.permissions?.openapi ?? [],
          })),
          instances: functions.instanceCounts(),
          templates: messages.templateList(),
          files: storage.list(),
          triggers: triggers.list(),
        });
      }
      if (req.method === 'GET' && parts[0] === 'collections' && parts[1]) {
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 500);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const docs = store.candidates(parts[1], {}).docs;
        return send(res, 200, { total: docs.length, documents: docs.slice(offset, offset + limit) });
      }
      if (req.method === 'GET' && parts[0] === 'invocations') {
        const items = functions.history
          .slice(-200)
          .reverse()
          .map((r) => ({ ...r, caller: undefined }));
        return send(res, 200, { items });
      }
      if (req.method === 'GET' && parts[0] === 'inbox') {
        return send(res, 200, { items: messages.inbox({ touser: url.searchParams.get('touser') ?? undefined }) });
      }
      if (req.method === 'POST' && parts[0] === 'triggers' && parts[1] && parts[2] === 'fire') {
        const time = url.searchParams.get('time');
        if (time !== null && Number.isNaN(Date.parse(time)))
          throw new CloudError('INVALID_PARAM', 'time must be an ISO date');
        const result = await triggers.fire(parts[1], time === null ? {} : { time: new Date(time) });
        return send(res, 200, result);
      }
      if (req.method === 'POST' && parts[0] === 'faults') {
        // fault injection, as LocalStack offers: the next N subscribeMessage.send calls fail, or
        // (with `database`) the next N matching database requests are delayed
        const body = JSON.parse((await readBody(req, LIMITS.clientCall)).toString('utf8')) as {
          times?: unknown;
          errcode?: unknown;
          database?: DatabaseFault;
        };
        if (body.database && typeof body.database === 'object')
          delayDatabase({ ...body.database, delayMs: Number(body.database.delayMs ?? 0) });
        else messages.failNext(Number(body.times ?? 1), Number(body.errcode ?? -1));
        return send(res, 200, { ok: true });
      }
      send(res, 404, { code: 'NOT_FOUND', message: 'no such console route' });
    } catch (e) {
      const err = e instanceof CloudError ? e : new CloudError('SYS_ERR', (e as Error).message);
      send(res, 400, { code: err.code, message: err.message });
    }
  }

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
    faults: { delayDatabase, clear: () => void dbFaults.splice(0) },
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

/** The two protobuf message types of the SDK we use (decode a request, encode a reply). */
interface ProtobufType {
  decode(bytes: Uint8Array): unknown;
  encode(message: object): { finish(): Uint8Array };
}

function requireOpenid(v: unknown): string {
  if (typeof v !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(v))
    throw new CloudError('INVALID_PARAM', 'openid of the calling identity is required');
  return v;
}

/** The default port, or the next free one when it is taken (an explicit 0 picks any). */
async function listen(server: http.Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = port === 0 ? 0 : port + attempt;
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (e: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (e.code === 'EADDRINUSE' && port !== 0) resolve(false);
        else reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error(`no free port from ${port} to ${port + 19}`);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(new CloudError('INVALID_PARAM', `request body exceeds the ${Math.round(limit / 1024)} KB limit`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => !failed && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function cors(req: http.IncomingMessage, res: http.ServerResponse): void {
  const origin = req.headers.origin;
  // only pages served from this machine may call the gateway
  if (origin && /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'origin');
    res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type');
  }
}

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};
const contentType = (p: string) => TYPES[path.extname(p).toLowerCase()] ?? 'application/octet-stream';

export function loadProject(file: string): ProjectConfig {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ProjectConfig;
}
