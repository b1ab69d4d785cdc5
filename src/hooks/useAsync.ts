import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';

export type AsyncState<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: T; error: unknown };

/**
 * Loads once on mount, again each time the page comes back into view (a case submitted
 * on another page shows up without a manual refresh) and whenever `key` changes. Out-of-date
 * answers are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, key = ''): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  const seq = useRef(0);
  const shown = useRef(false);

  useEffect(() => {
    loadRef.current = load;
  });

  // Starts a load without touching state first: the state is already 'loading' on mount.
  const run = useCallback(() => {
    const mine = ++seq.current;
    loadRef.current().then(
      (data) => {
        if (mine === seq.current) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (mine === seq.current) setState((s) => ({ status: 'error', data: s.data, error }));
      },
    );
  }, []);

  const reload = useCallback(() => {
    setState((s) => ({ status: 'loading', data: s.data }));
    run();
  }, [run]);

  useEffect(() => {
    run();
    const counter = seq;
    return () => {
      // Ignore answers that arrive after the page is gone.
      counter.current++;
    };
  }, [run]);

  // A new key (the query changed) reloads once the render that changed it has committed, so the
  // load uses the new loader; reloading from a handler would still call the previous one.
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    reload();
  }, [key, reload]);

  useDidShow(() => {
    // The first show comes with the mount, which already loaded.
    if (shown.current) reload();
    shown.current = true;
  });

  return { ...state, reload };
}
