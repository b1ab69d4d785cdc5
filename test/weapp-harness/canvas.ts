/**
 * Canvas 2D as a WeChat page uses it to draw a signature: `wx.createSelectorQuery().select('#id')
 * .fields({ node: true, size: true }).exec(cb)` hands out the node of a `<canvas type="2d">`, the
 * page sizes it and draws paths on its context, and `wx.canvasToTempFilePath({ canvas })` turns the
 * drawing into a PNG temp file that `cloud.uploadFile` takes. Modelled minimally but honestly:
 * the context records the path operations and strokes them into a real bitmap (no anti-aliasing,
 * round caps approximated by discs), so the exported PNG is a real image whose pixels are the
 * strokes; an empty canvas exports a blank PNG. There is no layout in the harness: a canvas
 * reports WeChat's default size, 300 × 150, unless its inline style gives width/height in px.
 * Kept in its own module (other work may add chart canvases to the harness).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { WxNode } from './view';

/** WeChat's default canvas size (css px) when nothing sets one. */
export const DEFAULT_CANVAS_SIZE = { width: 300, height: 150 };

type Point = [number, number];

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, [a, b, c, d, e, f]: Matrix): Matrix => [
  m[0] * a + m[2] * b,
  m[1] * a + m[3] * b,
  m[0] * c + m[2] * d,
  m[1] * c + m[3] * d,
  m[0] * e + m[2] * f + m[4],
  m[1] * e + m[3] * f + m[5],
];

/** Drawing state that save()/restore() keep. */
interface DrawState {
  matrix: Matrix;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  strokeStyle: unknown;
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  globalAlpha: number;
  lineDash: number[];
}

/**
 * What the 2D context supports; anything else is undefined, so app code using it fails by name.
 * Strokes are rasterised (a signature's pixels); fills and text, which charts draw, are recorded
 * with their device-pixel positions (`fills`, `texts`) so a test can read what a chart shows.
 */
export class Context2D {
  lineWidth = 1;
  lineCap = 'butt';
  lineJoin = 'miter';
  strokeStyle: unknown = '#000000';
  fillStyle: unknown = '#000000';
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  globalAlpha = 1;
  globalCompositeOperation = 'source-over';
  miterLimit = 10;
  lineDashOffset = 0;
  shadowBlur = 0;
  shadowColor = 'rgba(0, 0, 0, 0)';
  shadowOffsetX = 0;
  shadowOffsetY = 0;
  private matrix: Matrix = [...IDENTITY];
  private lineDash: number[] = [];
  private stack: DrawState[] = [];
  private path: Point[][] = [];
  /** strokes drawn so far, in device pixels: each a polyline with its width */
  readonly strokes: { points: Point[]; width: number }[] = [];
  /** filled shapes (fillRect, fill) as device-pixel bounding boxes with their colour */
  readonly fills: { x: number; y: number; width: number; height: number; style: string }[] = [];
  /** text drawn (fillText, strokeText) at device pixels */
  readonly texts: { text: string; x: number; y: number; font: string }[] = [];

  constructor(private readonly canvas: Canvas2DNode) {}

  save(): void {
    this.stack.push({
      matrix: [...this.matrix],
      lineWidth: this.lineWidth,
      lineCap: this.lineCap,
      lineJoin: this.lineJoin,
      strokeStyle: this.strokeStyle,
      fillStyle: this.fillStyle,
      font: this.font,
      textAlign: this.textAlign,
      textBaseline: this.textBaseline,
      globalAlpha: this.globalAlpha,
      lineDash: [...this.lineDash],
    });
  }
  restore(): void {
    const s = this.stack.pop();
    if (!s) return;
    this.matrix = s.matrix;
    this.lineDash = s.lineDash;
    Object.assign(this, {
      lineWidth: s.lineWidth,
      lineCap: s.lineCap,
      lineJoin: s.lineJoin,
      strokeStyle: s.strokeStyle,
      fillStyle: s.fillStyle,
      font: s.font,
      textAlign: s.textAlign,
      textBaseline: s.textBaseline,
      globalAlpha: s.globalAlpha,
    });
  }
  scale(x: number, y: number): void {
    this.matrix = multiply(this.matrix, [x, 0, 0, y, 0, 0]);
  }
  translate(x: number, y: number): void {
    this.matrix = multiply(this.matrix, [1, 0, 0, 1, x, y]);
  }
  rotate(angle: number): void {
    this.matrix = multiply(this.matrix, [Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0]);
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.matrix = multiply(this.matrix, [a, b, c, d, e, f]);
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.matrix = [a, b, c, d, e, f];
  }
  resetTransform(): void {
    this.matrix = [...IDENTITY];
  }
  setLineDash(segments: number[]): void {
    this.lineDash = Array.isArray(segments) ? segments.map(Number) : [];
  }
  getLineDash(): number[] {
    return [...this.lineDash];
  }
  beginPath(): void {
    this.path = [];
  }
  moveTo(x: number, y: number): void {
    this.path.push([this.at(x, y)]);
  }
  lineTo(x: number, y: number): void {
    if (this.path.length === 0) this.path.push([]);
    this.path[this.path.length - 1].push(this.at(x, y));
  }
  /** curves are followed by their end point: enough for a chart's outline, not for its shape */
  quadraticCurveTo(_cx: number, _cy: number, x: number, y: number): void {
    this.lineTo(x, y);
  }
  bezierCurveTo(_c1x: number, _c1y: number, _c2x: number, _c2y: number, x: number, y: number): void {
    this.lineTo(x, y);
  }
  arc(x: number, y: number, r: number, start: number, end: number, counter = false): void {
    const sweep = counter ? start - end : end - start;
    const steps = Math.max(4, Math.ceil(Math.abs(sweep) / (Math.PI / 16)));
    for (let k = 0; k <= steps; k++) {
      const t = start + ((counter ? -1 : 1) * Math.abs(sweep) * k) / steps;
      this.lineTo(x + r * Math.cos(t), y + r * Math.sin(t));
    }
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }
  closePath(): void {
    const sub = this.path[this.path.length - 1];
    if (sub && sub.length) sub.push(sub[0]);
  }
  /** a clip region changes no recorded shape */
  clip(): void {}
  stroke(): void {
    const width =
      this.lineWidth * Math.max(Math.hypot(this.matrix[0], this.matrix[1]), Math.hypot(this.matrix[2], this.matrix[3]));
    for (const sub of this.path) if (sub.length) this.strokes.push({ points: [...sub], width });
  }
  fill(): void {
    const points = this.path.flat();
    if (points.length === 0) return;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    this.fills.push({
      x: Math.min(...xs),
      y: Math.min(...ys),
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
      style: String(this.fillStyle),
    });
  }
  /**
   * White is paper (the signature pad lays it under the ink): it covers what was drawn there. Any
   * other colour is a filled shape (a chart's bar), recorded like fill().
   */
  fillRect(x: number, y: number, w: number, h: number): void {
    if (/^#f{3}(f{3})?$/i.test(String(this.fillStyle)) || this.fillStyle === 'white') {
      this.clearRect(x, y, w, h);
      return;
    }
    const saved = this.path;
    this.path = [];
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path;
    this.path = [];
    this.rect(x, y, w, h);
    this.stroke();
    this.path = saved;
  }
  fillText(text: string, x: number, y: number): void {
    const [px, py] = this.at(x, y);
    this.texts.push({ text: String(text), x: px, y: py, font: this.font });
  }
  strokeText(text: string, x: number, y: number): void {
    this.fillText(text, x, y);
  }
  /** no fonts here: CJK characters one em wide, others about half, from the font's px size */
  measureText(text: string): { width: number } {
    const size = Number(/([\d.]+)px/.exec(this.font)?.[1] ?? 10);
    return { width: [...String(text)].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? size : size * 0.55), 0) };
  }
  /** pixels are not kept for fills and text: what is read back is transparent (F2 reads it to measure fonts) */
  getImageData(
    _x: number,
    _y: number,
    w: number,
    h: number,
  ): { width: number; height: number; data: Uint8ClampedArray } {
    const width = Math.max(1, Math.round(w));
    const height = Math.max(1, Math.round(h));
    return { width, height, data: new Uint8ClampedArray(width * height * 4) };
  }
  createLinearGradient(): { addColorStop(offset: number, color: string): void } {
    return { addColorStop: () => undefined };
  }
  createRadialGradient(): { addColorStop(offset: number, color: string): void } {
    return { addColorStop: () => undefined };
  }
  clearRect(x: number, y: number, w: number, h: number): void {
    const [x0, y0] = this.at(x, y);
    const [x1, y1] = this.at(x + w, y + h);
    const inside = ([px, py]: Point) => px >= x0 && px <= x1 && py >= y0 && py <= y1;
    // a clear over the whole canvas (the usual "clear and redo") empties it
    if (x0 <= 0 && y0 <= 0 && x1 >= this.canvas.width && y1 >= this.canvas.height) {
      this.strokes.length = 0;
      this.fills.length = 0;
      this.texts.length = 0;
    } else {
      this.strokes.splice(0, this.strokes.length, ...this.strokes.filter((s) => !s.points.every(inside)));
      this.fills.splice(
        0,
        this.fills.length,
        ...this.fills.filter((f) => !(inside([f.x, f.y]) && inside([f.x + f.width, f.y + f.height]))),
      );
      this.texts.splice(0, this.texts.length, ...this.texts.filter((t) => !inside([t.x, t.y])));
    }
  }
  private at(x: number, y: number): Point {
    const m = this.matrix;
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  }
}

/** The node of a `<canvas type="2d">`: width/height are its bitmap size (the page sets them). */
export class Canvas2DNode {
  width: number;
  height: number;
  private context: Context2D | null = null;

  constructor(
    readonly cssWidth: number,
    readonly cssHeight: number,
  ) {
    this.width = cssWidth;
    this.height = cssHeight;
  }

  private frames = new Map<number, NodeJS.Timeout>();
  private frameSeq = 0;

  /** a chart library animates by frames: one about every 16 ms, until cancelled */
  requestAnimationFrame(cb: (time: number) => void): number {
    const id = ++this.frameSeq;
    this.frames.set(
      id,
      setTimeout(() => {
        this.frames.delete(id);
        (this.guard ?? ((_w: string, fn: () => unknown) => fn()))('canvas requestAnimationFrame callback', () =>
          cb(Date.now()),
        );
      }, 16),
    );
    return id;
  }
  cancelAnimationFrame(id: number): void {
    clearTimeout(this.frames.get(id));
    this.frames.delete(id);
  }
  /** runs app code for the frames (MiniProgram.guard): set by the registry */
  guard: ((where: string, fn: () => unknown) => void) | null = null;

  getContext(type: string): Context2D | null {
    if (type !== '2d') return null;
    this.context ??= new Context2D(this);
    return this.context;
  }

  /** The drawing as a PNG: white background, strokes in black. */
  toPng(): Buffer {
    const w = Math.max(1, Math.round(this.width));
    const h = Math.max(1, Math.round(this.height));
    const gray = new Uint8Array(w * h).fill(255);
    const dot = (cx: number, cy: number, r: number) => {
      for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(h - 1, Math.ceil(cy + r)); y++) {
        for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(w - 1, Math.ceil(cx + r)); x++) {
          if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) gray[y * w + x] = 0;
        }
      }
    };
    for (const s of this.context?.strokes ?? []) {
      const r = Math.max(0.5, s.width / 2);
      s.points.forEach(([x, y], i) => {
        const [px, py] = i === 0 ? [x, y] : s.points[i - 1];
        const steps = Math.max(1, Math.ceil(Math.hypot(x - px, y - py)));
        for (let k = 0; k <= steps; k++) dot(px + ((x - px) * k) / steps, py + ((y - py) * k) / steps, r);
      });
    }
    return encodeGrayPng(w, h, gray);
  }

  /** How many pixels the strokes covered (0 for an empty canvas). */
  inkedPixels(): number {
    return decodeGrayPng(this.toPng()).filter((v) => v < 128).length;
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit grayscale PNG. */
export function encodeGrayPng(width: number, height: number, gray: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    Buffer.from(gray.buffer, gray.byteOffset + y * width, width).copy(raw, y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The pixels of a PNG written by encodeGrayPng (for tests that look at what was drawn). */
export function decodeGrayPng(png: Buffer): Uint8Array {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  let at = 8;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    raw.copy(Buffer.from(out.buffer, y * width, width), 0, y * (width + 1) + 1, (y + 1) * (width + 1));
  return out;
}

/** What the selector query and the export need from the running mini-program. */
export interface CanvasHost {
  /** visible nodes of the current page matching a selector (`#id`, `.class`) */
  queryPage(selector: string): WxNode[];
  readonly tempFiles: Map<string, string>;
  guard(where: string, fn: () => unknown): void;
  realmData<T>(value: T): T;
}

const px = (style: string, prop: 'width' | 'height') => {
  const m = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([\\d.]+)px`).exec(style);
  return m ? Number(m[1]) : null;
};

/** One canvas node object per rendered canvas (by sid), as WeChat keeps the same node for a canvas. */
export class CanvasRegistry {
  private readonly nodes = new Map<string, Canvas2DNode>();
  private dir: string | null = null;

  constructor(private readonly host: CanvasHost) {}

  nodeFor(n: WxNode): Canvas2DNode | null {
    if (n.tag !== 'canvas' || String(n.attr('type') ?? '') !== '2d') return null;
    let node = this.nodes.get(n.sid);
    if (!node) {
      node = new Canvas2DNode(
        px(n.style, 'width') ?? DEFAULT_CANVAS_SIZE.width,
        px(n.style, 'height') ?? DEFAULT_CANVAS_SIZE.height,
      );
      node.guard = (where, fn) => this.host.guard(where, fn);
      this.nodes.set(n.sid, node);
    }
    return node;
  }

  /** Every canvas node handed out so far (for tests: what the charts drew). */
  all(): Canvas2DNode[] {
    return [...this.nodes.values()];
  }

  /** The canvas node behind a rendered canvas (for tests). */
  canvasOf(n: WxNode): Canvas2DNode | null {
    return this.nodes.get(n.sid) ?? null;
  }

  /** wx.createSelectorQuery(): select / selectAll / selectViewport, fields / boundingClientRect / node, exec. */
  createSelectorQuery() {
    type Request = { selector: string; all: boolean; fields: Record<string, unknown>; cb?: (r: unknown) => void };
    const requests: Request[] = [];
    const nodesRef = (selector: string, all: boolean) => {
      const add = (fields: Record<string, unknown>, cb?: (r: unknown) => void) => {
        requests.push({ selector, all, fields, cb });
        return query;
      };
      return {
        fields: (fields: Record<string, unknown>, cb?: (r: unknown) => void) => add(fields ?? {}, cb),
        boundingClientRect: (cb?: (r: unknown) => void) => add({ rect: true, size: true, id: true, dataset: true }, cb),
        node: (cb?: (r: unknown) => void) => add({ node: true }, cb),
        scrollOffset: (cb?: (r: unknown) => void) => add({ scrollOffset: true }, cb),
      };
    };
    const describe = (n: WxNode, fields: Record<string, unknown>) => {
      const canvas = this.nodeFor(n);
      const width = canvas?.cssWidth ?? px(n.style, 'width') ?? 0;
      const height = canvas?.cssHeight ?? px(n.style, 'height') ?? 0;
      return {
        ...(fields.id ? { id: n.id } : {}),
        ...(fields.dataset ? { dataset: {} } : {}),
        ...(fields.size ? { width, height } : {}),
        ...(fields.rect ? { left: 0, top: 0, right: width, bottom: height } : {}),
        ...(fields.node ? { node: canvas } : {}),
      };
    };
    const query = {
      in: () => query,
      select: (selector: string) => nodesRef(selector, false),
      selectAll: (selector: string) => nodesRef(selector, true),
      selectViewport: () => nodesRef('viewport', false),
      exec: (cb?: (r: unknown[]) => void) => {
        // answered a turn later, like WeChat's view layer
        setImmediate(() => {
          const results = requests.map((r) => {
            const hits = r.selector === 'viewport' ? [] : this.host.queryPage(r.selector);
            const one = (n: WxNode) => describe(n, r.fields);
            return r.all ? hits.map(one) : hits[0] ? one(hits[0]) : null;
          });
          results.forEach(
            (res, i) => requests[i].cb && this.host.guard('selector query callback', () => requests[i].cb!(res)),
          );
          // node objects are live handles, not data: keep them as they are
          if (cb) this.host.guard('selector query exec callback', () => cb(results));
        });
        return query;
      },
    };
    return query;
  }

  /** wx.canvasToTempFilePath({ canvas, fileType }): the drawing as a PNG temp file. */
  toTempFile(options: Record<string, unknown>): { tempFilePath: string } {
    const canvas = options.canvas;
    if (!(canvas instanceof Canvas2DNode))
      throw new Error('canvasToTempFilePath:fail canvas is empty (pass the node of a type="2d" canvas)');
    if (options.fileType && options.fileType !== 'png')
      throw new Error(`canvasToTempFilePath:fail the harness exports png only, not ${String(options.fileType)}`);
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-canvas-'));
    const file = path.join(this.dir, `${crypto.randomBytes(8).toString('hex')}.png`);
    fs.writeFileSync(file, canvas.toPng());
    const temp = `wxfile://tmp_${crypto.randomBytes(12).toString('hex')}.png`;
    this.host.tempFiles.set(temp, file);
    return { tempFilePath: temp };
  }
}
