export interface SlotView {
  slotId: string;
  kind: 'regular' | 'after_hours' | 'off_peak' | 'home_visit';
  /** 常规 / 延时 / 错时 / 上门 */
  kindLabel: string;
  label: string;
  start: string;
  end: string;
  capacity: number;
  remaining: number;
}
export interface SlotDays {
  days: { date: string; weekday: string; slots: SlotView[] }[];
  missingYears: number[];
}
export interface BookingView {
  bookingId: string;
  date: string;
  weekday: string;
  start: string;
  end: string;
  kind: string;
  kindLabel: string;
  windowLabel: string;
  status: string;
  statusLabel: string;
  place: string;
  bring: string[];
  /** 签到码 to show at the desk (the applicant's own active bookings only) */
  checkInCode?: string | null;
  homeAddress: string | null;
  caseId: string | null;
  /** a cancelled booking's reason, when staff cancelled it (the applicant is told to look here) */
  cancelReason: string | null;
  canChange: boolean;
}
