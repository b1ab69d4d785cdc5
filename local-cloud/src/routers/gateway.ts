import http from 'node:http';
import { CloudError } from '../errors';
import { FunctionHost } from '../functions/host';
import { Router, readBody, send, LIMITS } from '../http';
import { SubscribeMessages } from '../openapi';
import { StorageService, checkPath } from '../storage';

/** SDK errCodes for the wire codes a mini-program client sees through the gateway. */
const CLIENT_ERR_CODES: Record<string, number> = {
  FUNCTIONS_EXECUTE_FAIL: -504002,
  FUNCTIONS_TIME_LIMIT_EXCEEDED: -504003,
  FUNCTION_NOT_FOUND: -501000,
  INVALID_PARAM: -501007,
};

export interface GatewayDeps {
  functions: FunctionHost;
  storage: StorageService;
  messages: SubscribeMessages;
}

/** The H5 stand-in for wx.cloud (`/gateway/*`): what a mini-program client calls, with CORS for local pages. */
export function gatewayRouter({ functions, storage, messages }: GatewayDeps): Router {
  return {
    match: (_req, url) => url.pathname.startsWith('/gateway/'),
    async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
      cors(req, res);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
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
          const body = JSON.parse((await readBody(req, LIMITS.clientCall)).toString('utf8')) as {
            fileList?: unknown[];
          };
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
    },
  };
}

function requireOpenid(v: unknown): string {
  if (typeof v !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(v))
    throw new CloudError('INVALID_PARAM', 'openid of the calling identity is required');
  return v;
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
