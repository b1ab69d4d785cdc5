import { useEffect, useRef } from 'react';
import type { SurfaceProps } from './index';
import { layPaper } from './paper';

/** H5: a plain canvas with pointer events (finger, pen or mouse); exports a PNG Blob. */
export default function SurfaceH5({ canvasId, onStroke, bind }: SurfaceProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    layPaper(ctx, canvas.width, canvas.height);
    let drawing = false;
    const at = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top] as const;
    };
    const down = (e: PointerEvent) => {
      drawing = true;
      canvas.setPointerCapture?.(e.pointerId);
      const [x, y] = at(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
      e.preventDefault();
    };
    const move = (e: PointerEvent) => {
      if (!drawing) return;
      const [x, y] = at(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      onStroke();
      e.preventDefault();
    };
    const up = () => {
      drawing = false;
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointerleave', up);
    bind({
      clear: () => layPaper(ctx, canvas.width, canvas.height),
      exportImage: () =>
        new Promise((resolve, reject) => {
          canvas.toBlob((blob) => (blob ? resolve({ blob }) : reject(new Error('toBlob failed'))), 'image/png');
        }),
    });
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointerleave', up);
    };
    // bind/onStroke are stable enough for a drawing surface; re-binding would wipe the drawing
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <canvas id={canvasId} ref={ref} className="signature__canvas t-signature-canvas" style={{ touchAction: 'none' }} />
  );
}
