/** Page paths in one place so a move of a page is one edit. */
export const ROUTES = {
  home: '/pages/index/index',
  apply: '/pages/apply/index',
  my: '/pages/my/index',
  workbench: '/packages/staff/pages/workbench/index',
} as const
