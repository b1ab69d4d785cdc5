import { callApi, type ApiInput, type ApiOutput } from './transport';

/** The staff's work on cases (function `workbench`); only the staff subpackage imports this file. */
export type WorkbenchQuery = ApiInput<'workbench', 'listCases'>;
export type WorkbenchQueue = NonNullable<WorkbenchQuery['queue']>;
export type WorkbenchCaseList = ApiOutput<'workbench', 'listCases'>;
export type WorkbenchCase = WorkbenchCaseList['items'][number];
export type StaffCaseAnswer = ApiOutput<'workbench', 'get'>;
export type StaffCaseDetail = StaffCaseAnswer['case'];
/** One step of the case as the core's rules take it (core/case-action-input.ts). */
export type StaffAction = ApiInput<'workbench', 'act'>['action'];
export type StaffActionType = StaffAction['type'];
export type RevealedContact = ApiOutput<'workbench', 'revealContact'>;

/** 获取工作台案件列表（服务端按队列筛选、分页） */
export const listWorkbenchCases = (query: WorkbenchQuery = {}) => callApi('workbench', 'listCases', query);
/** 工作人员查看案件详情及可执行的操作 */
export const getStaffCase = (caseId: string) => callApi('workbench', 'get', { caseId });
/** 执行一步办理操作（由规则核心判定）；受理时可附申请人在本机当面手写的签名 */
export const actOnCase = (caseId: string, version: number, action: StaffAction, signatureFileID?: string) =>
  callApi('workbench', 'act', { caseId, version, action, ...(signatureFileID ? { signatureFileID } : {}) });
/** 本单位帮代办员工作量（责任领导、政务服务中心） */
export const getUnitLoad = (unitId?: string) => callApi('workbench', 'unitLoad', unitId ? { unitId } : {});
/** 工作人员查看申请人上传的文件：本案的材料与签名，换取短时有效的下载链接（按请求的顺序） */
export const getFileLinks = (caseId: string, fileIDs: string[]) =>
  callApi('workbench', 'fileLink', { caseId, fileIDs });
/** 查看申请人的完整电话（每次查看都有记录）：只给经办的帮代办员、责任领导和政务服务中心 */
export const revealContact = (caseId: string) => callApi('workbench', 'revealContact', { caseId });
/** 预约名单上查看申请人的完整电话（上门前联系；每次查看都有记录），与案件同一规则 */
export const revealBookingContact = (bookingId: string) => callApi('workbench', 'revealBookingContact', { bookingId });
