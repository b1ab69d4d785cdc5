/**
 * What the person does and sees: each page rendered by WeChat's template engine (renderer.ts), its
 * data applied from setData, and taps, drawing, typing and switches delivered through the rendered
 * elements (view.ts) to the handlers their bind/catch attributes name, bubbling as WeChat does.
 */
import { SETDATA_ADVISED_BYTES, SETDATA_LIMIT_BYTES, setDataBytes } from './measure';
import { HarnessError } from './problems';
import { OfficialRenderer, type RenderedPage } from './renderer';
import { applySetData } from './tree';
import { WxNode } from './view';
import { type Fn, type Options } from './runtime';
import { StackRuntime } from './stack';
import type { PageHandle } from './page';
import type { LaunchOptions, PrivacyRecord } from './options';
import { DEFAULT_DEVICE, type DeviceProfile } from './wx';

/** A tap or input target: a selector (exactly one visible match on the top page) or a node. */
export type Target = string | WxNode;

export abstract class ActionRuntime extends StackRuntime {
  readonly device: DeviceProfile;
  readonly privacyRecord: PrivacyRecord;
  /** id of the agreePrivacyAuthorization button the user tapped last */
  protected privacyButtonId: string | null = null;
  protected tapping = false;
  protected readonly official: OfficialRenderer;
  protected readonly renders = new WeakMap<PageHandle, { version: number; view: RenderedPage }>();
  protected readonly reportedTemplateErrors = new Set<string>();

  constructor(options: LaunchOptions) {
    super(options);
    this.device = { ...DEFAULT_DEVICE, ...options.device };
    this.privacyRecord = options.privacy ?? { agreed: false };
    this.official = OfficialRenderer.forDist(this.dist);
  }

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

  protected setData(page: PageHandle, payload: unknown, cb: unknown): void {
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

  /** The page as WeChat's template engine renders its data now (cached until the next change). */
  protected officialView(page: PageHandle): RenderedPage {
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
  protected keepNative(page: PageHandle, node: WxNode, attr: string, value: unknown): void {
    let kept = page.native.get(node.sid);
    if (!kept) page.native.set(node.sid, (kept = new Map()));
    // the value the page's data gives: the render shows ours while the data still gives that one
    const base = kept.has(attr) ? kept.get(attr)!.base : node.attr(attr);
    kept.set(attr, { base, value });
    page.version++;
  }

  /** The element for `node` in the page's render now (a handler may have re-rendered it). */
  protected current(page: PageHandle, node: WxNode): WxNode | null {
    const el = page.rendered.bySid(node.sid);
    return el ? (page.rendered.view.all().find((n) => n.el === el) ?? null) : null;
  }

  /**
   * Delivers one event as WeChat does: to the handler the element's bind/catch attribute names, then
   * (bubbling events) to each ancestor's, stopping at a catch; target and currentTarget carry the
   * rendered id and dataset (data-*), mark:* is merged from the target up.
   */
  protected fire(
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
  protected resolve(page: PageHandle, target: Target, action: string): WxNode {
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
  protected field(page: PageHandle, target: Target): WxNode {
    const node = this.resolve(page, target, 'input');
    if (node.tag === 'input' || node.tag === 'textarea') return node;
    const inner = node.descendants().filter((n) => n.tag === 'input' || n.tag === 'textarea');
    if (inner.length !== 1)
      throw new HarnessError(
        `weapp harness: input ${label(target)} on ${page.route}: ${node.describe()} is not an input and holds ${inner.length} fields`,
      );
    return inner[0];
  }

  protected formValues(form: WxNode): Options {
    const out: Options = {};
    for (const n of form.descendants()) {
      const name = n.attr('name');
      if (typeof name !== 'string' || name === '') continue;
      out[name] = n.tag === 'switch' || n.tag === 'checkbox' ? isTrue(n.attr('checked')) : (n.attr('value') ?? '');
    }
    return out;
  }

  protected async settle(): Promise<void> {
    await this.idle();
    // what the person now sees goes through WeChat's template engine: its errors are this action's
    const top = this.stack[this.stack.length - 1];
    if (top && !this.closed) this.officialView(top);
    if (this.strict) this.check();
  }
}

function label(target: Target): string {
  return typeof target === 'string' ? target : target.describe();
}

function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}
