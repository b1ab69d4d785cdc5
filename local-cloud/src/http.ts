import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { CloudError } from './errors';

/** One wire API mounted on the local server; `match` decides which router serves a request. */
export interface Router {
  match(req: http.IncomingMessage, url: URL): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void>;
}

/** Request caps: the SDK wire (5 MB), a mini-program callFunction payload (100 KB), uploads (20 MB). */
export const LIMITS = { admin: 5 * 1024 * 1024, clientCall: 100 * 1024, upload: 20 * 1024 * 1024 };

/** The default port, or the next free one when it is taken (an explicit 0 picks any). */
export async function listen(server: http.Server, host: string, port: number): Promise<number> {
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

export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
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

export function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};
export const contentType = (p: string) => TYPES[path.extname(p).toLowerCase()] ?? 'application/octet-stream';
