export default definePageConfig({
  navigationBarTitleText: '帮代办员工作量',
});
