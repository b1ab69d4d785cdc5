/**
 * WeChat's own template engine under the harness. The build's WXML and WXS are compiled by the
 * official `wcc` (wechat-compilers.ts) and the generated `$gwx` runs in a vm: `wx:for`,
 * `template is=`, Taro's depth fallback to `comp` and `utils.wxs` run as on a phone, and the
 * template runtime's own errors ("Template `tmpl_0_x` not found") are collected. The result is
 * laid into a jsdom document with the build's WXSS (rpx at the device's width), so computed
 * style says whether an element is shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { JSDOM } from 'jsdom';
import { compileWxml } from './wechat-compilers';
import { PageView } from './view';

/** A node as WeChat's template runtime produces it (text nodes are strings). */
export interface VNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: (VNode | string)[];
}

export interface RenderedPage {
  /** the template runtime's warnings and errors while rendering (a broken template) */
  errors: string[];
  root: VNode;
  /** the page as a document with the build's styles applied */
  document: Document;
  /** queries over the rendered elements (view.ts) */
  view: PageView;
  /** the element rendered for the node with this Taro sid, if any */
  bySid(sid: string): Element | null;
  /** why the element is not shown (display:none, visibility:hidden, hidden, no size), or null when it is */
  hiddenBecause(el: Element): string | null;
}

/**
 * What a native field shows after the person typed or switched it, by data-sid and attribute: the
 * view keeps it until the page's data for that attribute changes (WeChat's input is not controlled).
 */
export type NativeState = Map<string, Map<string, { base: unknown; value: unknown }>>;

type Gwx = (file: string) => ((data: unknown, env: unknown, a?: unknown, global?: unknown) => VNode) | undefined;

/** Custom components Taro's templates use (usingComponents of the build): rendered from their own WXML. */
const COMPONENT_PROPS: Record<string, string[]> = { comp: ['i', 'l'], 'custom-wrapper': ['i', 'l'] };

const cache = new Map<string, OfficialRenderer>();

export class OfficialRenderer {
  private readonly gwx: Gwx;
  private readonly log: string[] = [];
  private readonly css = new Map<string, string>();

  private constructor(
    readonly dist: string,
    code: string,
  ) {
    const logged = (...args: unknown[]) => this.log.push(args.map(String).join(' '));
    const sandbox: Record<string, unknown> = {
      console: {
        log: logged,
        warn: logged,
        error: logged,
        info: () => undefined,
        debug: () => undefined,
        group: () => undefined,
        groupEnd: () => undefined,
      },
      __wxAppCode__: {},
      __vd_version_info__: {},
      __wxAppCurrentFile__: '',
    };
    sandbox.window = sandbox;
    sandbox.global = sandbox;
    const context = vm.createContext(sandbox, { name: 'wcc' });
    vm.runInContext(`${code}\n;this.$gwx = $gwx;`, context, { filename: 'wcc-output.js' });
    this.gwx = sandbox.$gwx as Gwx;
    this.json = vm.runInContext('JSON', context) as JSON;
  }

  /** the template runtime's own JSON: data must be its objects (it tests `constructor === Object`) */
  private readonly json: JSON;

  /** The renderer for a build folder, compiled once per process (a fresh build: call `forget`). */
  static forDist(dist: string): OfficialRenderer {
    const key = path.resolve(dist);
    let r = cache.get(key);
    if (!r) {
      const compiled = compileWxml(key);
      if (!compiled.ok) throw new Error(`WeChat's wcc refuses the templates of ${key}:\n${compiled.error}`);
      r = new OfficialRenderer(key, compiled.output);
      cache.set(key, r);
    }
    return r;
  }

  static forget(dist: string): void {
    cache.delete(path.resolve(dist));
  }

  /** Renders `route`.wxml with the page's data, as WeChat's view layer would. */
  render(route: string, data: unknown, screenWidth = 375, native: NativeState = new Map()): RenderedPage {
    this.log.length = 0;
    const root = this.template(`${route}.wxml`, data);
    const errors = this.log.filter((l) => /WXMLRT|not found|error/i.test(l));
    const dom = new JSDOM(
      `<!doctype html><html><head><style>${BASE_CSS}\n${this.styles(route, screenWidth)}</style></head><body></body></html>`,
    );
    const document = dom.window.document;
    const body = document.body;
    const typed = new WeakMap<Element, Record<string, unknown>>();
    const add = (parent: Element, n: VNode | string) => {
      if (typeof n === 'string') return void parent.appendChild(document.createTextNode(n));
      if (n.tag === 'virtual' || n.tag === 'block') return void (n.children ?? []).forEach((c) => add(parent, c));
      const el = document.createElement(
        /^[a-z][a-z0-9-]*$/.test(n.tag) ? (n.tag.includes('-') ? n.tag : `wx-${n.tag}`) : 'wx-unknown',
      );
      const attrs = { ...n.attr };
      const sid = attrs['data-sid'];
      const kept = typeof sid === 'string' ? native.get(sid) : undefined;
      for (const [k, s] of kept ?? []) {
        // the page set this attribute itself since: its value wins, as on a phone
        if (JSON.stringify(attrs[k]) === JSON.stringify(s.base)) attrs[k] = s.value;
        else kept!.delete(k);
      }
      typed.set(el, attrs);
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false || typeof v === 'object' || typeof v === 'function') continue;
        if (k === 'hidden' && (v === 'false' || v === '')) continue;
        try {
          // wcc hands properties camelCased (openType): the document spells them as written (open-type)
          el.setAttribute(
            k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
            String(v),
          );
        } catch {
          // an attribute name the DOM cannot hold (bind:tap…): kept in the typed attributes only
        }
      }
      parent.appendChild(el);
      (n.children ?? []).forEach((c) => add(el, c));
    };
    add(body, root);
    const win = dom.window;
    const styleOf = new WeakMap<Element, CSSStyleDeclaration>();
    const style = (el: Element) => {
      let s = styleOf.get(el);
      if (!s) styleOf.set(el, (s = win.getComputedStyle(el)));
      return s;
    };
    const verdicts = new WeakMap<Element, string | null>();
    // display:none, hidden and no size take a whole subtree out: the element's own reason or an ancestor's
    const gone = (el: Element): string | null => {
      if (el === body || !el.parentElement) return null;
      const known = verdicts.get(el);
      if (known !== undefined) return known;
      const s = style(el);
      let why: string | null = null;
      if (el.hasAttribute('hidden')) why = `${describe(el)} has hidden`;
      else if (s.display === 'none') why = `${describe(el)} has display:none`;
      else if (s.overflow === 'hidden' && (s.width === '0px' || s.height === '0px'))
        why = `${describe(el)} has no size (${s.width === '0px' ? 'width' : 'height'}:0 with overflow:hidden)`;
      why ??= gone(el.parentElement);
      verdicts.set(el, why);
      return why;
    };
    // visibility is inherited, and a descendant may set it back to visible: the element's computed value decides
    const hiddenBecause = (el: Element): string | null =>
      gone(el) ?? (style(el).visibility === 'hidden' ? `${describe(el)} has visibility:hidden` : null);
    const facts = { attrs: (el: Element) => typed.get(el) ?? {}, hiddenBecause, gone };
    return {
      errors,
      root,
      document,
      view: new PageView(body, facts),
      bySid: (sid) => document.querySelector(`[data-sid="${sid.replace(/["\\]/g, '\\$&')}"]`),
      hiddenBecause,
    };
  }

  /** wcc's compiled template of `file` as a function of data, for another runtime (exparser in a test). */
  templateFunction(file: string): (data: unknown) => VNode {
    const gen = this.gwx(file);
    if (typeof gen !== 'function') throw new Error(`wcc compiled no template ${file}`);
    return (data) => gen(this.json.parse(JSON.stringify(data ?? {})), {}, undefined, {});
  }

  /** One template file rendered, custom components (Taro's comp fallback) expanded in place. */
  private template(file: string, data: unknown, depth = 0): VNode {
    const gen = this.gwx(file);
    if (typeof gen !== 'function') {
      this.log.push(`WXMLRT: no compiled template ${file}`);
      return { tag: 'wx-page', children: [] };
    }
    const root = gen(this.json.parse(JSON.stringify(data ?? {})), {}, undefined, {});
    const expand = (n: VNode | string): VNode | string => {
      if (typeof n === 'string') return n;
      const name = n.tag.replace(/^wx-/, '');
      const props = COMPONENT_PROPS[name];
      if (props && depth < 8) {
        const own = Object.fromEntries(props.map((p) => [p, n.attr?.[p]]));
        return { tag: 'virtual', children: [this.template(`${name}.wxml`, own, depth + 1)] };
      }
      return { ...n, children: (n.children ?? []).map(expand) };
    };
    return expand(root) as VNode;
  }

  private styles(route: string, screenWidth: number): string {
    const files = ['app.wxss', 'common.wxss', `${route}.wxss`];
    return files
      .map((f) => {
        if (!this.css.has(f)) this.css.set(f, this.readWxss(f, new Set()));
        return this.css.get(f)!;
      })
      .join('\n')
      .replace(/(-?\d*\.?\d+)rpx/g, (_m, n: string) => `${(Number(n) * screenWidth) / 750}px`);
  }

  private readWxss(file: string, seen: Set<string>): string {
    const full = path.join(this.dist, file);
    if (seen.has(full) || !fs.existsSync(full)) return '';
    seen.add(full);
    // @import inlined; component tags (view, text…) are wx-view, wx-text… in WeChat's view layer
    return fs
      .readFileSync(full, 'utf8')
      .replace(/@import\s+["']([^"']+)["'];?/g, (_m, rel: string) =>
        this.readWxss(path.relative(this.dist, path.resolve(path.dirname(full), rel)), seen),
      )
      .replace(
        /(^|[\s,>+~}])(page|view|text|button|input|textarea|image|canvas|label|form|switch|scroll-view|picker|navigator)(?=[\s,.:#[{>+~])/g,
        '$1wx-$2',
      );
  }
}

/** WeChat's view layer defaults that matter for visibility. */
const BASE_CSS =
  '[hidden] { display: none !important; } wx-view, wx-scroll-view, wx-form, wx-canvas { display: block; } wx-text, wx-label { display: inline; }';

function describe(el: Element): string {
  const cls = el.getAttribute('class');
  return `<${el.tagName.toLowerCase().replace(/^wx-/, '')}${cls ? ` class="${cls}"` : ''}>`;
}
