import { pauseClock, resumeClock } from '../../calendar';
import { applicant, dueParam, effect, no, nonEmptyList, type Handlers } from '../effects';

/** 补正: one request listing every missing material (一次性告知), and its answer. */
export const supplementHandlers: Pick<Handlers, 'requestMaterials' | 'receiveMaterials'> = {
  requestMaterials(c, a, ctx) {
    if (!nonEmptyList(a.missing)) return no('MISSING_MATERIALS_REQUIRED');
    return effect({
      patch: {
        missingMaterials: a.missing,
        clock: pauseClock(c.clock!, ctx.at, 'materials'),
        lastContactAt: ctx.at,
        materialsRequestedAt: ctx.at,
      },
      note: a.note ?? a.missing.join('、'),
      data: { missing: a.missing },
      notify: [{ kind: 'materials_requested', to: applicant(c), params: { count: a.missing.length } }],
    });
  },

  receiveMaterials(c, a, ctx) {
    const clock = resumeClock(c.clock!, ctx.at);
    const due = dueParam(ctx, clock);
    return effect({
      patch: { missingMaterials: [], clock, lastContactAt: ctx.at },
      note: a.note ?? null,
      data: { due },
      notify: [{ kind: 'materials_received', to: applicant(c), params: { due } }],
    });
  },
};
