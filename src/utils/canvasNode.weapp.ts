import Taro from '@tarojs/taro';

/** A WeChat type="2d" canvas node as a selector query answers it. */
export type CanvasNode2D<Ctx = unknown> = {
  width: number;
  height: number;
  getContext(type: '2d'): Ctx;
  requestAnimationFrame(cb: () => void): number;
  cancelAnimationFrame(id: number): void;
};

/**
 * Finds the type="2d" canvas `#canvasId` once the page has rendered, sizes its backing store to the
 * device's pixel ratio and hands it over with its css size. Used by the signature pad and the
 * ledger's charts; `alive` lets a component that unmounted first decline it.
 */
export function withCanvasNode<Ctx>(
  canvasId: string,
  use: (node: CanvasNode2D<Ctx>, size: { width: number; height: number; ratio: number }) => void,
  alive: () => boolean = () => true,
): void {
  Taro.nextTick(() => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: { node: CanvasNode2D<Ctx>; width: number; height: number }[]) => {
        const found = res?.[0];
        if (!alive() || !found?.node) return;
        const ratio = Taro.getWindowInfo ? Taro.getWindowInfo().pixelRatio : 2;
        found.node.width = found.width * ratio;
        found.node.height = found.height * ratio;
        use(found.node, { width: found.width, height: found.height, ratio });
      });
  });
}
