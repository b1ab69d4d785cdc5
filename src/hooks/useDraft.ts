import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';

/**
 * A form that survives leaving the page (草稿): kept in Taro storage under `key`, saved shortly after
 * each change, cleared once the form is sent. Storage failures only lose the draft, never the form.
 * `clear()` also cancels a save still waiting and empties the form in memory: a late save once wrote
 * a sent form (with its request id) back, and the next application was answered with the old case.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (update: (d: T) => T) => void, () => void] {
  const [draft, setDraft] = useState<T>(() => {
    try {
      const stored = Taro.getStorageSync(key) as unknown;
      return stored && typeof stored === 'object' ? { ...initial, ...(stored as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  const cleared = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (cleared.current) return;
    const t = setTimeout(() => {
      pending.current = null;
      if (cleared.current) return;
      try {
        Taro.setStorageSync(key, draft);
      } catch {
        // storage full: the form still works
      }
    }, 300);
    pending.current = t;
    return () => clearTimeout(t);
  }, [key, draft]);
  const update = (fn: (d: T) => T) => {
    cleared.current = false;
    setDraft(fn);
  };
  const clear = () => {
    cleared.current = true;
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    setDraft(initial);
    try {
      Taro.removeStorageSync(key);
    } catch {
      // nothing to do
    }
  };
  return [draft, update, clear];
}
