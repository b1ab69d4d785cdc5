import { useEffect, useRef } from 'react';
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SurfaceProps } from './index';
import { layPaper } from './paper';
import { withCanvasNode, type CanvasNode2D } from '../../utils/canvasNode.weapp';

type Ctx2D = {
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  strokeStyle: string;
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  scale(x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  clearRect(x: number, y: number, w: number, h: number): void;
};

/** WeChat: a type="2d" canvas drawn with touch events; exported with canvasToTempFilePath. */
export default function SurfaceWeapp({ canvasId, onStroke, bind }: SurfaceProps) {
  const node = useRef<CanvasNode2D<Ctx2D> | null>(null);
  const ctx = useRef<Ctx2D | null>(null);
  useEffect(() => {
    withCanvasNode<Ctx2D>(canvasId, (n, { ratio }) => {
      const c = n.getContext('2d');
      c.scale(ratio, ratio);
      layPaper(c, n.width, n.height);
      node.current = n;
      ctx.current = c;
      bind({
        clear: () => layPaper(c, n.width, n.height),
        exportImage: () =>
          new Promise((resolve, reject) => {
            Taro.canvasToTempFilePath({
              canvas: n as unknown as Taro.Canvas,
              fileType: 'png',
              success: (r: { tempFilePath: string }) => resolve({ filePath: r.tempFilePath }),
              fail: (e: { errMsg: string }) => reject(new Error(e.errMsg)),
            } as unknown as Taro.canvasToTempFilePath.Option);
          }),
      });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvasId]);
  const point = (e: { touches?: { x?: number; y?: number }[] }) => {
    const t = e.touches?.[0];
    return [t?.x ?? 0, t?.y ?? 0] as const;
  };
  return (
    <Canvas
      id={canvasId}
      type="2d"
      className="signature__canvas"
      disableScroll
      onTouchStart={(e) => {
        const [x, y] = point(e);
        ctx.current?.beginPath();
        ctx.current?.moveTo(x, y);
      }}
      onTouchMove={(e) => {
        const [x, y] = point(e);
        ctx.current?.lineTo(x, y);
        ctx.current?.stroke();
        onStroke();
      }}
    />
  );
}
