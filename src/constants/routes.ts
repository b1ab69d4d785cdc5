/** Page paths in one place so a move of a page is one edit. */
export const ROUTES = {
  home: '/pages/index/index',
  apply: '/pages/apply/index',
  my: '/pages/my/index',
  eligibility: '/pages/eligibility/index',
  book: '/pages/book/index',
  caseDetail: '/pages/case/index',
  rate: '/pages/rate/index',
  privacy: '/pages/privacy/index',
  messages: '/pages/messages/index',
  workbench: '/packages/staff/pages/workbench/index',
} as const;
