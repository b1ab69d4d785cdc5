import { filled } from '../../result';
import { agentsExcept, applicant, effect, no, type Handlers } from '../effects';
import { accountableAgent } from '../queries';

/** Who works the case: reassignment, taking a request up, and the center's supervision. */
export const staffingHandlers: Pick<Handlers, 'reassign' | 'take' | 'supervise'> = {
  reassign(c, a, ctx) {
    if (!filled(a.toAgentId)) return no('AGENT_REQUIRED');
    if (!filled(a.reason)) return no('REASON_REQUIRED');
    const unitId = filled(a.toUnitId) ? a.toUnitId : c.unitId;
    if (unitId !== c.unitId && ctx.actor.role !== 'center') return no('UNIT_CHANGE_CENTER_ONLY');
    if (a.toAgentId === c.agentId && unitId === c.unitId) return no('SAME_AGENT');
    const contact = accountableAgent(c);
    return effect({
      // firstAgentId is deliberately untouched: 首问负责 survives any number of reassignments
      patch: { agentId: a.toAgentId, unitId },
      note: a.reason,
      data: { fromAgentId: c.agentId, toAgentId: a.toAgentId, fromUnitId: c.unitId, toUnitId: unitId },
      notify: [
        { kind: 'case_reassigned', to: { kind: 'staff', id: a.toAgentId }, params: {} },
        ...(contact && contact !== a.toAgentId
          ? [{ kind: 'case_reassigned' as const, to: { kind: 'staff' as const, id: contact }, params: {} }]
          : []),
        ...(c.firstAgentId
          ? [{ kind: 'case_reassigned' as const, to: applicant(c), params: { contact: c.firstAgentId } }]
          : []),
      ],
    });
  },

  take(c, _a, ctx) {
    // an agent of the unit takes up a request nobody (or somebody else) was given: it becomes theirs to accept or refuse
    if (c.agentId === ctx.actor.id) return no('SAME_AGENT');
    return effect({
      patch: { agentId: ctx.actor.id },
      note: null,
      data: { fromAgentId: c.agentId },
      notify: c.agentId ? [{ kind: 'case_reassigned', to: { kind: 'staff', id: c.agentId }, params: {} }] : [],
    });
  },

  supervise(c, a, ctx) {
    // §四(二) 督办: the leader's note goes on the record the agents see; the applicant is not told
    if (!filled(a.note)) return no('NOTE_REQUIRED');
    const to = agentsExcept(c, ctx.actor.id);
    return effect({
      patch: {},
      note: a.note.trim(),
      notify: to.length
        ? to.map((r) => ({ kind: 'case_supervised' as const, to: r, params: {} }))
        : [{ kind: 'case_supervised', to: { kind: 'unit_leader', unitId: c.unitId }, params: {} }],
    });
  },
};
