import { useSyncExternalStore } from 'react';
import Taro from '@tarojs/taro';

/** Storage key of the 长辈版 switch; one value for every page. Unset = follow WeChat's font size. */
export const ELDER_MODE_STORAGE_KEY = 'bangban.elderMode';

/** WeChat's standard font size is 17px; 「大字」 settings start above it (关怀模式 ≈ 23.8px). */
const LARGE_FONT_PX = 20;

let current: boolean | null = null;
let followsSystem: boolean | null = null;
const listeners = new Set<() => void>();

/**
 * Does WeChat's own font-size setting ask for large text? `getAppBaseInfo` (base library ≥ 2.20.1)
 * gives fontSizeSetting and fontSizeScaleFactor; older clients have it on getSystemInfoSync.
 */
export function systemWantsLargeText(): boolean {
  try {
    const t = Taro as unknown as {
      getAppBaseInfo?: () => { fontSizeSetting?: number; fontSizeScaleFactor?: number };
      getSystemInfoSync?: () => { fontSizeSetting?: number };
    };
    const info =
      typeof t.getAppBaseInfo === 'function'
        ? t.getAppBaseInfo()
        : typeof t.getSystemInfoSync === 'function'
          ? t.getSystemInfoSync()
          : {};
    const px = Number((info as { fontSizeSetting?: number })?.fontSizeSetting);
    const scale = Number((info as { fontSizeScaleFactor?: number })?.fontSizeScaleFactor);
    return (Number.isFinite(px) && px >= LARGE_FONT_PX) || (Number.isFinite(scale) && scale >= 1.15);
  } catch {
    return false;
  }
}

function read(): boolean {
  if (current === null) {
    let stored: unknown;
    try {
      stored = Taro.getStorageSync(ELDER_MODE_STORAGE_KEY);
    } catch {
      stored = undefined;
    }
    followsSystem = stored !== true && stored !== false;
    current = followsSystem ? systemWantsLargeText() : stored === true;
  }
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user's own choice wins over WeChat's font size from then on, and is remembered. */
export function setElderMode(on: boolean): void {
  current = on;
  followsSystem = false;
  try {
    Taro.setStorageSync(ELDER_MODE_STORAGE_KEY, on);
  } catch {
    // Storage full or refused: the switch still works until the app closes.
  }
  listeners.forEach((l) => l());
}

/** For tests: forget the cached value so the next read looks at storage and WeChat again. */
export function resetElderModeCache(): void {
  current = null;
  followsSystem = null;
}

/** Whether the current mode came from WeChat's font size rather than the switch. */
export function elderModeFollowsSystem(): boolean {
  read();
  return followsSystem === true;
}

/** 长辈版: larger text and 60px tap targets, shared by every open page. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  return [useSyncExternalStore(subscribe, read, read), setElderMode];
}
