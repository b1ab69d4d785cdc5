import { callApi, type ApiInput, type ApiOutput } from './transport';

/**
 * The desk's calls (function `bookings`, staff actions): the day's appointments per window,
 * check-in, booking on behalf of an applicant, 取消／改约 by staff. Only the staff subpackage
 * imports this file.
 */
export type DeskDay = ApiOutput<'bookings', 'listDay'>;
export type DeskBooking = DeskDay['slots'][number]['bookings'][number];
export type FoundCase = ApiOutput<'bookings', 'findCase'>['case'];

/** 某日预约名单（按窗口） */
export const listDayBookings = (input: ApiInput<'bookings', 'listDay'>) => callApi('bookings', 'listDay', input);
/** 签到码签到: the six digits the applicant shows mark their booking of today as arrived */
export const checkInByCode = (code: string) => callApi('bookings', 'checkInByCode', { code });
/** 登记到场或未到场 */
export const checkInBooking = (bookingId: string, attended: boolean) =>
  callApi('bookings', 'checkIn', { bookingId, attended });
/** 按申请编号查找申请（代客预约前与来人核对）；姓名和电话已遮掩 */
export const findCaseByNo = (caseNo: string) => callApi('bookings', 'findCase', { caseNo });
/**
 * 代客预约: for the case the agent found and confirmed with the caller, or for a walk-in held on the
 * desk (no WeChat owner). Never matched to anyone by phone number.
 */
export const bookForApplicant = (input: ApiInput<'bookings', 'bookFor'>) => callApi('bookings', 'bookFor', input);
/** 取消预约（工作人员）：开始前取消申请人的预约，须填写原因（2–100字），系统通知申请人 */
export const staffCancelBooking = (input: ApiInput<'bookings', 'staffCancel'>) =>
  callApi('bookings', 'staffCancel', input);
/** 改约（工作人员）：把申请人的预约改到另一个时段，系统通知申请人新时间 */
export const staffRescheduleBooking = (input: ApiInput<'bookings', 'staffReschedule'>) =>
  callApi('bookings', 'staffReschedule', input);
