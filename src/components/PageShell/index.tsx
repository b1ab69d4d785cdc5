import type { ComponentType, ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '../../hooks/useElderMode';
import { LAYOUT, useLang } from '../../i18n';

// Resolved at build time: in the weapp build the branch is constant-false, webpack skips
// the `require`, and the switcher with its demo openids never reaches the bundle.
const DevIdentitySwitcher: ComponentType | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('../DevIdentitySwitcher') as typeof import('../DevIdentitySwitcher')).default
    : null;

/** Every page's outer frame: applies 长辈版 sizes, the reader's script direction and, in H5 only, the identity bar. */
export default function PageShell({ children, className }: { children: ReactNode; className?: string }) {
  const [elder] = useElderMode();
  const { lang } = useLang();
  const classes = ['page', LAYOUT[lang].className];
  if (elder) classes.push('elder');
  if (DevIdentitySwitcher) classes.push('page--devbar');
  if (className) classes.push(className);
  return (
    <View className={classes.join(' ')}>
      {DevIdentitySwitcher ? <DevIdentitySwitcher /> : null}
      {children}
    </View>
  );
}
