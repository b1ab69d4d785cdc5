import { callApi, type ApiInput, type ApiOutput } from './transport';

/** The applicant's cases (function `cases`): apply, follow, answer what the case asks for. */
export type CaseDetail = ApiOutput<'cases', 'get'>['case'];
export type Need = CaseDetail['needs'][number];
export type SubmittedApplication = ApiOutput<'cases', 'submit'>;

/** 提交帮办代办申请 */
export const submitApplication = (input: ApiInput<'cases', 'submit'>) => callApi('cases', 'submit', input);
/** 获取我的申请列表 */
export const listMyApplications = () => callApi('cases', 'listMine');
/** 申请详情 */
export const getCase = (caseId: string) => callApi('cases', 'get', { caseId });
/** 撤回尚未受理的申请 */
export const withdrawCase = (input: ApiInput<'cases', 'withdraw'>) => callApi('cases', 'withdraw', input);
/** 确认已知晓延长服务时限 */
export const confirmExtension = (input: ApiInput<'cases', 'confirmExtension'>) =>
  callApi('cases', 'confirmExtension', input);
/** 申请终止委托 */
export const requestTermination = (input: ApiInput<'cases', 'requestTermination'>) =>
  callApi('cases', 'requestTermination', input);
/** 提交补正材料 */
export const sendSupplement = (input: ApiInput<'cases', 'sendSupplement'>) => callApi('cases', 'sendSupplement', input);
/** 签收办结结果 */
export const signReceipt = (input: ApiInput<'cases', 'signReceipt'>) => callApi('cases', 'signReceipt', input);

let asked: ReturnType<typeof askUploadFolder> | null = null;
const askUploadFolder = () => callApi('cases', 'uploadFolder');

/**
 * 本人的上传目录：the functions accept only files under the caller's own folder, so every upload
 * goes there. Asked once per launch (a failure is asked again next time).
 */
export function getUploadFolder(): ReturnType<typeof askUploadFolder> {
  if (!asked) {
    asked = askUploadFolder();
    asked.catch(() => {
      asked = null;
    });
  }
  return asked;
}
