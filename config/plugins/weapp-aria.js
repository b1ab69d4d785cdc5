'use strict';
/**
 * WeChat's screen reader reads `aria-role`, `aria-label`, `aria-checked` … on view, text and button
 * (base library 2.7.1+), but Taro's weapp templates carry only the attributes Taro lists for each
 * component, so every aria-* prop of our pages was dropped from dist/base.wxml. This adds them to the
 * component table the weapp template and its attribute aliases are generated from (the same object
 * @tarojs/plugin-platform-weapp merges its own additions into).
 */
// one list for this build-time half and the runtime half (src/utils/weappAria.ts)
const ARIA = require('../../src/utils/a11y-attributes.json');

module.exports = () => {
  // at load, before the platform generates any template
  if (process.env.TARO_ENV !== 'weapp') return;
  const { internalComponents } = require('@tarojs/shared/dist/template.js');
  for (const name of ['View', 'Text', 'Button']) {
    // '' is Taro's "no default": the attribute is bound whenever a prop sets it
    for (const attr of ARIA) if (!(attr in internalComponents[name])) internalComponents[name][attr] = '';
  }
};
