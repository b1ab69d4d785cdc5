import { mergeInternalComponents } from '@tarojs/shared';
import ARIA from './a11y-attributes.json';

/**
 * The runtime half of config/plugins/weapp-aria.js: Taro's runtime maps a prop to the template's
 * short data key (`aria-role` → `pN`) from its own copy of the component table, computed on the first
 * render. Both halves add the same attributes from one list, so the keys agree (Taro sorts them).
 */
if (process.env.TARO_ENV === 'weapp') {
  const attrs = Object.fromEntries(ARIA.map((a) => [a, '']));
  mergeInternalComponents({ View: attrs, Text: attrs, Button: attrs });
}
