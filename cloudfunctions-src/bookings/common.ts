import { COLL, isDuplicateKey } from '../shared/db';
import { randomBytes, randomInt } from 'node:crypto';
import { BOOKING_MESSAGES, findSlot, type Booking, type Category, type ServiceWindowKind, type Slot } from '../../core';
import { AppError, type ActionContext } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadCenterConfig } from '../shared/config';
import type { BookingDoc } from '../shared/db';

export type CenterConfig = Awaited<ReturnType<typeof loadCenterConfig>>;

/** Short names the citizen reads on a slot: 常规 / 延时 / 错时 / 上门. */
export const KIND_SHORT: Record<ServiceWindowKind, string> = {
  regular: '常规',
  after_hours: '延时',
  off_peak: '错时',
  home_visit: '上门',
};
export const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** DEMO DATA — the center should confirm the place and the list of what to bring. */
export const BOOKING_PLACE = '和硕县政务服务中心一楼 帮办代办服务岗';
export const BRING: Record<Category, string[]> = {
  livelihood: ['本人身份证原件', '户口簿或相关证明（如残疾证、老年证）', '已有的申请材料'],
  enterprise: ['经办人身份证原件', '企业名称预先核准或拟用名称', '营业执照（变更、许可时）', '经营场所使用证明'],
  investment: ['经办人身份证原件', '企业营业执照', '项目建议书或可行性研究报告', '项目用地、规划相关材料'],
  major: ['经办人身份证原件', '列入重大项目计划或督办的文件', '项目前期材料'],
};

/*
 * Seats instead of a transaction.
 *
 * An active booking holds a numbered seat of its slot, `seat: "<slotId>#<n>"` with n in
 * 1..capacity, and its applicant's place in that slot, `holder: "<slotId>|<applicantId>"`. Both
 * fields carry unique indexes (cloudbase.json, collection bookings). Two people racing for the last
 * seat both write its number and the database refuses the second write (a duplicate key, see shared/db/errors.ts): a slot can
 * never hold more active bookings than seats, and a double tap cannot book one person twice into
 * one slot, however the calls interleave. Giving a booking up (cancel, move away) sets both fields
 * to `x:<bookingId>`, a value of its own, which frees them.
 *
 * So booking is one query (the slot's and the applicant's active bookings together), the core's
 * decision and one insert that also carries the booking's messages in `pending` (delivered by the
 * notify timer). With the center's config read beside the query that is three round trips, where
 * the former slot document needed ten (four reads, then a transaction of six).
 */
export const seatOf = (slotId: string, n: number) => `${slotId}#${n}`;
export const holderOf = (slotId: string, applicantId: string) => `${slotId}|${applicantId}`;
export const releasedKey = (bookingId: string) => `x:${bookingId}`;

/** Rounds of read-and-claim before a caller is told to try again (each round re-reads the slot). */
export const CLAIM_ROUNDS = 6;

export const newBookingId = () => `bk_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;

export const refused = (d: { code: string; message: string }) =>
  new AppError('RULE_REFUSED', d.message, { [d.code]: d.message });
export const errorText = (e: unknown) =>
  String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e);

/** Staff steps that still run in a transaction (check-in): a write conflict is told as CONFLICT. */
export function inTransaction<T>(
  ctx: ActionContext<Database>,
  fn: Parameters<ActionContext<Database>['transaction']>[0],
): Promise<T> {
  return ctx.transaction(fn).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    if (/conflict/i.test(errorText(e))) throw new AppError('CONFLICT', '预约的人较多，请稍后再试');
    throw e;
  }) as Promise<T>;
}

export function toBooking(d: BookingDoc): Booking {
  return {
    ...d,
    id: d._id,
    startsAt: new Date(d.startsAt),
    bookedAt: new Date(d.bookedAt),
    cancelledAt: d.cancelledAt ? new Date(d.cancelledAt) : null,
  };
}

/** A slot id from a client, checked against the timetable as the center has it now. */
export function slotIn(config: CenterConfig, slotId: string): Slot {
  const found = findSlot(config.calendar, slotId, config.settings.booking);
  if (!found.ok) throw refused(found);
  return found.value;
}

/**
 * In ONE query, what the core needs to decide a booking into `slotId`: the slot's active bookings
 * and the applicant's (when known), plus the booking being moved (when there is one).
 */
export async function activeAround(
  db: Database,
  slotId: string,
  applicantId: string | null,
  bookingId?: string,
): Promise<BookingDoc[]> {
  const _ = db.command;
  const wanted: object[] = [{ slotId, status: 'active' }];
  if (applicantId !== null) wanted.push({ applicantId, status: 'active' });
  if (bookingId) wanted.push({ _id: bookingId });
  const { data } = await db
    .collection(COLL.bookings)
    .where(_.or(wanted) as object)
    .limit(1000)
    .get();
  return data.map((d) => ({ ...d, _id: String(d._id) }) as BookingDoc);
}

/**
 * Free seat numbers of a slot as `active` shows it, never more of them than places left (a booking
 * stored without a seat still counts against the capacity).
 */
export function freeSeats(slot: Slot, active: BookingDoc[]): number[] {
  const here = active.filter((b) => b.slotId === slot.id && b.status === 'active');
  const taken = new Set(here.map((b) => b.seat));
  const free: number[] = [];
  for (let n = 1; n <= slot.capacity && free.length < slot.capacity - here.length; n++)
    if (!taken.has(seatOf(slot.id, n))) free.push(n);
  return free;
}

/**
 * Takes a seat of `slot`. `decide` asks the core on what was read (throwing its refusal, SLOT_FULL
 * among them) and answers the one write that stores the booking on a given seat.
 *
 * The seat is picked at random among those free, not the lowest: callers racing for a slot then
 * mostly pick different seats and all get one, where "lowest first" would have every one of them
 * collide on the same number. A write refused by a unique index (someone took that seat, or this
 * applicant's place in the slot — a second tap) means the slot changed: read it again and decide
 * anew, which on a full slot is SLOT_FULL after a single extra read.
 */
export async function claimSeat<T>(
  slot: Slot,
  first: BookingDoc[],
  read: () => Promise<BookingDoc[]>,
  decide: (active: BookingDoc[]) => Promise<(seat: number) => Promise<T>>,
): Promise<T> {
  let active = first;
  for (let round = 1; ; round++) {
    const write = await decide(active);
    const free = freeSeats(slot, active);
    if (free.length > 0) {
      try {
        return await write(free[randomInt(free.length)]);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    if (round >= CLAIM_ROUNDS) throw new AppError('CONFLICT', '预约的人较多，请稍后再试');
    active = await read();
  }
}

/** After a conditional update matched nothing: the booking changed since it was read. */
export async function changedMeanwhile(db: Database, bookingId: string): Promise<AppError> {
  const now = await db
    .collection(COLL.bookings)
    .doc(bookingId)
    .get()
    .then(
      (r) => r.data as BookingDoc | null,
      () => null,
    );
  if (!now || now.status !== 'active')
    return refused({ code: 'BOOKING_NOT_ACTIVE', message: BOOKING_MESSAGES.BOOKING_NOT_ACTIVE });
  return new AppError('CONFLICT', '预约刚刚有变动，请刷新后再试');
}

// what the booking screens are answered: a slot, and a booking as the applicant or the staff see it
