import { extendClock, pauseClock, resumeClock } from '../../calendar';
import { filled, refuse } from '../../result';
import { agentsExcept, applicant, dueParam, effect, no, type Handlers } from '../effects';
import { CONTACT_CHANNELS } from '../types';

/** The time limit: suspension, resumption, extension, and the progress reports while it runs. */
export const clockHandlers: Pick<Handlers, 'suspend' | 'resume' | 'extend' | 'reportProgress'> = {
  suspend(c, a, ctx) {
    if (!filled(a.reason)) return no('REASON_REQUIRED');
    // 中止 stops the case's clock and every department clock still running
    const tasks = c.tasks.map((t) =>
      t.status === 'handling' || t.status === 'awaiting_materials'
        ? { ...t, clock: pauseClock(t.clock, ctx.at, 'suspension') }
        : t,
    );
    return effect({
      patch: { suspensionReason: a.reason, clock: pauseClock(c.clock!, ctx.at, 'suspension'), tasks },
      note: a.reason,
      notify: [
        { kind: 'case_suspended', to: applicant(c), params: {} },
        ...agentsExcept(c, ctx.actor.id).map((to) => ({ kind: 'case_suspended' as const, to, params: {} })),
      ],
    });
  },

  resume(c, a, ctx) {
    if (!a.applicantConfirmed) return no('APPLICANT_NOT_CONFIRMED');
    // tasks paused by the suspension run again; a task waiting for its own 补正 keeps waiting
    const tasks = c.tasks.map((t) => (t.status === 'handling' ? { ...t, clock: resumeClock(t.clock, ctx.at) } : t));
    const clock = resumeClock(c.clock!, ctx.at);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { suspensionReason: null, clock, tasks, lastContactAt: ctx.at },
      note: a.note ?? null,
      data: { due },
      notify: [{ kind: 'case_resumed', to: applicant(c), params: { due } }],
    });
  },

  extend(c, a, ctx) {
    const max = ctx.settings.lifecycle.maxExtensionWorkingDays;
    const total = c.clock!.extraWorkingDays + a.extraWorkingDays;
    if (!Number.isInteger(a.extraWorkingDays) || a.extraWorkingDays < 1 || total > max) {
      return refuse('EXTENSION_INVALID', `延长的工作日数应为正整数，且累计不超过${max}个工作日。`, {
        max,
        alreadyExtended: c.clock!.extraWorkingDays,
      });
    }
    if (!filled(a.explanation) || !a.explainedToApplicant) return no('EXPLANATION_REQUIRED');
    const clock = extendClock(c.clock!, a.extraWorkingDays);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { clock, lastContactAt: ctx.at },
      note: a.explanation,
      data: { extraWorkingDays: a.extraWorkingDays, previousDue: dueParam(ctx, c.clock!), due },
      notify: [{ kind: 'deadline_extended', to: applicant(c), params: { due } }],
    });
  },

  reportProgress(c, a, ctx) {
    if (!filled(a.note)) return no('NOTE_REQUIRED');
    const channel = a.channel && (CONTACT_CHANNELS as readonly string[]).includes(a.channel) ? a.channel : null;
    return effect({
      patch: { lastContactAt: ctx.at },
      note: a.note,
      ...(channel ? { data: { channel } } : {}),
      notify: [{ kind: 'progress_report', to: applicant(c), params: {} }],
    });
  },
};
