import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  CATEGORIES,
  CASE_STATUS_LABELS,
  CATEGORY_LABELS,
  maskName,
  maskPhone,
  OPEN_STATUSES,
  validateMobile,
} from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadSettings } from '../shared/config';
import { actorOf, readCase } from '../shared/cases';
import type { BookingDoc } from '../shared/db';
import { bookingViewSchema, bookingAnswer, bookingView, readForBooking, placeBooking } from './views';
import { slotIdSchema, bookingRef, phoneSchema, caseNoSchema, cancelIt, moveIt } from './changes';

export const staffActions = {
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
      // only the fields asked for above are filled
      const c = data[0] as (typeof data)[number] | undefined;
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
} satisfies ActionTable<Database>;
