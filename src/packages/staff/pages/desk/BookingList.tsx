import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import Notice from '../../../../components/Notice';
import type { DeskBooking, DeskDay } from '../../../../services/deskBookings';
import { revealBookingContact } from '../../../../services/workbench';
import { a11yRole } from '../../../../utils/a11y';
import { windowTitle } from '../../../../utils/format';
import RevealCall from '../../RevealCall';
import ChangeForm from './ChangeForm';
import { dayLabel } from './dates';
import type { BookingChange } from './useBookingChange';

interface Props {
  d: DeskDay;
  date: string;
  offset: number;
  busy: boolean;
  ctl: BookingChange;
  checkIn: (b: DeskBooking, attended: boolean) => void;
}

/** The day's bookings slot by slot: check-in, the full number on a recorded tap, 取消／改约. */
export default function BookingList({ d, date, offset, busy, ctl, checkIn }: Props) {
  return (
    <View className="t-desk-list">
      {d.slots.length === 0 ? (
        <Notice kind="empty">{dayLabel(date, offset)} 不开放预约（休息日或节假日）。</Notice>
      ) : null}
      {d.slots.length > 0 && d.slots.every((s) => s.bookings.length === 0) ? (
        <Notice kind="empty">{dayLabel(date, offset)} 还没有人预约。</Notice>
      ) : null}
      {d.slots
        .filter((s) => s.bookings.length > 0)
        .map((s) => (
          <View key={s.slotId} className="card t-desk-slot">
            <View className="card__title">
              {s.start}–{s.end} {windowTitle(s.kindLabel, s.label)}
              {s.capacity ? ` · 已约 ${s.bookings.filter((b) => b.status !== 'cancelled').length}/${s.capacity}` : ''}
            </View>
            {s.bookings.map((b) => (
              <View key={b.bookingId} className={`line t-desk-booking t-desk-booking-${b.status}`}>
                <View className="case__head">
                  <View className="strong">
                    {b.contactName ?? '申请人'} {b.contactPhone ?? ''}
                  </View>
                  <View className={`status t-desk-status`}>{b.statusLabel}</View>
                </View>
                <View className="muted">
                  {b.categoryLabel}
                  {b.bookedByStaff ? ' · 工作人员代约' : ''}
                  {b.homeAddress ? ` · 上门地址：${b.homeAddress}` : ''}
                </View>
                {/* before a home visit or when someone is late: the full number on a recorded tap, then dial
                    (the server decides who may) */}
                {b.status === 'active' && b.contactPhone ? (
                  <RevealCall name={`booking-${b.bookingId}`} reveal={() => revealBookingContact(b.bookingId)} />
                ) : null}
                {b.status === 'cancelled' && b.cancelReason ? (
                  <View className="muted t-desk-cancel-reason">取消原因：{b.cancelReason}</View>
                ) : null}
                {b.canCheckIn ? (
                  <View className="chips">
                    <View className="chip t-checkin-yes" onClick={() => checkIn(b, true)} {...a11yRole('button')}>
                      ✓ 已到场
                    </View>
                    <View className="chip t-checkin-no" onClick={() => checkIn(b, false)} {...a11yRole('button')}>
                      未到场
                    </View>
                  </View>
                ) : b.status === 'active' && d.canCheckIn ? (
                  <View className="muted">时段开始后可登记到场。</View>
                ) : null}
                {(b.canReschedule || b.canCancel) && ctl.change?.bookingId !== b.bookingId ? (
                  <View className="row-buttons t-desk-change">
                    {b.canReschedule ? (
                      <ActionButton
                        kind="secondary"
                        className={`t-desk-move t-desk-move-${b.bookingId}`}
                        onClick={() => ctl.open(b, s.slotId, 'move')}
                      >
                        改约
                      </ActionButton>
                    ) : null}
                    {b.canCancel ? (
                      <ActionButton
                        kind="secondary"
                        className={`t-desk-cancel t-desk-cancel-${b.bookingId}`}
                        onClick={() => ctl.open(b, s.slotId, 'cancel')}
                      >
                        取消预约
                      </ActionButton>
                    ) : null}
                  </View>
                ) : null}
                <ChangeForm b={b} busy={busy} ctl={ctl} />
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}
