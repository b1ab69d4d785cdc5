import { COLL, isDuplicateKey } from '../shared/db';
import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  addDays,
  bookingChanges,
  can,
  beijingDate,
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  SERVICE_WINDOW_KINDS,
  book,
  BOOKING_MESSAGES,
  cancelBooking,
  CATEGORIES,
  CASE_STATUS_LABELS,
  CATEGORY_LABELS,
  CoreError,
  findSlot,
  generateSlots,
  maskName,
  maskPhone,
  OPEN_STATUSES,
  recordAttendance,
  arriveWithCode,
  newCheckInCode,
  reopenedForCheckIn,
  rescheduleBooking,
  validateMobile,
  weekday,
  type Actor,
  type Booking,
  type BookingNotice,
  type BookingStatus,
  type Category,
  type ServiceWindowKind,
  type Slot,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadCenterConfig, loadSettings } from '../shared/config';
import { actorOf, loadVisibleCase, readCase, type CaseDoc } from '../shared/cases';
import { outboxSeeds, pendingForInsert, pendingForUpdate } from '../shared/effects';
import { bookingFacts } from '../shared/booking-facts';
import type { BookingDoc } from '../shared/db';

export type { BookingDoc };

type CenterConfig = Awaited<ReturnType<typeof loadCenterConfig>>;

/** Short names the citizen reads on a slot: 常规 / 延时 / 错时 / 上门. */
export const KIND_SHORT: Record<ServiceWindowKind, string> = {
  regular: '常规',
  after_hours: '延时',
  off_peak: '错时',
  home_visit: '上门',
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** DEMO DATA — the center should confirm the place and the list of what to bring. */
export const BOOKING_PLACE = '和硕县政务服务中心一楼 帮办代办服务岗';
const BRING: Record<Category, string[]> = {
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
 * seat both write its number and the database refuses the second write (E11000): a slot can
 * never hold more active bookings than seats, and a double tap cannot book one person twice into
 * one slot, however the calls interleave. Giving a booking up (cancel, move away) sets both fields
 * to `x:<bookingId>`, a value of its own, which frees them.
 *
 * So booking is one query (the slot's and the applicant's active bookings together), the core's
 * decision and one insert that also carries the booking's messages in `pending` (delivered by the
 * notify timer). With the center's config read beside the query that is three round trips, where
 * the former slot document needed ten (four reads, then a transaction of six).
 */
const seatOf = (slotId: string, n: number) => `${slotId}#${n}`;
const holderOf = (slotId: string, applicantId: string) => `${slotId}|${applicantId}`;
const releasedKey = (bookingId: string) => `x:${bookingId}`;

/** Rounds of read-and-claim before a caller is told to try again (each round re-reads the slot). */
const CLAIM_ROUNDS = 6;

const newBookingId = () => `bk_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;

const refused = (d: { code: string; message: string }) =>
  new AppError('RULE_REFUSED', d.message, { [d.code]: d.message });
const errorText = (e: unknown) =>
  String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e);

/** Staff steps that still run in a transaction (check-in): a write conflict is told as CONFLICT. */
function inTransaction<T>(
  ctx: ActionContext<Database>,
  fn: Parameters<ActionContext<Database>['transaction']>[0],
): Promise<T> {
  return ctx.transaction(fn).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    if (/conflict/i.test(errorText(e))) throw new AppError('CONFLICT', '预约的人较多，请稍后再试');
    throw e;
  }) as Promise<T>;
}

function toBooking(d: BookingDoc): Booking {
  return {
    ...d,
    id: d._id,
    startsAt: new Date(d.startsAt),
    bookedAt: new Date(d.bookedAt),
    cancelledAt: d.cancelledAt ? new Date(d.cancelledAt) : null,
  };
}

/** A slot id from a client, checked against the timetable as the center has it now. */
function slotIn(config: CenterConfig, slotId: string): Slot {
  const found = findSlot(config.calendar, slotId, config.settings.booking);
  if (!found.ok) throw refused(found);
  return found.value;
}

/**
 * In ONE query, what the core needs to decide a booking into `slotId`: the slot's active bookings
 * and the applicant's (when known), plus the booking being moved (when there is one).
 */
async function activeAround(
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
function freeSeats(slot: Slot, active: BookingDoc[]): number[] {
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
async function claimSeat<T>(
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
async function changedMeanwhile(db: Database, bookingId: string): Promise<AppError> {
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
const slotViewSchema = z.object({
  slotId: z.string(),
  kind: z.enum(SERVICE_WINDOW_KINDS),
  kindLabel: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  capacity: z.number(),
  remaining: z.number(),
});
const bookingViewSchema = z.object({
  bookingId: z.string(),
  date: z.string(),
  weekday: z.string(),
  start: z.string(),
  end: z.string(),
  kind: z.enum(SERVICE_WINDOW_KINDS),
  kindLabel: z.string(),
  windowLabel: z.string(),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
  place: z.string(),
  bring: z.array(z.string()),
  homeAddress: z.string().nullable(),
  caseId: z.string().nullable(),
  rescheduleCount: z.number(),
  cancelReason: z.string().nullable(),
  canChange: z.boolean(),
  /** the applicant's own view only */
  checkInCode: z.string().nullable().optional(),
  /** the staff view only (masked) */
  contactName: z.string().nullable().optional(),
  contactPhone: z.string().nullable().optional(),
  bookedByStaff: z.boolean().optional(),
});
const bookingAnswer = z.object({ booking: bookingViewSchema });

function bookingView(
  b: BookingDoc,
  now: Date,
  cancelCutoffMinutes: number,
  forStaff: false | 'agent' | 'other' = false,
) {
  const startsAt = new Date(b.startsAt);
  return {
    bookingId: b._id,
    date: b.date,
    weekday: `星期${WEEKDAYS[weekday(b.date)]}`,
    start: b.start,
    end: b.end,
    kind: b.kind,
    kindLabel: KIND_SHORT[b.kind],
    windowLabel: b.windowLabel,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    place: b.kind === 'home_visit' ? '上门服务（工作人员到您填写的地址）' : BOOKING_PLACE,
    bring: BRING[b.category] ?? [],
    homeAddress: b.homeAddress === null ? null : forStaff === 'other' ? '***' : b.homeAddress,
    caseId: b.caseId,
    rescheduleCount: b.rescheduleCount,
    // a reason staff gave is told to the applicant (their message says to look here)
    cancelReason: b.status === 'cancelled' ? (b.cancelReason ?? null) : null,
    canChange: b.status === 'active' && startsAt.getTime() - cancelCutoffMinutes * 60_000 > now.getTime(),
    // 签到码: shown to the applicant only, for an active booking (the desk types it in to mark arrival)
    ...(!forStaff ? { checkInCode: b.status === 'active' ? (b.checkInCode ?? null) : null } : {}),
    ...(forStaff
      ? {
          contactName: b.contactName ? maskName(b.contactName) : null,
          contactPhone: b.contactPhone ? maskPhone(b.contactPhone) : null,
          bookedByStaff: b.bookedBy.role !== 'applicant',
        }
      : {}),
  };
}

/** Who is looking at a booking changed by `applicantId` (null: by staff). */
const viewerOf = (ctx: ActionContext<Database>, applicantId: string | null) =>
  applicantId ? false : ctx.caller.staff?.role === 'agent' ? 'agent' : 'other';

interface BookRequest {
  actor: Actor;
  applicantId: string;
  slotId: string;
  category: Category;
  caseId: string | null;
  homeAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** the linked case's number, kept on the booking for its messages */
  caseNo: string | null;
}

/** Outbox entries of the core's notices about a booking (ids fixed now, written with the booking). */
const seedsOf = (notices: BookingNotice[], b: BookingDoc, now: Date) =>
  outboxSeeds(
    notices.map((n) => ({ kind: n.kind, to: n.to })),
    bookingFacts(b, b.caseNo ?? null),
    now,
  );

/** The center's config and the slot's and applicant's active bookings, read side by side. */
const readForBooking = (db: Database, slotId: string, applicantId: string) =>
  Promise.all([loadCenterConfig(db), activeAround(db, slotId, applicantId)]);

/**
 * One booking: the reads (`config`, `first`) were made by the caller, side by side with whatever
 * else it needed; then one insert of the booking on a free seat, its 预约成功 message in
 * `pending` (so the message is stored with the booking or not at all).
 */
async function placeBooking(
  ctx: ActionContext<Database>,
  req: BookRequest,
  [config, first]: Awaited<ReturnType<typeof readForBooking>>,
) {
  const { db, now } = ctx;
  const slot = slotIn(config, req.slotId);
  const bookingId = newBookingId();
  const doc = await claimSeat(
    slot,
    first,
    () => activeAround(db, slot.id, req.applicantId),
    async (active) => {
      const decision = book(
        req.actor,
        {
          applicantId: req.applicantId,
          slot,
          category: req.category,
          caseId: req.caseId,
          homeAddress: req.homeAddress,
        },
        active.map(toBooking),
        now,
        config.settings.booking,
      );
      if (!decision.ok) throw refused(decision);
      const booking: BookingDoc = {
        _id: bookingId,
        ...decision.value.booking,
        date: slot.date,
        start: slot.start,
        end: slot.end,
        windowLabel: slot.label,
        contactName: req.contactName,
        contactPhone: req.contactPhone,
        checkedInAt: null,
        caseNo: req.caseNo,
        checkInCode: newCheckInCode(randomInt(1_000_000) / 1_000_000),
      };
      const pending = pendingForInsert(now, { outbox: seedsOf(decision.value.notices, booking, now) });
      return async (n: number) => {
        await db
          .collection(COLL.bookings)
          .add({ data: { ...booking, seat: seatOf(slot.id, n), holder: holderOf(slot.id, req.applicantId), pending } });
        return booking;
      };
    },
  );
  return { booking: bookingView(doc, now, config.settings.booking.cancelCutoffMinutes) };
}

const slotIdSchema = z.string().trim().min(12, '请选择预约时段').max(80);
const bookingRef = z.object({ bookingId: z.string().trim().min(1).max(64) });
const phoneSchema = z
  .string()
  .trim()
  .refine((v) => validateMobile(v).ok, '请填写11位手机号码');
const caseNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^BB\d{8}-\d{4,6}$/, '申请编号格式如 BB20261128-073852');

async function ownCase(ctx: ActionContext<Database>, caseId: string) {
  return loadVisibleCase({ ...ctx, caller: { ...ctx.caller, staff: null } }, caseId);
}

async function loadOwnBooking(
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
async function caseNoOf(db: Database, b: BookingDoc): Promise<string | null> {
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
async function cancelIt(
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
async function moveIt(
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

export const actions = {
  listSlots: action({
    summary: '可预约时段：今天起14天内，每个时段标明常规／延时／错时（或上门）与剩余名额；已截止的不列出',
    roles: ['applicant', 'agent', 'leader', 'center'],
    input: z.object({ kind: z.enum(['regular', 'after_hours', 'off_peak', 'home_visit']).optional() }),
    output: z.object({
      days: z.array(z.object({ date: z.string(), weekday: z.string(), slots: z.array(slotViewSchema) })),
      missingYears: z.array(z.number()),
    }),
    async run({ db, now }, input) {
      const _ = db.command;
      const today = beijingDate(now);
      // seats taken: active bookings from today on, counted per slot by the database
      const [{ calendar: cal, settings }, counted] = await Promise.all([
        loadCenterConfig(db),
        db
          .collection(COLL.bookings)
          .aggregate()
          .match({ status: 'active', date: _.gte(today) })
          .group({ _id: '$slotId', n: _.aggregate.sum(1) })
          .limit(1000)
          .end(),
      ]);
      const taken = new Map(counted.list.map((g) => [String(g._id), Number(g.n)]));
      const days: { date: string; weekday: string; slots: z.output<typeof slotViewSchema>[] }[] = [];
      const missingYears = new Set<number>();
      for (let i = 0; i <= settings.booking.maxAdvanceDays; i++) {
        const date = addDays(today, i);
        let slots: Slot[];
        try {
          slots = generateSlots(cal, date, settings.booking);
        } catch (e) {
          if (e instanceof CoreError && e.code === 'CALENDAR_YEAR_MISSING') {
            missingYears.add(Number(date.slice(0, 4)));
            continue;
          }
          throw e;
        }
        const open = slots
          .filter((s) => (input.kind ? s.kind === input.kind : s.kind !== 'home_visit'))
          .filter((s) => s.startsAt.getTime() - settings.booking.bookingCutoffMinutes * 60_000 >= now.getTime())
          .map((s) => ({
            slotId: s.id,
            kind: s.kind,
            kindLabel: KIND_SHORT[s.kind],
            label: s.label,
            start: s.start,
            end: s.end,
            capacity: s.capacity,
            remaining: Math.max(0, s.capacity - (taken.get(s.id) ?? 0)),
          }));
        if (open.length > 0) days.push({ date, weekday: `星期${WEEKDAYS[weekday(date)]}`, slots: open });
      }
      return { days, missingYears: [...missingYears] };
    },
  }),

  book: action({
    summary: '预约到中心办理：选择一个时段（常规、延时或错时），可关联自己的申请；名额在并发下也不会超订',
    roles: ['applicant'],
    input: z.object({
      slotId: slotIdSchema,
      category: z.enum(CATEGORIES, { message: '请选择办理事项的类别' }).optional(),
      caseId: z.string().trim().min(1).max(64).optional(),
    }),
    output: bookingAnswer,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      if (!input.caseId && !input.category)
        throw new AppError('INVALID_INPUT', '请选择办理事项的类别', { category: '请选择办理事项的类别' });
      if (input.slotId.includes('@home@'))
        throw new AppError('RULE_REFUSED', '上门服务请在“申请上门服务”中填写地址', {
          USE_HOME_VISIT: '上门服务请在“申请上门服务”中填写地址',
        });
      const [c, read] = await Promise.all([
        input.caseId ? ownCase(ctx, input.caseId) : null,
        readForBooking(ctx.db, input.slotId, ctx.caller.openid),
      ]);
      const category = c?.category ?? input.category!;
      return placeBooking(
        ctx,
        {
          actor: { id: ctx.caller.openid, role: 'applicant' },
          applicantId: ctx.caller.openid,
          slotId: input.slotId,
          category,
          caseId: c?._id ?? null,
          caseNo: c?.caseNo ?? null,
          homeAddress: null,
          contactName: c?.contactName ?? null,
          contactPhone: c?.contactPhone ?? null,
        },
        read,
      );
    },
  }),

  requestHomeVisit: action({
    summary: '申请上门服务：限民生保障类（行动不便等特殊群众，§三(一)），须关联自己的申请并填写地址',
    roles: ['applicant'],
    input: z.object({
      slotId: slotIdSchema,
      caseId: z.string().trim().min(1, '请选择要上门办理的申请').max(64),
      address: z.string().trim().min(5, '请填写详细地址（乡镇、村或小区、门牌号）').max(200, '地址不超过200字'),
    }),
    output: bookingAnswer,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      const [c, read] = await Promise.all([
        ownCase(ctx, input.caseId),
        readForBooking(ctx.db, input.slotId, ctx.caller.openid),
      ]);
      if (!input.slotId.includes('@home@'))
        throw new AppError('RULE_REFUSED', '请选择上门服务时段', { NOT_HOME_VISIT_SLOT: '请选择上门服务时段' });
      return placeBooking(
        ctx,
        {
          actor: { id: ctx.caller.openid, role: 'applicant' },
          applicantId: ctx.caller.openid,
          slotId: input.slotId,
          category: c.category,
          caseId: c._id,
          caseNo: c.caseNo,
          homeAddress: input.address,
          contactName: c.contactName,
          contactPhone: c.contactPhone,
        },
        read,
      );
    },
  }),

  cancel: action({
    summary: '取消自己的预约（开始前30分钟截止，之后请致电中心）',
    roles: ['applicant'],
    input: bookingRef,
    output: bookingAnswer,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return cancelIt(ctx, input.bookingId, ctx.caller.openid, { id: ctx.caller.openid, role: 'applicant' }, null);
    },
  }),

  reschedule: action({
    summary: '改约：把自己的预约改到另一个时段（每个预约最多改2次，开始前30分钟截止）',
    roles: ['applicant'],
    input: bookingRef.extend({ slotId: slotIdSchema }),
    output: bookingAnswer,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return moveIt(ctx, input.bookingId, input.slotId, ctx.caller.openid, {
        id: ctx.caller.openid,
        role: 'applicant',
      });
    },
  }),

  staffCancel: action({
    summary: '取消预约（工作人员）：在开始前取消申请人的预约（如临时闭厅），须填写原因，系统通知申请人',
    roles: ['agent', 'center'],
    input: bookingRef.extend({
      reason: z.string().trim().min(2, '请填写取消原因，申请人会收到').max(100, '原因不超过100字'),
    }),
    output: bookingAnswer,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return cancelIt(ctx, input.bookingId, null, actorOf(ctx.caller), input.reason);
    },
  }),

  staffReschedule: action({
    summary: '改约（工作人员）：把申请人的预约改到另一个时段，系统通知申请人新时间',
    roles: ['agent', 'center'],
    input: bookingRef.extend({ slotId: slotIdSchema }),
    output: bookingAnswer,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return moveIt(ctx, input.bookingId, input.slotId, null, actorOf(ctx.caller));
    },
  }),

  listMine: action({
    summary: '我的预约：时间、地点、要带的材料，能否取消或改约',
    roles: ['applicant'],
    input: z.object({}),
    output: z.object({ items: z.array(bookingViewSchema) }),
    async run({ caller, db, now }) {
      const settings = await loadSettings(db);
      const { data } = await db
        .collection(COLL.bookings)
        .where({ applicantId: caller.openid })
        .orderBy('startsAt', 'desc')
        .limit(50)
        .get();
      return {
        items: (data as BookingDoc[]).map((b) => bookingView(b, now, settings.booking.cancelCutoffMinutes)),
      };
    },
  }),

  findCase: action({
    summary:
      '按申请编号查找申请（工作人员代为预约前确认对象）：只按系统发出的申请编号精确查找，显示脱敏的姓名和电话供与来电人核对；不能按电话、姓名等申请人填写的内容查找',
    roles: ['agent', 'center'],
    input: z.object({ caseNo: caseNoSchema }),
    output: z.object({
      case: z.object({
        caseId: z.string(),
        caseNo: z.string(),
        category: z.enum(CATEGORIES),
        categoryLabel: z.string(),
        statusLabel: z.string(),
        open: z.boolean(),
        applicantName: z.string().nullable(),
        contactName: z.string().nullable(),
        contactPhone: z.string().nullable(),
      }),
    }),
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const { data } = await ctx.db
        .collection(COLL.cases)
        .where({ caseNo: input.caseNo })
        .field({
          caseNo: true,
          category: true,
          status: true,
          applicantName: true,
          contactName: true,
          contactPhone: true,
        })
        .limit(1)
        .get();
      const c = data[0] as unknown as
        | (Pick<CaseDoc, '_id' | 'caseNo' | 'category' | 'status' | 'contactName' | 'contactPhone'> & {
            applicantName?: string;
          })
        | undefined;
      if (!c) throw new AppError('NOT_FOUND', '没有这个申请编号，请与来电人核对');
      return {
        case: {
          caseId: c._id,
          caseNo: c.caseNo,
          category: c.category,
          categoryLabel: CATEGORY_LABELS[c.category],
          statusLabel: CASE_STATUS_LABELS[c.status],
          open: OPEN_STATUSES.includes(c.status),
          applicantName: c.applicantName ? maskName(c.applicantName) : null,
          contactName: c.contactName ? maskName(c.contactName) : null,
          contactPhone: c.contactPhone ? maskPhone(c.contactPhone) : null,
        },
      };
    },
  }),

  bookFor: action({
    summary:
      '代为预约（工作人员）：为来电或来人预约。有申请的，按工作人员查到并与来人核对过的申请（caseId）预约，预约归该申请的申请人；没有申请的，作为窗口登记的来人（姓名、电话、类别）预约，不归任何微信用户。绝不按电话号码把预约归给某个申请人。名额规则与本人预约相同',
    roles: ['agent', 'center'],
    input: z
      .object({
        slotId: slotIdSchema,
        /** the case the agent found by its number (findCase) and confirmed with the caller */
        caseId: z.string().trim().min(1).max(64).optional(),
        /** a caller without an application: held on the desk, no WeChat owner */
        walkIn: z
          .object({
            name: z.string().trim().min(1, '请填写申请人姓名').max(20, '姓名不超过20字'),
            phone: phoneSchema,
            category: z.enum(CATEGORIES, { message: '请选择办理事项的类别' }),
          })
          .optional(),
        homeAddress: z.string().trim().max(200).optional(),
      })
      .superRefine((v, issue) => {
        if (!v.caseId === !v.walkIn)
          issue.addIssue({ code: 'custom', path: ['caseId'], message: '请选择已核对的申请，或按来人登记（二选一）' });
      }),
    output: bookingAnswer,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const homeAddress = input.homeAddress || null;
      if (input.caseId) {
        const c = await readCase(ctx.db, input.caseId);
        if (!c) throw new AppError('NOT_FOUND', '没有找到这条申请');
        if (!OPEN_STATUSES.includes(c.status))
          throw new AppError('RULE_REFUSED', '这条申请已经结束，请按来人登记预约', {
            CASE_ENDED: '这条申请已经结束，请按来人登记预约',
          });
        // the booking is the case's applicant's: their 我的预约, their messages, their cancel button
        return placeBooking(
          ctx,
          {
            actor,
            applicantId: c.applicantId,
            slotId: input.slotId,
            category: c.category,
            caseId: c._id,
            caseNo: c.caseNo,
            homeAddress,
            contactName: c.contactName,
            contactPhone: c.contactPhone,
          },
          await readForBooking(ctx.db, input.slotId, c.applicantId),
        );
      }
      const w = input.walkIn!;
      const phone = validateMobile(w.phone);
      const digits = phone.ok ? phone.value : w.phone;
      // held on the desk under the number (tel:…), which no WeChat user is: nobody's 我的预约 gets it
      const applicantId = `tel:${digits}`;
      return placeBooking(
        ctx,
        {
          actor,
          applicantId,
          slotId: input.slotId,
          category: w.category,
          caseId: null,
          caseNo: null,
          homeAddress,
          contactName: w.name,
          contactPhone: digits,
        },
        await readForBooking(ctx.db, input.slotId, applicantId),
      );
    },
  }),

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
