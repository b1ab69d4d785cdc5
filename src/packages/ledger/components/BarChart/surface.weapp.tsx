import { useEffect } from 'react';
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { withCanvasNode } from '../../../../utils/canvasNode.weapp';
import { drawBars } from './draw';
import type { SurfaceProps } from './index';

/** WeChat: a type="2d" canvas node found by selector query, drawn by F2. */
export default function SurfaceWeapp({ canvasId, data, height }: SurfaceProps) {
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let gone = false;
    withCanvasNode(
      canvasId,
      (node, { width, height: h, ratio }) => {
        // F2 measures label widths on a canvas of its own: WeChat's offscreen canvas (base library 2.16.1)
        const offscreenCanvas = Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 });
        chart = drawBars(
          {
            context: node.getContext('2d'),
            pixelRatio: ratio,
            width,
            height: h,
            requestAnimationFrame: (cb) => node.requestAnimationFrame(cb),
            cancelAnimationFrame: (id) => node.cancelAnimationFrame(id),
            offscreenCanvas,
          },
          data,
        );
      },
      () => !gone,
    );
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [canvasId, data, height]);
  return (
    <Canvas
      id={canvasId}
      type="2d"
      className="chart__canvas t-chart-canvas"
      style={{ width: '100%', height: `${height}px` }}
    />
  );
}
