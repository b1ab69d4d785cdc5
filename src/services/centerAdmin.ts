import { callApi, type ApiInput, type ApiOutput } from './transport';

/**
 * The center administrator's calls and the staff binding (function `center`), one exported function
 * per action; only the staff and center subpackages import this file, so it stays out of the main package.
 */
export type InviteRole = ApiInput<'center', 'createInvite'>['role'];
export type AuditKind = NonNullable<ApiInput<'center', 'listAudit'>['kind']>;
export type AuditEntry = ApiOutput<'center', 'listAudit'>['items'][number];
export type CenterSettings = ApiOutput<'center', 'getSettings'>;
export type ServiceItem = CenterSettings['serviceItems'][number];
export type BookingWindow = CenterSettings['settings']['booking']['windows'][number];
export type BoundStaff = ApiOutput<'center', 'redeemInvite'>;

/** 输入邀请码绑定工作人员身份 */
export const redeemInvite = (code: string) => callApi('center', 'redeemInvite', { code });
/** 生成邀请码 */
export const createInvite = (input: ApiInput<'center', 'createInvite'>) => callApi('center', 'createInvite', input);
/** 最近的邀请码 */
export const listInvites = () => callApi('center', 'listInvites', { limit: 20 });
/** 作废邀请码 */
export const revokeInvite = (code: string) => callApi('center', 'revokeInvite', { code });
/** 工作人员名单 */
export const listStaff = (input: ApiInput<'center', 'listStaff'> = {}) =>
  callApi('center', 'listStaff', { limit: 100, ...input });
/** 调整工作人员的角色、单位、在岗，或解除绑定（须写原因） */
export const updateStaff = (input: ApiInput<'center', 'updateStaff'>) => callApi('center', 'updateStaff', input);
/** 单位与行业 */
export const listUnits = () => callApi('center', 'listUnits');
/** 保存单位 */
export const saveUnit = (input: ApiInput<'center', 'saveUnit'>) => callApi('center', 'saveUnit', input);
/** 中心设置、节假日、服务事项与订阅消息模板 */
export const getCenterSettings = () => callApi('center', 'getSettings');
/** 保存设置的一节 */
export const saveSettings = (
  section: ApiInput<'center', 'saveSettings'>['section'],
  value: ApiInput<'center', 'saveSettings'>['value'],
) => callApi('center', 'saveSettings', { section, value });
/** 调休、地方节假日 */
export const saveHolidayOverride = (input: ApiInput<'center', 'saveHolidayOverride'>) =>
  callApi('center', 'saveHolidayOverride', input);
/** 录入一年的节假日安排 */
export const saveYearCalendar = (input: ApiInput<'center', 'saveYearCalendar'>) =>
  callApi('center', 'saveYearCalendar', input);
/** 保存或删除服务事项 */
export const saveServiceItem = (input: ApiInput<'center', 'saveServiceItem'>) =>
  callApi('center', 'saveServiceItem', input);
/** 操作记录 */
export const listAudit = (input: ApiInput<'center', 'listAudit'> = {}) =>
  callApi('center', 'listAudit', { limit: 20, ...input });
/** 保存订阅消息模板 */
export const saveSubscribeTemplate = (input: ApiInput<'center', 'saveSubscribeTemplate'>) =>
  callApi('center', 'saveSubscribeTemplate', input);
