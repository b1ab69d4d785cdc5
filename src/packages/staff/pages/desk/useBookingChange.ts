import { useState } from 'react';
import Taro from '@tarojs/taro';
import { useAsync } from '../../../../hooks/useAsync';
import { listSlots, type SlotView } from '../../../../services/bookings';
import { staffCancelBooking, staffRescheduleBooking, type DeskBooking } from '../../../../services/deskBookings';
import { describeError } from '../../../../services/errors';
import { AppError } from '../../../../services/result';
import { daysFromToday, md, type DeskError } from './dates';

/** 取消预约 or 改约 of one booking, open under its row: edit (reason / slot), then confirm. */
export interface Change {
  bookingId: string;
  /** the slot it holds now (not offered as the new one) */
  slotId: string;
  kind: string;
  mode: 'cancel' | 'move';
  confirming: boolean;
  reason: string;
  slot: SlotView | null;
  day: string | null;
  error: DeskError | null;
}

interface DeskControls {
  busy: boolean;
  setBusy: (busy: boolean) => void;
  setDone: (text: string) => void;
  setError: (error: DeskError | null) => void;
  setOffset: (offset: number) => void;
  reloadDay: () => void;
}

/** The open 取消／改约 of one booking: its state, the free slots to move to, and the confirm. */
export function useBookingChange({ busy, setBusy, setDone, setError, setOffset, reloadDay }: DeskControls) {
  const [change, setChange] = useState<Change | null>(null);
  const moving = change?.mode === 'move' ? change : null;
  const moveSlots = useAsync(
    () => (moving ? listSlots(moving.kind === 'home_visit' ? { kind: 'home_visit' } : {}) : Promise.resolve(null)),
    moving ? `${moving.bookingId}|${moving.kind}` : 'none',
  );

  const edit = (patch: Partial<Change>) => setChange((c) => (c ? { ...c, ...patch } : c));
  const open = (b: DeskBooking, slotId: string, mode: Change['mode']) => {
    setError(null);
    setDone('');
    setChange({
      bookingId: b.bookingId,
      slotId,
      kind: b.kind,
      mode,
      confirming: false,
      reason: '',
      slot: null,
      day: null,
      error: null,
    });
  };

  /** Confirms the open change; a refusal is told next to it in the server's words. */
  async function commit(b: DeskBooking) {
    if (!change || busy) return;
    setBusy(true);
    setDone('');
    edit({ error: null });
    const who = b.contactName ?? '申请人';
    try {
      if (change.mode === 'cancel') {
        await staffCancelBooking({ bookingId: b.bookingId, reason: change.reason.trim() });
        setDone(`已取消 ${who} ${md(b.date)} ${b.start} 的预约，系统会把原因通知申请人`);
      } else {
        const r = (await staffRescheduleBooking({ bookingId: b.bookingId, slotId: change.slot!.slotId })).booking;
        setDone(
          `已将 ${who} 的预约改到 ${r.date}（${r.weekday}）${r.start}–${r.end}（${r.kindLabel}），系统会通知申请人新时间`,
        );
        const movedDay = daysFromToday(r.date);
        if (movedDay >= 0 && movedDay <= 6) setOffset(movedDay);
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
      }
      setChange(null);
      reloadDay();
    } catch (e) {
      const fields = e instanceof AppError ? e.fields : {};
      // a bad reason goes back to the reason field; anything else stays by the confirm button
      edit({
        error: { text: fields.reason ?? describeError(e), fields },
        ...(fields.reason ? { confirming: false } : {}),
      });
      if (change.mode === 'move') moveSlots.reload();
    } finally {
      setBusy(false);
    }
  }

  return { change, moveSlots, edit, open, close: () => setChange(null), commit };
}

export type BookingChange = ReturnType<typeof useBookingChange>;
