import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  bookingChanges,
  can,
  beijingDate,
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  BOOKING_MESSAGES,
  CATEGORY_LABELS,
  CoreError,
  generateSlots,
  maskName,
  recordAttendance,
  arriveWithCode,
  reopenedForCheckIn,
  type BookingStatus,
  type Slot,
} from '../../core';
import { action, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadCenterConfig } from '../shared/config';
import { actorOf } from '../shared/cases';
import type { BookingDoc } from '../shared/db';
import { KIND_SHORT, refused, inTransaction, toBooking } from './common';
import { bookingView, bookingViewSchema } from './views';
import { bookingRef, loadOwnBooking } from './changes';

export const deskActions = {
  listDay: action({
    summary:
      '某日预约名单（工作人员）：按时段（窗口）列出，可按窗口筛选，申请人信息脱敏；上门地址仅帮代办员可见；时段已不在开放时间表中的预约另列，不会被漏掉',
    roles: ['agent', 'leader', 'center'],
    input: z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD'),
      windowId: z.string().trim().max(40).optional(),
    }),
    output: z.object({
      date: z.string(),
      windows: z.array(z.object({ windowId: z.string(), label: z.string(), kindLabel: z.string() })),
      canCheckIn: z.boolean(),
      canChange: z.boolean(),
      slots: z.array(
        z.object({
          slotId: z.string(),
          windowId: z.string(),
          label: z.string(),
          kindLabel: z.string(),
          start: z.string(),
          end: z.string(),
          capacity: z.number(),
          bookings: z.array(
            bookingViewSchema.extend({
              categoryLabel: z.string(),
              canCheckIn: z.boolean(),
              canCancel: z.boolean(),
              canReschedule: z.boolean(),
              canChange: z.boolean(),
            }),
          ),
        }),
      ),
    }),
    async run(ctx, input) {
      const { calendar: cal, settings } = await loadCenterConfig(ctx.db);
      let slots: Slot[] = [];
      try {
        slots = generateSlots(cal, input.date, settings.booking);
      } catch (e) {
        if (!(e instanceof CoreError)) throw e;
      }
      const windows = [
        ...new Map(
          slots.map((s) => [s.windowId, { windowId: s.windowId, label: s.label, kindLabel: KIND_SHORT[s.kind] }]),
        ).values(),
      ];
      const { data } = await ctx.db
        .collection(COLL.bookings)
        .where({ date: input.date })
        .orderBy('startsAt', 'asc')
        .limit(1000)
        .get();
      const who = ctx.caller.staff?.role === 'agent' ? 'agent' : 'other';
      const mayCheckIn = ctx.caller.staff?.role === 'agent' || ctx.caller.staff?.role === 'center';
      // 取消／改约 as staff: the core's rules for this caller (leaders may not; staff until the start)
      const actor = actorOf(ctx.caller);
      const docs = (data as BookingDoc[]).filter((b) => !input.windowId || b.slotId.split('@')[1] === input.windowId);
      const view = (b: BookingDoc) => {
        const may = bookingChanges(actor, toBooking(b), ctx.now, settings.booking);
        return {
          ...bookingView(b, ctx.now, settings.booking.cancelCutoffMinutes, who),
          categoryLabel: CATEGORY_LABELS[b.category] ?? '',
          canCheckIn: mayCheckIn && b.status === 'active' && new Date(b.startsAt).getTime() <= ctx.now.getTime(),
          canCancel: may.cancel,
          canReschedule: may.reschedule,
          canChange: may.cancel || may.reschedule,
        };
      };
      const shown = slots.filter((s) => !input.windowId || s.windowId === input.windowId);
      const known = new Set(slots.map((s) => s.id));
      // a timetable changed after booking must not hide anyone who is coming
      const orphans = docs.filter((b) => !known.has(b.slotId));
      const extra = [...new Map(orphans.map((b) => [b.slotId, b])).values()].map((b) => ({
        slotId: b.slotId,
        windowId: b.slotId.split('@')[1] ?? '',
        label: `${b.windowLabel}（原时段）`,
        kindLabel: KIND_SHORT[b.kind],
        start: b.start,
        end: b.end,
        capacity: 0,
        bookings: orphans.filter((o) => o.slotId === b.slotId).map(view),
      }));
      return {
        date: input.date,
        windows,
        canCheckIn: mayCheckIn,
        canChange: can(actor, 'booking.cancel') || can(actor, 'booking.reschedule'),
        slots: [
          ...shown.map((s) => ({
            slotId: s.id,
            windowId: s.windowId,
            label: s.label,
            kindLabel: KIND_SHORT[s.kind],
            start: s.start,
            end: s.end,
            capacity: s.capacity,
            bookings: docs.filter((b) => b.slotId === s.id).map(view),
          })),
          ...extra,
        ].sort((a, b) => a.start.localeCompare(b.start)),
      };
    },
  }),

  // attendance changes no seat: the slot has begun, nobody can book it any more
  checkInByCode: action({
    summary:
      '签到码签到（工作人员）：申请人在窗口出示预约的6位签到码，工作人员输入即登记到场；只认今天的有效预约自己的签到码，其他一律答复“签到码不对”；按名单手工登记到场仍可用',
    roles: ['agent', 'center'],
    input: z.object({
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, '请输入6位数字签到码'),
    }),
    output: z.object({
      bookingId: z.string(),
      status: z.enum(BOOKING_STATUSES),
      statusLabel: z.string(),
      contactName: z.string().nullable(),
      start: z.string(),
      end: z.string(),
      windowLabel: z.string(),
    }),
    errors: ['RULE_REFUSED'],
    async run(ctx, input) {
      const today = beijingDate(ctx.now);
      const { data } = await ctx.db
        .collection(COLL.bookings)
        .where({ checkInCode: input.code, date: today })
        .limit(5)
        .get();
      const found = (data as BookingDoc[]).filter(
        (b) =>
          arriveWithCode(actorOf(ctx.caller), { ...toBooking(b), checkInCode: b.checkInCode }, input.code, ctx.now).ok,
      );
      // two of today's bookings with one code (one in a million): the desk checks by the list instead
      if (found.length !== 1)
        throw refused({ code: 'CHECK_IN_CODE_INVALID', message: BOOKING_MESSAGES.CHECK_IN_CODE_INVALID });
      return inTransaction<{
        bookingId: string;
        status: BookingStatus;
        statusLabel: string;
        contactName: string | null;
        start: string;
        end: string;
        windowLabel: string;
      }>(ctx, async (t) => {
        const b = await loadOwnBooking(t, found[0]._id, null);
        const d = arriveWithCode(
          actorOf(ctx.caller),
          { ...toBooking(b), checkInCode: b.checkInCode },
          input.code,
          ctx.now,
        );
        if (!d.ok) throw refused(d);
        await t
          .collection(COLL.bookings)
          .doc(b._id)
          .update({ data: { status: d.value.status, checkedInAt: ctx.now, noShowMarkedAt: null } });
        return {
          bookingId: b._id,
          status: d.value.status,
          statusLabel: BOOKING_STATUS_LABELS[d.value.status],
          contactName: b.contactName ? maskName(b.contactName) : null,
          start: b.start,
          end: b.end,
          windowLabel: b.windowLabel,
        };
      });
    },
  }),

  checkIn: action({
    summary: '登记到场（工作人员）：时段开始后登记申请人到场或未到场（台账）；系统自动标记的未到场可改登为到场',
    roles: ['agent', 'center'],
    input: bookingRef.extend({ attended: z.boolean() }),
    output: z.object({ status: z.enum(BOOKING_STATUSES), statusLabel: z.string() }),
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      return inTransaction<{ status: BookingStatus; statusLabel: string }>(ctx, async (t) => {
        const b = await loadOwnBooking(t, input.bookingId, null);
        const d = recordAttendance(
          actorOf(ctx.caller),
          reopenedForCheckIn(toBooking(b), !!b.noShowMarkedAt),
          input.attended,
          ctx.now,
        );
        if (!d.ok) throw refused(d);
        // what staff record replaces the scheduler's mark
        await t
          .collection(COLL.bookings)
          .doc(b._id)
          .update({ data: { status: d.value.status, checkedInAt: ctx.now, noShowMarkedAt: null } });
        return { status: d.value.status, statusLabel: BOOKING_STATUS_LABELS[d.value.status] };
      });
    },
  }),
} satisfies ActionTable<Database>;
