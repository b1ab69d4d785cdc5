import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

interface Props {
  kind: 'loading' | 'empty' | 'error' | 'forbidden';
  children: ReactNode;
  /** Shown under the text, e.g. a retry button. */
  action?: ReactNode;
}

const MARK: Record<Props['kind'], string> = {
  loading: '…',
  empty: 'ⓘ',
  error: '⚠',
  // ⛔ and emoji are missing from many fonts; ⚠ renders everywhere we looked.
  forbidden: '⚠',
};

/** Loading, empty, error and no-access states, each with words, not only a colour. */
export default function Notice({ kind, children, action }: Props) {
  return (
    <View className={`notice notice--${kind} t-notice-${kind}`}>
      <View className="notice__text">
        {MARK[kind]} {children}
      </View>
      {action ? <View className="notice__action">{action}</View> : null}
    </View>
  );
}
