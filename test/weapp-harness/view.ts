/**
 * The page as the person sees it: elements of the document WeChat's template engine rendered from
 * the page's current data (renderer.ts), queried by CSS selector, class, text or component name.
 * What an element shows, binds and carries (id, data-*, bind/catch) is what the compiled template
 * gave it; whether it is visible is what the build's WXSS computes for it.
 */
import { HarnessError } from './problems';

/** What a node needs from its render: typed attributes and the computed-style verdict. */
export interface ElementFacts {
  /** the attribute values the template runtime produced (typed: true, 5, 'x'), bind:tap included */
  attrs(el: Element): Readonly<Record<string, unknown>>;
  /** why the element is not shown (its own or an ancestor's style), or null when it is */
  hiddenBecause(el: Element): string | null;
  /** why the element and all inside it are out (display:none, hidden, no size), or null */
  gone(el: Element): string | null;
}

/** Components that flow inline in WeChat; everything else starts a new line in `text`. */
const INLINE = new Set(['text', 'label', 'icon', 'image', 'rich-text']);

export type Binding = { how: 'bind' | 'catch'; handler: string };

/** One rendered element (`wx-view`, `wx-input`…) of the page. */
export class WxNode {
  constructor(
    readonly el: Element,
    private readonly facts: ElementFacts,
  ) {}

  /** the component name: view, input, button… (custom components keep their tag) */
  get tag(): string {
    return this.el.tagName.toLowerCase().replace(/^wx-/, '');
  }

  /** Taro's node id (data-sid), which its `eh` handler looks the node up by */
  get sid(): string {
    return String(this.attr('data-sid') ?? '');
  }

  get id(): string {
    return String(this.attr('id') ?? '');
  }

  get className(): string {
    return String(this.attr('class') ?? '');
  }

  get classes(): string[] {
    return this.className.split(/\s+/).filter(Boolean);
  }

  get style(): string {
    return String(this.attr('style') ?? '');
  }

  /** An attribute as the component receives it (typed, as the template evaluated it); `open-type` is its openType. */
  attr(name: string): unknown {
    const a = this.facts.attrs(this.el);
    return name in a ? a[name] : a[name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())];
  }

  /** data-* as WeChat hands it to events: `data-foo-bar` → fooBar, other capitals lowered. */
  get dataset(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.facts.attrs(this.el))) {
      if (!k.startsWith('data-')) continue;
      out[
        k
          .slice(5)
          .toLowerCase()
          .replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())
      ] = v;
    }
    return out;
  }

  /** mark:* of this element (WeChat merges them from the target up to the current target) */
  get marks(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.facts.attrs(this.el))) if (k.startsWith('mark:')) out[k.slice(5)] = v;
    return out;
  }

  /** How this element's template binds `type`: bindtap / bind:tap / catchtap / catch:tap, to which handler. */
  handles(type: string): Binding | null {
    const a = this.facts.attrs(this.el);
    for (const how of ['catch', 'bind'] as const) {
      const handler = a[`${how}${type}`] ?? a[`${how}:${type}`];
      if (typeof handler === 'string' && handler !== '') return { how, handler };
    }
    return null;
  }

  /** why WXSS (or the hidden attribute) keeps it from being seen, or null */
  get hiddenBecause(): string | null {
    return this.facts.hiddenBecause(this.el);
  }

  get hidden(): boolean {
    return this.hiddenBecause !== null;
  }

  get parent(): WxNode | null {
    const p = this.el.parentElement;
    return p && p.tagName !== 'BODY' ? new WxNode(p, this.facts) : null;
  }

  get children(): WxNode[] {
    return [...this.el.children].map((c) => new WxNode(c, this.facts));
  }

  ancestors(): WxNode[] {
    const out: WxNode[] = [];
    for (let n = this.parent; n; n = n.parent) out.push(n);
    return out;
  }

  descendants(): WxNode[] {
    return [...this.el.querySelectorAll('*')].map((c) => new WxNode(c, this.facts));
  }

  /** Text as a reader sees it: inline pieces run together, blocks on their own lines, hidden parts left out. */
  get text(): string {
    const parts: string[] = [];
    const walk = (el: Element) => {
      const node = new WxNode(el, this.facts);
      if (el !== this.el && this.facts.gone(el)) return;
      // visibility:hidden hides the element's own text; a descendant may be visible again
      const seen = el === this.el || !node.hidden;
      const block = !INLINE.has(node.tag);
      if (block) parts.push('\n');
      if (seen && (node.tag === 'input' || node.tag === 'textarea')) parts.push(String(node.attr('value') ?? ''));
      for (const c of el.childNodes) {
        if (c.nodeType === 3) parts.push(seen ? (c.textContent ?? '') : '');
        else if (c.nodeType === 1) walk(c as Element);
      }
      if (block) parts.push('\n');
    };
    walk(this.el);
    return parts
      .join('')
      .replace(/[ \t]*\n[\s]*/g, '\n')
      .trim();
  }

  /** The same element, by identity (a node handle lives as long as its render). */
  is(other: WxNode): boolean {
    return this.el === other.el;
  }

  /** A one-line description for error messages. */
  describe(): string {
    const cls = this.className ? ` class="${this.className}"` : '';
    const text = this.text.replace(/\s+/g, ' ').slice(0, 30);
    return `<${this.tag}${cls} sid="${this.sid}">${text}`;
  }
}

/** Queries over one render of a page; `view` and `input` in a selector are WeChat's components. */
export class PageView {
  constructor(
    readonly body: Element,
    private readonly facts: ElementFacts,
  ) {}

  private wrap(els: Iterable<Element>): WxNode[] {
    return [...els].map((el) => new WxNode(el, this.facts));
  }

  all(): WxNode[] {
    return this.wrap(this.body.querySelectorAll('*'));
  }

  /** Elements matching a CSS selector (`.a .b`, `view.card > text`, `#id`, `[type="2d"]`); visible ones unless told. */
  query(selector: string, { includeHidden = false } = {}): WxNode[] {
    let els: NodeListOf<Element>;
    try {
      els = this.body.querySelectorAll(componentSelector(selector));
    } catch {
      throw new HarnessError(`weapp harness: unsupported selector "${selector}"`);
    }
    const nodes = this.wrap(els);
    return includeHidden ? nodes : nodes.filter((n) => !n.hidden);
  }

  byClass(cls: string): WxNode[] {
    return this.query(`.${cls}`);
  }

  byTag(tag: string): WxNode[] {
    return this.query(tag);
  }

  /** The innermost visible elements whose text matches (a string matches as a substring). */
  byText(text: string | RegExp): WxNode[] {
    const test = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
    const hits = this.all().filter((n) => !n.hidden && test(n.text));
    return hits.filter((n) => !hits.some((m) => m.el !== n.el && n.el.contains(m.el)));
  }

  text(): string {
    return this.wrap(this.body.children)
      .filter((n) => !this.facts.gone(n.el))
      .map((n) => n.text)
      .join('\n')
      .trim();
  }

  /** The render as indented WXML-like text (hidden elements marked), for snapshots and failure messages. */
  outline(maxLines = 200): string {
    const lines: string[] = [];
    const walk = (el: Element, depth: number) => {
      const pad = '  '.repeat(depth);
      const n = new WxNode(el, this.facts);
      const attrs = [
        n.className && `class="${n.className}"`,
        n.tag === 'input' || n.tag === 'textarea' ? `value="${String(n.attr('value') ?? '')}"` : '',
        el.parentElement === this.body || !new WxNode(el.parentElement!, this.facts).hidden
          ? n.hidden && `hidden-by="${n.hiddenBecause}"`
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(`${pad}<${n.tag}${attrs ? ' ' + attrs : ''}>`);
      for (const c of el.childNodes) {
        if (c.nodeType === 1) walk(c as Element, depth + 1);
        else if (c.nodeType === 3 && c.textContent?.trim()) lines.push(`${pad}  ${c.textContent}`);
      }
    };
    for (const el of this.body.children) walk(el, 0);
    return (
      lines.length > maxLines ? [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more lines`] : lines
    ).join('\n');
  }
}

/** Component names as the view layer's elements: `view.card input` → `wx-view.card wx-input` (brackets, quotes kept). */
export function componentSelector(selector: string): string {
  return selector.replace(
    /\[[^\]]*\]|"[^"]*"|(^|[\s>+~,(])([a-z][a-z0-9]*)(?![\w-])/g,
    (m, pre: string | undefined, tag: string | undefined) => (tag ? `${pre}wx-${tag}` : m),
  );
}
