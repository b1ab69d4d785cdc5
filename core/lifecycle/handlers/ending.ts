import { filled } from '../../result';
import { applicant, effect, no, type Handlers } from '../effects';
import { TERMINATION_GROUNDS } from '../types';

/** The two ends of a case under way: 办结 with its approval result, and 终止. */
export const endingHandlers: Pick<Handlers, 'finish' | 'terminate'> = {
  finish(c, a, ctx) {
    const r = a.result;
    if (!r || !(['approved', 'not_approved'] as const).includes(r.outcome) || !filled(r.decidedBy))
      return no('RESULT_REQUIRED');
    if (c.tasks.some((t) => t.status === 'handling' || t.status === 'awaiting_materials'))
      return no('TASKS_OPEN', {
        open: c.tasks.filter((t) => t.status === 'handling' || t.status === 'awaiting_materials').map((t) => t.id),
      });
    if (!a.resultHandedOver) return no('RESULT_NOT_HANDED_OVER');
    if (!a.originalsReturned) return no('ORIGINALS_NOT_RETURNED');
    if (!a.applicantSigned && !a.receiptOnPhone) return no('APPLICANT_NOT_SIGNED');
    return effect({
      patch: {
        result: { outcome: r.outcome, decidedBy: r.decidedBy.trim(), documentNo: r.documentNo?.trim() || null },
        endedAt: ctx.at,
      },
      note: a.note ?? null,
      // the record says how the receipt was (or is to be) signed, never that it was when it was not
      data: { outcome: r.outcome, decidedBy: r.decidedBy.trim(), receipt: a.applicantSigned ? 'signed' : 'on_phone' },
      // §五(五) 评价反馈: the end of the service is when the applicant is asked to rate it
      notify: [
        { kind: 'case_finished', to: applicant(c), params: { outcome: r.outcome } },
        { kind: 'rating_invited', to: applicant(c), params: {} },
      ],
    });
  },

  terminate(c, a, ctx) {
    if (!(TERMINATION_GROUNDS as readonly string[]).includes(a.ground)) return no('TERMINATION_GROUND_INVALID');
    if (!filled(a.reason)) return no('REASON_REQUIRED');
    if (!a.materialsReturned) return no('MATERIALS_NOT_RETURNED');
    if (!a.applicantSigned) return no('APPLICANT_NOT_SIGNED');
    const tasks = c.tasks.map((t) =>
      t.status === 'handling' || t.status === 'awaiting_materials'
        ? { ...t, status: 'cancelled' as const, note: '委托终止' }
        : t,
    );
    return effect({
      patch: { termination: { ground: a.ground, reason: a.reason }, tasks, endedAt: ctx.at },
      note: a.reason,
      data: { ground: a.ground },
      notify: [
        { kind: 'case_terminated', to: applicant(c), params: { ground: a.ground } },
        { kind: 'rating_invited', to: applicant(c), params: {} },
      ],
    });
  },
};
