export default definePageConfig({
  navigationBarTitleText: '帮办代办自测',
});
