import http from 'node:http';
import { Router, contentType, readBody, LIMITS } from '../http';
import { StorageService } from '../storage';

/** The signed upload/download URLs the storage API hands out (`/storage/upload|download/<path>`). */
export function storageRouter(storage: StorageService): Router {
  return {
    match: (_req, url) => url.pathname.startsWith('/storage/'),
    async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
      const [, , kind, ...rest] = url.pathname.split('/');
      const cloudPath = rest.map(decodeURIComponent).join('/');
      const op = kind === 'upload' ? 'put' : 'get';
      if (!storage.verify(cloudPath, op, url.searchParams.get('expires'), url.searchParams.get('sign'))) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        return void res.end(
          '<?xml version="1.0" encoding="utf-8"?><Error><Code>AccessDenied</Code><Message>signature invalid or expired</Message>' +
            '<RequestId>local</RequestId><TraceId>local</TraceId></Error>',
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
    },
  };
}
