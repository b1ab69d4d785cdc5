import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'

/**
 * A form that survives leaving the page (草稿): kept in Taro storage under `key`, saved shortly after
 * each change, cleared once the form is sent. Storage failures only lose the draft, never the form.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (update: (d: T) => T) => void, () => void] {
  const [draft, setDraft] = useState<T>(() => {
    try {
      const stored = Taro.getStorageSync(key) as unknown
      return stored && typeof stored === 'object' ? { ...initial, ...(stored as Partial<T>) } : initial
    } catch {
      return initial
    }
  })
  const cleared = useRef(false)
  useEffect(() => {
    if (cleared.current) return
    const t = setTimeout(() => {
      try {
        Taro.setStorageSync(key, draft)
      } catch {
        // storage full: the form still works
      }
    }, 300)
    return () => clearTimeout(t)
  }, [key, draft])
  const update = (fn: (d: T) => T) => {
    cleared.current = false
    setDraft(fn)
  }
  const clear = () => {
    cleared.current = true
    try {
      Taro.removeStorageSync(key)
    } catch {
      // nothing to do
    }
  }
  return [draft, update, clear]
}
