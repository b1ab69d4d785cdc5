/**
 * The page's data as the view layer receives it: what Taro sends with setData, applied path by path
 * (`root.cn.[0].cn.[1].v`). WeChat's template engine renders it (renderer.ts); queries go to that
 * render (view.ts), never to this data.
 */

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
