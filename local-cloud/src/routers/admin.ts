import crypto from 'node:crypto';
import http from 'node:http';
import { CloudError } from '../errors';
import { DatabaseService } from '../db/database';
import { DatabaseFaults } from '../faults';
import { FunctionHost, Caller } from '../functions/host';
import { Router, readBody, send, LIMITS } from '../http';
import { parseMultipart } from '../multipart';
import { SubscribeMessages, WxError } from '../openapi';
import { StorageService } from '../storage';

export interface AdminDeps {
  envId: string;
  database: DatabaseService;
  storage: StorageService;
  functions: FunctionHost;
  messages: SubscribeMessages;
  faults: DatabaseFaults;
}

/** The wire the wx-server-sdk speaks (`POST /admin`): database, storage, functions and openapi actions. */
export function adminRouter(deps: AdminDeps): Router {
  const { envId, database, storage, functions, faults } = deps;
  return {
    match: (req, url) => req.method === 'POST' && url.pathname === '/admin',
    async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
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
          throw new CloudError(
            'INVALID_ENV',
            `environment ${envName} does not exist here (local environment: ${envId})`,
          );
        }
        if (action.startsWith('database.')) {
          const fault = faults.take(action, params);
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
        if (action === 'wx.openApi') return openApi(deps, res, params, binary, invocation?.functionName);
        throw new CloudError('INVALID_ACTION', `unknown action ${action || '(none)'}`);
      } catch (e) {
        fail(e);
      }
    },
  };
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

/** The two protobuf message types of the SDK we use (decode a request, encode a reply). */
interface ProtobufType {
  decode(bytes: Uint8Array): unknown;
  encode(message: object): { finish(): Uint8Array };
}

/** `wx.openApi`: protobuf in and out; only subscribeMessage.send is emulated. */
function openApi(
  deps: AdminDeps,
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
    const allowed = deps.functions.info(functionName)?.config.permissions?.openapi ?? [];
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
    const { msgid } = deps.messages.send(fields, functionName);
    answer({ errcode: 0, errmsg: 'ok', msgid });
  } catch (e) {
    if (e instanceof WxError) return answer({ errcode: e.errcode, errmsg: e.errmsg });
    throw e;
  }
}
