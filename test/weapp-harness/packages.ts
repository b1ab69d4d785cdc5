/**
 * What the mini-program is made of: app.json's pages and subpackages, WeChat's `require` scoped to
 * the package, App/Page/Component registration, page instances and their lifecycles.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { HarnessError } from './problems';
import type { RenderedPage } from './renderer';
import { type Fn, type Options, Runtime } from './runtime';
import { PageHandle } from './page';
import type { AppJson, LaunchOptions, SubPackage } from './options';

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

export abstract class PackageRuntime extends Runtime {
  readonly dist: string;
  readonly appJson: AppJson;
  /** "pages/index/index onShow"…, in order */
  readonly lifecycleLog: string[] = [];
  readonly subpackagesLoaded = new Set<string>();
  /** the realm's global scope: set by MiniProgram, which builds it */
  protected context!: vm.Context;
  protected readonly modules = new Map<string, { exports: unknown }>();
  protected readonly pageOptions = new Map<string, Options>();
  protected readonly componentOptions = new Map<string, Options>();
  protected readonly stack: PageHandle[] = [];
  /** tab pages stay alive once opened, until reLaunch */
  protected readonly tabPages = new Map<string, PageHandle>();
  protected loadingRoute: string | null = null;
  protected loadingComponent: string | null = null;
  protected webviewSeq = 0;

  constructor(options: LaunchOptions) {
    super(options);
    this.dist = path.resolve(options.dist);
    this.appJson = JSON.parse(fs.readFileSync(path.join(this.dist, 'app.json'), 'utf8')) as AppJson;
  }

  /** The page as WeChat's template engine renders it now (actions.ts). */
  protected abstract officialView(page: PageHandle): RenderedPage;
  /** A page's setData: applied to its data, measured, rendered again (actions.ts). */
  protected abstract setData(page: PageHandle, payload: unknown, cb: unknown): void;
  /** Waits until nothing is in flight, then raises what went wrong (actions.ts). */
  protected abstract settle(): Promise<void>;

  protected async boot(launchPath: string | undefined, scene: number): Promise<void> {
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

  protected registerApp(options: Options): void {
    if (this.app) return this.problem('misuse', 'App() was called twice');
    // WeChat's getApp() returns this object (Taro keeps methods on its prototype)
    this.app = options;
  }

  protected registerPage(options: Options): void {
    if (!this.loadingRoute) return this.problem('misuse', 'Page() was called outside a page file');
    if (this.pageOptions.has(this.loadingRoute))
      return this.problem('misuse', `Page() was called twice for ${this.loadingRoute}`);
    this.pageOptions.set(this.loadingRoute, options);
  }

  protected registerComponent(options: Options): void {
    if (this.loadingComponent) this.componentOptions.set(this.loadingComponent, options);
    else if (this.loadingRoute && !this.pageOptions.has(this.loadingRoute)) {
      // a page built with Component(): its methods are the page's handlers
      const methods = (options.methods ?? {}) as Options;
      this.pageOptions.set(this.loadingRoute, { ...options, ...methods });
    } else this.problem('misuse', 'Component() was called outside a component file');
  }

  /** WeChat's require: relative to the requiring file, inside the package, no subpackage from outside. */
  protected require(fromFile: string, request: string): unknown {
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

  protected packageOf(rel: string): string {
    const unix = rel.split(path.sep).join('/');
    const sub = this.subPackages().find((s) => unix.startsWith(`${s.root.replace(/\/$/, '')}/`));
    return sub ? sub.root.replace(/\/$/, '') : '';
  }

  protected subPackages(): SubPackage[] {
    return this.appJson.subPackages ?? this.appJson.subpackages ?? [];
  }

  protected hasRoute(route: string): boolean {
    return (
      this.appJson.pages.includes(route) ||
      this.subPackages().some((s) => s.pages.some((p) => `${s.root.replace(/\/$/, '')}/${p}` === route))
    );
  }

  protected isTab(route: string): boolean {
    return (this.appJson.tabBar?.list ?? []).some((t) => t.pagePath.replace(/^\//, '') === route);
  }

  /** "/pages/a/index?x=1", or relative to the current page; query values stay as written. */
  protected resolveUrl(url: string, from: string | undefined): { route: string; query: Record<string, string> } {
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
  protected instantiate(route: string, query: Record<string, string>): PageHandle {
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
  protected loadComponents(owner: string): void {
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

  protected open(page: PageHandle): void {
    this.stack.push(page);
    if (this.isTab(page.route)) this.tabPages.set(page.route, page);
    this.lifecycle(page, 'onLoad', this.realm.data(page.options));
    this.show(page);
    // onReady once the first render is through
    this.later(`${page.route} onReady`, () => {
      if (page.state !== 'unloaded') this.lifecycle(page, 'onReady');
    });
  }

  protected show(page: PageHandle): void {
    page.state = 'shown';
    this.lifecycle(page, 'onShow');
  }

  protected hide(page: PageHandle): void {
    page.state = 'hidden';
    this.lifecycle(page, 'onHide');
  }

  protected unload(page: PageHandle): void {
    if (page.state === 'unloaded') return;
    page.state = 'unloaded';
    this.tabPages.delete(page.route);
    this.lifecycle(page, 'onUnload');
  }

  protected lifecycle(page: PageHandle, name: string, ...args: unknown[]): void {
    this.lifecycleLog.push(`${page.route} ${name}`);
    const fn = page.instance[name];
    if (typeof fn === 'function') this.guard(`${page.route} ${name}`, () => (fn as Fn).apply(page.instance, args));
  }
}

function readJson(file: string): Options {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Options) : {};
}
