import type { ApplicantCase } from '../shared/db/documents';
import { z } from 'zod';
import {
  APPROVAL_OUTCOME_LABELS,
  APPROVAL_OUTCOMES,
  caseProgress,
  clockStatus,
  DEFAULT_SETTINGS,
  ENDED_STATUSES,
  materialsRequestedAt,
  OPEN_STATUSES,
  ratingAttribution,
  WARNING_LEVEL_LABELS,
  WARNING_LEVELS,
  type Settings,
  type WorkCalendar,
} from '../../core';
import { caseDetailSchema, caseDetailView } from '../shared/views';

const missing = z.array(z.string());
/** What cases.get answers (applicantCaseView's shape). */
export const applicantCaseSchema = caseDetailSchema.extend({
  modeLabel: z.string(),
  applicantName: z.string(),
  due: z
    .object({
      date: z.string().nullable(),
      level: z.enum(WARNING_LEVELS),
      levelLabel: z.string(),
      remainingWorkingDays: z.number(),
      paused: z.boolean(),
    })
    .nullable(),
  contacts: z.object({
    unitName: z.string(),
    agentName: z.string().nullable(),
    firstAgentName: z.string().nullable(),
    agentPhone: z.string().nullable(),
    firstAgentPhone: z.string().nullable(),
    unitPhone: z.string().nullable(),
  }),
  needs: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('materials'), missing }),
      z.object({ kind: z.literal('materials_sent'), missing }),
      z.object({ kind: z.literal('receipt') }),
      z.object({
        kind: z.literal('extension'),
        seq: z.number(),
        extraWorkingDays: z.number(),
        due: z.string(),
        explanation: z.string(),
      }),
    ]),
  ),
  progress: z.object({
    steps: z.array(
      z.object({
        key: z.enum(['apply', 'accept', 'handle', 'finish']),
        label: z.string(),
        state: z.enum(['done', 'current', 'todo', 'stopped']),
        note: z.string().nullable(),
      }),
    ),
    ended: z.object({ kind: z.enum(['refused', 'withdrawn', 'terminated']), label: z.string() }).nullable(),
  }),
  result: z
    .object({
      outcome: z.enum(APPROVAL_OUTCOMES),
      outcomeLabel: z.string(),
      decidedBy: z.string(),
      documentNo: z.string().nullable(),
    })
    .nullable(),
  termination: z.object({ reason: z.string() }).nullable(),
  materials: z.array(z.object({ name: z.string(), size: z.number(), type: z.string(), supplement: z.boolean() })),
  mandateSigned: z.boolean(),
  receipt: z.object({ signedAt: z.string() }).nullable(),
  terminationRequest: z.object({ reason: z.string(), at: z.string() }).nullable(),
  canWithdraw: z.boolean(),
  canRequestTermination: z.boolean(),
  canRate: z.boolean(),
});

export interface Contacts {
  agentPhone: string | null;
  firstAgentPhone: string | null;
  unitPhone: string | null;
}

/**
 * The applicant's detail screen: status, due date and how it stands (core clockStatus), who is
 * responsible and how to reach them (首问负责), the timeline, and what is needed from them now.
 */
export function applicantCaseView(
  c: ApplicantCase,
  cal: WorkCalendar,
  now: Date,
  contacts: Contacts,
  settings: Settings = DEFAULT_SETTINGS,
): z.output<typeof applicantCaseSchema> {
  const base = caseDetailView(c, { id: c.applicantId, role: 'applicant' });
  let due: z.output<typeof applicantCaseSchema>['due'] = null;
  if (c.clock && OPEN_STATUSES.includes(c.status)) {
    try {
      const s = clockStatus(cal, c.clock, now);
      due = {
        date: s.due,
        level: s.level,
        levelLabel: WARNING_LEVEL_LABELS[s.level],
        remainingWorkingDays: s.remainingWorkingDays,
        paused: s.paused,
      };
    } catch {
      due = null;
    }
  }
  const confirmed = new Set(c.extensionConfirmations ?? []);
  const requestAt = materialsRequestedAt(c);
  const supplementPending =
    c.status === 'awaiting_materials' &&
    !(c.supplementSentAt && requestAt && new Date(c.supplementSentAt) >= requestAt);
  const needs = [
    ...(supplementPending ? [{ kind: 'materials' as const, missing: c.missingMaterials }] : []),
    ...(c.status === 'awaiting_materials' && !supplementPending
      ? [{ kind: 'materials_sent' as const, missing: c.missingMaterials }]
      : []),
    ...(c.status === 'finished' && !c.receipt ? [{ kind: 'receipt' as const }] : []),
    ...c.timeline
      .filter((e) => e.action === 'extend' && !confirmed.has(e.seq))
      .map((e) => ({
        kind: 'extension' as const,
        seq: e.seq,
        extraWorkingDays: Number(e.data?.extraWorkingDays ?? 0),
        due: String(e.data?.due ?? ''),
        explanation: e.note ?? '',
      })),
  ];
  return {
    ...base,
    modeLabel: c.mode === 'proxy' ? '代办' : '帮办',
    applicantName: c.applicantName ?? c.contactName,
    due,
    contacts: { unitName: c.unitName, agentName: c.agentName, firstAgentName: c.firstAgentName, ...contacts },
    needs,
    progress: caseProgress(c),
    result: c.result
      ? {
          outcome: c.result.outcome,
          outcomeLabel: APPROVAL_OUTCOME_LABELS[c.result.outcome],
          decidedBy: c.result.decidedBy,
          documentNo: c.result.documentNo,
        }
      : null,
    termination: c.termination ? { reason: c.termination.reason } : null,
    materials: (c.materials ?? []).map((m) => ({ name: m.name, size: m.size, type: m.type, supplement: m.supplement })),
    mandateSigned: !!c.mandate,
    receipt: c.receipt ? { signedAt: new Date(c.receipt.signedAt).toISOString() } : null,
    terminationRequest: c.terminationRequest
      ? { reason: c.terminationRequest.reason, at: new Date(c.terminationRequest.at).toISOString() }
      : null,
    canWithdraw: c.status === 'applied',
    canRequestTermination: OPEN_STATUSES.includes(c.status) && c.status !== 'applied' && !c.terminationRequest,
    // a withdrawal before anyone acted (and before an answer was due) left no service to rate
    canRate: ENDED_STATUSES.includes(c.status) && ratingAttribution(c, cal, settings).ok,
  };
}
