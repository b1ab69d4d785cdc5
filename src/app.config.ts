export default defineAppConfig({
  pages: ['pages/index/index', 'pages/apply/index', 'pages/my/index'],
  // Staff pages live in a subpackage: citizens never download them.
  subPackages: [
    {
      root: 'packages/staff',
      pages: ['pages/workbench/index'],
    },
  ],
  window: {
    navigationBarTitleText: '帮办代办',
    navigationBarBackgroundColor: '#0b4f9c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
    backgroundTextStyle: 'dark',
  },
})
