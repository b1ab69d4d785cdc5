import { useEffect } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { drawBars } from './draw'
import type { SurfaceProps } from './index'

type Node2D = { width: number; height: number; getContext(type: '2d'): unknown; requestAnimationFrame(cb: () => void): number; cancelAnimationFrame(id: number): void }

/** WeChat: a type="2d" canvas node found by selector query, drawn by F2. */
export default function SurfaceWeapp({ canvasId, data, height }: SurfaceProps) {
  useEffect(() => {
    let chart: { destroy(): void } | null = null
    let gone = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: { node: Node2D; width: number; height: number }[]) => {
          const found = res?.[0]
          if (gone || !found?.node) return
          const ratio = Taro.getWindowInfo ? Taro.getWindowInfo().pixelRatio : 2
          found.node.width = found.width * ratio
          found.node.height = found.height * ratio
          chart = drawBars(
            { context: found.node.getContext('2d'), pixelRatio: ratio, width: found.width, height: found.height, requestAnimationFrame: (cb) => found.node.requestAnimationFrame(cb), cancelAnimationFrame: (id) => found.node.cancelAnimationFrame(id) },
            data,
          )
        })
    })
    return () => {
      gone = true
      chart?.destroy()
    }
  }, [canvasId, data, height])
  return <Canvas id={canvasId} type='2d' className='chart__canvas t-chart-canvas' style={{ width: '100%', height: `${height}px` }} />
}
