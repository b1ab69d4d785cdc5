/**
 * WeChat's component framework as the oracle for the harness's event routing. exparser
 * (miniprogram-exparser, driven by j-component) takes wcc's compiled template of a fixture page
 * and delivers taps with its own bubbling, catch and dataset rules; the harness must reach the same
 * handlers, in the same order, with the same target, currentTarget and dataset.
 */
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { MiniProgram, OfficialRenderer } from '../weapp-harness';

const FIXTURE = path.join(__dirname, '..', 'weapp-harness', 'fixtures', 'mini');
const ROUTE = 'pages/bubble/index';

interface Seen {
  handler: string;
  target: string;
  currentTarget: string;
  dataset: Record<string, unknown>;
}
interface ExparserNode {
  _exparserNode: unknown;
}
interface JComponent {
  register(definition: Record<string, unknown>): string;
  create(id: string): { querySelector(selector: string): ExparserNode | undefined };
}
interface Exparser {
  triggerEvent(node: unknown, name: string, detail: unknown, options: Record<string, unknown>): void;
}

let jComponent: JComponent;
let exparser: Exparser;

beforeAll(async () => {
  // j-component builds exparser's elements with the browser globals of the page it runs in
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, {
    window,
    document: window.document,
    Event: window.Event,
    CustomEvent: window.CustomEvent,
  });
  const [jc, ex] = ['j-component', 'miniprogram-exparser'];
  jComponent = ((await import(jc)) as { default: JComponent }).default;
  exparser = ((await import(ex)) as { default: Exparser }).default;
});

/** What exparser delivers for a tap on `selector` of the fixture page (same template, same data). */
function exparserTap(selector: string): Seen[] {
  const seen: Seen[] = [];
  type Target = { id: string; dataset: object };
  const record = (handler: string) => (e: { target: Target; currentTarget: Target }) =>
    seen.push({
      handler,
      target: e.target.id,
      currentTarget: e.currentTarget.id,
      dataset: JSON.parse(JSON.stringify(e.currentTarget.dataset)) as Record<string, unknown>,
    });
  const id = jComponent.register({
    template: OfficialRenderer.forDist(FIXTURE).templateFunction(`${ROUTE}.wxml`),
    data: { count: 1 },
    methods: Object.fromEntries(['onOuter', 'onMiddle', 'onInner', 'onSide'].map((h) => [h, record(h)])),
  });
  const node = jComponent.create(id).querySelector(selector);
  if (!node) throw new Error(`exparser rendered no ${selector}`);
  exparser.triggerEvent(node._exparserNode, 'tap', { x: 0, y: 0 }, { bubbles: true, composed: true });
  return seen;
}

async function harnessTap(selector: string): Promise<Seen[]> {
  const mp = await MiniProgram.launch({ dist: FIXTURE, path: ROUTE });
  try {
    await mp.tap(selector);
    return JSON.parse(JSON.stringify(mp.page.instance.seen ?? [])) as Seen[];
  } finally {
    await mp.close();
  }
}

test.each(['.label', '.inner', '.middle', '.side'])(
  'a tap on %s reaches the handlers exparser reaches, in its order, with its target, currentTarget and dataset',
  async (selector) => {
    const oracle = exparserTap(selector);
    // the fixture is built so every tap reaches something, and the catch on .middle stops at least one
    expect(oracle.length).toBeGreaterThan(0);
    expect(await harnessTap(selector)).toEqual(oracle);
  },
);

test('what exparser itself answers: the facts the fixture is built to show', () => {
  // a catch stops bubbling; data-foo-bar is fooBar, typed as the template evaluated it
  expect(exparserTap('.label')).toEqual([
    { handler: 'onInner', target: '', currentTarget: 'inner', dataset: { level: 'inner', fooBar: 1 } },
    { handler: 'onMiddle', target: '', currentTarget: 'middle', dataset: { level: 'middle' } },
  ]);
  // bind:tap is a binding like bindtap, and bubbles to the outer view
  expect(exparserTap('.side').map((s) => s.handler)).toEqual(['onSide', 'onOuter']);
});
