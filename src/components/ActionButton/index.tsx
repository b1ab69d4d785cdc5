import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { a11yRole } from '../../utils/a11y';

interface Props {
  children: ReactNode;
  onClick?: () => void;
  /** Primary buttons are filled; secondary ones outlined. Both read as buttons by their words. */
  kind?: 'primary' | 'secondary';
  disabled?: boolean;
  /** Extra class, e.g. a `t-*` test hook. */
  className?: string;
}

/**
 * A View styled as a button rather than Taro's Button, whose native weapp styles (fixed
 * width, ::after border) fight the 60px 长辈版 targets.
 */
export default function ActionButton({ children, onClick, kind = 'primary', disabled, className }: Props) {
  return (
    <View
      className={`btn btn--${kind}${disabled ? ' btn--disabled' : ''}${className ? ` ${className}` : ''}`}
      onClick={disabled ? undefined : onClick}
      {...a11yRole('button')}
      aria-disabled={disabled ? 'true' : 'false'}
    >
      {children}
    </View>
  );
}
