/** wx APIs of files: pickers (camera, album, chats), images, canvas exports, downloads, the document viewer. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Canvas2DNode } from './canvas';
import { ApiFail, type FilePick, type WxFn, type WxKit, transferTask } from './wx-kit';

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.heic', '.bmp']);
const VIDEO_EXT = new Set(['.mp4', '.mov', '.m4v', '.3gp']);
const fileKind = (file: string): 'image' | 'video' | 'file' => {
  const ext = path.extname(file).toLowerCase();
  return IMAGE_EXT.has(ext) ? 'image' : VIDEO_EXT.has(ext) ? 'video' : 'file';
};

/** What wx.openDocument can show. */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'];

export function mediaApis(kit: WxKit): Record<string, WxFn> {
  const { host, realm, opts, asyncApi } = kit;
  // ------------------------------------------------------------------ pickers
  const nextPick = (api: string, queue: FilePick[], helper: string): string[] => {
    const pick = queue.shift();
    if (pick === undefined) {
      host.problem(
        'unscripted',
        `${api} opened a picker but the test picked no files (${helper}(files) or ${helper}('cancel'))`,
      );
      throw new ApiFail(`${api}:fail cancel`);
    }
    if (pick === 'cancel') throw new ApiFail(`${api}:fail cancel`);
    for (const f of pick.files)
      if (!fs.existsSync(f)) throw new Error(`weapp harness: picked file ${f} does not exist`);
    return pick.files;
  };
  /** downloaded temp files → the URL they came from */
  const downloaded = new Map<string, string>();
  let downloadDir: string | null = null;
  const downloads = () => (downloadDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-harness-downloads-')));
  const tempFile = (file: string) => {
    const temp = `wxfile://tmp_${crypto.randomBytes(12).toString('hex')}${path.extname(file).toLowerCase()}`;
    host.tempFiles.set(temp, file);
    return temp;
  };

  /** WeChat's privacy check before a privacy API; a refusal fails the call as documented (errno 104). */
  const consent = async (api: string) => {
    if ((await host.privacy(api)) === 'disagreed')
      throw new ApiFail(`${api}:fail privacy permission is not authorized`, 104);
  };

  return {
    chooseMedia: (o) =>
      asyncApi('chooseMedia', o, async (x) => {
        // documented values only: WeChat fails a call with others, so a typo never reaches a phone
        const listOf = (key: string, allowed: string[], fallback: string[]) => {
          if (x[key] === undefined) return fallback;
          if (!Array.isArray(x[key]))
            throw new ApiFail(`chooseMedia:fail parameter error: parameter.${key} should be Array`);
          const values = (x[key] as unknown[]).map(String);
          const bad = values.find((v) => !allowed.includes(v));
          if (bad !== undefined || values.length === 0)
            throw new ApiFail(
              `chooseMedia:fail parameter error: parameter.${key} "${bad ?? ''}" is not one of ${allowed.join('/')}`,
            );
          return values;
        };
        const types = listOf('mediaType', ['image', 'video', 'mix'], ['image', 'video']);
        listOf('sourceType', ['album', 'camera'], ['album', 'camera']);
        listOf('sizeType', ['original', 'compressed'], ['original', 'compressed']);
        if (x.count !== undefined && (typeof x.count !== 'number' || x.count < 1 || x.count > 20))
          throw new ApiFail('chooseMedia:fail parameter error: parameter.count should be a Number from 1 to 20');
        await consent('chooseMedia');
        const files = nextPick('chooseMedia', host.scripts.media, 'pickMedia');
        const count = typeof x.count === 'number' ? x.count : 9;
        if (files.length > count)
          throw new Error(`weapp harness: picked ${files.length} files but chooseMedia allows ${count}`);
        const kinds = files.map(fileKind);
        kinds.forEach((k, i) => {
          if (k === 'file' || (!types.includes(k) && !types.includes('mix')))
            throw new Error(`weapp harness: chooseMedia(mediaType ${types.join('/')}) cannot return ${files[i]}`);
        });
        return {
          type: new Set(kinds).size > 1 ? 'mix' : kinds[0],
          tempFiles: files.map((f, i) => ({
            tempFilePath: tempFile(f),
            size: fs.statSync(f).size,
            fileType: kinds[i],
            ...(kinds[i] === 'image' ? imageSize(f) : {}),
          })),
        };
      }),
    chooseMessageFile: (o) =>
      asyncApi('chooseMessageFile', o, async (x) => {
        if (typeof x.count !== 'number' || x.count < 1 || x.count > 100)
          throw new ApiFail('chooseMessageFile:fail parameter error: parameter.count should be a Number from 1 to 100');
        const type = x.type === undefined ? 'all' : String(x.type);
        if (!['all', 'video', 'image', 'file'].includes(type))
          throw new ApiFail(
            `chooseMessageFile:fail parameter error: parameter.type "${type}" is not one of all/video/image/file`,
          );
        const exts = Array.isArray(x.extension)
          ? x.extension.map((e) => String(e).replace(/^\./, '').toLowerCase())
          : null;
        // WeChat documents extension as applying only with type 'file': elsewhere the user sees every file
        if (exts && type !== 'file')
          host.problem(
            'misuse',
            `chooseMessageFile: extension (${exts.join('/')}) is ignored with type '${type}' — WeChat filters by extension only with type 'file', so the user may pick any file`,
          );
        await consent('chooseMessageFile');
        const files = nextPick('chooseMessageFile', host.scripts.messageFiles, 'pickMessageFiles');
        const count = x.count;
        if (files.length > count)
          throw new Error(`weapp harness: picked ${files.length} files but chooseMessageFile allows ${count}`);
        for (const f of files) {
          const kind = fileKind(f);
          if (type !== 'all' && kind !== type)
            throw new Error(`weapp harness: chooseMessageFile(type ${type}) cannot return ${f}`);
          if (type === 'file' && exts && !exts.includes(path.extname(f).slice(1).toLowerCase()))
            throw new Error(`weapp harness: chooseMessageFile(extension ${exts.join('/')}) cannot return ${f}`);
        }
        return {
          tempFiles: files.map((f) => ({
            path: tempFile(f),
            size: fs.statSync(f).size,
            name: path.basename(f),
            type: fileKind(f),
            time: Math.floor(fs.statSync(f).mtimeMs / 1000),
          })),
        };
      }),
    createOffscreenCanvas: (o) => {
      const x = opts(o);
      if (x.type !== undefined && x.type !== '2d')
        throw new ApiFail(`createOffscreenCanvas:fail type "${String(x.type)}" is not modelled (only "2d")`);
      const node = new Canvas2DNode(
        typeof x.width === 'number' ? x.width : 300,
        typeof x.height === 'number' ? x.height : 150,
      );
      return node;
    },
    compressImage: (o) =>
      asyncApi('compressImage', o, (x) => {
        const src = typeof x.src === 'string' ? x.src : '';
        const local = host.tempFiles.get(src);
        if (!local || !fs.existsSync(local)) throw new ApiFail(`compressImage:fail file not found: ${src}`);
        if (fileKind(local) !== 'image') throw new ApiFail(`compressImage:fail ${src} is not an image`);
        if (x.quality !== undefined && (typeof x.quality !== 'number' || x.quality < 0 || x.quality > 100))
          throw new ApiFail('compressImage:fail parameter error: parameter.quality should be a Number from 0 to 100');
        // no JPEG encoder here: the "compressed" temp file keeps the original bytes (a phone's is smaller)
        return { tempFilePath: tempFile(`${local}`) };
      }),
    getFileSystemManager: () => {
      const fsm: Record<string, unknown> = {
        getFileInfo: (o: unknown) =>
          asyncApi('FileSystemManager.getFileInfo', o, (x) => {
            const filePath = typeof x.filePath === 'string' ? x.filePath : '';
            const local = host.tempFiles.get(filePath);
            if (!local || !fs.existsSync(local))
              throw new ApiFail(`getFileInfo:fail no such file or directory ${filePath}`);
            return { size: fs.statSync(local).size };
          }),
      };
      return new Proxy(fsm, {
        get(t, key) {
          if (typeof key === 'symbol' || key in t) return t[key as string];
          host.observe(`FileSystemManager.${key}`);
          host.problem(
            'unmodelled-api',
            `used FileSystemManager.${key}, which the weapp harness does not model (only getFileInfo)`,
          );
          throw realm.error(`weapp harness: FileSystemManager.${key} is not modelled`, { harnessReported: true });
        },
      });
    },
    canvasToTempFilePath: (o) =>
      asyncApi('canvasToTempFilePath', o, (x) => {
        try {
          return host.canvases.toTempFile(x);
        } catch (e) {
          throw new ApiFail((e as Error).message);
        }
      }),
    previewImage: (o) =>
      asyncApi('previewImage', o, async (x) => {
        if (!Array.isArray(x.urls))
          throw new ApiFail(
            `previewImage:fail parameter error: parameter.urls should be Array instead of ${x.urls === undefined ? 'Undefined' : typeof x.urls};`,
          );
        const urls = x.urls.map((u) => (typeof u === 'string' ? u : ''));
        if (urls.length === 0)
          throw new ApiFail('previewImage:fail parameter error: parameter.urls should not be empty');
        const bad = urls.find((u) => !/^(https?:\/\/|cloud:\/\/|wxfile:\/\/)/.test(u));
        if (bad !== undefined) throw new ApiFail(`previewImage:fail invalid url "${bad}"`);
        const current = typeof x.current === 'string' ? x.current : urls[0];
        if (!urls.includes(current))
          host.warn(`previewImage: current "${current}" is not among urls; WeChat shows the first image`);
        // WeChat loads each image: one that does not load shows as a broken picture
        for (const u of urls.filter((v) => /^https?:/.test(v))) {
          const res = await fetch(u).catch(() => null);
          const head = res && res.ok ? Buffer.from(await res.arrayBuffer()).subarray(0, 8) : null;
          const image =
            !!head &&
            ((head[0] === 0xff && head[1] === 0xd8) ||
              head.readUInt32BE(0) === 0x89504e47 ||
              head.subarray(0, 3).toString('latin1') === 'GIF' ||
              head.subarray(0, 4).toString('latin1') === 'RIFF');
          if (!image) host.warn(`previewImage: ${u} does not load as an image (HTTP ${res?.status ?? 'error'})`);
        }
        host.ui.log.push({ api: 'previewImage', route: host.route(), urls, current });
        return {};
      }),
    downloadFile: (o) => {
      const x = opts(o);
      const { task, progress, aborted } = transferTask();
      if (typeof x.success !== 'function' && typeof x.fail !== 'function' && typeof x.complete !== 'function') {
        host.problem(
          'misuse',
          'wx.downloadFile was called without success/fail/complete: it returns a DownloadTask, never a promise, so nobody hears the result',
        );
      }
      asyncApi('downloadFile', { ...x, success: x.success ?? (() => undefined) }, async () => {
        const url = typeof x.url === 'string' ? x.url : '';
        if (!/^https?:\/\//.test(url)) throw new ApiFail(`downloadFile:fail invalid url "${url}"`);
        const res = await fetch(url).catch(() => null);
        if (!res) throw new ApiFail('downloadFile:fail request:fail');
        if (aborted()) throw new ApiFail('downloadFile:fail abort');
        const bytes = Buffer.from(await res.arrayBuffer());
        const ext = path.extname(new URL(url).pathname).toLowerCase();
        const local = path.join(downloads(), `${crypto.randomBytes(8).toString('hex')}${ext}`);
        fs.writeFileSync(local, bytes);
        const temp = tempFile(local);
        downloaded.set(temp, url);
        for (const cb of progress)
          host.guard('downloadFile progress callback', () =>
            cb(realm.data({ progress: 100, totalBytesWritten: bytes.length, totalBytesExpectedToWrite: bytes.length })),
          );
        host.ui.log.push({ api: 'downloadFile', route: host.route(), url, statusCode: res.status, filePath: temp });
        return { tempFilePath: temp, statusCode: res.status, dataLength: bytes.length };
      });
      return task;
    },
    openDocument: (o) =>
      asyncApi('openDocument', o, (x) => {
        const filePath = typeof x.filePath === 'string' ? x.filePath : '';
        const local = host.tempFiles.get(filePath);
        if (!local || !fs.existsSync(local)) throw new ApiFail(`openDocument:fail file not found: ${filePath}`);
        const fileType = typeof x.fileType === 'string' ? x.fileType : path.extname(local).slice(1).toLowerCase();
        if (!DOCUMENT_TYPES.includes(fileType))
          throw new ApiFail(`openDocument:fail filetype not supported: ${fileType || '(none)'}`);
        const head = fs.readFileSync(local).subarray(0, 5);
        const zip = head.subarray(0, 2).toString('latin1') === 'PK';
        const fits = fileType === 'pdf' ? head.toString('latin1') === '%PDF-' : fileType.endsWith('x') ? zip : true;
        if (!fits) host.warn(`openDocument: ${filePath} is not a ${fileType} file (WeChat cannot show it)`);
        host.ui.log.push({
          api: 'openDocument',
          route: host.route(),
          filePath,
          fileType,
          ...(downloaded.has(filePath) ? { url: downloaded.get(filePath) } : {}),
        });
        return {};
      }),
  };
}

/** Width/height of a PNG or JPEG, as chooseMedia reports them. */
function imageSize(file: string): { width?: number; height?: number } {
  const b = fs.readFileSync(file);
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47)
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return {};
      const marker = b[i + 1];
      const len = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      i += 2 + len;
    }
  }
  return {};
}
