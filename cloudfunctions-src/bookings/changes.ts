import { COLL } from '../shared/db';
import { z } from 'zod';
import { cancelBooking, rescheduleBooking, validateMobile, type Actor } from '../../core';
import { AppError, type ActionContext } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadCenterConfig, loadSettings } from '../shared/config';
import { loadVisibleCase } from '../shared/cases';
import { pendingForUpdate } from '../shared/effects';
import type { BookingDoc } from '../shared/db';
import {
  seatOf,
  holderOf,
  releasedKey,
  refused,
  toBooking,
  slotIn,
  activeAround,
  claimSeat,
  changedMeanwhile,
} from './common';
import { bookingView, viewerOf, seedsOf } from './views';
export const slotIdSchema = z.string().trim().min(12, '请选择预约时段').max(80);
export const bookingRef = z.object({ bookingId: z.string().trim().min(1).max(64) });
export const phoneSchema = z
  .string()
  .trim()
  .refine((v) => validateMobile(v).ok, '请填写11位手机号码');
export const caseNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^BB\d{8}-\d{4,6}$/, '申请编号格式如 BB20261128-073852');

export async function ownCase(ctx: ActionContext<Database>, caseId: string) {
  return loadVisibleCase({ ...ctx, caller: { ...ctx.caller, staff: null } }, caseId);
}

export async function loadOwnBooking(
  t: { collection(n: string): { doc(id: string): { get(): Promise<{ data: unknown }> } } },
  bookingId: string,
  applicantId: string | null,
): Promise<BookingDoc> {
  const b = (await t
    .collection(COLL.bookings)
    .doc(bookingId)
    .get()
    .then(
      (r) => r.data,
      () => null,
    )) as BookingDoc | null;
  if (!b || (applicantId !== null && b.applicantId !== applicantId))
    throw new AppError('NOT_FOUND', '没有找到这个预约');
  return { ...b, _id: bookingId };
}

/** Case numbers of linked cases, for messages of bookings stored before they kept it. */
export async function caseNoOf(db: Database, b: BookingDoc): Promise<string | null> {
  if (b.caseNo !== undefined || !b.caseId) return b.caseNo ?? null;
  return db
    .collection(COLL.cases)
    .doc(b.caseId)
    .get()
    .then(
      (r) => ((r.data as { caseNo?: string } | null)?.caseNo ?? null) as string | null,
      () => null,
    );
}

/**
 * 取消: the applicant's own (applicantId set) or by staff with a reason the applicant is told. One
 * conditional update: only while the booking is still active on the slot that was read, and it
 * frees the seat and carries the message.
 */
export async function cancelIt(
  ctx: ActionContext<Database>,
  bookingId: string,
  applicantId: string | null,
  actor: Actor,
  reason: string | null,
) {
  const { db, now } = ctx;
  const [settings, b] = await Promise.all([loadSettings(db), loadOwnBooking(db, bookingId, applicantId)]);
  const d = cancelBooking(actor, toBooking(b), now, reason, settings.booking);
  if (!d.ok) throw refused(d);
  const next: BookingDoc = {
    ...b,
    status: 'cancelled',
    cancelledAt: now,
    cancelReason: d.value.booking.cancelReason,
    caseNo: d.value.notices.length ? await caseNoOf(db, b) : b.caseNo,
  };
  const seeds = seedsOf(d.value.notices, next, now);
  const freed = releasedKey(b._id);
  const r = await db
    .collection(COLL.bookings)
    .where({ _id: b._id, status: 'active', slotId: b.slotId })
    .update({
      data: {
        status: 'cancelled',
        cancelledAt: now,
        cancelReason: next.cancelReason,
        seat: freed,
        holder: freed,
        ...(seeds.length ? pendingForUpdate(db, now, { outbox: seeds }) : {}),
      },
    });
  if (r.stats.updated === 0) throw await changedMeanwhile(db, b._id);
  return { booking: bookingView(next, now, settings.booking.cancelCutoffMinutes, viewerOf(ctx, applicantId)) };
}

/**
 * 改约: one conditional update moves the booking to a seat of the new slot (the unique index guards
 * it like a new booking) and thereby frees its old seat. The applicant's own booking comes with the
 * same query as the slot's and their active bookings; staff learn whose booking it is first.
 */
export async function moveIt(
  ctx: ActionContext<Database>,
  bookingId: string,
  slotId: string,
  applicantId: string | null,
  actor: Actor,
) {
  const { db, now } = ctx;
  const [config, around] = await Promise.all([loadCenterConfig(db), activeAround(db, slotId, applicantId, bookingId)]);
  const slot = slotIn(config, slotId);
  const seen = around.find((d) => d._id === bookingId);
  if (!seen || (applicantId !== null && seen.applicantId !== applicantId))
    throw new AppError('NOT_FOUND', '没有找到这个预约');
  const owner = seen.applicantId;
  const read = () => activeAround(db, slot.id, owner, bookingId);
  const first = applicantId !== null ? around : await read();
  const doc = await claimSeat(slot, first, read, async (active) => {
    const b = active.find((d) => d._id === bookingId);
    if (!b) throw new AppError('NOT_FOUND', '没有找到这个预约');
    const d = rescheduleBooking(actor, toBooking(b), slot, active.map(toBooking), now, config.settings.booking);
    if (!d.ok) throw refused(d);
    const changes = {
      slotId: slot.id,
      kind: slot.kind,
      startsAt: slot.startsAt,
      homeAddress: d.value.booking.homeAddress,
      rescheduleCount: d.value.booking.rescheduleCount,
      date: slot.date,
      start: slot.start,
      end: slot.end,
      windowLabel: slot.label,
      rescheduledAt: now,
    };
    const next: BookingDoc = { ...b, ...changes, caseNo: d.value.notices.length ? await caseNoOf(db, b) : b.caseNo };
    const seeds = seedsOf(d.value.notices, next, now);
    return async (n: number) => {
      const r = await db
        .collection(COLL.bookings)
        .where({ _id: b._id, status: 'active', slotId: b.slotId })
        .update({
          data: {
            ...changes,
            seat: seatOf(slot.id, n),
            holder: holderOf(slot.id, owner),
            ...(seeds.length ? pendingForUpdate(db, now, { outbox: seeds }) : {}),
          },
        });
      if (r.stats.updated === 0) throw await changedMeanwhile(db, b._id);
      return next;
    };
  });
  return { booking: bookingView(doc, now, config.settings.booking.cancelCutoffMinutes, viewerOf(ctx, applicantId)) };
}
