/** wx APIs of the phone itself: storage per user, and the device and WeChat as the app observes them. */
import { ApiFail, type WxFn, type WxKit } from './wx-kit';

const STORAGE_KEY_LIMIT = 1024 * 1024;
const STORAGE_TOTAL_LIMIT = 10 * 1024 * 1024;
/** Height of WeChat's navigation bar under the status bar (iOS). */
const NAV_BAR_HEIGHT = 44;

export function deviceApis(kit: WxKit): Record<string, WxFn> {
  const { host, realm, asyncApi, sync } = kit;
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

  return {
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
  };
}
