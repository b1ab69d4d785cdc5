/** Roles the pages give to views that act as controls or announce changes. */
export type A11yRole =
  | 'button'
  | 'link'
  | 'dialog'
  | 'radio'
  | 'radiogroup'
  | 'checkbox'
  | 'group'
  | 'switch'
  | 'tab'
  | 'tablist'
  | 'alert'
  | 'status'
  | 'img';

/**
 * The role attribute for this build, in one place: WeChat's screen reader reads `aria-role` on a view,
 * browsers read `role` and flag `aria-role` as an invalid ARIA attribute (axe-core: critical). Spread
 * it onto the view: `<View {...a11yRole('radio')} aria-checked=…>`.
 */
export function a11yRole(role: A11yRole): { role: A11yRole } | { 'aria-role': A11yRole } {
  return process.env.TARO_ENV === 'h5' ? { role } : { 'aria-role': role };
}
