import { COLL } from '../shared/db';
import { z } from 'zod';
import { addDays, beijingDate, CATEGORIES, CoreError, generateSlots, weekday, type Slot } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadCenterConfig } from '../shared/config';
import { KIND_SHORT, WEEKDAYS } from './common';
import { slotViewSchema, bookingAnswer, readForBooking, placeBooking } from './views';
import { slotIdSchema, bookingRef, ownCase, cancelIt, moveIt } from './changes';

export const applicantActions = {
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
} satisfies ActionTable<Database>;
