import { Axis, Canvas, Chart, Interval, Legend, jsx } from '@antv/f2'

export interface Bar {
  x: string
  type: string
  value: number
}

export interface Surface {
  /** a 2D context of the canvas (WeChat type="2d" node or a browser canvas) */
  context: unknown
  pixelRatio: number
  width: number
  height: number
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
  /**
   * WeChat: a canvas F2 measures text on. Without it F2 falls back to `new OffscreenCanvas` or
   * `document.createElement('canvas')`, neither of which a mini-program has, and the chart throws.
   */
  offscreenCanvas?: unknown
}

const COLORS = ['#0b4f9c', '#2e9d5b', '#d97706', '#b42318']

/**
 * Grouped bars drawn by @antv/f2 (v5) through its `jsx` element API (the mini-program build has no
 * JSX transform for F2's own tree). No animation: the figures are for reading, not for show.
 */
// F2's typings want class components for jsx(); Canvas and Chart are its own roots, which it accepts at run time
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const el = jsx as (type: any, props: Record<string, unknown>) => { props: Record<string, unknown> }

export function drawBars(s: Surface, data: Bar[]): { destroy(): void } {
  const element = el(Canvas, {
    context: s.context,
    pixelRatio: s.pixelRatio,
    width: s.width,
    height: s.height,
    animate: false,
    ...(s.requestAnimationFrame ? { requestAnimationFrame: s.requestAnimationFrame, cancelAnimationFrame: s.cancelAnimationFrame } : {}),
    ...(s.offscreenCanvas ? { offscreenCanvas: s.offscreenCanvas } : {}),
    children: el(Chart, {
      data,
      children: [
        // labels at 13px: readable without the large-text mode
        el(Legend, { position: 'top', style: { justifyContent: 'flex-start' }, nameStyle: { fontSize: '26px' }, marker: 'square' }),
        el(Axis, { field: 'x', style: { label: { fontSize: '24px' } } }),
        el(Axis, { field: 'value', tickCount: 4, style: { label: { fontSize: '24px' } } }),
        el(Interval, { x: 'x', y: 'value', color: { field: 'type', range: COLORS }, adjust: 'dodge' }),
      ],
    }),
  })
  const canvas = new Canvas(element.props as unknown as ConstructorParameters<typeof Canvas>[0])
  canvas.render()
  return { destroy: () => canvas.destroy() }
}
