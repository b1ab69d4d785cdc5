/**
 * What each compressed node name (`nn`) is. Taro's weapp build renders its tree through
 * `base.wxml`: one `tmpl_0_<nn>` template per kind of node, which says the real component
 * (view, input, …), which `pN` data key feeds which attribute, and which events are bound to
 * `eh`. Reading the build's own templates keeps the harness in step with whatever Taro emits,
 * and lets a tap reach exactly the nodes WeChat would deliver it to.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface AttrBinding {
  /** key in the node's data, e.g. `p25` for an input's value */
  key: string;
  /** the template's default when the key is absent (`xs.b(i.p10,140)` → "140") */
  fallback?: string;
}

export interface NodeKind {
  nn: string;
  /** component name as WeChat renders it: view, text, input, textarea, #text, … */
  tag: string;
  attrs: ReadonlyMap<string, AttrBinding>;
  /** events delivered to `eh` with bind* (bubbling continues) */
  binds: ReadonlySet<string>;
  /** events delivered to `eh` with catch* (bubbling stops here) */
  catches: ReadonlySet<string>;
}

export class TemplateMap {
  private constructor(
    private readonly kinds: Map<string, NodeKind>,
    /** false when the build has no base.wxml: node names are taken as component names */
    readonly fromBuild: boolean,
  ) {}

  static fromDist(dist: string): TemplateMap {
    const file = path.join(dist, 'base.wxml');
    if (!fs.existsSync(file)) return new TemplateMap(new Map(), false);
    return new TemplateMap(parseBaseWxml(fs.readFileSync(file, 'utf8')), true);
  }

  kind(nn: string): NodeKind {
    const known = this.kinds.get(nn);
    if (known) return known;
    // Without templates (or for a name the build never declared) assume the literal component,
    // bound to nothing: a tap on it reaches no handler, which the harness then reports.
    const generic: NodeKind = { nn, tag: nn, attrs: new Map(), binds: new Set(), catches: new Set() };
    this.kinds.set(nn, generic);
    return generic;
  }
}

const TEMPLATE = /<template name="tmpl_0_([^"]+)">([\s\S]*?)<\/template>/g;

export function parseBaseWxml(text: string): Map<string, NodeKind> {
  const bodies = new Map<string, string>();
  for (const m of text.matchAll(TEMPLATE)) bodies.set(m[1], m[2].trim());
  const kinds = new Map<string, NodeKind>();
  for (const [name, raw] of bodies) {
    if (/_(focus|blur)$/.test(name)) continue;
    // inputs and textareas dispatch to a _focus/_blur variant; both carry the same bindings
    const body = raw.startsWith('<template is="{{xs.c(') ? (bodies.get(`${name}_blur`) ?? raw) : raw;
    kinds.set(name, parseKind(name, body));
  }
  return kinds;
}

function parseKind(nn: string, body: string): NodeKind {
  const open = /^<([a-z][\w-]*)\b([^>]*)>/.exec(body);
  const attrs = new Map<string, AttrBinding>();
  const binds = new Set<string>();
  const catches = new Set<string>();
  if (!open) return { nn, tag: nn, attrs, binds, catches };
  let tag = open[1];
  if (tag === 'block' && /^<block>\{\{i\.v\}\}<\/block>$/.test(body)) tag = '#text';
  for (const a of open[2].matchAll(/([\w:-]+)="([^"]*)"/g)) {
    const [, name, value] = a;
    const handler = /^(bind|catch|capture-bind|capture-catch|mut-bind):?([a-z]+)$/.exec(name);
    if (handler && value === 'eh') {
      (handler[1].includes('catch') ? catches : binds).add(handler[2]);
      continue;
    }
    const b =
      /^\{\{xs\.b\(i\.(\w+),([^)]*)\)\}\}$/.exec(value) ??
      /^\{\{i\.(\w+)\|\|(.*)\}\}$/.exec(value) ??
      /^\{\{i\.(\w+)\}\}$/.exec(value);
    if (!b) continue;
    const fallback =
      b[2] === undefined
        ? undefined
        : b[2]
            .replace(/^'(.*)'$/, '$1')
            .replace(/^!1$/, 'false')
            .replace(/^!0$/, 'true');
    attrs.set(name, { key: b[1], fallback });
  }
  return { nn, tag, attrs, binds, catches };
}
