/**
 * The weapp harness's canvas model (test/weapp-harness/canvas.ts) on its own: a selector query
 * hands out the node of a type="2d" canvas (only that), the context's strokes become the pixels of
 * the exported PNG, clearing empties it, and an export without a canvas node fails as WeChat does.
 */
import fs from 'node:fs';
import { Canvas2DNode, CanvasRegistry, DEFAULT_CANVAS_SIZE, decodeGrayPng } from '../weapp-harness/canvas';
import type { WxNode } from '../weapp-harness/view';

const fakeNode = (over: Partial<{ tag: string; sid: string; id: string; style: string; type: string }>): WxNode =>
  ({
    tag: 'canvas',
    sid: '_n1',
    id: 'sig-a',
    style: '',
    attr: (n: string) => (n === 'type' ? (over.type ?? '2d') : undefined),
    ...over,
  }) as unknown as WxNode;

function registry(nodes: WxNode[]) {
  const tempFiles = new Map<string, string>();
  const reg = new CanvasRegistry({
    queryPage: (sel) => nodes.filter((n) => sel === `#${n.id}`),
    tempFiles,
    guard: (_w, fn) => void fn(),
    realmData: (v) => v,
  });
  return { reg, tempFiles };
}
const query = (reg: CanvasRegistry, sel: string) =>
  new Promise<{ node: Canvas2DNode | null; width: number; height: number } | null>((resolve) =>
    reg
      .createSelectorQuery()
      .select(sel)
      .fields({ node: true, size: true })
      .exec((r) => resolve((r as never[])[0])),
  );

test('a selector query gives the same node for a 2d canvas, with WeChat’s default size or the inline px size', async () => {
  const { reg } = registry([
    fakeNode({}),
    fakeNode({ sid: '_n2', id: 'sized', style: 'width:320px;height:180px' }),
    fakeNode({ sid: '_n3', id: 'old', type: '' }),
  ]);
  const a = await query(reg, '#sig-a');
  expect(a).toMatchObject({ width: DEFAULT_CANVAS_SIZE.width, height: DEFAULT_CANVAS_SIZE.height });
  expect(a?.node).toBeInstanceOf(Canvas2DNode);
  expect((await query(reg, '#sig-a'))?.node).toBe(a?.node);
  expect(await query(reg, '#sized')).toMatchObject({ width: 320, height: 180 });
  // the old canvas (canvas-id, no type="2d") has no node
  expect((await query(reg, '#old'))?.node).toBeNull();
  expect(await query(reg, '#missing')).toBeNull();
});

test('strokes are the pixels of the exported PNG; a full clear empties it; no canvas node, no export', async () => {
  const { reg, tempFiles } = registry([fakeNode({})]);
  const found = (await query(reg, '#sig-a'))!;
  const node = found.node!;
  node.width = found.width * 2;
  node.height = found.height * 2;
  const ctx = node.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.lineWidth = 3;
  expect(node.inkedPixels()).toBe(0);
  ctx.beginPath();
  ctx.moveTo(10, 75);
  ctx.lineTo(290, 75);
  ctx.stroke();
  const { tempFilePath } = reg.toTempFile({ canvas: node, fileType: 'png' });
  const png = fs.readFileSync(tempFiles.get(tempFilePath)!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const pixels = decodeGrayPng(png);
  expect(pixels.length).toBe(600 * 300);
  // a 6-device-pixel line across the middle, nothing at the top
  expect(pixels[150 * 600 + 300]).toBe(0);
  expect(pixels[10 * 600 + 300]).toBe(255);
  const ink = pixels.filter((v) => v < 128).length;
  expect(ink).toBeGreaterThan(560 * 5);
  expect(ink).toBeLessThan(580 * 8);
  ctx.clearRect(0, 0, node.width, node.height);
  expect(node.inkedPixels()).toBe(0);
  expect(() => reg.toTempFile({ canvas: { width: 1 } })).toThrow(/canvas is empty/);
  expect(node.getContext('webgl')).toBeNull();
});
