import type { CivilDate } from '../beijing-time';
import type { Recipient } from '../lifecycle';
import type { Role } from '../roles';
import type { Category } from '../scope';
import type { ServiceWindowKind } from '../settings';

export interface Slot {
  /** stable: date@window@start, e.g. 2026-03-02@am@10:00 */
  id: string;
  windowId: string;
  kind: ServiceWindowKind;
  label: string;
  date: CivilDate;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export const BOOKING_STATUSES = ['active', 'cancelled', 'attended', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  active: '已预约',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '未到场',
};

export interface Booking {
  id: string;
  applicantId: string;
  slotId: string;
  kind: ServiceWindowKind;
  startsAt: Date;
  status: BookingStatus;
  category: Category;
  caseId: string | null;
  /** home visits only; personal data, shown masked to anyone but the visiting agent */
  homeAddress: string | null;
  bookedBy: { id: string; role: Role };
  bookedAt: Date;
  rescheduleCount: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export type BookingDraft = Omit<Booking, 'id'>;

export interface BookingNotice {
  kind: 'booking_confirmed' | 'booking_cancelled' | 'booking_rescheduled';
  to: Recipient;
  params: Record<string, string>;
}

export const BOOKING_MESSAGES = {
  SLOT_NOT_FOUND: '没有这个预约时段。',
  SLOT_PAST: '该时段已过，请选择其他时段。',
  SLOT_FULL: '该时段已约满，请选择其他时段。',
  DUPLICATE_BOOKING: '您已预约了这个时段。',
  HOME_VISIT_LIVELIHOOD_ONLY: '上门服务限于民生保障类事项（行动不便或其他特殊群众）。',
  HOME_VISIT_ADDRESS_REQUIRED: '请填写上门服务地址。',
  BOOKING_NOT_ACTIVE: '该预约已取消或已结束。',
  CANCEL_REASON_REQUIRED: '工作人员取消预约须填写原因，系统会通知申请人。',
  SAME_SLOT: '新时段与原时段相同。',
  ATTENDANCE_TOO_EARLY: '时段开始后才能登记是否到场。',
  CHECK_IN_CODE_INVALID: '签到码不对，或不是今天的预约。请核对后再输，或按名单登记到场。',
} as const;
