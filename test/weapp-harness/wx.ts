/**
 * The `wx` object the build runs against. Every name WeChat has is present (so Taro wraps them
 * all, as on a phone); the ones below are modelled as WeChat documents them, and any other one
 * records an `unmodelled-api` problem and throws when called. Results are created in the
 * mini-program's own realm so `instanceof` and JSON behave as app code expects.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wxApiList } from './api-list';
import { Canvas2DNode, type CanvasRegistry } from './canvas';
import type { ProblemKind } from './problems';

/** The user's phone and WeChat as the app can observe them (getSystemInfoSync, getAppBaseInfo). */
export interface DeviceProfile {
  brand: string;
  model: string;
  system: string;
  platform: 'ios' | 'android' | 'devtools' | 'windows' | 'mac';
  pixelRatio: number;
  screenWidth: number;
  screenHeight: number;
  statusBarHeight: number;
  language: string;
  /** WeChat version */
  version: string;
  /** base library version */
  SDKVersion: string;
  /** 微信「设置-通用-字体大小」in px: 17 is the default, elders often choose 20 or more */
  fontSizeSetting: number;
  fontSizeScaleFactor: number;
  theme: 'light' | 'dark';
}

/** An iPhone SE-sized phone (375 × 667, like the H5 tests) with default WeChat settings. */
export const DEFAULT_DEVICE: DeviceProfile = {
  brand: 'iPhone',
  model: 'iPhone SE (2nd generation)',
  system: 'iOS 16.7',
  platform: 'ios',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 667,
  statusBarHeight: 20,
  language: 'zh_CN',
  version: '8.0.50',
  SDKVersion: '3.5.8',
  fontSizeSetting: 17,
  fontSizeScaleFactor: 1,
  theme: 'light',
};

/** Height of WeChat's navigation bar under the status bar (iOS). */
const NAV_BAR_HEIGHT = 44;

export interface ModalRequest {
  title: string;
  content: string;
  showCancel: boolean;
  confirmText: string;
  cancelText: string;
  editable: boolean;
}
export interface ModalReply {
  confirm: boolean;
  /** what the user typed, for editable modals */
  content?: string;
}
export type ModalAnswer = ModalReply | ((modal: ModalRequest) => ModalReply);
/** 'acceptWithAudio': the user accepted and also turned on WeChat's sound reminder. */
export type SubscribeDecision = 'accept' | 'acceptWithAudio' | 'reject';
export type SubscribeAnswer =
  Record<string, SubscribeDecision> | ((tmplIds: string[]) => Record<string, SubscribeDecision>);
/** Files (paths on this machine, e.g. fixtures) the user picks, or the user cancelling. */
export type FilePick = { files: string[] } | 'cancel';

/** Answers the test scripts for dialogs and pickers, used in order. */
export interface Scripts {
  modals: ModalAnswer[];
  subscribe: SubscribeAnswer[];
  media: FilePick[];
  messageFiles: FilePick[];
}

export interface UiEvent {
  api: string;
  route?: string;
  title?: string;
  content?: string;
  icon?: string;
  answer?: unknown;
  /** previewImage: the images and the one shown first */
  urls?: string[];
  current?: string;
  /** makePhoneCall: the number handed to the dialer */
  phoneNumber?: string;
  /** openLocation: the point and its words handed to the map */
  latitude?: number;
  longitude?: number;
  name?: string;
  address?: string;
  /** downloadFile: what was downloaded; openDocument: the URL its file came from, if downloaded */
  url?: string;
  statusCode?: number;
  filePath?: string;
  fileType?: string;
}

/** What is on screen besides the page, and everything that was shown. */
export interface UiState {
  toast: { title: string; icon: string; until: number } | null;
  loading: { title: string } | null;
  log: UiEvent[];
}

export interface Realm {
  /** a plain-data copy made in the mini-program's realm */
  data<T>(value: T): T;
  /** the realm's JSON.parse */
  parse(text: string, reviver?: (key: string, value: unknown) => unknown): unknown;
  Promise: PromiseConstructor;
  error(message: string, props?: Record<string, unknown>): Error;
  date(ms: number): Date;
}

/** What uploadFile/downloadFile return with callbacks: an UploadTask/DownloadTask (progress events, abort). */
function transferTask() {
  const progress = new Set<(p: unknown) => void>();
  let abortedFlag = false;
  const task = {
    onProgressUpdate: (cb: unknown) => void (typeof cb === 'function' && progress.add(cb as (p: unknown) => void)),
    offProgressUpdate: (cb: unknown) => void progress.delete(cb as (p: unknown) => void),
    abort: () => void (abortedFlag = true),
    onHeadersReceived: () => undefined,
    offHeadersReceived: () => undefined,
  };
  return { task, progress, aborted: () => abortedFlag };
}

export interface CloudTarget {
  url: string;
  envId?: string;
}

export type NavApi = 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch';

/** What wx needs from the running mini-program (implemented by MiniProgram). */
export interface WxHost {
  readonly openid: string;
  readonly cloud: CloudTarget | null;
  readonly device: DeviceProfile;
  readonly storage: Map<string, string>;
  readonly realm: Realm;
  readonly scripts: Scripts;
  readonly ui: UiState;
  /** wxfile:// temp paths → files on this machine */
  readonly tempFiles: Map<string, string>;
  /** type="2d" canvases: selector-query nodes, drawings, exports (canvas.ts) */
  readonly canvases: CanvasRegistry;
  route(): string | undefined;
  problem(kind: ProblemKind, message: string): void;
  warn(message: string): void;
  observe(api: string): void;
  track<T>(work: Promise<T>): Promise<T>;
  /** runs app code (a callback), turning an exception into a page-error problem */
  guard(where: string, fn: () => unknown): void;
  navigate(api: NavApi, options: Record<string, unknown>): Promise<Record<string, unknown>>;
  inTap(): boolean;
  /** the user's consent to the privacy guide before a privacy API (MiniProgram.privacy) */
  privacy(api: string): Promise<'agreed' | 'disagreed' | 'no-listener'>;
  privacyListener: ((...args: unknown[]) => unknown) | null;
  scrollTo(top: number): void;
  refreshApi(api: 'startPullDownRefresh' | 'stopPullDownRefresh'): void;
}

/** The wx APIs the harness models, each with what it does; any other wx API fails by name. */
export const MODELLED_WX_APIS = {
  navigateTo: 'opens a page of app.json above the current one (stack of 10); not a tabBar page',
  redirectTo: 'replaces the current page (onUnload, then the new onLoad/onShow)',
  navigateBack: 'closes `delta` pages; the one revealed gets onShow',
  switchTab: 'shows a tabBar page and closes every non-tabBar page',
  reLaunch: 'closes every page and opens the given one',
  getStorageSync: 'device storage per WeChat user; a missing key reads as ""',
  setStorageSync: 'JSON values and Dates; 1 MB a key, 10 MB in all',
  removeStorageSync: 'removes one key',
  clearStorageSync: 'removes every key',
  getStorageInfoSync: 'keys, currentSize and limitSize (KB)',
  getStorage: 'async getStorageSync; fails "data not found" for a missing key',
  setStorage: 'async setStorageSync',
  removeStorage: 'async removeStorageSync',
  clearStorage: 'async clearStorageSync',
  getStorageInfo: 'async getStorageInfoSync',
  showToast: 'recorded; one toast or loading at a time; icon titles over 7 characters warn (WeChat cuts them)',
  hideToast: 'hides the toast',
  showLoading: 'recorded; title required',
  hideLoading: 'hides the loading toast',
  showModal: 'answered by the test (answerModal); confirmText/cancelText over 4 characters fail as in WeChat',
  requestSubscribeMessage:
    "only inside a tap; 1–3 template ids, no other parameter (entityIds is Alipay's); the test chooses accept/acceptWithAudio/reject and the grant is recorded in the local CloudBase",
  chooseMedia:
    'returns fixture files the test picked (pickMedia) as wxfile:// temp files, or the user cancelling; mediaType/sourceType/sizeType/count must be documented values; asks for privacy consent first (the harness does not re-encode: a "compressed" photo keeps the fixture\'s bytes)',
  onNeedPrivacyAuthorization:
    'the listener WeChat calls, instead of its own popup, when a privacy API (chooseMedia, chooseMessageFile) is used before the user agreed; the API waits until resolve({event:"agree", buttonId}) after a tap on a <button open-type="agreePrivacyAuthorization">, or fails on disagree',
  chooseMessageFile:
    'returns fixture files the test picked (pickMessageFiles); count is required; type filters; extension filters only with type "file" (with another type WeChat ignores it: a misuse that fails the test); asks for privacy consent first',
  createOffscreenCanvas:
    'type "2d" only: a canvas whose 2D context records drawing and measures text from the font size (no fonts: CJK one em, others about half)',
  compressImage:
    'a new wxfile:// temp file of the image; src must be a temp image, quality 0–100 (the harness does not re-encode: the bytes stay the same)',
  getFileSystemManager:
    'getFileInfo({filePath}) answers the size of a wxfile:// temp file; every other method fails as unmodelled',
  getAppBaseInfo: 'SDKVersion, language, theme, fontSizeSetting / fontSizeScaleFactor of the launch device profile',
  getSystemInfoSync:
    'screen/window sizes, platform, fontSizeSetting of the device profile (deprecated by WeChat, still called by Taro)',
  pageScrollTo: 'records the page scroll position (scrollTop or selector required)',
  startPullDownRefresh: "runs the page's onPullDownRefresh",
  stopPullDownRefresh: 'ends a pull-down refresh',
  'cloud.init': "records the environment; it must be the local CloudBase's envId",
  'cloud.callFunction':
    'calls the function on the local CloudBase as the launch identity (the cloud adds userInfo/OPENID)',
  'cloud.uploadFile':
    'uploads a wxfile:// temp file to the local CloudBase storage; with callbacks returns an UploadTask (onProgressUpdate, abort)',
  'cloud.getTempFileURL': 'signed local download URLs for cloud:// file IDs',
  getWindowInfo: 'pixelRatio, screen/window sizes and status bar height of the device profile',
  createSelectorQuery:
    'select/selectAll(#id, .class) on the current page; fields/boundingClientRect/node; exec answers a turn later. A type="2d" canvas gives its node (canvas.ts); no layout: sizes come from inline px styles or WeChat\'s default canvas size 300×150',
  canvasToTempFilePath: 'the drawing of a type="2d" canvas node (its strokes rasterised) as a PNG wxfile:// temp file',
  previewImage:
    'recorded (urls, current); urls must be a non-empty array of http(s)/cloud:///wxfile:// strings; a current not among them warns (WeChat shows the first); every http(s) image is fetched and one that does not load as an image warns',
  downloadFile:
    'fetches the http(s) url into a wxfile:// temp file; success carries statusCode (a 404 is still a success) and tempFilePath; returns a DownloadTask and has no promise form (called without callbacks it is a misuse)',
  openDocument:
    'recorded; filePath must be a wxfile:// temp file; fileType (or the extension) must be doc/docx/xls/xlsx/ppt/pptx/pdf; a file whose bytes are not of that type warns',
  makePhoneCall:
    'recorded (phoneNumber); phoneNumber must be a non-empty string; anything but digits and a leading + warns (the dialer may not take it)',
  openLocation:
    'recorded (latitude, longitude, name, address); latitude must be a number in [-90, 90] and longitude in [-180, 180]',
} as const satisfies Record<string, string>;

export type ModelledApi = keyof typeof MODELLED_WX_APIS;

interface ApiOptions {
  success?: (res: unknown) => void;
  fail?: (res: unknown) => void;
  complete?: (res: unknown) => void;
  [key: string]: unknown;
}

/** A documented failure: becomes `fail({errMsg})` or a rejected promise. */
export class ApiFail extends Error {
  constructor(
    readonly errMsg: string,
    readonly errCode?: number,
  ) {
    super(errMsg);
  }
}

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.heic', '.bmp']);
const VIDEO_EXT = new Set(['.mp4', '.mov', '.m4v', '.3gp']);
const fileKind = (file: string): 'image' | 'video' | 'file' => {
  const ext = path.extname(file).toLowerCase();
  return IMAGE_EXT.has(ext) ? 'image' : VIDEO_EXT.has(ext) ? 'video' : 'file';
};

const STORAGE_KEY_LIMIT = 1024 * 1024;
const STORAGE_TOTAL_LIMIT = 10 * 1024 * 1024;
const NAV_APIS: readonly NavApi[] = ['navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch'];

/** What wx.openDocument can show. */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'];

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Builds the `wx` global for one launched mini-program. */
export function createWx(host: WxHost): Record<string, unknown> {
  const { realm } = host;
  let cloudEnv: string | null = null;

  const opts = (o: unknown): ApiOptions => (o && typeof o === 'object' ? (o as ApiOptions) : {});

  /**
   * An asynchronous API as WeChat shapes them: callbacks when any of success/fail/complete is
   * given, a promise otherwise; results carry `errMsg: "<api>:ok"`, failures "<api>:fail …".
   */
  function asyncApi(
    name: string,
    options: unknown,
    run: (o: ApiOptions) => Promise<Record<string, unknown>> | Record<string, unknown>,
    style: 'wx' | 'cloud' = 'wx',
  ): unknown {
    const o = opts(options);
    const work = host.track(
      (async () => {
        await nextTurn();
        return { ...(await run(o)), errMsg: `${name}:ok` };
      })(),
    );
    const failure = (err: unknown): { errMsg: string; errCode?: number } => {
      if (err instanceof ApiFail)
        return { errMsg: err.errMsg, ...(err.errCode === undefined ? {} : { errCode: err.errCode }) };
      // not a documented failure: the test scripted something WeChat would not allow, or the
      // local CloudBase is unreachable; the app sees a failure, the test fails on it
      const message = (err as Error)?.message ?? String(err);
      host.problem('misuse', `${name}: ${message}`);
      return { errMsg: `${name}:fail ${message}` };
    };
    if (typeof o.success === 'function' || typeof o.fail === 'function' || typeof o.complete === 'function') {
      void host.track(
        work.then(
          (res) => {
            host.guard(`${name} success callback`, () => o.success?.(realm.data(res)));
            host.guard(`${name} complete callback`, () => o.complete?.(realm.data(res)));
          },
          (err: unknown) => {
            const f = failure(err);
            host.guard(`${name} fail callback`, () => o.fail?.(realm.data(f)));
            host.guard(`${name} complete callback`, () => o.complete?.(realm.data(f)));
          },
        ),
      );
      return undefined;
    }
    return new realm.Promise((resolve, reject) => {
      work.then(
        (res) => resolve(realm.data(res)),
        (err: unknown) => {
          const f = failure(err);
          // wx.cloud rejects with an Error carrying errCode/errMsg; other APIs with the fail object
          reject(style === 'cloud' ? realm.error(f.errMsg, f) : realm.data(f));
        },
      );
    });
  }

  // ------------------------------------------------------------------ storage
  const encode = (data: unknown): string => {
    if (data === undefined)
      throw new ApiFail('setStorage:fail parameter error: parameter.data should be not undefined');
    return JSON.stringify(data, function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key];
      return Object.prototype.toString.call(raw) === '[object Date]'
        ? { __harnessDate: (raw as Date).getTime() }
        : value;
    });
  };
  const decode = (text: string): unknown =>
    realm.parse(text, (_k, v: unknown) => {
      const date = v && typeof v === 'object' ? (v as { __harnessDate?: unknown }).__harnessDate : undefined;
      return typeof date === 'number' ? realm.date(date) : v;
    });
  const storageBytes = () =>
    [...host.storage].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  const checkKey = (api: string, key: unknown): string => {
    if (typeof key !== 'string' || key === '')
      throw new ApiFail(
        `${api}:fail parameter error: parameter.key should be String instead of ${key === '' ? 'empty String' : typeof key};`,
      );
    return key;
  };
  const setItem = (api: string, key: unknown, data: unknown) => {
    const k = checkKey(api, key);
    const text = encode(data);
    if (Buffer.byteLength(k) + Buffer.byteLength(text) > STORAGE_KEY_LIMIT)
      throw new ApiFail(`${api}:fail exceed storage item max length`);
    const before = host.storage.get(k);
    const total =
      storageBytes() -
      (before === undefined ? 0 : Buffer.byteLength(k) + Buffer.byteLength(before)) +
      Buffer.byteLength(k) +
      Buffer.byteLength(text);
    if (total > STORAGE_TOTAL_LIMIT) throw new ApiFail(`${api}:fail exceed storage max size 10Mb`);
    host.storage.set(k, text);
  };
  const storageInfo = () => ({
    keys: [...host.storage.keys()],
    currentSize: Math.ceil(storageBytes() / 1024),
    limitSize: STORAGE_TOTAL_LIMIT / 1024,
  });
  /** Sync APIs throw their failure as an Error, as WeChat does. */
  const sync = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ApiFail) throw realm.error(e.errMsg, { errMsg: e.errMsg });
      throw e;
    }
  };

  // ------------------------------------------------------------------ local CloudBase (its client gateway)
  async function gateway(route: string, body: unknown, query = ''): Promise<Record<string, unknown>> {
    if (!host.cloud) throw new ApiFail(`${route}:fail the harness was launched without a cloud (pass cloud: { url })`);
    const isRaw = Buffer.isBuffer(body);
    const res = await fetch(`${host.cloud.url}/gateway/${route}${query}`, {
      method: 'POST',
      headers: { 'content-type': isRaw ? 'application/octet-stream' : 'application/json' },
      body: isRaw ? new Uint8Array(body) : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok)
      throw new ApiFail(
        typeof json.errMsg === 'string' ? json.errMsg : `HTTP ${res.status}`,
        typeof json.errCode === 'number' ? json.errCode : undefined,
      );
    return json;
  }
  const requireInit = (api: string) => {
    if (cloudEnv === null) throw new ApiFail(`${api}:fail wx.cloud.init has not been called`);
    if (host.cloud?.envId && cloudEnv !== host.cloud.envId)
      throw new ApiFail(
        `${api}:fail Error: errCode: -501000 | errMsg: [ResourceNotFound] Environment ${cloudEnv} not found`,
        -501000,
      );
  };

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

  // ------------------------------------------------------------------ system
  const windowHeight = () => host.device.screenHeight - host.device.statusBarHeight - NAV_BAR_HEIGHT;
  const systemInfo = () => {
    const d = host.device;
    return {
      brand: d.brand,
      model: d.model,
      pixelRatio: d.pixelRatio,
      screenWidth: d.screenWidth,
      screenHeight: d.screenHeight,
      windowWidth: d.screenWidth,
      windowHeight: windowHeight(),
      statusBarHeight: d.statusBarHeight,
      language: d.language,
      version: d.version,
      system: d.system,
      platform: d.platform,
      fontSizeSetting: d.fontSizeSetting,
      SDKVersion: d.SDKVersion,
      benchmarkLevel: 30,
      theme: d.theme,
      enableDebug: false,
      deviceOrientation: 'portrait',
      safeArea: {
        left: 0,
        right: d.screenWidth,
        top: d.statusBarHeight,
        bottom: d.screenHeight,
        width: d.screenWidth,
        height: d.screenHeight - d.statusBarHeight,
      },
    };
  };

  const toast = (title: string, icon: string, duration: number) => {
    host.ui.toast = { title, icon, until: Date.now() + duration };
    host.ui.loading = null;
  };

  /** WeChat's privacy check before a privacy API; a refusal fails the call as documented (errno 104). */
  const consent = async (api: string) => {
    if ((await host.privacy(api)) === 'disagreed')
      throw new ApiFail(`${api}:fail privacy permission is not authorized`, 104);
  };

  const modelled: Record<ModelledApi, (...args: unknown[]) => unknown> = {
    onNeedPrivacyAuthorization: (listener) => {
      if (typeof listener !== 'function')
        throw new ApiFail('onNeedPrivacyAuthorization:fail parameter error: listener should be Function');
      host.privacyListener = listener as (...args: unknown[]) => unknown;
    },

    // navigation: the page stack lives in MiniProgram
    ...(Object.fromEntries(
      NAV_APIS.map((api) => [api, (o: unknown) => asyncApi(api, o, (x) => host.navigate(api, x))]),
    ) as Record<NavApi, (o: unknown) => unknown>),

    getStorageSync: (key) =>
      sync(() => {
        const text = host.storage.get(checkKey('getStorageSync', key));
        return text === undefined ? '' : decode(text);
      }),
    setStorageSync: (key, data) => sync(() => setItem('setStorageSync', key, data)),
    removeStorageSync: (key) => sync(() => void host.storage.delete(checkKey('removeStorageSync', key))),
    clearStorageSync: () => host.storage.clear(),
    getStorageInfoSync: () => realm.data(storageInfo()),
    getStorage: (o) =>
      asyncApi('getStorage', o, (x) => {
        const text = host.storage.get(checkKey('getStorage', x.key));
        if (text === undefined) throw new ApiFail('getStorage:fail data not found');
        return { data: decode(text) };
      }),
    setStorage: (o) => asyncApi('setStorage', o, (x) => (setItem('setStorage', x.key, x.data), {})),
    removeStorage: (o) =>
      asyncApi('removeStorage', o, (x) => (host.storage.delete(checkKey('removeStorage', x.key)), {})),
    clearStorage: (o) => asyncApi('clearStorage', o, () => (host.storage.clear(), {})),
    getStorageInfo: (o) => asyncApi('getStorageInfo', o, () => storageInfo()),

    showToast: (o) =>
      asyncApi('showToast', o, (x) => {
        const title = String(x.title ?? '');
        const icon = String(x.icon ?? 'success');
        if ((icon === 'success' || icon === 'error' || icon === 'loading') && [...title].length > 7) {
          host.warn(`showToast "${title}": with icon "${icon}" WeChat shows at most 7 characters`);
        }
        toast(title, icon, typeof x.duration === 'number' ? x.duration : 1500);
        host.ui.log.push({ api: 'showToast', route: host.route(), title, icon });
        return {};
      }),
    hideToast: (o) =>
      asyncApi(
        'hideToast',
        o,
        () => ((host.ui.toast = null), host.ui.log.push({ api: 'hideToast', route: host.route() }), {}),
      ),
    showLoading: (o) =>
      asyncApi('showLoading', o, (x) => {
        if (typeof x.title !== 'string')
          throw new ApiFail('showLoading:fail parameter error: parameter.title should be String');
        host.ui.loading = { title: x.title };
        host.ui.toast = null;
        host.ui.log.push({ api: 'showLoading', route: host.route(), title: x.title });
        return {};
      }),
    hideLoading: (o) =>
      asyncApi(
        'hideLoading',
        o,
        () => ((host.ui.loading = null), host.ui.log.push({ api: 'hideLoading', route: host.route() }), {}),
      ),
    showModal: (o) =>
      asyncApi('showModal', o, (x) => {
        const modal: ModalRequest = {
          title: String(x.title ?? ''),
          content: String(x.content ?? ''),
          showCancel: x.showCancel !== false,
          confirmText: String(x.confirmText ?? '确定'),
          cancelText: String(x.cancelText ?? '取消'),
          editable: x.editable === true,
        };
        if ([...modal.confirmText].length > 4)
          throw new ApiFail('showModal:fail confirmText length should not larger than 4 Chinese characters');
        if ([...modal.cancelText].length > 4)
          throw new ApiFail('showModal:fail cancelText length should not larger than 4 Chinese characters');
        const answer = host.scripts.modals.shift();
        if (answer === undefined) {
          host.problem(
            'unscripted',
            `showModal("${modal.title}", "${modal.content}") opened but the test scripted no answer (answerModal)`,
          );
          throw new ApiFail('showModal:fail no answer scripted by the test');
        }
        const reply = typeof answer === 'function' ? answer(modal) : answer;
        const confirm = reply.confirm && true;
        host.ui.log.push({
          api: 'showModal',
          route: host.route(),
          title: modal.title,
          content: modal.content,
          answer: reply,
        });
        return { confirm, cancel: !confirm, ...(modal.editable ? { content: reply.content ?? '' } : {}) };
      }),

    requestSubscribeMessage: (o) => {
      // WeChat only honours the call inside a tap; decided now, before the async part
      const tapped = host.inTap();
      return asyncApi('requestSubscribeMessage', o, async (x) => {
        if (!tapped) {
          host.warn('requestSubscribeMessage called outside a tap: WeChat refuses it');
          throw new ApiFail('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
        }
        // WeChat's parameters; anything else (Alipay's entityIds, a typo) is a misuse
        const unknown = Object.keys(x).filter((k) => !['tmplIds', 'success', 'fail', 'complete'].includes(k));
        if (unknown.length > 0)
          host.problem(
            'misuse',
            `requestSubscribeMessage: ${unknown.join(', ')} is not a WeChat parameter (entityIds is Alipay's)`,
          );
        const ids = Array.isArray(x.tmplIds) ? x.tmplIds.map(String) : [];
        if (ids.length === 0) throw new ApiFail("requestSubscribeMessage:fail TmplIds can't be empty", 10001);
        if (ids.length > 3) throw new ApiFail('requestSubscribeMessage:fail Templates count out of max bounds', 20003);
        const answer = host.scripts.subscribe.shift();
        if (answer === undefined) {
          host.problem(
            'unscripted',
            `requestSubscribeMessage(${ids.join(', ')}) asked the user but the test chose no answer (answerSubscribe)`,
          );
          throw new ApiFail('requestSubscribeMessage:fail no answer scripted by the test');
        }
        const decided = typeof answer === 'function' ? answer(ids) : answer;
        const reject = ids.filter((id) => (decided[id] ?? 'reject') === 'reject');
        const res = await gateway('requestSubscribeMessage', { openid: host.openid, tmplIds: ids, reject });
        delete res.errMsg;
        // the local CloudBase records a grant either way; WeChat tells the app which kind of yes
        for (const id of ids)
          if (decided[id] === 'acceptWithAudio' && res[id] === 'accept') res[id] = 'acceptWithAudio';
        host.ui.log.push({ api: 'requestSubscribeMessage', route: host.route(), answer: res });
        return res;
      });
    },

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
    getAppBaseInfo: () => {
      const d = host.device;
      return realm.data({
        SDKVersion: d.SDKVersion,
        enableDebug: false,
        host: { appId: 'wx_harness_host' },
        language: d.language,
        version: d.version,
        theme: d.theme,
        fontSizeSetting: d.fontSizeSetting,
        fontSizeScaleFactor: d.fontSizeScaleFactor,
      });
    },
    getSystemInfoSync: () => realm.data(systemInfo()),
    getWindowInfo: () => {
      const i = systemInfo() as Record<string, unknown>;
      return realm.data({
        pixelRatio: i.pixelRatio,
        screenWidth: i.screenWidth,
        screenHeight: i.screenHeight,
        windowWidth: i.windowWidth,
        windowHeight: i.windowHeight,
        statusBarHeight: i.statusBarHeight,
        safeArea: i.safeArea,
        screenTop: 0,
      });
    },
    createSelectorQuery: () => host.canvases.createSelectorQuery(),
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
    makePhoneCall: (o) =>
      asyncApi('makePhoneCall', o, (x) => {
        if (typeof x.phoneNumber !== 'string' || x.phoneNumber === '')
          throw new ApiFail('makePhoneCall:fail parameter error: parameter.phoneNumber should be String');
        if (!/^\+?\d+$/.test(x.phoneNumber)) host.warn(`makePhoneCall: "${x.phoneNumber}" is not only digits`);
        host.ui.log.push({ api: 'makePhoneCall', route: host.route(), phoneNumber: x.phoneNumber });
        return {};
      }),
    openLocation: (o) =>
      asyncApi('openLocation', o, (x) => {
        if (typeof x.latitude !== 'number' || x.latitude < -90 || x.latitude > 90)
          throw new ApiFail('openLocation:fail parameter error: parameter.latitude should be Number');
        if (typeof x.longitude !== 'number' || x.longitude < -180 || x.longitude > 180)
          throw new ApiFail('openLocation:fail parameter error: parameter.longitude should be Number');
        host.ui.log.push({
          api: 'openLocation',
          route: host.route(),
          latitude: x.latitude,
          longitude: x.longitude,
          name: typeof x.name === 'string' ? x.name : undefined,
          address: typeof x.address === 'string' ? x.address : undefined,
        });
        return {};
      }),
    pageScrollTo: (o) =>
      asyncApi('pageScrollTo', o, (x) => {
        if (typeof x.scrollTop !== 'number' && typeof x.selector !== 'string')
          throw new ApiFail('pageScrollTo:fail scrollTop or selector is required');
        host.scrollTo(typeof x.scrollTop === 'number' ? x.scrollTop : 0);
        return {};
      }),
    startPullDownRefresh: (o) =>
      asyncApi('startPullDownRefresh', o, () => (host.refreshApi('startPullDownRefresh'), {})),
    stopPullDownRefresh: (o) => asyncApi('stopPullDownRefresh', o, () => (host.refreshApi('stopPullDownRefresh'), {})),

    'cloud.init': (config) => {
      const c = opts(config);
      cloudEnv = typeof c.env === 'string' ? c.env : (host.cloud?.envId ?? 'default');
    },
    'cloud.callFunction': (o) =>
      asyncApi(
        'cloud.callFunction',
        o,
        async (x) => {
          requireInit('cloud.callFunction');
          if (typeof x.name !== 'string' || x.name === '')
            throw new ApiFail('cloud.callFunction:fail parameter.name should be String');
          const res = await gateway('callFunction', { name: x.name, data: x.data ?? {}, openid: host.openid });
          return { result: res.result, requestID: res.requestID };
        },
        'cloud',
      ),
    'cloud.uploadFile': (o) => {
      // with callbacks WeChat returns an UploadTask: progress events and abort
      const { task, progress, aborted } = transferTask();
      const result = asyncApi(
        'cloud.uploadFile',
        o,
        async (x) => {
          requireInit('cloud.uploadFile');
          const local = typeof x.filePath === 'string' ? host.tempFiles.get(x.filePath) : undefined;
          if (!local) throw new ApiFail(`cloud.uploadFile:fail file not found: ${String(x.filePath)}`);
          if (typeof x.cloudPath !== 'string')
            throw new ApiFail('cloud.uploadFile:fail parameter.cloudPath should be String');
          if (aborted()) throw new ApiFail('cloud.uploadFile:fail abort');
          const bytes = fs.readFileSync(local);
          const res = await gateway(
            'uploadFile',
            bytes,
            `?openid=${encodeURIComponent(host.openid)}&cloudPath=${encodeURIComponent(x.cloudPath)}`,
          );
          for (const cb of progress)
            host.guard('cloud.uploadFile progress callback', () =>
              cb(realm.data({ progress: 100, totalBytesSent: bytes.length, totalBytesExpectedToSend: bytes.length })),
            );
          return { fileID: res.fileID, statusCode: 200 };
        },
        'cloud',
      );
      return result === undefined ? task : result;
    },
    'cloud.getTempFileURL': (o) =>
      asyncApi(
        'cloud.getTempFileURL',
        o,
        async (x) => {
          requireInit('cloud.getTempFileURL');
          const fileList = (Array.isArray(x.fileList) ? x.fileList : []).map((f: unknown) =>
            f && typeof f === 'object' ? (f as { fileID: unknown }).fileID : f,
          );
          const res = await gateway('getTempFileURL', { fileList });
          const list = (res.fileList as { fileID: string; tempFileURL: string; code: string }[]).map((f) => ({
            fileID: f.fileID,
            tempFileURL: f.tempFileURL,
            maxAge: 3600,
            status: f.code === 'SUCCESS' ? 0 : -1,
            errMsg: f.code === 'SUCCESS' ? 'ok' : f.code,
          }));
          return { fileList: list };
        },
        'cloud',
      ),
  };

  const observed = (name: string, fn: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      host.observe(name);
      return fn.apply(this, args);
    };
  const unmodelled = (name: string) =>
    function () {
      host.observe(name);
      host.problem(
        'unmodelled-api',
        `called wx.${name}, which the weapp harness does not model: model it in test/weapp-harness/wx.ts as WeChat documents it, or do without it`,
      );
      throw realm.error(`weapp harness: wx.${name} is not modelled`, { harnessReported: true });
    };
  /** A data member nobody modelled (wx.router, wx.worklet): reading any of its fields fails by name. */
  const unmodelledObject = (name: string) =>
    new Proxy(
      {},
      {
        get(_t, key) {
          if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
          host.observe(`${name}.${key}`);
          host.problem('unmodelled-api', `used wx.${name}.${key}, which the weapp harness does not model`);
          throw realm.error(`weapp harness: wx.${name}.${key} is not modelled`, { harnessReported: true });
        },
      },
    );

  const list = wxApiList();
  const cloud: Record<string, unknown> = {};
  for (const [name, info] of list.cloud) {
    const key = `cloud.${name}` as ModelledApi;
    cloud[name] =
      key in modelled ? observed(key, modelled[key]) : info.callable ? unmodelled(key) : unmodelledObject(key);
  }
  const wx: Record<string, unknown> = {};
  for (const [name, info] of list.wx) {
    if (name === 'cloud') wx.cloud = cloud;
    else if (name === 'env') wx.env = { USER_DATA_PATH: 'wxfile://usr' };
    else if (name in modelled) wx[name] = observed(name, modelled[name as ModelledApi]);
    else wx[name] = info.callable ? unmodelled(name) : unmodelledObject(name);
  }
  for (const name of Object.keys(modelled)) {
    if (!name.startsWith('cloud.') && !list.wx.has(name))
      throw new Error(`weapp harness: models wx.${name}, which ${list.source} does not list`);
  }
  return wx;
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
