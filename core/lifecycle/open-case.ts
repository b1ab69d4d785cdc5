import type { Category, ServiceMode } from '../scope';
import type { Notification, Recipient } from './notifications';
import type { CaseRecord, TimelineEvent } from './types';

// ─── Opening a case ──────────────────────────────────────────────────────────────────────────────

export interface TransitionResult {
  case: CaseRecord;
  event: TimelineEvent;
  notifications: Notification[];
}

export interface OpenCaseInput {
  applicantId: string;
  category: Category;
  mode: ServiceMode;
  unitId: string;
  /** the agent routing picked, or null when nobody of the unit is on duty */
  agentId: string | null;
}

/** §五(一) 申请: a new case in state applied, routed to a unit and, if possible, an agent. */
export function openCase(input: OpenCaseInput, at: Date): TransitionResult {
  const event: TimelineEvent = {
    seq: 1,
    action: 'apply',
    from: null,
    to: 'applied',
    actor: { id: input.applicantId, role: 'applicant' },
    at,
    note: null,
  };
  const record: CaseRecord = {
    status: 'applied',
    ...input,
    firstAgentId: null,
    window: null,
    clock: null,
    missingMaterials: [],
    refusalReasons: [],
    suspensionReason: null,
    result: null,
    termination: null,
    tasks: [],
    meetings: [],
    escalations: [],
    lastContactAt: null,
    endedAt: null,
    timeline: [event],
  };
  const to: Recipient = input.agentId
    ? { kind: 'staff', id: input.agentId }
    : { kind: 'unit_leader', unitId: input.unitId };
  return { case: record, event, notifications: [{ kind: 'case_assigned', to, params: { category: input.category } }] };
}
