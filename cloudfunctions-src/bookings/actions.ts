import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  addDays,
  beijingDate,
  BOOKING_STATUS_LABELS,
  book,
  cancelBooking,
  CATEGORIES,
  CATEGORY_LABELS,
  CoreError,
  findSlot,
  generateSlots,
  maskName,
  maskPhone,
  recordAttendance,
  reopenedForCheckIn,
  rescheduleBooking,
  validateMobile,
  weekday,
  type Actor,
  type Booking,
  type BookingNotice,
  type Category,
  type ServiceWindowKind,
  type Slot,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadSettings } from '../shared/applicant';
import { actorOf, loadCalendar, loadVisibleCase } from '../shared/cases';
import { enqueue } from '../shared/outbox';
import { bookingFacts, type BookingDoc } from './facts';

export type { BookingDoc };

/** Short names the citizen reads on a slot: 常规 / 延时 / 错时 / 上门. */
export const KIND_SHORT: Record<ServiceWindowKind, string> = { regular: '常规', after_hours: '延时', off_peak: '错时', home_visit: '上门' };
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** DEMO DATA — the center should confirm the place and the list of what to bring. */
export const BOOKING_PLACE = '和硕县政务服务中心一楼 帮办代办服务岗';
const BRING: Record<Category, string[]> = {
  livelihood: ['本人身份证原件', '户口簿或相关证明（如残疾证、老年证）', '已有的申请材料'],
  enterprise: ['经办人身份证原件', '企业名称预先核准或拟用名称', '营业执照（变更、许可时）', '经营场所使用证明'],
  investment: ['经办人身份证原件', '企业营业执照', '项目建议书或可行性研究报告', '项目用地、规划相关材料'],
  major: ['经办人身份证原件', '列入重大项目计划或督办的文件', '项目前期材料'],
};

interface SlotDoc {
  _id: string;
  slotId: string;
  date: string;
  capacity: number;
  active: { bookingId: string; applicantId: string }[];
}

const slotKey = (slotId: string) => `s_${slotId.replace(/[^0-9A-Za-z-]/g, '_')}`;
const newBookingId = () => `bk_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;

const refused = (d: { code: string; message: string }) => new AppError('RULE_REFUSED', d.message, { [d.code]: d.message });

function toBooking(d: BookingDoc): Booking {
  return { ...d, id: d._id, startsAt: new Date(d.startsAt), bookedAt: new Date(d.bookedAt), cancelledAt: d.cancelledAt ? new Date(d.cancelledAt) : null };
}

/** What a slot document says about a slot's active bookings, in the core's shape. */
function slotBookings(slot: Slot, doc: SlotDoc | null): Booking[] {
  return (doc?.active ?? []).map((a) => ({ id: a.bookingId, applicantId: a.applicantId, slotId: slot.id, kind: slot.kind, startsAt: slot.startsAt, status: 'active', category: 'livelihood', caseId: null, homeAddress: null, bookedBy: { id: a.applicantId, role: 'applicant' }, bookedAt: slot.startsAt, rescheduleCount: 0, cancelledAt: null, cancelReason: null }));
}

async function activeBookingsOf(db: Database, applicantId: string): Promise<Booking[]> {
  const { data } = await db.collection('bookings').where({ applicantId, status: 'active' }).limit(50).get();
  return (data as unknown as BookingDoc[]).map(toBooking);
}

async function slotFor(db: Database, slotId: string) {
  const [cal, settings] = await Promise.all([loadCalendar(db), loadSettings(db)]);
  const found = findSlot(cal, slotId, settings.booking);
  if (!found.ok) throw refused(found);
  return { slot: found.value, settings };
}

function inTransaction<T>(ctx: ActionContext<Database>, fn: Parameters<ActionContext<Database>['transaction']>[0]): Promise<T> {
  return ctx.transaction(fn).catch((e: unknown) => {
    if (e instanceof AppError) throw e;
    if (/conflict/i.test(String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e))) throw new AppError('CONFLICT', '预约的人较多，请稍后再试');
    throw e;
  }) as Promise<T>;
}

function bookingView(b: BookingDoc, now: Date, cancelCutoffMinutes: number, forStaff: false | 'agent' | 'other' = false) {
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
    canChange: b.status === 'active' && startsAt.getTime() - cancelCutoffMinutes * 60_000 > now.getTime(),
    ...(forStaff ? { contactName: b.contactName ? maskName(b.contactName) : null, contactPhone: b.contactPhone ? maskPhone(b.contactPhone) : null, bookedByStaff: b.bookedBy.role !== 'applicant' } : {}),
  };
}

interface BookRequest {
  actor: Actor;
  applicantId: string;
  slotId: string;
  category: Category;
  caseId: string | null;
  homeAddress: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** the linked case's number, for the confirmation message */
  caseNo?: string | null;
}

/** The core's notices about a booking, written to the outbox inside the booking's transaction. */
async function enqueueNotices(t: Parameters<Parameters<ActionContext<Database>['transaction']>[0]>[0], notices: BookingNotice[], b: BookingDoc, caseNo: string | null, now: Date): Promise<string[]> {
  return enqueue(t, notices.map((n) => ({ kind: n.kind, to: n.to })), bookingFacts(b, caseNo), now);
}

/** Case numbers of linked cases, for messages (none when the booking has no case). */
async function caseNoOf(db: Database, caseId: string | null): Promise<string | null> {
  if (!caseId) return null;
  return db
    .collection('cases')
    .doc(caseId)
    .get()
    .then((r) => ((r.data as { caseNo?: string } | null)?.caseNo ?? null) as string | null, () => null);
}

/**
 * One booking, safe under any number of people racing for the last seat: the slot's document holds
 * its active bookings and is read and written in the same transaction as the new booking, so the
 * core's capacity check always sees every committed seat; a conflicting writer retries and then
 * meets SLOT_FULL.
 */
async function placeBooking(ctx: ActionContext<Database>, req: BookRequest) {
  const { db, now } = ctx;
  const { slot, settings } = await slotFor(db, req.slotId);
  const key = slotKey(slot.id);
  // a full slot is refused without a transaction (the rush for the last seat ends here quickly)
  const peek = await db
    .collection('slots')
    .doc(key)
    .get()
    .then((r) => r.data as unknown as SlotDoc | null, () => null);
  const precheck = book(req.actor, { applicantId: req.applicantId, slot, category: req.category, caseId: req.caseId, homeAddress: req.homeAddress }, slotBookings(slot, peek), now, settings.booking);
  if (!precheck.ok) throw refused(precheck);
  const mine = (await activeBookingsOf(db, req.applicantId)).filter((b) => b.slotId !== slot.id);
  const { doc, outboxIds } = await inTransaction<{ doc: BookingDoc; outboxIds: string[] }>(ctx, async (t) => {
    const current = (await t
      .collection('slots')
      .doc(key)
      .get()
      .then((r) => r.data, () => null)) as unknown as SlotDoc | null;
    const decision = book(req.actor, { applicantId: req.applicantId, slot, category: req.category, caseId: req.caseId, homeAddress: req.homeAddress }, [...slotBookings(slot, current), ...mine], now, settings.booking);
    if (!decision.ok) throw refused(decision);
    const bookingId = newBookingId();
    const booking: BookingDoc = { _id: bookingId, ...decision.value.booking, date: slot.date, start: slot.start, end: slot.end, windowLabel: slot.label, contactName: req.contactName, contactPhone: req.contactPhone, checkedInAt: null };
    const { _id, ...body } = booking;
    await t.collection('bookings').doc(_id).set({ data: body });
    await t.collection('slots').doc(key).set({ data: { slotId: slot.id, date: slot.date, capacity: slot.capacity, active: [...(current?.active ?? []), { bookingId, applicantId: req.applicantId }] } });
    // 预约成功 goes out with the booking or not at all
    return { doc: booking, outboxIds: await enqueueNotices(t, decision.value.notices, booking, req.caseNo ?? null, now) };
  });
  return { booking: bookingView(doc, now, settings.booking.cancelCutoffMinutes) };
}

const slotIdSchema = z.string().trim().min(12, '请选择预约时段').max(80);
const bookingRef = z.object({ bookingId: z.string().trim().min(1).max(64) });
const phoneSchema = z.string().trim().refine((v) => validateMobile(v).ok, '请填写11位手机号码');

async function ownCase(ctx: ActionContext<Database>, caseId: string) {
  return loadVisibleCase({ ...ctx, caller: { ...ctx.caller, staff: null } }, caseId);
}

async function loadOwnBooking(t: { collection(n: string): { doc(id: string): { get(): Promise<{ data: unknown }> } } }, bookingId: string, applicantId: string | null): Promise<BookingDoc> {
  const b = (await t
    .collection('bookings')
    .doc(bookingId)
    .get()
    .then((r) => r.data, () => null)) as BookingDoc | null;
  if (!b || (applicantId !== null && b.applicantId !== applicantId)) throw new AppError('NOT_FOUND', '没有找到这个预约');
  return { ...b, _id: bookingId };
}

/** 取消: the applicant's own (applicantId set) or by staff with a reason the applicant is told. */
async function cancelIt(ctx: ActionContext<Database>, bookingId: string, applicantId: string | null, actor: Actor, reason: string | null) {
  const settings = await loadSettings(ctx.db);
  const { doc, outboxIds } = await inTransaction<{ doc: BookingDoc; outboxIds: string[] }>(ctx, async (t) => {
    const b = await loadOwnBooking(t, bookingId, applicantId);
    const d = cancelBooking(actor, toBooking(b), ctx.now, reason, settings.booking);
    if (!d.ok) throw refused(d);
    const key = slotKey(b.slotId);
    const s = (await t.collection('slots').doc(key).get().then((r) => r.data, () => null)) as unknown as SlotDoc | null;
    await t.collection('bookings').doc(b._id).update({ data: { status: 'cancelled', cancelledAt: ctx.now, cancelReason: d.value.booking.cancelReason } });
    if (s) await t.collection('slots').doc(key).update({ data: { active: s.active.filter((a) => a.bookingId !== b._id) } });
    const next: BookingDoc = { ...b, status: 'cancelled', cancelledAt: ctx.now, cancelReason: d.value.booking.cancelReason };
    return { doc: next, outboxIds: await enqueueNotices(t, d.value.notices, next, await caseNoOf(ctx.db, b.caseId), ctx.now) };
  });
  return { booking: bookingView(doc, ctx.now, settings.booking.cancelCutoffMinutes, applicantId ? false : ctx.caller.staff?.role === 'agent' ? 'agent' : 'other') };
}

/** 改约: releasing the old seat and taking the new one in one transaction. */
async function moveIt(ctx: ActionContext<Database>, bookingId: string, slotId: string, applicantId: string | null, actor: Actor) {
  const { slot, settings } = await slotFor(ctx.db, slotId);
  const peek = await loadOwnBooking(ctx.db, bookingId, applicantId);
  const mine = await activeBookingsOf(ctx.db, peek.applicantId);
  const { doc, outboxIds } = await inTransaction<{ doc: BookingDoc; outboxIds: string[] }>(ctx, async (t) => {
    const b = await loadOwnBooking(t, bookingId, applicantId);
    const newKey = slotKey(slot.id);
    const oldKey = slotKey(b.slotId);
    const target = (await t.collection('slots').doc(newKey).get().then((r) => r.data, () => null)) as unknown as SlotDoc | null;
    const others = mine.filter((m) => m.slotId !== slot.id && m.id !== b._id);
    const d = rescheduleBooking(actor, toBooking(b), slot, [...slotBookings(slot, target), ...others], ctx.now, settings.booking);
    if (!d.ok) throw refused(d);
    const old = (await t.collection('slots').doc(oldKey).get().then((r) => r.data, () => null)) as unknown as SlotDoc | null;
    const next: BookingDoc = { ...b, ...d.value.booking, _id: b._id, date: slot.date, start: slot.start, end: slot.end, windowLabel: slot.label, rescheduledAt: ctx.now };
    const { _id, ...body } = next;
    await t.collection('bookings').doc(_id).set({ data: body });
    if (old) await t.collection('slots').doc(oldKey).update({ data: { active: old.active.filter((a) => a.bookingId !== b._id) } });
    await t.collection('slots').doc(newKey).set({ data: { slotId: slot.id, date: slot.date, capacity: slot.capacity, active: [...(target?.active ?? []), { bookingId: b._id, applicantId: b.applicantId }] } });
    return { doc: next, outboxIds: await enqueueNotices(t, d.value.notices, next, await caseNoOf(ctx.db, b.caseId), ctx.now) };
  });
  return { booking: bookingView(doc, ctx.now, settings.booking.cancelCutoffMinutes, applicantId ? false : ctx.caller.staff?.role === 'agent' ? 'agent' : 'other') };
}

export const actions: ActionTable<Database> = {
  listSlots: action({
    summary: '可预约时段：今天起14天内，每个时段标明常规／延时／错时（或上门）与剩余名额；已截止的不列出',
    roles: ['applicant', 'agent', 'leader', 'center'],
    input: z.object({ kind: z.enum(['regular', 'after_hours', 'off_peak', 'home_visit']).optional() }),
    output: '{ days: [{ date, weekday, slots: [{ slotId, kind, kindLabel, label, start, end, capacity, remaining }] }], missingYears: number[] }',
    async run({ db, now }, input) {
      const [cal, settings] = await Promise.all([loadCalendar(db), loadSettings(db)]);
      const today = beijingDate(now);
      const last = addDays(today, settings.booking.maxAdvanceDays);
      const { data } = await db.collection('slots').where({ date: db.command.and(db.command.gte(today), db.command.lte(last)) }).limit(1000).get();
      const taken = new Map((data as unknown as SlotDoc[]).map((s) => [s.slotId, s.active.length]));
      const days: { date: string; weekday: string; slots: object[] }[] = [];
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
          .map((s) => ({ slotId: s.id, kind: s.kind, kindLabel: KIND_SHORT[s.kind], label: s.label, start: s.start, end: s.end, capacity: s.capacity, remaining: Math.max(0, s.capacity - (taken.get(s.id) ?? 0)) }));
        if (open.length > 0) days.push({ date, weekday: `星期${WEEKDAYS[weekday(date)]}`, slots: open });
      }
      return { days, missingYears: [...missingYears] };
    },
  }),

  book: action({
    summary: '预约到中心办理：选择一个时段（常规、延时或错时），可关联自己的申请；名额在并发下也不会超订',
    roles: ['applicant'],
    input: z.object({ slotId: slotIdSchema, category: z.enum(CATEGORIES, { message: '请选择办理事项的类别' }).optional(), caseId: z.string().trim().min(1).max(64).optional() }),
    output: '{ booking: { bookingId, date, weekday, start, end, kind, kindLabel, status, place, bring: string[], canChange } }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      const c = input.caseId ? await ownCase(ctx, input.caseId) : null;
      const category = c?.category ?? input.category;
      if (!category) throw new AppError('INVALID_INPUT', '请选择办理事项的类别', { category: '请选择办理事项的类别' });
      if (input.slotId.includes('@home@')) throw new AppError('RULE_REFUSED', '上门服务请在“申请上门服务”中填写地址', { USE_HOME_VISIT: '上门服务请在“申请上门服务”中填写地址' });
      return placeBooking(ctx, { actor: { id: ctx.caller.openid, role: 'applicant' }, applicantId: ctx.caller.openid, slotId: input.slotId, category, caseId: c?._id ?? null, caseNo: c?.caseNo ?? null, homeAddress: null, contactName: c?.contactName ?? null, contactPhone: c?.contactPhone ?? null });
    },
  }),

  requestHomeVisit: action({
    summary: '申请上门服务：限民生保障类（行动不便等特殊群众，§三(一)），须关联自己的申请并填写地址',
    roles: ['applicant'],
    input: z.object({ slotId: slotIdSchema, caseId: z.string().trim().min(1, '请选择要上门办理的申请').max(64), address: z.string().trim().min(5, '请填写详细地址（乡镇、村或小区、门牌号）').max(200, '地址不超过200字') }),
    output: '{ booking: { bookingId, date, start, end, kind: "home_visit", place, homeAddress, bring } }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      const c = await ownCase(ctx, input.caseId);
      if (!input.slotId.includes('@home@')) throw new AppError('RULE_REFUSED', '请选择上门服务时段', { NOT_HOME_VISIT_SLOT: '请选择上门服务时段' });
      return placeBooking(ctx, { actor: { id: ctx.caller.openid, role: 'applicant' }, applicantId: ctx.caller.openid, slotId: input.slotId, category: c.category, caseId: c._id, caseNo: c.caseNo, homeAddress: input.address, contactName: c.contactName, contactPhone: c.contactPhone });
    },
  }),

  cancel: action({
    summary: '取消自己的预约（开始前30分钟截止，之后请致电中心）',
    roles: ['applicant'],
    input: bookingRef,
    output: '{ booking: {…, status: "cancelled"} }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return cancelIt(ctx, input.bookingId, ctx.caller.openid, { id: ctx.caller.openid, role: 'applicant' }, null);
    },
  }),

  reschedule: action({
    summary: '改约：把自己的预约改到另一个时段（每个预约最多改2次，开始前30分钟截止）',
    roles: ['applicant'],
    input: bookingRef.extend({ slotId: slotIdSchema }),
    output: '{ booking: {…新时段} }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return moveIt(ctx, input.bookingId, input.slotId, ctx.caller.openid, { id: ctx.caller.openid, role: 'applicant' });
    },
  }),

  staffCancel: action({
    summary: '取消预约（工作人员）：在开始前取消申请人的预约（如临时闭厅），须填写原因，系统通知申请人',
    roles: ['agent', 'center'],
    input: bookingRef.extend({ reason: z.string().trim().min(2, '请填写取消原因，申请人会收到').max(100, '原因不超过100字') }),
    output: '{ booking: {…, status: "cancelled"} }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return cancelIt(ctx, input.bookingId, null, actorOf(ctx.caller), input.reason);
    },
  }),

  staffReschedule: action({
    summary: '改约（工作人员）：把申请人的预约改到另一个时段，系统通知申请人新时间',
    roles: ['agent', 'center'],
    input: bookingRef.extend({ slotId: slotIdSchema }),
    output: '{ booking: {…新时段} }',
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      return moveIt(ctx, input.bookingId, input.slotId, null, actorOf(ctx.caller));
    },
  }),

  listMine: action({
    summary: '我的预约：时间、地点、要带的材料，能否取消或改约',
    roles: ['applicant'],
    input: z.object({}),
    output: '{ items: [{ bookingId, date, weekday, start, end, kind, kindLabel, status, statusLabel, place, bring, homeAddress, canChange }] }',
    async run({ caller, db, now }) {
      const settings = await loadSettings(db);
      const { data } = await db.collection('bookings').where({ applicantId: caller.openid }).orderBy('startsAt', 'desc').limit(50).get();
      return { items: (data as unknown as BookingDoc[]).map((b) => bookingView(b, now, settings.booking.cancelCutoffMinutes)) };
    },
  }),

  bookFor: action({
    summary: '代为预约（工作人员）：申请人来电时，按其手机号代为预约，名额规则与本人预约相同',
    roles: ['agent', 'center'],
    input: z.object({ slotId: slotIdSchema, phone: phoneSchema, name: z.string().trim().min(1, '请填写申请人姓名').max(20), category: z.enum(CATEGORIES, { message: '请选择办理事项的类别' }), homeAddress: z.string().trim().max(200).optional() }),
    output: '{ booking: {…} }',
    errors: ['RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      const phone = validateMobile(input.phone);
      const digits = phone.ok ? phone.value : input.phone;
      // the same person when they have applied with this phone before; otherwise a phone-only applicant
      const { data } = await ctx.db.collection('cases').where({ contactPhone: digits }).orderBy('submittedAt', 'desc').limit(1).get();
      const applicantId = data[0] ? String(data[0].applicantId) : `tel:${digits}`;
      return placeBooking(ctx, { actor: actorOf(ctx.caller), applicantId, slotId: input.slotId, category: input.category, caseId: null, homeAddress: input.homeAddress ?? null, contactName: input.name, contactPhone: digits });
    },
  }),

  listDay: action({
    summary: '某日预约名单（工作人员）：按时段（窗口）列出，可按窗口筛选，申请人信息脱敏；上门地址仅帮代办员可见；时段已不在开放时间表中的预约另列，不会被漏掉',
    roles: ['agent', 'leader', 'center'],
    input: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD'), windowId: z.string().trim().max(40).optional() }),
    output: '{ date, windows: [{ windowId, label, kindLabel }], slots: [{ slotId, windowId, label, kindLabel, start, end, capacity, bookings: [{ bookingId, status, statusLabel, categoryLabel, contactName (masked), contactPhone (masked), homeAddress, bookedByStaff, canCheckIn }] }], canCheckIn }',
    async run(ctx, input) {
      const [cal, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db)]);
      let slots: Slot[] = [];
      try {
        slots = generateSlots(cal, input.date, settings.booking);
      } catch (e) {
        if (!(e instanceof CoreError)) throw e;
      }
      const windows = [...new Map(slots.map((s) => [s.windowId, { windowId: s.windowId, label: s.label, kindLabel: KIND_SHORT[s.kind] }])).values()];
      const { data } = await ctx.db.collection('bookings').where({ date: input.date }).orderBy('startsAt', 'asc').limit(1000).get();
      const who = ctx.caller.staff?.role === 'agent' ? 'agent' : 'other';
      const mayCheckIn = ctx.caller.staff?.role === 'agent' || ctx.caller.staff?.role === 'center';
      const docs = (data as unknown as BookingDoc[]).filter((b) => !input.windowId || b.slotId.split('@')[1] === input.windowId);
      const view = (b: BookingDoc) => ({
        ...bookingView(b, ctx.now, settings.booking.cancelCutoffMinutes, who),
        categoryLabel: CATEGORY_LABELS[b.category] ?? '',
        canCheckIn: mayCheckIn && b.status === 'active' && new Date(b.startsAt).getTime() <= ctx.now.getTime(),
      });
      const shown = slots.filter((s) => !input.windowId || s.windowId === input.windowId);
      const known = new Set(slots.map((s) => s.id));
      // a timetable changed after booking must not hide anyone who is coming
      const orphans = docs.filter((b) => !known.has(b.slotId));
      const extra = [...new Map(orphans.map((b) => [b.slotId, b])).values()].map((b) => ({ slotId: b.slotId, windowId: b.slotId.split('@')[1] ?? '', label: `${b.windowLabel}（原时段）`, kindLabel: KIND_SHORT[b.kind], start: b.start, end: b.end, capacity: 0, bookings: orphans.filter((o) => o.slotId === b.slotId).map(view) }));
      return {
        date: input.date,
        windows,
        canCheckIn: mayCheckIn,
        slots: [...shown.map((s) => ({ slotId: s.id, windowId: s.windowId, label: s.label, kindLabel: KIND_SHORT[s.kind], start: s.start, end: s.end, capacity: s.capacity, bookings: docs.filter((b) => b.slotId === s.id).map(view) })), ...extra].sort((a, b) => a.start.localeCompare(b.start)),
      };
    },
  }),

  checkIn: action({
    summary: '登记到场（工作人员）：时段开始后登记申请人到场或未到场（台账）；系统自动标记的未到场可改登为到场',
    roles: ['agent', 'center'],
    input: bookingRef.extend({ attended: z.boolean() }),
    output: '{ status, statusLabel }',
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      return inTransaction<{ status: string; statusLabel: string }>(ctx, async (t) => {
        const b = await loadOwnBooking(t, input.bookingId, null);
        const d = recordAttendance(actorOf(ctx.caller), reopenedForCheckIn(toBooking(b), !!b.noShowMarkedAt), input.attended, ctx.now);
        if (!d.ok) throw refused(d);
        // what staff record replaces the scheduler's mark
        await t.collection('bookings').doc(b._id).update({ data: { status: d.value.status, checkedInAt: ctx.now, noShowMarkedAt: null } });
        return { status: d.value.status, statusLabel: BOOKING_STATUS_LABELS[d.value.status] };
      });
    },
  }),
};
