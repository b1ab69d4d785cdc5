import { startClock } from '../../calendar';
import { filled, refuse } from '../../result';
import { applicant, dueParam, effect, no, type Handlers } from '../effects';

/** §五(一) 受理/不予受理, withdrawal and delivery to the window. */
export const intakeHandlers: Pick<Handlers, 'accept' | 'refuse' | 'withdraw' | 'deliver'> = {
  accept(c, a, ctx) {
    if (!a.mandateConfirmed) return no('MANDATE_NOT_CONFIRMED');
    if (!a.processExplained) return no('PROCESS_NOT_EXPLAINED');
    if (!a.materialsChecked) return no('MATERIALS_NOT_CHECKED');
    if (!a.applicantSigned) return no('APPLICANT_NOT_SIGNED');
    if (c.mode === 'proxy' && !a.mandateLetterSigned) return no('MANDATE_LETTER_MISSING');
    // whoever at the unit's post takes the request up becomes its first, accountable agent
    return effect({
      patch: { agentId: ctx.actor.id, firstAgentId: c.firstAgentId ?? ctx.actor.id, lastContactAt: ctx.at },
      note: a.note ?? null,
      notify: [{ kind: 'case_accepted', to: applicant(c), params: { contact: ctx.actor.id } }],
    });
  },

  refuse(c, a, ctx) {
    if (
      !Array.isArray(a.reasons) ||
      a.reasons.length === 0 ||
      !a.reasons.every((r) => filled(r?.code) && filled(r?.message))
    )
      return no('REASONS_REQUIRED');
    return effect({
      patch: {
        refusalReasons: a.reasons,
        agentId: ctx.actor.id,
        firstAgentId: c.firstAgentId ?? ctx.actor.id,
        endedAt: ctx.at,
      },
      note: a.reasons.map((r) => r.message).join('；'),
      data: { reasons: a.reasons.map((r) => r.code) },
      notify: [{ kind: 'case_refused', to: applicant(c), params: { reasons: a.reasons.length } }],
    });
  },

  withdraw(c, a, ctx) {
    return effect({
      patch: {
        termination: { ground: 'applicant_request', reason: filled(a.reason) ? a.reason : '申请人撤回申请' },
        endedAt: ctx.at,
      },
      note: a.reason ?? null,
      notify: c.agentId ? [{ kind: 'case_withdrawn', to: { kind: 'staff', id: c.agentId }, params: {} }] : [],
    });
  },

  deliver(c, a, ctx) {
    if (!filled(a.window)) return no('WINDOW_REQUIRED');
    const max = ctx.settings.lifecycle.maxCommittedWorkingDays;
    if (!Number.isInteger(a.committedWorkingDays) || a.committedWorkingDays < 0 || a.committedWorkingDays > max) {
      return refuse('TIME_LIMIT_INVALID', `承诺时限应为0到${max}个工作日。`, { max });
    }
    const clock = startClock(ctx.calendar, ctx.at, a.committedWorkingDays, ctx.settings.calendar);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { window: a.window.trim(), clock },
      note: a.note ?? null,
      data: { window: a.window.trim(), committedWorkingDays: a.committedWorkingDays, due },
      notify: [{ kind: 'handling_started', to: applicant(c), params: { window: a.window.trim(), due } }],
    });
  },
};
