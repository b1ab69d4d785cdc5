/**
 * The `wx` object the build runs against. Every name WeChat has is present (so Taro wraps them
 * all, as on a phone); the ones below are modelled as WeChat documents them, and any other one
 * records an `unmodelled-api` problem and throws when called. Results are created in the
 * mini-program's own realm so `instanceof` and JSON behave as app code expects. The parts, by
 * concern: wx-ui.ts, wx-device.ts, wx-media.ts, wx-cloud.ts; what they share: wx-kit.ts.
 */
import { wxApiList } from './api-list';
import { cloudApis } from './wx-cloud';
import { deviceApis } from './wx-device';
import { ApiFail, type ApiOptions, type WxFn, type WxHost, type WxKit } from './wx-kit';
import { mediaApis } from './wx-media';
import { uiApis } from './wx-ui';

export * from './wx-kit';

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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Builds the `wx` global for one launched mini-program. */
export function createWx(host: WxHost): Record<string, unknown> {
  const { realm } = host;
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

  const kit: WxKit = { host, realm, opts, asyncApi, sync, gateway };
  const parts: Record<string, WxFn> = { ...uiApis(kit), ...deviceApis(kit), ...mediaApis(kit), ...cloudApis(kit) };
  // every API the list promises is modelled by some part, and no part models one it does not promise
  for (const name of Object.keys(MODELLED_WX_APIS))
    if (!(name in parts)) throw new Error(`weapp harness: MODELLED_WX_APIS lists ${name}, which no part of wx models`);
  for (const name of Object.keys(parts))
    if (!(name in MODELLED_WX_APIS)) throw new Error(`weapp harness: wx models ${name}, missing from MODELLED_WX_APIS`);
  const modelled = parts as Record<ModelledApi, WxFn>;

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
        `called wx.${name}, which the weapp harness does not model: model it in test/weapp-harness/wx-*.ts as WeChat documents it, or do without it`,
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
