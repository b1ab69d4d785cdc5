import { callApi, type ApiInput, type ApiOutput } from './transport';

/** 差评处理 (function `ratings`, staff actions); only the staff subpackage imports this file. */
export type BadRatingFilter = NonNullable<ApiInput<'ratings', 'listBad'>['filter']>;
export type BadRatingItem = ApiOutput<'ratings', 'listBad'>['items'][number];
export type BadRatingAction = ApiInput<'ratings', 'handleBad'>['action'];
export type BadRatingActionType = BadRatingAction['type'];

/** 差评处理列表（帮代办员、责任领导、政务服务中心） */
export const listBadRatings = (input: ApiInput<'ratings', 'listBad'>) => callApi('ratings', 'listBad', input);
/** 处理差评一步：回访、整改、核实、申诉、复核 */
export const handleBadRating = (id: string, version: number, action: BadRatingAction) =>
  callApi('ratings', 'handleBad', { id, version, action });
