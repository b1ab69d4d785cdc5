export default definePageConfig({ navigationBarTitleText: '预约签到与代客预约' });
