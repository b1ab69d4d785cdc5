import type { ComponentType } from 'react';
import { View } from '@tarojs/components';
import type { Bar } from './draw';

export type { Bar } from './draw';

export interface SurfaceProps {
  canvasId: string;
  data: Bar[];
  height: number;
}

// Resolved at build time like the signature pad: each build carries only its own canvas code.
const Surface: ComponentType<SurfaceProps> =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./surface.h5') as typeof import('./surface.h5')).default
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./surface.weapp') as typeof import('./surface.weapp')).default;

/**
 * A bar chart with its figures also in words underneath (a chart alone says nothing to a screen
 * reader or to someone who cannot tell the colours apart).
 */
export default function BarChart({
  canvasId,
  title,
  data,
  height = 220,
}: {
  canvasId: string;
  title: string;
  data: Bar[];
  height?: number;
}) {
  const types = [...new Set(data.map((d) => d.type))];
  const xs = [...new Set(data.map((d) => d.x))];
  return (
    <View className={`card chart t-chart t-chart-${canvasId}`}>
      <View className="card__title">{title}</View>
      {data.length ? <Surface canvasId={canvasId} data={data} height={height} /> : null}
      <View className="chart__words muted">
        {xs.map((x) => (
          <View key={x} className="t-chart-words">
            {x}：{types.map((t) => `${t} ${data.find((d) => d.x === x && d.type === t)?.value ?? 0}`).join('，')}
          </View>
        ))}
      </View>
    </View>
  );
}
