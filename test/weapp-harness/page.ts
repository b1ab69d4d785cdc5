/** One page of WeChat's page stack, as the harness hands it to tests. */
import type { NativeState, RenderedPage } from './renderer';
import type { WxNode } from './view';

type Options = Record<string, unknown>;

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
