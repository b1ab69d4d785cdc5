import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { a11yRole } from '../../../../utils/a11y';
import type { AdminData } from './index';

/** What every settings card gets from the admin page: the data, the shared form, and how to save. */
export interface SettingsProps {
  d: AdminData;
  form: Record<string, string>;
  set: (k: string, v: string) => void;
  run: (label: string, fn: () => Promise<unknown>) => Promise<boolean>;
  text: (key: string, label: string, cls?: string) => ReactNode;
}

/** 2027-02-06 → 2月6日 */
export const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const periodText = (p: { name: string; from: string; to: string }) =>
  `${p.name} ${md(p.from)}${p.to === p.from ? '' : `至${md(p.to)}`}`;

/** One choice among `options`, kept in the form under `key`. */
export function Chips({
  form,
  set,
  name,
  options,
  cls = name,
}: Pick<SettingsProps, 'form' | 'set'> & { name: string; options: { value: string; label: string }[]; cls?: string }) {
  return (
    <View className="chips">
      {options.map((o) => (
        <View
          key={o.value}
          className={`chip t-s-${cls}-${o.value}${form[name] === o.value ? ' chip--on' : ''}`}
          onClick={() => set(name, o.value)}
          {...a11yRole('radio')}
          aria-checked={form[name] === o.value ? 'true' : 'false'}
        >
          {form[name] === o.value ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
    </View>
  );
}
