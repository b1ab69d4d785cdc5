import { useEffect, useRef } from 'react';
import { drawBars } from './draw';
import type { SurfaceProps } from './index';

/** H5: a browser canvas sized to its box, drawn by F2. */
export default function SurfaceH5({ canvasId, data, height }: SurfaceProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const width = Math.max(1, Math.round(canvas.getBoundingClientRect().width));
    const chart = drawBars(
      {
        context,
        pixelRatio: window.devicePixelRatio || 1,
        width,
        height,
        requestAnimationFrame: (cb) => window.requestAnimationFrame(cb),
        cancelAnimationFrame: (id) => window.cancelAnimationFrame(id),
      },
      data,
    );
    canvas.dataset.drawn = 'true';
    return () => chart.destroy();
  }, [data, height]);
  return (
    <canvas
      id={canvasId}
      ref={ref}
      className="chart__canvas t-chart-canvas"
      style={{ width: '100%', height: `${height}px` }}
    />
  );
}
