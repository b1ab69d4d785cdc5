import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { BookingView } from './bookingTypes';

/**
 * The desk's calls (function `bookings`, staff actions): the day's appointments per window,
 * check-in, booking on behalf of an applicant (取消／改约: staffCancelBooking, staffRescheduleBooking). Only the staff subpackage imports this file.
 */
export interface DeskBooking extends BookingView {
  categoryLabel: string;
  /** masked by the server */
  contactName: string | null;
  contactPhone: string | null;
  bookedByStaff: boolean;
  canCheckIn: boolean;
  /** whether this caller may still cancel / move it (staff until it starts; leaders never) */
  canCancel: boolean;
  canReschedule: boolean;
}
export interface DeskSlot {
  slotId: string;
  windowId: string;
  label: string;
  kindLabel: string;
  start: string;
  end: string;
  capacity: number;
  bookings: DeskBooking[];
}
export interface DeskDay {
  date: string;
  windows: { windowId: string; label: string; kindLabel: string }[];
  slots: DeskSlot[];
  canCheckIn: boolean;
  /** whether this caller may cancel or move bookings at all */
  canChange: boolean;
}

const bookings = async <T>(action: string, input: object): Promise<T> =>
  unwrap(await callCloud<CloudAnswer<T>>('bookings', { action, input }));

/** 某日预约名单（按窗口） */
export const listDayBookings = (input: { date: string; windowId?: string }) => bookings<DeskDay>('listDay', input);
/** 登记到场或未到场 */
/** 签到码签到: the six digits the applicant shows mark their booking of today as arrived */
export const checkInByCode = (code: string) =>
  bookings<{
    bookingId: string;
    status: string;
    statusLabel: string;
    contactName: string | null;
    start: string;
    end: string;
    windowLabel: string;
  }>('checkInByCode', { code });
export const checkInBooking = (bookingId: string, attended: boolean) =>
  bookings<{ status: string; statusLabel: string }>('checkIn', { bookingId, attended });
/** A case found by its number for a booking on the caller's behalf; name and phone arrive masked. */
export interface FoundCase {
  caseId: string;
  caseNo: string;
  category: string;
  categoryLabel: string;
  statusLabel: string;
  open: boolean;
  applicantName: string | null;
  contactName: string | null;
  contactPhone: string | null;
}
/** 按申请编号查找申请（代客预约前与来人核对） */
export const findCaseByNo = (caseNo: string) => bookings<{ case: FoundCase }>('findCase', { caseNo });
/**
 * 代客预约: for the case the agent found and confirmed with the caller, or for a walk-in held on the
 * desk (no WeChat owner). Never matched to anyone by phone number.
 */
export const bookForApplicant = (input: {
  slotId: string;
  caseId?: string;
  walkIn?: { name: string; phone: string; category: string };
  homeAddress?: string;
}) => bookings<{ booking: BookingView }>('bookFor', input);
