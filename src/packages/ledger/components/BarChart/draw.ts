import { Axis, Canvas, Chart, Interval, Legend, jsx } from '@antv/f2';

export interface Bar {
  x: string;
  type: string;
  value: number;
}

export interface Surface {
  /** a 2D context of the canvas (WeChat type="2d" node or a browser canvas) */
  context: unknown;
  pixelRatio: number;
  width: number;
  height: number;
  requestAnimationFrame?: (cb: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  /**
   * WeChat: a canvas F2 measures text on. Without it F2 falls back to `new OffscreenCanvas` or
   * `document.createElement('canvas')`, neither of which a mini-program has, and the chart throws.
   */
  offscreenCanvas?: unknown;
}

const COLORS = ['#0b4f9c', '#2e9d5b', '#d97706', '#b42318'];

/**
 * Grouped bars drawn by @antv/f2 (v5) through its `jsx` element API (the mini-program build has no
 * JSX transform for F2's own tree). No animation: the figures are for reading, not for show.
 */
// F2's typings want class components for jsx(); Canvas and Chart are its own roots, which it accepts at run time
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const el = jsx as (type: any, props: Record<string, unknown>) => { props: Record<string, unknown> };

/**
 * F2 sizes are written for a 750-wide design and halved to screen px. Its own conversion reads the
 * page's root font size, which the Taro H5 runtime sets for rem layout: on H5 every size came out
 * about a third smaller (axis labels ~8 px). A fixed half keeps H5 and WeChat the same.
 */
export const chartPx2hd = (px: number) => Number((px * 0.5).toFixed(1));
/** axis and legend labels, 750-design px: 13–14 px on a 375-wide screen */
export const LABEL_SIZE = { axis: '26px', legend: '28px' } as const;

export function drawBars(s: Surface, data: Bar[]): { destroy(): void } {
  const element = el(Canvas, {
    context: s.context,
    px2hd: chartPx2hd,
    pixelRatio: s.pixelRatio,
    width: s.width,
    height: s.height,
    animate: false,
    ...(s.requestAnimationFrame
      ? { requestAnimationFrame: s.requestAnimationFrame, cancelAnimationFrame: s.cancelAnimationFrame }
      : {}),
    ...(s.offscreenCanvas ? { offscreenCanvas: s.offscreenCanvas } : {}),
    children: el(Chart, {
      data,
      children: [
        // labels at 13–14px: readable without the large-text mode
        el(Legend, {
          position: 'top',
          style: { justifyContent: 'flex-start' },
          nameStyle: { fontSize: LABEL_SIZE.legend },
          marker: 'square',
        }),
        // twelve months at a readable size do not all fit: overlapping labels are skipped (every figure is
        // in the words below); F2's overlap check reads a second tick, so a chart of one bar group keeps it off
        el(Axis, {
          field: 'x',
          labelAutoHide: new Set(data.map((d) => d.x)).size > 1,
          style: { label: { fontSize: LABEL_SIZE.axis } },
        }),
        el(Axis, { field: 'value', tickCount: 4, style: { label: { fontSize: LABEL_SIZE.axis } } }),
        el(Interval, { x: 'x', y: 'value', color: { field: 'type', range: COLORS }, adjust: 'dodge' }),
      ],
    }),
  });
  const canvas = new Canvas(element.props as unknown as ConstructorParameters<typeof Canvas>[0]);
  canvas.render();
  return { destroy: () => canvas.destroy() };
}
