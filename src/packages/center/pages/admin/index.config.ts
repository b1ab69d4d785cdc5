export default definePageConfig({
  navigationBarTitleText: '人员与设置',
});
