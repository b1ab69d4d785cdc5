import http from 'node:http';
import { consoleHtml } from '../console-page';
import { CloudError } from '../errors';
import { Store } from '../db/store';
import { DatabaseFault, DatabaseFaults } from '../faults';
import { FunctionHost } from '../functions/host';
import { Router, readBody, send, LIMITS } from '../http';
import { SubscribeMessages } from '../openapi';
import { StorageService } from '../storage';
import { TriggerScheduler } from '../triggers';

export interface ConsoleDeps {
  envId: string;
  /** the server's URL, known once it listens */
  url: () => string;
  dataDir: string | null;
  functionsDir: string;
  store: Store;
  functions: FunctionHost;
  messages: SubscribeMessages;
  storage: StorageService;
  triggers: TriggerScheduler;
  faults: DatabaseFaults;
}

/** The console page (`/`, `/console`) and its read-mostly API (`/_/api/*`), local only. */
export function consoleRouter(deps: ConsoleDeps): Router {
  return {
    match: (_req, url) => url.pathname === '/' || url.pathname === '/console' || url.pathname.startsWith('/_/api/'),
    async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
      if (!url.pathname.startsWith('/_/api/')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(consoleHtml);
      }
      try {
        await consoleApi(deps, req, res, url);
      } catch (e) {
        const err = e instanceof CloudError ? e : new CloudError('SYS_ERR', (e as Error).message);
        send(res, 400, { code: err.code, message: err.message });
      }
    },
  };
}

async function consoleApi(
  d: ConsoleDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  const parts = url.pathname.split('/').slice(3).map(decodeURIComponent);
  if (req.method === 'GET' && parts[0] === 'state') {
    return send(res, 200, {
      envId: d.envId,
      url: d.url(),
      dataDir: d.dataDir,
      functionsDir: d.functionsDir,
      collections: d.store.stats(),
      functions: d.functions.list().map((f) => ({
        name: f.name,
        timeoutMs: f.timeoutMs,
        triggers: f.config.triggers ?? [],
        openapi: f.config.permissions?.openapi ?? [],
      })),
      instances: d.functions.instanceCounts(),
      templates: d.messages.templateList(),
      files: d.storage.list(),
      triggers: d.triggers.list(),
    });
  }
  if (req.method === 'GET' && parts[0] === 'collections' && parts[1]) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 500);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const docs = d.store.candidates(parts[1], {}).docs;
    return send(res, 200, { total: docs.length, documents: docs.slice(offset, offset + limit) });
  }
  if (req.method === 'GET' && parts[0] === 'invocations') {
    const items = d.functions.history
      .slice(-200)
      .reverse()
      .map((r) => ({ ...r, caller: undefined }));
    return send(res, 200, { items });
  }
  if (req.method === 'GET' && parts[0] === 'inbox') {
    return send(res, 200, { items: d.messages.inbox({ touser: url.searchParams.get('touser') ?? undefined }) });
  }
  if (req.method === 'POST' && parts[0] === 'triggers' && parts[1] && parts[2] === 'fire') {
    const time = url.searchParams.get('time');
    if (time !== null && Number.isNaN(Date.parse(time)))
      throw new CloudError('INVALID_PARAM', 'time must be an ISO date');
    const result = await d.triggers.fire(parts[1], time === null ? {} : { time: new Date(time) });
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
      d.faults.delay({ ...body.database, delayMs: Number(body.database.delayMs ?? 0) });
    else d.messages.failNext(Number(body.times ?? 1), Number(body.errcode ?? -1));
    return send(res, 200, { ok: true });
  }
  send(res, 404, { code: 'NOT_FOUND', message: 'no such console route' });
}
