export default definePageConfig({
  navigationBarTitleText: '台账统计',
});
