/**
 * Runs a production weapp build (Taro's `dist/`, or any mini-program folder) in a Node `vm`
 * realm with what WeChat's logic layer provides: App/Page/Component/getApp/getCurrentPages, a
 * CommonJS `require` scoped to the package, the page stack and lifecycles of app.json, `wx`
 * (see wx.ts) and setTimeout. There is no `document`, `window` or `fetch`, as on a phone; using
 * one, or a wx API nobody modelled, is recorded as a problem and fails the next action.
 *
 * The view layer is WeChat's own template engine: each page's data (what setData sent) rendered by
 * the `$gwx` of the official compiler with the build's WXSS (renderer.ts). Queries, taps and input
 * go through the rendered elements (view.ts) and reach the handler their bind/catch attribute names.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { type Interaction, SETDATA_ADVISED_BYTES, SETDATA_LIMIT_BYTES, setDataBytes } from './measure';
import { HarnessError, type Problem, type ProblemKind, explain, formatProblems } from './problems';
import { applySetData } from './tree';
import { type NativeState, OfficialRenderer, type RenderedPage } from './renderer';
import { WxNode } from './view';
import { CanvasRegistry } from './canvas';
import {
  type CloudTarget,
  DEFAULT_DEVICE,
  type DeviceProfile,
  type FilePick,
  type ModalAnswer,
  type NavApi,
  type Realm,
  type Scripts,
  type SubscribeAnswer,
  type UiState,
  type WxHost,
  ApiFail,
  createWx,
} from './wx';

type Fn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;

interface SubPackage {
  root: string;
  pages: string[];
  independent?: boolean;
}

export interface AppJson {
  pages: string[];
  subPackages?: SubPackage[];
  subpackages?: SubPackage[];
  tabBar?: { list: { pagePath: string; text?: string }[] };
  window?: Options;
  entryPagePath?: string;
}

export interface LaunchOptions {
  /** the build folder: app.json, app.js, pages… (Taro's dist/) */
  dist: string;
  /** the local CloudBase wx.cloud reaches (its url and envId); without it wx.cloud calls fail */
  cloud?: CloudTarget | null;
  /** the WeChat user: wx.cloud calls run as this OPENID; it owns the device storage */
  openid?: string;
  /** launch page with optional query, e.g. "pages/apply/index?from=share" (default: the first page) */
  path?: string;
  /** launch scene (1001: from the 发现栏 list) */
  scene?: number;
  /** device storage; pass the same Map to relaunch with what the user stored before */
  storage?: Map<string, string>;
  device?: Partial<DeviceProfile>;
  /** raise recorded problems at the next action (default true) */
  strict?: boolean;
  /** print the app's console.log (default: keep quiet) */
  printConsole?: boolean;
  /**
   * WeChat's own record that this user agreed to the mini-program's privacy guide (kept by WeChat
   * per user, not in app storage); pass the same object to relaunch with it. Default: not agreed.
   */
  privacy?: PrivacyRecord;
}

/** WeChat's record of the user's consent to the privacy guide (see onNeedPrivacyAuthorization). */
export interface PrivacyRecord {
  agreed: boolean;
}

/** A tap or input target: a selector (exactly one visible match on the top page) or a node. */
export type Target = string | WxNode;

/** Methods WeChat puts on a page instance that the harness does not model. */
const UNMODELLED_PAGE_METHODS = [
  'selectComponent',
  'selectAllComponents',
  'selectOwnerComponent',
  'createSelectorQuery',
  'createIntersectionObserver',
  'createMediaQueryObserver',
  'getOpenerEventChannel',
  'animate',
  'clearAnimation',
  'getTabBar',
  'getPageId',
  'setUpdatePerformanceListener',
  'getRelationNodes',
  'setInitialRenderingCache',
  'getPassiveEvent',
  'setPassiveEvent',
];
/** WeChat's page stack holds at most 10 pages. */
const MAX_STACK = 10;
/**
 * The real process: under jest, `process` is a per-test stand-in whose listeners never hear
 * about unhandled rejections; vm.runInThisContext reaches the process itself.
 */
const hostProcess = vm.runInThisContext('process') as NodeJS.Process;
type RejectionWatcher = (reason: unknown, promise: Promise<unknown>) => boolean;
/** One process listener for every running mini-program; each claims the promises of its realm. */
const running = new Set<RejectionWatcher>();
/** Promise.prototype of every realm created, so a late rejection in a closed one is not foreign. */
const realmPromiseProtos = new WeakSet<object>();
const onAnyRejection = (reason: unknown, promise: Promise<unknown>) => {
  const claimed =
    [...running].some((fn) => fn(reason, promise)) || realmPromiseProtos.has(Object.getPrototypeOf(promise) as object);
  // not ours and nobody else listening: keep Node's default (crash) rather than swallow it
  if (!claimed && hostProcess.listenerCount('unhandledRejection') === 1) throw reason;
};
function watchRejections(fn: RejectionWatcher, on: boolean): void {
  if (on) {
    if (running.size === 0) hostProcess.on('unhandledRejection', onAnyRejection);
    running.add(fn);
  } else if (running.delete(fn) && running.size === 0) hostProcess.off('unhandledRejection', onAnyRejection);
}
/** Timers up to this long are waited for by idle(); longer ones (polls, reminders) are not. */
const SHORT_TIMER_MS = 2000;

export type PageState = 'loaded' | 'shown' | 'hidden' | 'unloaded';

/** One page of the stack: its instance, its data, and what WeChat renders from it (queries). */
export class PageHandle {
  state: PageState = 'loaded';
  scrollTop = 0;
  refreshing = false;
  /** bumped by every setData and every native change: the render is redone only then */
  version = 0;
  /** what native fields show that the data does not say (typed text, a flipped switch) */
  readonly native: NativeState = new Map();

  constructor(
    readonly route: string,
    /** the page's query (onLoad's argument), values as written in the url */
    readonly options: Record<string, string>,
    readonly instance: Options,
    readonly data: Options,
    /** app.json window merged with the page's json */
    readonly config: Options,
    readonly webviewId: number,
    /** WeChat's template engine over the page's current data (cached per version) */
    private readonly render: (page: PageHandle) => RenderedPage,
  ) {}

  get title(): string {
    return String(this.config.navigationBarTitleText ?? '');
  }

  /** The page as rendered now: WeChat's template engine, the build's WXSS. */
  get rendered(): RenderedPage {
    return this.render(this);
  }

  text(): string {
    return this.rendered.view.text();
  }

  /** Visible elements matching a selector (`includeHidden`: also those WXSS hides). */
  query(selector: string, options?: { includeHidden?: boolean }): WxNode[] {
    return this.rendered.view.query(selector, options);
  }

  byClass(cls: string): WxNode[] {
    return this.rendered.view.byClass(cls);
  }

  byText(text: string | RegExp): WxNode[] {
    return this.rendered.view.byText(text);
  }

  byTag(tag: string): WxNode[] {
    return this.rendered.view.byTag(tag);
  }

  outline(maxLines?: number): string {
    return this.rendered.view.outline(maxLines);
  }
}

interface TimerEntry {
  handle: NodeJS.Timeout;
  delay: number;
  repeat: boolean;
}

export class MiniProgram implements WxHost {
  readonly dist: string;
  readonly appJson: AppJson;
  readonly openid: string;
  readonly cloud: CloudTarget | null;
  readonly device: DeviceProfile;
  readonly storage: Map<string, string>;
  readonly scripts: Scripts = { modals: [], subscribe: [], media: [], messageFiles: [] };
  readonly ui: UiState = { toast: null, loading: null, log: [] };
  readonly tempFiles = new Map<string, string>();
  readonly realm: Realm;
  /** type="2d" canvases of the pages, their drawings and exports (canvas.ts) */
  readonly canvases: CanvasRegistry = new CanvasRegistry({
    // a selector query finds elements whatever their visibility, as WeChat's does
    queryPage: (selector) => (this.stack.length ? this.page.query(selector, { includeHidden: true }) : []),
    tempFiles: this.tempFiles,
    guard: (where, fn) => void this.guard(where, fn),
    realmData: (v) => this.realm.data(v),
  });
  /** every wx API called, with how often (modelled or not) */
  readonly apiCalls = new Map<string, number>();
  readonly interactions: Interaction[] = [];
  /** "pages/index/index onShow"…, in order */
  readonly lifecycleLog: string[] = [];
  readonly warnings: string[] = [];
  readonly subpackagesLoaded = new Set<string>();
  /** problems already raised by an action (kept for the record) */
  readonly raised: Problem[] = [];

  readonly privacyRecord: PrivacyRecord;
  /** what the app registered with wx.onNeedPrivacyAuthorization */
  privacyListener: Fn | null = null;
  /** id of the agreePrivacyAuthorization button the user tapped last */
  private privacyButtonId: string | null = null;

  private readonly official: OfficialRenderer;
  private readonly renders = new WeakMap<PageHandle, { version: number; view: RenderedPage }>();
  private readonly reportedTemplateErrors = new Set<string>();
  private readonly strict: boolean;
  private readonly printConsole: boolean;
  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageOptions = new Map<string, Options>();
  private readonly componentOptions = new Map<string, Options>();
  private readonly stack: PageHandle[] = [];
  /** tab pages stay alive once opened, until reLaunch */
  private readonly tabPages = new Map<string, PageHandle>();
  private readonly timers = new Map<number, TimerEntry>();
  private pendingProblems: Problem[] = [];
  private app: Options | null = null;
  private loadingRoute: string | null = null;
  private loadingComponent: string | null = null;
  private pending = 0;
  private timerSeq = 0;
  private webviewSeq = 0;
  private tapping = false;
  private inOnError = false;
  private closed = false;
  private readonly onRejection: RejectionWatcher;

  private constructor(options: LaunchOptions) {
    this.dist = path.resolve(options.dist);
    this.appJson = JSON.parse(fs.readFileSync(path.join(this.dist, 'app.json'), 'utf8')) as AppJson;
    this.openid = options.openid ?? 'o_harness_user';
    this.cloud = options.cloud ?? null;
    this.device = { ...DEFAULT_DEVICE, ...options.device };
    this.storage = options.storage ?? new Map();
    this.privacyRecord = options.privacy ?? { agreed: false };
    this.strict = options.strict !== false;
    this.printConsole = options.printConsole === true;
    this.official = OfficialRenderer.forDist(this.dist);

    const sandbox: Options = {
      App: (o: Options) => this.registerApp(o),
      Page: (o: Options) => this.registerPage(o),
      Component: (o: Options) => this.registerComponent(o),
      Behavior: (o: Options) => o,
      getApp: () => this.app ?? undefined,
      getCurrentPages: () => this.stack.map((p) => p.instance),
      requirePlugin: (name: unknown) => {
        this.problem(
          'unmodelled-api',
          `called requirePlugin("${String(name)}"), which the weapp harness does not model`,
        );
        throw this.realm.error(`weapp harness: requirePlugin is not modelled`, { harnessReported: true });
      },
      console: this.makeConsole(),
      setTimeout: (fn: unknown, ms?: unknown, ...args: unknown[]) => this.startTimer(fn, ms, args, false),
      setInterval: (fn: unknown, ms?: unknown, ...args: unknown[]) => this.startTimer(fn, ms, args, true),
      clearTimeout: (id: unknown) => this.clearTimer(id),
      clearInterval: (id: unknown) => this.clearTimer(id),
    };
    // WeChat forbids eval and new Function in mini-programs; so does this realm
    this.context = vm.createContext(sandbox, { name: 'weapp', codeGeneration: { strings: false, wasm: false } });
    const json = vm.runInContext('JSON', this.context) as JSON;
    const RealmError = vm.runInContext('Error', this.context) as ErrorConstructor;
    const RealmDate = vm.runInContext('Date', this.context) as DateConstructor;
    this.realm = {
      data: <T>(v: T): T => (v === undefined ? v : (json.parse(JSON.stringify(v)) as T)),
      parse: (text, reviver) =>
        json.parse(text, reviver as (this: unknown, key: string, value: unknown) => unknown) as unknown,
      Promise: vm.runInContext('Promise', this.context) as PromiseConstructor,
      error: (message, props = {}) => {
        const e = new RealmError(message);
        for (const [k, v] of Object.entries(props))
          Object.defineProperty(e, k, {
            value: v,
            enumerable: k !== 'harnessReported',
            writable: true,
            configurable: true,
          });
        return e;
      },
      date: (ms) => new RealmDate(ms),
    };
    sandbox.wx = createWx(this);
    realmPromiseProtos.add(this.realm.Promise.prototype);

    this.onRejection = (reason, promise) => {
      if (!(promise instanceof this.realm.Promise)) return false;
      if (this.closed || (reason as { harnessReported?: boolean } | null)?.harnessReported) return true;
      const p = explain(reason, 'a promise');
      this.problem(
        p.kind === 'page-error' ? 'unhandled-rejection' : p.kind,
        p.kind === 'page-error' ? `unhandled rejection: ${p.message.replace(/^a promise threw /, '')}` : p.message,
      );
      // WeChat hands these to App.onUnhandledRejection
      const handler = this.app?.onUnhandledRejection;
      if (typeof handler === 'function')
        this.guard('App.onUnhandledRejection', () => handler.call(this.app, { reason, promise }));
      return true;
    };
    watchRejections(this.onRejection, true);
  }

  /** Loads app.js (App onLaunch/onShow) and opens the launch page (onLoad/onShow/onReady), then settles. */
  static async launch(options: LaunchOptions): Promise<MiniProgram> {
    const mp = new MiniProgram(options);
    try {
      await mp.boot(options.path, options.scene ?? 1001);
    } catch (e) {
      await mp.close();
      throw e;
    }
    return mp;
  }

  // ================================================================== reading the screen

  /** The page on top of the stack (what the user sees). */
  get page(): PageHandle {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new HarnessError('weapp harness: no page is open');
    return top;
  }

  /** What getApp() returns inside the mini-program. */
  get appInstance(): Options | null {
    return this.app;
  }

  /** The page stack, bottom first (what getCurrentPages() returns, as handles). */
  pages(): readonly PageHandle[] {
    return [...this.stack];
  }

  /** Problems recorded and not yet raised. */
  get problems(): readonly Problem[] {
    return this.pendingProblems;
  }

  /** Returns and forgets the pending problems (for tests that expect one). */
  takeProblems(): Problem[] {
    const out = this.pendingProblems;
    this.pendingProblems = [];
    this.raised.push(...out);
    return out;
  }

  // ================================================================== scripting the user

  /** How the user answers the next showModal (in order). */
  answerModal(...answers: ModalAnswer[]): this {
    this.scripts.modals.push(...answers);
    return this;
  }

  /** What the user chooses in the next requestSubscribeMessage dialog (in order). */
  answerSubscribe(...answers: SubscribeAnswer[]): this {
    this.scripts.subscribe.push(...answers);
    return this;
  }

  /** Files (on this machine) the user picks in the next chooseMedia, or 'cancel'. */
  pickMedia(pick: string[] | 'cancel'): this {
    this.scripts.media.push(pick === 'cancel' ? pick : ({ files: pick } satisfies FilePick));
    return this;
  }

  /** Files the user picks from a chat in the next chooseMessageFile, or 'cancel'. */
  pickMessageFiles(pick: string[] | 'cancel'): this {
    this.scripts.messageFiles.push(pick === 'cancel' ? pick : { files: pick });
    return this;
  }

  // ================================================================== user actions

  /** A finger tap: touchstart, touchend and tap, each bubbling through the bound ancestors. */
  async tap(target: Target, { allowNoHandler = false } = {}): Promise<void> {
    const page = this.page;
    const node = this.resolve(page, target, 'tap');
    this.begin(`tap ${label(target)}`, page.route);
    const touch = { identifier: 0, pageX: 187, pageY: 300, clientX: 187, clientY: 300, force: 1 };
    const touches = { touches: [touch], changedTouches: [touch] };
    this.fire(page, node, 'touchstart', {}, true, touches);
    this.fire(page, node, 'touchend', {}, true, { touches: [], changedTouches: [touch] });
    this.tapping = true;
    let reached: number;
    try {
      reached = this.fire(page, node, 'tap', { x: touch.pageX, y: touch.pageY }, true, touches).reached;
    } finally {
      this.tapping = false;
    }
    // a <button form-type="submit"> also submits its form
    const button = [node, ...node.ancestors()].find((n) => n.tag === 'button');
    // a <button open-type="agreePrivacyAuthorization">: WeChat records the consent, then tells the app
    if (button && String(button.attr('open-type') ?? '') === 'agreePrivacyAuthorization') {
      this.privacyRecord.agreed = true;
      this.privacyButtonId = button.id;
      reached += this.fire(page, button, 'agreeprivacyauthorization', {}, false).reached;
    }
    const form =
      button && String(button.attr('form-type') ?? '') === 'submit'
        ? button.ancestors().find((n) => n.tag === 'form')
        : undefined;
    if (form) {
      this.fire(
        page,
        form,
        'submit',
        { value: this.formValues(form), target: { id: form.id, dataset: form.dataset } },
        false,
      );
      reached++;
    }
    if (reached === 0 && !allowNoHandler) {
      throw new HarnessError(
        `weapp harness: tap ${label(target)} on ${page.route}: nothing handles it (no bindtap/catchtap on ${node.describe()} or its ancestors)`,
      );
    }
    await this.settle();
  }

  /**
   * A finger drawing on a canvas (the target or the one canvas inside it): touchstart at the first
   * point, touchmove through the others, touchend; points are canvas coordinates in css px, as
   * WeChat gives them to canvas touch events (touches[].x/y).
   */
  async draw(target: Target, points: [number, number][]): Promise<void> {
    const page = this.page;
    const hit = this.resolve(page, target, 'draw');
    const canvas = hit.tag === 'canvas' ? hit : hit.descendants().filter((n) => n.tag === 'canvas' && !n.hidden);
    const node = Array.isArray(canvas) ? (canvas.length === 1 ? canvas[0] : null) : canvas;
    if (!node)
      throw new HarnessError(
        `weapp harness: draw ${label(target)} on ${page.route}: ${hit.describe()} is not a canvas and holds ${(canvas as WxNode[]).length} visible canvases`,
      );
    if (points.length < 2) throw new HarnessError('weapp harness: draw needs at least two points');
    this.begin(`draw ${label(target)}`, page.route);
    const touch = ([x, y]: [number, number]) => ({ identifier: 0, x, y });
    const [first, ...rest] = points;
    let reached = this.fire(page, node, 'touchstart', {}, true, {
      touches: [touch(first)],
      changedTouches: [touch(first)],
    }).reached;
    for (const p of rest)
      reached += this.fire(page, node, 'touchmove', {}, true, {
        touches: [touch(p)],
        changedTouches: [touch(p)],
      }).reached;
    const last = points[points.length - 1];
    this.fire(page, node, 'touchend', {}, true, { touches: [], changedTouches: [touch(last)] });
    if (reached === 0)
      throw new HarnessError(
        `weapp harness: draw ${label(target)} on ${page.route}: nothing handles touches on ${node.describe()}`,
      );
    await this.settle();
  }

  /** Types `value` into an input or textarea (or the one inside the target): focus, input, blur. */
  async input(target: Target, value: string): Promise<void> {
    const page = this.page;
    const field = this.field(page, target);
    if (isTrue(field.attr('disabled')))
      throw new HarnessError(`weapp harness: input ${label(target)} on ${page.route}: the field is disabled`);
    const max = Number(field.attr('maxlength') ?? 140);
    const typed = max >= 0 ? [...value].slice(0, max).join('') : value;
    const type = String(field.attr('type') ?? 'text');
    const keyboard: Record<string, RegExp> = { number: /^\d*$/, digit: /^[\d.]*$/, idcard: /^[\dXx]*$/ };
    if (keyboard[type] && !keyboard[type].test(typed))
      throw new HarnessError(
        `weapp harness: input ${label(target)} on ${page.route}: "${typed}" cannot be typed on WeChat's ${type} keyboard`,
      );
    this.begin(`input ${label(target)}`, page.route);
    this.fire(page, field, 'focus', { value: String(field.attr('value') ?? ''), height: 0 }, false);
    // the native field shows what was typed whether or not the page sets it back
    const typing = this.current(page, field) ?? field;
    this.keepNative(page, typing, 'value', typed);
    const { reached, results } = this.fire(
      page,
      typing,
      'input',
      { value: typed, cursor: typed.length, keyCode: typed ? typed.charCodeAt(typed.length - 1) : 8 },
      false,
    );
    if (reached === 0)
      throw new HarnessError(
        `weapp harness: input ${label(target)} on ${page.route}: nothing listens to input on ${field.describe()}`,
      );
    // a bindinput handler may return the value to show instead (WeChat documents this)
    const replaced = results.find((r) => typeof r === 'string' || (r && typeof r === 'object' && 'value' in r));
    const after = this.current(page, typing);
    if (replaced !== undefined && after)
      this.keepNative(
        page,
        after,
        'value',
        typeof replaced === 'string' ? replaced : String((replaced as { value: unknown }).value),
      );
    const shown = this.current(page, typing);
    if (shown)
      this.fire(page, shown, 'blur', { value: String(shown.attr('value') ?? ''), cursor: typed.length }, false);
    await this.settle();
  }

  /** A change event (picker, switch, slider, radio-group, checkbox-group) with detail.value. */
  async change(target: Target, value: unknown): Promise<void> {
    const page = this.page;
    const node = this.resolve(page, target, 'change');
    this.begin(`change ${label(target)}`, page.route);
    // the native component shows the new state whether or not the page sets it back
    this.keepNative(
      page,
      node,
      typeof value === 'boolean' && node.attr('checked') !== undefined ? 'checked' : 'value',
      value,
    );
    if (this.fire(page, node, 'change', { value }, false).reached === 0)
      throw new HarnessError(
        `weapp harness: change ${label(target)} on ${page.route}: nothing listens to change on ${node.describe()}`,
      );
    await this.settle();
  }

  /** Submits a form: detail.value collects the named fields inside it. */
  async submit(target: Target): Promise<void> {
    const page = this.page;
    const form = this.resolve(page, target, 'submit');
    this.begin(`submit ${label(target)}`, page.route);
    const detail = { value: this.formValues(form), target: { id: form.id, dataset: form.dataset } };
    if (this.fire(page, form, 'submit', detail, false).reached === 0)
      throw new HarnessError(
        `weapp harness: submit ${label(target)} on ${page.route}: nothing listens to submit on ${form.describe()}`,
      );
    await this.settle();
  }

  /** The back button of the navigation bar. */
  async back(): Promise<void> {
    if (this.stack.length <= 1)
      throw new HarnessError(
        `weapp harness: back on ${this.page.route}: the first page has no back button (navigateBack:fail cannot navigate back at first page)`,
      );
    this.begin('back', this.page.route);
    await this.navigate('navigateBack', { delta: 1 });
    await this.settle();
  }

  /** The user pulls the page down; only when the page (or app) enables pull-down refresh. */
  async pullDownRefresh(): Promise<void> {
    const page = this.page;
    if (page.config.enablePullDownRefresh !== true)
      throw new HarnessError(
        `weapp harness: ${page.route} does not enable pull-down refresh (enablePullDownRefresh in its json): the user cannot pull it`,
      );
    this.begin('pull-down refresh', page.route);
    page.refreshing = true;
    this.lifecycle(page, 'onPullDownRefresh');
    await this.settle();
  }

  /** The user scrolls to the bottom of the page. */
  async reachBottom(): Promise<void> {
    this.begin('reach bottom', this.page.route);
    this.lifecycle(this.page, 'onReachBottom');
    await this.settle();
  }

  // ================================================================== waiting

  /**
   * Resolves once nothing is in flight: no wx API call or cloud call pending, no short timer
   * scheduled, several event-loop turns in a row.
   */
  async idle(timeout = 10000): Promise<void> {
    const end = Date.now() + timeout;
    let quiet = 0;
    while (quiet < 3) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.busy()) {
        quiet = 0;
        await new Promise<void>((resolve) => setTimeout(resolve, 1));
      } else quiet++;
      if (Date.now() > end)
        throw new HarnessError(
          `weapp harness: still busy after ${timeout} ms (${this.pending} API calls, ${this.timers.size} timers pending)`,
        );
    }
  }

  /** Waits until the top page shows a match for `selector` (or `predicate` holds). */
  async waitFor(what: string | ((mp: MiniProgram) => boolean), { timeout = 10000 } = {}): Promise<WxNode[]> {
    const end = Date.now() + timeout;
    for (;;) {
      if (this.strict) this.check();
      if (this.stack.length > 0) {
        if (typeof what === 'string') {
          const hits = this.page.query(what);
          if (hits.length > 0) return hits;
        } else if (what(this)) return [];
      }
      if (Date.now() > end) {
        // the page as text: shorter than the tree, and what a reader would look at
        const where = this.stack.length
          ? `${this.page.route}, which shows:\n${this.page.text().slice(0, 3000)}`
          : 'no page open';
        throw new HarnessError(
          `weapp harness: waited ${timeout} ms for ${typeof what === 'string' ? `"${what}"` : 'a condition'} on ${where}`,
        );
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Raises the recorded problems, if any, as one HarnessError naming each. */
  check(): void {
    if (this.pendingProblems.length === 0) return;
    const problems = this.takeProblems();
    throw new HarnessError(`weapp run failed:\n${formatProblems(problems)}`, problems);
  }

  /** Unloads every page (onUnload), hides the app and stops its timers. */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const page of [...this.stack].reverse()) this.unload(page);
    for (const page of this.tabPages.values()) this.unload(page);
    if (this.app && typeof this.app.onHide === 'function')
      this.guard('App.onHide', () => (this.app!.onHide as Fn).call(this.app));
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t.handle);
    this.timers.clear();
    watchRejections(this.onRejection, false);
  }

  // ================================================================== WxHost (used by wx.ts)

  route(): string | undefined {
    return this.stack[this.stack.length - 1]?.route;
  }

  problem(kind: ProblemKind, message: string): void {
    this.pendingProblems.push({ kind, message, route: this.route() });
  }

  warn(message: string): void {
    this.warnings.push(`${this.route() ?? 'app'}: ${message}`);
  }

  observe(api: string): void {
    this.apiCalls.set(api, (this.apiCalls.get(api) ?? 0) + 1);
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    const done = () => {
      this.pending--;
    };
    work.then(done, done);
    return work;
  }

  guard(where: string, fn: () => unknown): unknown {
    // after close() nothing of the app runs any more (late API answers are dropped)
    if (this.closed) return undefined;
    try {
      return fn();
    } catch (err) {
      this.report(err, where);
      return undefined;
    }
  }

  inTap(): boolean {
    return this.tapping;
  }

  /**
   * Before a privacy API runs (wx.ts): with the user's consent on record it goes on; otherwise
   * WeChat calls the app's onNeedPrivacyAuthorization listener and the API waits for its resolve.
   * Without a listener WeChat shows its own popup on top of the app's gate: the user would consent
   * twice, which is the problem recorded.
   */
  async privacy(api: string): Promise<'agreed' | 'disagreed' | 'no-listener'> {
    if (this.privacyRecord.agreed) return 'agreed';
    const listener = this.privacyListener;
    if (!listener) {
      this.problem(
        'misuse',
        `wx.${api} before the user agreed to the privacy guide, and no wx.onNeedPrivacyAuthorization listener: WeChat shows its own privacy popup on top of the app's gate`,
      );
      return 'no-listener';
    }
    // the API now waits for the user, not for work: idle() may settle meanwhile
    this.pending--;
    try {
      return await new Promise((done) => {
        let answered = false;
        const resolve = (r: unknown) => {
          if (answered) return this.problem('misuse', 'onNeedPrivacyAuthorization: resolve was called twice');
          answered = true;
          const o = (r && typeof r === 'object' ? r : {}) as Options;
          if (o.event === 'agree') {
            if (!this.privacyRecord.agreed) {
              this.problem(
                'misuse',
                'onNeedPrivacyAuthorization: resolve({event: "agree"}) without a tap on a <button open-type="agreePrivacyAuthorization">',
              );
              return done('disagreed');
            }
            if (o.buttonId !== this.privacyButtonId)
              this.problem(
                'misuse',
                `onNeedPrivacyAuthorization: resolve({event: "agree"}) names buttonId "${String(o.buttonId)}", but the user tapped "${String(this.privacyButtonId)}"`,
              );
            return done('agreed');
          }
          if (o.event !== 'disagree' && o.event !== 'exposureAuthorization')
            this.problem(
              'misuse',
              `onNeedPrivacyAuthorization: resolve with event "${String(o.event)}" (agree, disagree or exposureAuthorization)`,
            );
          if (o.event === 'disagree') done('disagreed');
        };
        this.guard('onNeedPrivacyAuthorization listener', () => listener(resolve, this.realm.data({ referrer: api })));
      });
    } finally {
      this.pending++;
    }
  }

  scrollTo(top: number): void {
    const page = this.stack[this.stack.length - 1];
    if (!page) return;
    page.scrollTop = top;
    this.lifecycle(page, 'onPageScroll', this.realm.data({ scrollTop: top }));
  }

  refreshApi(api: 'startPullDownRefresh' | 'stopPullDownRefresh'): void {
    const page = this.stack[this.stack.length - 1];
    if (!page) return;
    if (api === 'stopPullDownRefresh') page.refreshing = false;
    else {
      page.refreshing = true;
      this.lifecycle(page, 'onPullDownRefresh');
    }
  }

  async navigate(api: NavApi, options: Options): Promise<Options> {
    if (this.closed) throw new ApiFail(`${api}:fail the mini-program was closed`);
    const top = this.stack[this.stack.length - 1];
    if (api === 'navigateBack') {
      const delta = Math.max(1, Math.floor(Number(options.delta ?? 1)) || 1);
      if (this.stack.length <= 1) throw new ApiFail(`${api}:fail cannot navigate back at first page.`);
      const close = this.stack.splice(Math.max(1, this.stack.length - delta));
      for (const page of close.reverse()) this.unload(page);
      this.show(this.stack[this.stack.length - 1]);
      return {};
    }
    const { route, query } = this.resolveUrl(String(options.url ?? ''), top?.route);
    if (!this.hasRoute(route)) throw new ApiFail(`${api}:fail page "${route}" is not found`);
    const isTab = this.isTab(route);
    if (api === 'navigateTo' || api === 'redirectTo') {
      if (isTab) throw new ApiFail(`${api}:fail can not ${api} a tabbar page`);
      if (api === 'navigateTo' && this.stack.length >= MAX_STACK)
        throw new ApiFail(`${api}:fail webview count limit exceed`);
      const page = this.instantiateFor(api, route, query);
      if (api === 'redirectTo' && top) {
        this.stack.pop();
        this.unload(top);
      } else if (top) this.hide(top);
      this.open(page);
      return {};
    }
    if (api === 'switchTab') {
      if (!isTab) throw new ApiFail(`${api}:fail can not switch to no-tabBar page`);
      if (Object.keys(query).length > 0)
        this.warn(`switchTab("${String(options.url)}"): WeChat drops the query of a tabBar url`);
      for (const page of [...this.stack].reverse()) {
        if (this.isTab(page.route)) {
          if (page.route !== route && page.state === 'shown') this.hide(page);
        } else this.unload(page);
      }
      this.stack.length = 0;
      const alive = this.tabPages.get(route);
      if (alive) {
        this.stack.push(alive);
        if (alive.state !== 'shown') this.show(alive);
      } else this.open(this.instantiateFor(api, route, {}));
      return {};
    }
    // reLaunch
    const page = this.instantiateFor(api, route, query);
    for (const p of [...this.stack].reverse()) this.unload(p);
    for (const p of this.tabPages.values()) this.unload(p);
    this.stack.length = 0;
    this.open(page);
    return {};
  }

  private instantiateFor(api: NavApi, route: string, query: Record<string, string>): PageHandle {
    try {
      return this.instantiate(route, query);
    } catch (e) {
      throw new ApiFail(`${api}:fail ${(e as Error).message}`);
    }
  }

  // ================================================================== app, pages, modules

  private async boot(launchPath: string | undefined, scene: number): Promise<void> {
    const { route, query } = this.resolveUrl(
      launchPath ?? this.appJson.entryPagePath ?? this.appJson.pages[0],
      undefined,
    );
    this.begin(`launch ${route}`, route);
    this.guard('loading app.js', () => this.require(path.join(this.dist, 'app.json'), './app.js'));
    if (!this.app) {
      this.check();
      throw new HarnessError('weapp harness: app.js did not call App()');
    }
    const launch = this.realm.data({ path: route, query, scene, referrerInfo: {}, apiCategory: 'default' });
    this.lifecycleLog.push('App onLaunch', 'App onShow');
    if (typeof this.app.onLaunch === 'function')
      this.guard('App.onLaunch', () => (this.app!.onLaunch as Fn).call(this.app, launch));
    if (typeof this.app.onShow === 'function')
      this.guard('App.onShow', () => (this.app!.onShow as Fn).call(this.app, launch));
    if (!this.hasRoute(route)) {
      if (typeof this.app.onPageNotFound === 'function')
        this.guard('App.onPageNotFound', () =>
          (this.app!.onPageNotFound as Fn).call(this.app, this.realm.data({ path: route, query, isEntryPage: true })),
        );
      throw new HarnessError(`weapp harness: launch page "${route}" is not in app.json`);
    }
    try {
      this.open(this.instantiate(route, query));
    } catch (e) {
      this.check();
      throw new HarnessError(`weapp harness: cannot open ${route}: ${(e as Error).message}`);
    }
    await this.settle();
  }

  private registerApp(options: Options): void {
    if (this.app) return this.problem('misuse', 'App() was called twice');
    // WeChat's getApp() returns this object (Taro keeps methods on its prototype)
    this.app = options;
  }

  private registerPage(options: Options): void {
    if (!this.loadingRoute) return this.problem('misuse', 'Page() was called outside a page file');
    if (this.pageOptions.has(this.loadingRoute))
      return this.problem('misuse', `Page() was called twice for ${this.loadingRoute}`);
    this.pageOptions.set(this.loadingRoute, options);
  }

  private registerComponent(options: Options): void {
    if (this.loadingComponent) this.componentOptions.set(this.loadingComponent, options);
    else if (this.loadingRoute && !this.pageOptions.has(this.loadingRoute)) {
      // a page built with Component(): its methods are the page's handlers
      const methods = (options.methods ?? {}) as Options;
      this.pageOptions.set(this.loadingRoute, { ...options, ...methods });
    } else this.problem('misuse', 'Component() was called outside a component file');
  }

  /** WeChat's require: relative to the requiring file, inside the package, no subpackage from outside. */
  private require(fromFile: string, request: string): unknown {
    const base = request.startsWith('/') ? this.dist : path.dirname(fromFile);
    let file = path.resolve(base, request.replace(/^\//, ''));
    if (!file.endsWith('.js')) file += '.js';
    const rel = path.relative(this.dist, file);
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw new Error(`require("${request}"): ${rel} is outside the mini-program`);
    const fromPkg = this.packageOf(path.relative(this.dist, fromFile));
    const toPkg = this.packageOf(rel);
    if (toPkg && toPkg !== fromPkg)
      throw new Error(
        `require("${request}") from ${path.relative(this.dist, fromFile)}: subpackage ${toPkg} cannot be required from ${fromPkg || 'the main package'}`,
      );
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    if (!fs.existsSync(file)) throw new Error(`require("${request}"): module ${rel} is not defined`);
    if (toPkg) this.subpackagesLoaded.add(toPkg);
    const module = { exports: this.realm.data({}) as unknown };
    this.modules.set(file, module);
    const code = fs.readFileSync(file, 'utf8');
    const fn = new vm.Script(`(function (require, module, exports) {${code}\n})`, { filename: file }).runInContext(
      this.context,
    ) as Fn;
    fn.call(module.exports, (r: unknown) => this.require(file, String(r)), module, module.exports);
    return module.exports;
  }

  private packageOf(rel: string): string {
    const unix = rel.split(path.sep).join('/');
    const sub = this.subPackages().find((s) => unix.startsWith(`${s.root.replace(/\/$/, '')}/`));
    return sub ? sub.root.replace(/\/$/, '') : '';
  }

  private subPackages(): SubPackage[] {
    return this.appJson.subPackages ?? this.appJson.subpackages ?? [];
  }

  private hasRoute(route: string): boolean {
    return (
      this.appJson.pages.includes(route) ||
      this.subPackages().some((s) => s.pages.some((p) => `${s.root.replace(/\/$/, '')}/${p}` === route))
    );
  }

  private isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath.replace(/^\//, '') === route);
  }

  /** "/pages/a/index?x=1", or relative to the current page; query values stay as written. */
  private resolveUrl(url: string, from: string | undefined): { route: string; query: Record<string, string> } {
    const [p, qs = ''] = url.split('?');
    const route =
      p.startsWith('/') || !from
        ? p.replace(/^\//, '')
        : path.posix.normalize(path.posix.join(path.posix.dirname(from), p));
    const query: Record<string, string> = {};
    for (const pair of qs.split('&').filter(Boolean)) {
      const at = pair.indexOf('=');
      query[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1);
    }
    return { route: route.replace(/\.js$/, ''), query };
  }

  /** Loads the page's script (once) and its custom components, and builds a page instance. */
  private instantiate(route: string, query: Record<string, string>): PageHandle {
    let options = this.pageOptions.get(route);
    if (!options) {
      this.loadingRoute = route;
      let failed: unknown = null;
      try {
        // the framework loads a page from inside its own package
        this.require(path.join(this.dist, `${route}.json`), `/${route}.js`);
      } catch (e) {
        failed = e;
      } finally {
        this.loadingRoute = null;
      }
      if (failed) {
        this.report(failed, `loading ${route}.js`);
        throw new Error(`page "${route}" failed to load`);
      }
      options = this.pageOptions.get(route);
      if (!options) {
        this.problem('misuse', `${route}.js did not call Page()`);
        throw new Error(`page "${route}" has not been registered yet.`);
      }
      this.loadComponents(route);
    }
    const pageJson = readJson(path.join(this.dist, `${route}.json`));
    const { usingComponents: _using, ...pageWindow } = pageJson;
    const config = { ...(this.appJson.window ?? {}), ...pageWindow };
    const data = JSON.parse(JSON.stringify(options.data ?? {})) as Options;
    const id = ++this.webviewSeq;
    const instance = Object.create(options) as Options;
    const page = new PageHandle(route, query, instance, data, config, id, (p) => this.officialView(p));
    Object.assign(instance, {
      route,
      __route__: route,
      options: this.realm.data(query),
      data,
      __wxWebviewId__: id,
      __wxExparserNodeId__: `harness_${id}`,
      setData: (payload: unknown, cb?: unknown) => this.setData(page, payload, cb),
    });
    for (const name of UNMODELLED_PAGE_METHODS) {
      instance[name] = () => {
        this.problem(
          'unmodelled-api',
          `called this.${name}() on page ${route}, which the weapp harness does not model`,
        );
        throw this.realm.error(`weapp harness: page.${name} is not modelled`, { harnessReported: true });
      };
    }
    return page;
  }

  /** usingComponents of a page or component json, loaded as WeChat does before the page renders. */
  private loadComponents(owner: string): void {
    const json = readJson(path.join(this.dist, `${owner}.json`));
    for (const ref of Object.values((json.usingComponents ?? {}) as Record<string, string>)) {
      if (ref.startsWith('plugin://')) continue;
      const comp = ref.startsWith('/')
        ? ref.slice(1)
        : path.posix.normalize(path.posix.join(path.posix.dirname(owner), ref));
      if (this.componentOptions.has(comp) || this.loadingComponent === comp) continue;
      const previous = this.loadingComponent;
      this.loadingComponent = comp;
      try {
        this.require(path.join(this.dist, `${owner}.js`), `/${comp}.js`);
      } finally {
        this.loadingComponent = previous;
      }
      if (!this.componentOptions.has(comp)) this.problem('misuse', `${comp}.js did not call Component()`);
      this.loadComponents(comp);
    }
  }

  private open(page: PageHandle): void {
    this.stack.push(page);
    if (this.isTab(page.route)) this.tabPages.set(page.route, page);
    this.lifecycle(page, 'onLoad', this.realm.data(page.options));
    this.show(page);
    // onReady once the first render is through
    this.later(`${page.route} onReady`, () => {
      if (page.state !== 'unloaded') this.lifecycle(page, 'onReady');
    });
  }

  private show(page: PageHandle): void {
    page.state = 'shown';
    this.lifecycle(page, 'onShow');
  }

  private hide(page: PageHandle): void {
    page.state = 'hidden';
    this.lifecycle(page, 'onHide');
  }

  private unload(page: PageHandle): void {
    if (page.state === 'unloaded') return;
    page.state = 'unloaded';
    this.tabPages.delete(page.route);
    this.lifecycle(page, 'onUnload');
  }

  private lifecycle(page: PageHandle, name: string, ...args: unknown[]): void {
    this.lifecycleLog.push(`${page.route} ${name}`);
    const fn = page.instance[name];
    if (typeof fn === 'function') this.guard(`${page.route} ${name}`, () => (fn as Fn).apply(page.instance, args));
  }

  private setData(page: PageHandle, payload: unknown, cb: unknown): void {
    if (!payload || typeof payload !== 'object')
      return this.problem('misuse', `${page.route}: setData expects an object`);
    const bytes = setDataBytes(payload);
    this.interactions[this.interactions.length - 1]?.calls.push({
      route: page.route,
      bytes,
      keys: Object.keys(payload).length,
    });
    if (bytes > SETDATA_LIMIT_BYTES) {
      return this.problem(
        'setdata-limit',
        `${page.route}: one setData of ${(bytes / 1024).toFixed(0)} KB exceeds WeChat's 1 MB limit (keys ${Object.keys(payload).slice(0, 5).join(', ')})`,
      );
    }
    if (bytes > SETDATA_ADVISED_BYTES)
      this.warn(`setData of ${(bytes / 1024).toFixed(0)} KB is over WeChat's advised 256 KB`);
    if (page.state === 'unloaded') return this.warn(`setData after onUnload of ${page.route}`);
    applySetData(page.data, payload as Options);
    page.version++;
    if (typeof cb === 'function') this.later(`${page.route} setData callback`, () => (cb as Fn).call(page.instance));
  }

  // ================================================================== WeChat's own render

  /** The page as WeChat's template engine renders its data now (cached until the next change). */
  private officialView(page: PageHandle): RenderedPage {
    const cached = this.renders.get(page);
    if (cached && cached.version === page.version) return cached.view;
    const view = this.official.render(page.route, page.data, this.device.screenWidth, page.native);
    this.renders.set(page, { version: page.version, view });
    for (const e of view.errors) {
      const key = `${page.route} ${e}`;
      if (this.reportedTemplateErrors.has(key)) continue;
      this.reportedTemplateErrors.add(key);
      this.pendingProblems.push({
        kind: 'template',
        message: `${page.route}: WeChat's template engine: ${e}`,
        route: page.route,
      });
    }
    return view;
  }

  /** A native field now shows `value` for `attr` (typed text, a switched switch) until the page sets it. */
  private keepNative(page: PageHandle, node: WxNode, attr: string, value: unknown): void {
    let kept = page.native.get(node.sid);
    if (!kept) page.native.set(node.sid, (kept = new Map()));
    // the value the page's data gives: the render shows ours while the data still gives that one
    const base = kept.has(attr) ? kept.get(attr)!.base : node.attr(attr);
    kept.set(attr, { base, value });
    page.version++;
  }

  /** The element for `node` in the page's render now (a handler may have re-rendered it). */
  private current(page: PageHandle, node: WxNode): WxNode | null {
    const el = page.rendered.bySid(node.sid);
    return el ? (page.rendered.view.all().find((n) => n.el === el) ?? null) : null;
  }

  // ================================================================== events

  /**
   * Delivers one event as WeChat does: to the handler the element's bind/catch attribute names, then
   * (bubbling events) to each ancestor's, stopping at a catch; target and currentTarget carry the
   * rendered id and dataset (data-*), mark:* is merged from the target up.
   */
  private fire(
    page: PageHandle,
    target: WxNode,
    type: string,
    detail: Options,
    bubbles: boolean,
    extra: Options = {},
  ): { reached: number; results: unknown[] } {
    const chain = bubbles ? [target, ...target.ancestors()] : [target];
    const results: unknown[] = [];
    let reached = 0;
    const stamp = Math.round(performance.now());
    const mark: Options = {};
    for (const node of chain) {
      for (const [k, v] of Object.entries(node.marks)) if (!(k in mark)) mark[k] = v;
      const binding = node.handles(type);
      if (!binding) continue;
      reached++;
      const event = this.realm.data({
        type,
        timeStamp: stamp,
        target: { id: target.id, offsetLeft: 0, offsetTop: 0, dataset: target.dataset },
        currentTarget: { id: node.id, offsetLeft: 0, offsetTop: 0, dataset: node.dataset },
        detail,
        mark,
        mut: false,
        ...extra,
      });
      const handler = page.instance[binding.handler];
      if (typeof handler !== 'function') {
        // WeChat warns and drops the event; a journey relying on it would silently do nothing
        this.problem(
          'misuse',
          `${page.route}: ${binding.how}${type}="${binding.handler}" on ${node.describe()}, but the page has no method ${binding.handler}`,
        );
        continue;
      }
      results.push(this.guard(`${type} handler on ${page.route}`, () => (handler as Fn).call(page.instance, event)));
      if (binding.how === 'catch') break;
    }
    return { reached, results };
  }

  /** The one visible element a user action goes to: a selector's only visible match, or a node still rendered. */
  private resolve(page: PageHandle, target: Target, action: string): WxNode {
    if (target instanceof WxNode) {
      const again = this.current(page, target);
      if (!again)
        throw new HarnessError(`weapp harness: ${action} ${target.describe()}: the node is no longer on ${page.route}`);
      const why = again.hiddenBecause;
      if (why)
        throw new HarnessError(`weapp harness: ${action} ${again.describe()} on ${page.route}: hidden by WXSS: ${why}`);
      return again;
    }
    const hits = page.query(target);
    if (hits.length !== 1) {
      const hidden =
        hits.length === 0
          ? page
              .query(target, { includeHidden: true })
              .map((n) => n.hiddenBecause)
              .filter((w): w is string => w !== null)
          : [];
      const listed = hits.map((h) => `\n    ${h.describe()}`).join('');
      const because =
        hidden.length > 0 ? ` (in WeChat's render: ${hidden.map((w) => `hidden by WXSS: ${w}`).join('; ')})` : '';
      throw new HarnessError(
        `weapp harness: ${action} "${target}" on ${page.route}: ${hits.length} visible matches, need exactly one${because}${listed}\n${page.outline(60)}`,
      );
    }
    return hits[0];
  }

  /** The input or textarea a fill goes to: the target itself or its only field. */
  private field(page: PageHandle, target: Target): WxNode {
    const node = this.resolve(page, target, 'input');
    if (node.tag === 'input' || node.tag === 'textarea') return node;
    const inner = node.descendants().filter((n) => n.tag === 'input' || n.tag === 'textarea');
    if (inner.length !== 1)
      throw new HarnessError(
        `weapp harness: input ${label(target)} on ${page.route}: ${node.describe()} is not an input and holds ${inner.length} fields`,
      );
    return inner[0];
  }

  private formValues(form: WxNode): Options {
    const out: Options = {};
    for (const n of form.descendants()) {
      const name = n.attr('name');
      if (typeof name !== 'string' || name === '') continue;
      out[name] = n.tag === 'switch' || n.tag === 'checkbox' ? isTrue(n.attr('checked')) : (n.attr('value') ?? '');
    }
    return out;
  }

  // ================================================================== bookkeeping

  private begin(labelText: string, route: string): void {
    if (this.closed) throw new HarnessError(`weapp harness: ${labelText}: the mini-program was closed`);
    this.interactions.push({ label: labelText, route, calls: [] });
  }

  private async settle(): Promise<void> {
    await this.idle();
    // what the person now sees goes through WeChat's template engine: its errors are this action's
    const top = this.stack[this.stack.length - 1];
    if (top && !this.closed) this.officialView(top);
    if (this.strict) this.check();
  }

  private busy(): boolean {
    if (this.pending > 0) return true;
    for (const t of this.timers.values()) if (!t.repeat && t.delay <= SHORT_TIMER_MS) return true;
    return false;
  }

  /** Runs `fn` on a later turn as WeChat's framework would (render callbacks, onReady). */
  private later(where: string, fn: () => unknown): void {
    this.pending++;
    setTimeout(() => {
      this.pending--;
      if (!this.closed) this.guard(where, fn);
    }, 0);
  }

  private startTimer(fn: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
    if (typeof fn !== 'function') {
      this.problem(
        'misuse',
        `set${repeat ? 'Interval' : 'Timeout'} with a string: a mini-program cannot evaluate code`,
      );
      return 0;
    }
    const id = ++this.timerSeq;
    const delay = Math.max(0, Number(ms) || 0);
    const run = () => {
      if (!repeat) this.timers.delete(id);
      if (!this.closed) this.guard(repeat ? 'setInterval callback' : 'setTimeout callback', () => (fn as Fn)(...args));
    };
    this.timers.set(id, { handle: repeat ? setInterval(run, delay) : setTimeout(run, delay), delay, repeat });
    return id;
  }

  private clearTimer(id: unknown): void {
    const t = this.timers.get(Number(id));
    if (!t) return;
    clearTimeout(t.handle);
    this.timers.delete(Number(id));
  }

  private report(err: unknown, where: string): void {
    if ((err as { harnessReported?: boolean } | null)?.harnessReported) return;
    const p = explain(err, where);
    this.problem(p.kind, p.message);
    // WeChat hands uncaught script errors to App.onError
    const onError = this.app?.onError;
    if (typeof onError === 'function' && !this.inOnError) {
      this.inOnError = true;
      try {
        onError.call(this.app, String((err as Error)?.stack ?? err));
      } catch {
        // an onError that throws is reported by WeChat only to the console
      } finally {
        this.inOnError = false;
      }
    }
  }

  private makeConsole(): Options {
    const text = (args: unknown[]) =>
      args
        .map((a) =>
          typeof a === 'string'
            ? a
            : a instanceof Error || (a as Error)?.stack
              ? String((a as Error).stack)
              : safeJson(a),
        )
        .join(' ');
    const log = (...args: unknown[]) => {
      if (this.printConsole) console.log('[weapp]', text(args));
    };
    return {
      log,
      info: log,
      debug: log,
      trace: log,
      dir: log,
      table: log,
      group: log,
      groupCollapsed: log,
      groupEnd: () => undefined,
      time: () => undefined,
      timeEnd: () => undefined,
      warn: (...args: unknown[]) => this.warn(`console.warn: ${text(args)}`),
      error: (...args: unknown[]) => this.problem('console-error', `console.error: ${text(args)}`),
      assert: (ok: unknown, ...args: unknown[]) => {
        if (!ok) this.problem('console-error', `console.assert failed: ${text(args)}`);
      },
    };
  }
}

function label(target: Target): string {
  return typeof target === 'string' ? target : target.describe();
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

function readJson(file: string): Options {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Options) : {};
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
