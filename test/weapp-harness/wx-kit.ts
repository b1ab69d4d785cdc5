/**
 * What every part of the `wx` model shares: the types the host (MiniProgram) implements and tests
 * script, the documented failure (ApiFail), and the kit each part is built with (wx.ts).
 */
import type { CanvasRegistry } from './canvas';
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

export interface ApiOptions {
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

export type WxFn = (...args: unknown[]) => unknown;

/** What a part of `wx` is built with (see createWx). */
export interface WxKit {
  host: WxHost;
  realm: Realm;
  opts(o: unknown): ApiOptions;
  /** an asynchronous API as WeChat shapes them: callbacks or a promise, errMsg "<api>:ok" / ":fail …" */
  asyncApi(
    name: string,
    options: unknown,
    run: (o: ApiOptions) => Promise<Record<string, unknown>> | Record<string, unknown>,
    style?: 'wx' | 'cloud',
  ): unknown;
  /** a sync API's failure thrown as an Error, as WeChat does */
  sync<T>(fn: () => T): T;
  /** a POST to the local CloudBase's client gateway as the launch identity */
  gateway(route: string, body: unknown, query?: string): Promise<Record<string, unknown>>;
}

/** What uploadFile/downloadFile return with callbacks: an UploadTask/DownloadTask (progress events, abort). */
export function transferTask() {
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
