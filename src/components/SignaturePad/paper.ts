/** What the pad needs of a 2D context (the H5 canvas and WeChat's type="2d" canvas both have it). */
export interface PaperContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/**
 * White paper under dark ink. A transparent PNG shows its black strokes on whatever is behind it —
 * the image viewer's black background made a signature unreadable — so the pad is filled white at
 * the start and at each 清除重写, and the exported image is black on white everywhere.
 */
export function layPaper(ctx: PaperContext, width: number, height: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#111111';
}
