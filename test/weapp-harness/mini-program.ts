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
 *
 * One concern a file, each class building on the one before: runtime.ts (problems, timers, waiting),
 * packages.ts (require, registration, lifecycles), stack.ts (navigation), actions.ts (render, events,
 * user actions), and here the realm, the launch and what wx.ts asks of its host.
 */
import vm from 'node:vm';
import { HarnessError, explain } from './problems';
import { CanvasRegistry } from './canvas';
import { ActionRuntime } from './actions';
import { type Fn, type Options, type RejectionWatcher, realmPromiseProtos, watchRejections } from './runtime';
import type { LaunchOptions } from './options';
import type { WxNode } from './view';
import {
  type CloudTarget,
  type FilePick,
  type ModalAnswer,
  type Scripts,
  type SubscribeAnswer,
  type UiState,
  type WxHost,
  createWx,
} from './wx';

export type { AppJson, LaunchOptions, PrivacyRecord } from './options';
export { PageHandle, type PageState } from './page';
export type { Target } from './actions';

export class MiniProgram extends ActionRuntime implements WxHost {
  readonly openid: string;
  readonly cloud: CloudTarget | null;
  readonly storage: Map<string, string>;
  readonly scripts: Scripts = { modals: [], subscribe: [], media: [], messageFiles: [] };
  readonly ui: UiState = { toast: null, loading: null, log: [] };
  readonly tempFiles = new Map<string, string>();
  /** type="2d" canvases of the pages, their drawings and exports (canvas.ts) */
  readonly canvases: CanvasRegistry = new CanvasRegistry({
    // a selector query finds elements whatever their visibility, as WeChat's does
    queryPage: (selector) => (this.stack.length ? this.page.query(selector, { includeHidden: true }) : []),
    tempFiles: this.tempFiles,
    guard: (where, fn) => void this.guard(where, fn),
    realmData: (v) => this.realm.data(v),
  });
  /** what the app registered with wx.onNeedPrivacyAuthorization */
  privacyListener: Fn | null = null;
  private readonly onRejection: RejectionWatcher;

  private constructor(options: LaunchOptions) {
    super(options);
    this.openid = options.openid ?? 'o_harness_user';
    this.cloud = options.cloud ?? null;
    this.storage = options.storage ?? new Map();

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
}
