/**
 * 五(五) 评价反馈 through the national 好差评 system (国办发〔2019〕51号, GB/T 39734/39735-2020):
 * five levels, the offline dimensions, reason tags; one rating per service by the person served,
 * after it ends, plus one 追评; every 差评 is called back and rectified, or appealed and reviewed.
 */
export * from './levels';
export * from './rate';
export * from './bad-rating';
export { RATING_LEVELS, type RatingLevel } from '../settings';
