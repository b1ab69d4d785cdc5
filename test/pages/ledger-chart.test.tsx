/**
 * 台账 chart text (issue 16 item 7): F2 turned its 750-design sizes into screen px through the root
 * font size the Taro H5 runtime sets, so axis labels came out ~8 px on H5. The chart now passes its
 * own conversion; whatever the page's root font size, labels are at least 12 px at 375 wide.
 */
const built: { type: unknown; props: Record<string, unknown> }[] = [];
jest.mock('@antv/f2', () => {
  const mark = (name: string) => Object.assign(function Component() {}, { displayName: name });
  const Canvas = Object.assign(
    jest.fn().mockImplementation(() => ({ render: jest.fn(), destroy: jest.fn() })),
    { displayName: 'Canvas' },
  );
  return {
    Canvas,
    Chart: mark('Chart'),
    Axis: mark('Axis'),
    Legend: mark('Legend'),
    Interval: mark('Interval'),
    jsx: (type: unknown, props: Record<string, unknown>) => {
      built.push({ type, props });
      return { type, props };
    },
  };
});

const px = (v: unknown) => Number(String(v).replace('px', ''));

test('axis and legend labels are at least 12 px on screen, whatever the root font size', () => {
  // what Taro's H5 runtime does for rem layout at 375 wide
  document.documentElement.style.fontSize = '33px';
  const { drawBars } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/packages/ledger/components/BarChart/draw') as typeof import('../../src/packages/ledger/components/BarChart/draw');
  drawBars({ context: {}, pixelRatio: 2, width: 343, height: 220 }, [{ x: '11月', type: '受理', value: 3 }]);
  const canvas = built.find((b) => (b.type as { displayName?: string }).displayName === 'Canvas')!;
  const px2hd = canvas.props.px2hd as (n: number) => number;
  expect(typeof px2hd).toBe('function');
  const axes = built.filter((b) => (b.type as { displayName?: string }).displayName === 'Axis');
  expect(axes).toHaveLength(2);
  for (const a of axes)
    expect(px2hd(px((a.props.style as { label: { fontSize: string } }).label.fontSize))).toBeGreaterThanOrEqual(12);
  const legend = built.find((b) => (b.type as { displayName?: string }).displayName === 'Legend')!;
  expect(px2hd(px((legend.props.nameStyle as { fontSize: string }).fontSize))).toBeGreaterThanOrEqual(12);
});
