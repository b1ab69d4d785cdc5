import { callApi, type ApiInput, type ApiOutput } from './transport';

/** The applicant's appointments (function `bookings`): slots, booking, moving, cancelling. */
export type SlotView = ApiOutput<'bookings', 'listSlots'>['days'][number]['slots'][number];
export type BookingView = ApiOutput<'bookings', 'book'>['booking'];

/** 可预约时段（14天） */
export const listSlots = (input: ApiInput<'bookings', 'listSlots'> = {}) => callApi('bookings', 'listSlots', input);
/** 预约 */
export const bookSlot = (input: ApiInput<'bookings', 'book'>) => callApi('bookings', 'book', input);
/** 申请上门服务 */
export const requestHomeVisit = (input: ApiInput<'bookings', 'requestHomeVisit'>) =>
  callApi('bookings', 'requestHomeVisit', input);
/** 取消预约 */
export const cancelBooking = (input: ApiInput<'bookings', 'cancel'>) => callApi('bookings', 'cancel', input);
/** 改约 */
export const rescheduleBooking = (input: ApiInput<'bookings', 'reschedule'>) =>
  callApi('bookings', 'reschedule', input);
/** 我的预约 */
export const listMyBookings = () => callApi('bookings', 'listMine');
