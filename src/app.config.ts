export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/apply/index',
    'pages/my/index',
    'pages/eligibility/index',
    'pages/book/index',
    'pages/case/index',
    'pages/rate/index',
    'pages/privacy/index',
    'pages/messages/index',
  ],
  // Staff pages live in a subpackage: citizens never download them.
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'pages/workbench/index',
        'pages/case/index',
        'pages/bind/index',
        'pages/team/index',
        'pages/bad-ratings/index',
        'pages/desk/index',
      ],
    },
    // the center administrator's people and settings: only they download it
    {
      root: 'packages/center',
      pages: ['pages/admin/index'],
    },
    // 台账 with its charts (@antv/f2) for leaders and the center: nobody else downloads it
    {
      root: 'packages/ledger',
      pages: ['pages/index/index', 'pages/rows/index'],
    },
  ],
  // WeChat injects a page's components when it renders them, not all at launch (startup time)
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
  window: {
    navigationBarTitleText: '帮办代办',
    navigationBarBackgroundColor: '#0b4f9c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
    backgroundTextStyle: 'dark',
  },
});
