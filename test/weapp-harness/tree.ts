/**
 * The page as the view layer holds it: the data Taro sends with setData, applied path by path
 * (`root.cn.[0].cn.[1].v`), read back as nodes (`nn`, `sid`, `cl`, `v`, `cn`) with their real
 * component names from base.wxml, and queried by class, text or component name.
 */
import type { NodeKind, TemplateMap } from './templates';

export interface RawNode {
  nn?: string;
  sid?: string;
  uid?: string;
  v?: string;
  cl?: string;
  st?: string;
  cn?: RawNode[];
  [key: string]: unknown;
}

type Container = Record<string, unknown> | unknown[];

/** Splits a setData key as WeChat does: `a.b[1].c` and Taro's `a.cn.[1]` are both paths. */
export function parsePath(key: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : m[2]);
  if (out.length === 0) throw new Error(`setData: empty key "${key}"`);
  return out;
}

/**
 * Applies one setData payload to `target` (the page's data). Values are copied through JSON, as
 * WeChat serialises them to the view layer: functions vanish, `undefined` keys are dropped.
 */
export function applySetData(target: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const steps = parsePath(key);
    let at: Container = target;
    for (let i = 0; i < steps.length - 1; i++) {
      const step = steps[i];
      const child = (at as Record<string | number, unknown>)[step];
      if (child === null || typeof child !== 'object') {
        const created: Container = typeof steps[i + 1] === 'number' ? [] : {};
        (at as Record<string | number, unknown>)[step] = created;
        at = created;
      } else at = child as Container;
    }
    (at as Record<string | number, unknown>)[steps[steps.length - 1]] = JSON.parse(JSON.stringify(value)) as unknown;
  }
}

/** Components that flow inline in WeChat; everything else starts a new line in `text`. */
const INLINE = new Set(['#text', 'text', 'label', 'icon', 'image', 'rich-text']);

export class WxNode {
  readonly kind: NodeKind;

  constructor(
    readonly raw: RawNode,
    private readonly templates: TemplateMap,
    readonly parent: WxNode | null,
    /** data path, e.g. root.cn.[0].cn.[2] */
    readonly path: string,
  ) {
    this.kind = templates.kind(String(raw.nn ?? ''));
  }

  get tag(): string {
    return this.kind.tag;
  }

  get sid(): string {
    return String(this.raw.sid ?? '');
  }

  /** the `id` WeChat renders: `uid` (a component's own id prop) or the sid */
  get id(): string {
    return String(this.raw.uid ?? this.raw.sid ?? '');
  }

  get className(): string {
    return String(this.raw.cl ?? '');
  }

  get classes(): string[] {
    return this.className.split(/\s+/).filter(Boolean);
  }

  get style(): string {
    return String(this.raw.st ?? '');
  }

  get children(): WxNode[] {
    return (this.raw.cn ?? []).map((c, i) => new WxNode(c, this.templates, this, `${this.path}.cn.[${i}]`));
  }

  /** An attribute as the component sees it: its bound data key, else the template's default. */
  attr(name: string): unknown {
    const b = this.kind.attrs.get(name);
    if (b) return this.raw[b.key] ?? b.fallback;
    return this.raw[name];
  }

  /** Which bound/caught events reach `eh` from this node. */
  handles(event: string): 'bind' | 'catch' | null {
    if (this.kind.catches.has(event)) return 'catch';
    if (this.kind.binds.has(event)) return 'bind';
    return null;
  }

  /** display:none (or `hidden`) on the node or an ancestor */
  get hidden(): boolean {
    return [this as WxNode, ...this.ancestors()].some(
      (n) => /display\s*:\s*none/.test(n.style) || n.raw.hidden === true,
    );
  }

  ancestors(): WxNode[] {
    const out: WxNode[] = [];
    for (let n = this.parent; n; n = n.parent) out.push(n);
    return out;
  }

  descendants(): WxNode[] {
    const out: WxNode[] = [];
    const walk = (n: WxNode) => {
      for (const c of n.children) {
        out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }

  /** Text as a reader sees it: inline pieces run together, block components on their own lines. */
  get text(): string {
    const parts: string[] = [];
    const walk = (n: WxNode) => {
      if (n.tag === '#text') return void parts.push(String(n.raw.v ?? ''));
      const block = !INLINE.has(n.tag);
      if (block) parts.push('\n');
      if (n.tag === 'input' || n.tag === 'textarea') parts.push(String(n.attr('value') ?? ''));
      n.children.forEach(walk);
      if (block) parts.push('\n');
    };
    walk(this);
    return parts
      .join('')
      .replace(/[ \t]*\n[\s]*/g, '\n')
      .trim();
  }

  matches(selector: string): boolean {
    return matchCompound(this, selector);
  }

  /** A one-line description for error messages. */
  describe(): string {
    const cls = this.className ? ` class="${this.className}"` : '';
    const text = this.text.replace(/\s+/g, ' ').slice(0, 30);
    return `<${this.tag}${cls} sid="${this.sid}">${text}`;
  }
}

/**
 * A page's rendered tree (its `root.cn`) and queries over it. Selectors are a CSS subset:
 * `tag`, `.class`, `#id`, `[attr]`, `[attr="v"]`, compounds of those, and the descendant space.
 */
export class PageTree {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly templates: TemplateMap,
  ) {}

  roots(): WxNode[] {
    const root = this.data.root as RawNode | undefined;
    return (root?.cn ?? []).map((c, i) => new WxNode(c, this.templates, null, `root.cn.[${i}]`));
  }

  all(): WxNode[] {
    return this.roots().flatMap((r) => [r, ...r.descendants()]);
  }

  query(selector: string, { includeHidden = false } = {}): WxNode[] {
    const parts = selector.trim().split(/\s+(?![^[]*\])/);
    const last = parts[parts.length - 1];
    return this.all().filter((n) => {
      if (!includeHidden && n.hidden) return false;
      if (!n.matches(last)) return false;
      // descendant combinators, right to left
      let anc = n.ancestors();
      for (let p = parts.length - 2; p >= 0; p--) {
        const at = anc.findIndex((a) => a.matches(parts[p]));
        if (at < 0) return false;
        anc = anc.slice(at + 1);
      }
      return true;
    });
  }

  byClass(cls: string): WxNode[] {
    return this.query(`.${cls}`);
  }

  byTag(tag: string): WxNode[] {
    return this.query(tag);
  }

  /** The innermost visible nodes whose text matches (a string matches as a substring). */
  byText(text: string | RegExp): WxNode[] {
    const test = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
    const hits = this.all().filter((n) => !n.hidden && n.tag !== '#text' && test(n.text));
    return hits.filter((n) => !hits.some((m) => m.path.startsWith(`${n.path}.`)));
  }

  text(): string {
    return this.roots()
      .map((r) => r.text)
      .join('\n')
      .trim();
  }

  /** The tree as indented WXML-like text, for snapshots and failure messages. */
  outline(maxLines = 200): string {
    const lines: string[] = [];
    const walk = (n: WxNode, depth: number) => {
      const pad = '  '.repeat(depth);
      if (n.tag === '#text') return void lines.push(`${pad}${String(n.raw.v ?? '')}`);
      const attrs = [
        n.className && `class="${n.className}"`,
        n.tag === 'input' || n.tag === 'textarea' ? `value="${String(n.attr('value') ?? '')}"` : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(`${pad}<${n.tag}${attrs ? ' ' + attrs : ''}>`);
      n.children.forEach((c) => walk(c, depth + 1));
    };
    this.roots().forEach((r) => walk(r, 0));
    return (
      lines.length > maxLines ? [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more lines`] : lines
    ).join('\n');
  }
}

function matchCompound(n: WxNode, compound: string): boolean {
  const tokens = compound.match(/[.#]?[\w-]+|\[[^\]]+\]|\*/g) ?? [];
  if (tokens.join('') !== compound) throw new Error(`weapp harness: unsupported selector "${compound}"`);
  return tokens.every((t) => {
    if (t === '*') return true;
    if (t.startsWith('.')) return n.classes.includes(t.slice(1));
    if (t.startsWith('#')) return n.id === t.slice(1);
    if (t.startsWith('[')) {
      const m = /^\[([\w-]+)(?:="?([^"]*)"?)?\]$/.exec(t);
      if (!m) throw new Error(`weapp harness: unsupported selector "${t}"`);
      const v = n.attr(m[1]);
      return m[2] === undefined ? v !== undefined : String(v) === m[2];
    }
    return n.tag === t;
  });
}
