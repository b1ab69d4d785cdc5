import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { AppError } from './action';
import { cloud } from './cloud';

/**
 * Uploaded files as the functions accept them. The phone uploads straight to cloud storage, so a
 * fileID in a request proves nothing by itself: before a case refers to a file, the function
 * looks at the stored file — that it exists, that it sits in the caller's own folder (nobody can
 * attach a file someone else uploaded), and what it really is (its first bytes) and how big.
 * It asks storage for a temporary URL and reads only the first bytes with a Range request, which
 * works on the real CloudBase (COS answers 206 with the total size) and on the local one (200 with
 * content-length): no file is downloaded whole.
 */

export type FileType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** Upload limits, checked on the phone before uploading and here again on what is stored. */
export const FILE_LIMITS: Record<FileType, number> = {
  'image/jpeg': 5 * 1024 * 1024,
  'image/png': 5 * 1024 * 1024,
  'application/pdf': 10 * 1024 * 1024,
};

/**
 * The caller's storage folder: a one-way key of the openid, so paths do not carry the openid
 * itself. The phone asks for it (cases.uploadFolder) and uploads under materials/<key>/ and
 * signatures/<key>/.
 */
export function uploadKeyOf(openid: string): string {
  return 'u' + crypto.createHash('sha256').update(`bangban-files:${openid}`).digest('hex').slice(0, 24);
}

export function uploadFolders(openid: string) {
  const key = uploadKeyOf(openid);
  return { materials: `materials/${key}/`, signatures: `signatures/${key}/` };
}

/** What the first bytes say the file is (magic numbers), whatever its name claims. */
export function sniffType(head: Buffer): FileType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** The stable codes a rejected file answers with (in `fields`, next to the file's path). */
export const FILE_PROBLEMS = {
  FILE_MISSING: '文件没有上传成功（存储中找不到），请重新上传',
  FILE_NOT_YOURS: '只能提交您自己上传的文件，请重新上传',
  FILE_TYPE: '文件不是 JPG、PNG 照片或 PDF 文件，请重新选择',
  FILE_TYPE_MISMATCH: '文件内容与类型不符，请重新上传',
  FILE_TOO_LARGE: '文件太大',
  FILE_EMPTY: '文件是空的，请重新上传',
} as const;
export type FileProblem = keyof typeof FILE_PROBLEMS;

interface Probe {
  size: number;
  head: Buffer;
}

/** First bytes and total size behind a temporary URL. */
function probe(url: string, timeoutMs = 5000): Promise<Probe | null> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? https.get : http.get;
    const req = get(url, { headers: { Range: 'bytes=0-15' }, timeout: timeoutMs }, (res) => {
      if (res.statusCode !== 200 && res.statusCode !== 206) {
        res.resume();
        return resolve(null);
      }
      const range = /\/(\d+)\s*$/.exec(String(res.headers['content-range'] ?? ''));
      const size = res.statusCode === 206 && range ? Number(range[1]) : Number(res.headers['content-length'] ?? NaN);
      const chunks: Buffer[] = [];
      let got = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        resolve({ size: Number.isFinite(size) ? size : got, head: Buffer.concat(chunks).subarray(0, 16) });
        res.destroy();
      };
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        got += c.length;
        if (got >= 16) finish();
      });
      res.on('end', finish);
      res.on('error', () => (done ? undefined : resolve(null)));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

export interface StoredFile {
  fileID: string;
  type: FileType;
  size: number;
}

/**
 * Checks each file in storage; answers what it really is, or throws FILE_REJECTED with a message
 * per file (keyed by the request's path, e.g. `materials.1`) and the problem's code.
 */
export async function verifyUploads(
  openid: string,
  files: {
    path: string;
    fileID: string;
    folder: 'materials' | 'signatures';
    allowed?: FileType[];
    declared?: string;
  }[],
): Promise<StoredFile[]> {
  if (files.length === 0) return [];
  const folders = uploadFolders(openid);
  const problems: Record<string, string> = {};
  const codes = new Set<FileProblem>();
  const flag = (path: string, code: FileProblem, text: string = FILE_PROBLEMS[code]) => {
    problems[path] ??= text;
    codes.add(code);
  };
  // in the caller's folder: cloud://<env>/<folder>/<key>/…
  for (const f of files) {
    const rest = f.fileID.replace(/^cloud:\/\/[^/]+\//, '');
    if (!rest.startsWith(folders[f.folder])) flag(f.path, 'FILE_NOT_YOURS');
  }
  const mine = files.filter((f) => !problems[f.path]);
  const urls = mine.length
    ? (await cloud.getTempFileURL({ fileList: mine.map((f) => ({ fileID: f.fileID, maxAge: 120 })) })).fileList
    : [];
  const seen = await Promise.all(
    mine.map((f, i) =>
      urls[i]?.status === 0 && urls[i]?.tempFileURL ? probe(urls[i].tempFileURL!) : Promise.resolve(null),
    ),
  );
  const out: StoredFile[] = [];
  mine.forEach((f, i) => {
    const p = seen[i];
    if (!p) return flag(f.path, 'FILE_MISSING');
    if (p.size <= 0) return flag(f.path, 'FILE_EMPTY');
    const type = sniffType(p.head);
    if (!type || !(f.allowed ?? (Object.keys(FILE_LIMITS) as FileType[])).includes(type))
      return flag(f.path, 'FILE_TYPE');
    if (f.declared && f.declared !== type) return flag(f.path, 'FILE_TYPE_MISMATCH');
    if (p.size > FILE_LIMITS[type])
      return flag(
        f.path,
        'FILE_TOO_LARGE',
        `${type === 'application/pdf' ? 'PDF 文件' : '照片'}不能超过 ${FILE_LIMITS[type] / 1024 / 1024} MB`,
      );
    out.push({ fileID: f.fileID, type, size: p.size });
  });
  if (Object.keys(problems).length > 0) {
    const first = Object.values(problems)[0];
    throw new AppError('FILE_REJECTED', `上传的文件有问题：${first}`, {
      ...problems,
      ...Object.fromEntries([...codes].map((c) => [c, FILE_PROBLEMS[c]])),
    });
  }
  return out;
}
