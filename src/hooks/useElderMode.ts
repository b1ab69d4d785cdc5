import { useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'

/** Storage key of the 长辈版 switch; one value for every page. */
export const ELDER_MODE_STORAGE_KEY = 'bangban.elderMode'

let current: boolean | null = null
const listeners = new Set<() => void>()

function read(): boolean {
  if (current === null) {
    try {
      current = Taro.getStorageSync(ELDER_MODE_STORAGE_KEY) === true
    } catch {
      current = false
    }
  }
  return current
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function setElderMode(on: boolean): void {
  current = on
  try {
    Taro.setStorageSync(ELDER_MODE_STORAGE_KEY, on)
  } catch {
    // Storage full or refused: the switch still works until the app closes.
  }
  listeners.forEach((l) => l())
}

/** 长辈版: larger text and 60px tap targets, shared by every open page. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  return [useSyncExternalStore(subscribe, read, read), setElderMode]
}
