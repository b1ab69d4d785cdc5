import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CloudError } from './errors';

/**
 * Cloud storage: files under `<data>/storage/` (or in memory), addressed by CloudBase-style
 * file IDs `cloud://<env>.local/<path>`. Upload and download URLs point back at this server and
 * carry an HMAC signature with an expiry, like COS pre-signed URLs.
 */
export class StorageService {
  private readonly memory = new Map<string, Buffer>();
  private readonly secret = crypto.randomBytes(32);

  constructor(
    private readonly dir: string | null,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    if (dir) fs.mkdirSync(dir, { recursive: true });
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.local/${cloudPath}`;
  }

  pathOf(fileId: unknown): string {
    const prefix = `cloud://${this.envId}.local/`;
    if (typeof fileId !== 'string' || !fileId.startsWith(prefix))
      throw new CloudError('STORAGE_FILE_NONEXIST', `not a file of this environment: ${String(fileId)}`);
    return checkPath(fileId.slice(prefix.length));
  }

  sign(cloudPath: string, op: 'put' | 'get', ttlS: number): string {
    const expires = Math.floor(Date.now() / 1000) + ttlS;
    const sig = crypto.createHmac('sha256', this.secret).update(`${op}\n${cloudPath}\n${expires}`).digest('hex');
    // download URLs carry the raw path, as COS does: the SDK applies encodeURI itself before fetching
    const urlPath = op === 'put' ? cloudPath.split('/').map(encodeURIComponent).join('/') : cloudPath;
    return `${this.baseUrl()}/storage/${op === 'put' ? 'upload' : 'files'}/${urlPath}?expires=${expires}&sign=${sig}`;
  }

  verify(cloudPath: string, op: 'put' | 'get', expires: string | null, sign: string | null): boolean {
    if (!expires || !sign || Number(expires) < Date.now() / 1000) return false;
    const want = crypto.createHmac('sha256', this.secret).update(`${op}\n${cloudPath}\n${expires}`).digest('hex');
    return want.length === sign.length && crypto.timingSafeEqual(Buffer.from(want), Buffer.from(sign));
  }

  put(cloudPath: string, bytes: Buffer): void {
    checkPath(cloudPath);
    if (!this.dir) return void this.memory.set(cloudPath, bytes);
    const file = path.join(this.dir, cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // write-then-rename so a crash never leaves half a file under the real name
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.part`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }

  get(cloudPath: string): Buffer | null {
    if (!this.dir) return this.memory.get(cloudPath) ?? null;
    const file = path.join(this.dir, cloudPath);
    return fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : null;
  }

  exists(cloudPath: string): boolean {
    return this.dir ? fs.existsSync(path.join(this.dir, cloudPath)) : this.memory.has(cloudPath);
  }

  remove(cloudPath: string): boolean {
    if (!this.dir) return this.memory.delete(cloudPath);
    const file = path.join(this.dir, cloudPath);
    if (!fs.existsSync(file)) return false;
    fs.unlinkSync(file);
    return true;
  }

  list(): { path: string; bytes: number }[] {
    if (!this.dir) return [...this.memory].map(([p, b]) => ({ path: p, bytes: b.length }));
    const out: { path: string; bytes: number }[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (!e.name.endsWith('.part'))
          out.push({ path: path.relative(this.dir!, full), bytes: fs.statSync(full).size });
      }
    };
    walk(this.dir);
    return out;
  }

  /** The `storage.*` actions of the wire protocol. */
  handle(action: string, p: Record<string, unknown>): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = checkPath(p.path);
        return {
          data: {
            url: this.sign(cloudPath, 'put', 900),
            token: 'local',
            authorization: 'local',
            fileId: this.fileId(cloudPath),
            // COS file ids are opaque ASCII (they travel in a header)
            cosFileId: crypto.createHash('sha1').update(cloudPath).digest('hex'),
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        if (!Array.isArray(p.file_list)) throw new CloudError('INVALID_PARAM', 'file_list must be an array');
        const download_list = p.file_list.map((f: { fileid?: unknown; max_age?: unknown }) => {
          try {
            const cloudPath = this.pathOf(f?.fileid);
            if (!this.exists(cloudPath)) return { fileID: f.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
            const ttl = typeof f.max_age === 'number' && f.max_age > 0 ? f.max_age : 86400;
            return { fileID: f.fileid, tempFileURL: this.sign(cloudPath, 'get', ttl), code: 'SUCCESS' };
          } catch {
            return { fileID: f?.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
          }
        });
        return { data: { download_list } };
      }
      case 'storage.batchDeleteFile': {
        if (!Array.isArray(p.fileid_list)) throw new CloudError('INVALID_PARAM', 'fileid_list must be an array');
        const delete_list = p.fileid_list.map((fileID: unknown) => {
          try {
            return { fileID, code: this.remove(this.pathOf(fileID)) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
          } catch {
            return { fileID, code: 'STORAGE_FILE_NONEXIST' };
          }
        });
        return { data: { delete_list } };
      }
      default:
        throw new CloudError('INVALID_ACTION', `unknown action ${action}`);
    }
  }
}

/** Cloud paths are relative, without `..`, so nothing escapes the storage folder. */
export function checkPath(p: unknown): string {
  if (
    typeof p !== 'string' ||
    p === '' ||
    p.length > 512 ||
    p.startsWith('/') ||
    /[\\?#%]/.test(p) ||
    [...p].some((c) => c.charCodeAt(0) < 0x20) ||
    p.split('/').some((s) => s === '..' || s === '.' || s === '')
  ) {
    throw new CloudError('INVALID_PARAM', `invalid cloud path: ${String(p)}`);
  }
  return p;
}
