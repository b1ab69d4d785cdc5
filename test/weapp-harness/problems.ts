/**
 * What makes a weapp run fail. The harness records problems where they happen (often inside
 * app code that would swallow a thrown error) and raises them at the next action, so a test
 * fails with the name of what went wrong: the wx API, the browser global, the page.
 */
export type ProblemKind =
  /** a real wx API (or page method) the harness does not model, or one WeChat does not have */
  | 'unmodelled-api'
  /** `document`, `window`, `localStorage`…: there is no DOM or BOM in a mini-program */
  | 'browser-global'
  /** an exception thrown out of a lifecycle, event handler, timer or API callback */
  | 'page-error'
  | 'unhandled-rejection'
  | 'console-error'
  /** one setData payload over WeChat's ~1 MB limit */
  | 'setdata-limit'
  /** a dialog or picker opened that the test did not script an answer for */
  | 'unscripted'
  /** an API used against its documented contract (bad route, misuse of Page(), …) */
  | 'misuse'
  /** WeChat's own template engine could not render the page's data (a missing template…) */
  | 'template';

export interface Problem {
  kind: ProblemKind;
  message: string;
  /** the page on top when it happened */
  route?: string;
}

export class HarnessError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'HarnessError';
  }
}

/** Browser-only globals; a mini-program's JS engine has none of them. */
export const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'document',
  'window',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'XMLHttpRequest',
  'fetch',
  'WebSocket',
  'EventSource',
  'alert',
  'confirm',
  'prompt',
  'getComputedStyle',
  'matchMedia',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'MutationObserver',
  'IntersectionObserver',
  'ResizeObserver',
  'Element',
  'HTMLElement',
  'Node',
  'Event',
  'CustomEvent',
  'Image',
  'FileReader',
  'Blob',
  'File',
  'FormData',
  'URL',
  'URLSearchParams',
  'self',
  'screen',
  'frames',
  'addEventListener',
  'removeEventListener',
  'MessageChannel',
  'Worker',
]);

/** Turns an exception into a problem, naming a browser global or a missing wx API when that is the cause. */
export function explain(err: unknown, where: string): Problem {
  const e = err as { name?: unknown; message?: unknown; stack?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const global = /^(\w+) is not defined$/.exec(message)?.[1];
  if (name === 'ReferenceError' && global && BROWSER_GLOBALS.has(global)) {
    return {
      kind: 'browser-global',
      message: `${where} touched \`${global}\`, which does not exist in a mini-program (no DOM, no browser APIs)`,
    };
  }
  const wxMember = /\bwx\.(\w+) is not a function/.exec(message)?.[1];
  if (wxMember)
    return { kind: 'unmodelled-api', message: `${where} called wx.${wxMember}, which WeChat does not have` };
  const stack = typeof e?.stack === 'string' ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : '';
  return { kind: 'page-error', message: `${where} threw ${name || 'an error'}: ${message}${stack}` };
}

export function formatProblems(problems: readonly Problem[]): string {
  // the route once: many messages already start with "<route> onLoad …"
  return problems
    .map(
      (p) =>
        `  - [${p.kind}]${p.route && !p.message.split('\n')[0].includes(p.route) ? ` ${p.route}:` : ''} ${p.message}`,
    )
    .join('\n');
}
