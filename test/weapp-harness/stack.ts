/**
 * WeChat's page stack: navigateTo (10 pages at most), redirectTo, navigateBack, switchTab (tab pages
 * stay alive), reLaunch, and what the stack answers (the top page, getCurrentPages).
 */
import { HarnessError } from './problems';
import { PackageRuntime } from './packages';
import type { PageHandle } from './page';
import type { Options } from './runtime';
import { ApiFail, type NavApi } from './wx';

/** WeChat's page stack holds at most 10 pages. */
const MAX_STACK = 10;

export abstract class StackRuntime extends PackageRuntime {
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

  route(): string | undefined {
    return this.stack[this.stack.length - 1]?.route;
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

  protected instantiateFor(api: NavApi, route: string, query: Record<string, string>): PageHandle {
    try {
      return this.instantiate(route, query);
    } catch (e) {
      throw new ApiFail(`${api}:fail ${(e as Error).message}`);
    }
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
}
