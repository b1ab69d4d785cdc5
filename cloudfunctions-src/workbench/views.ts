import { z } from 'zod';
import {
  addWorkingDays,
  APPROVAL_OUTCOMES,
  TASK_STATUSES,
  TERMINATION_GROUNDS,
  WARNING_LEVELS,
  beijingDate,
  CASE_TRANSITIONS,
  CONTACT_CHANNEL_LABELS,
  dueDate,
  TASK_STATUS_LABELS,
  APPROVAL_OUTCOME_LABELS,
  applicationRows,
  authorize,
  contactRevealTarget,
  TERMINATION_GROUND_LABELS,
  WARNING_LEVEL_LABELS,
  type Actor,
  type ApplicantType,
  type ContactChannel,
  type WarningLevel,
  type WorkCalendar,
} from '../../core';
import { caseDetailSchema, caseDetailView } from '../shared/views';
import type { ApplicantCaseFields, CaseDoc } from '../shared/db';

export const deadlineSchema = z.object({ level: z.enum([...WARNING_LEVELS, 'paused', 'none']), label: z.string() });
const at = z.string();
const signatureKinds = z.enum(['mandate', 'accept', 'receipt']);
/** What workbench.get answers as `case` (staffCaseDetailView's shape). */
export const staffCaseDetailSchema = caseDetailSchema.extend({
  canRevealContact: z.boolean(),
  application: z.object({
    applicantType: z.string().nullable(),
    applicantName: z.string().nullable(),
    rows: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  }),
  timeline: z.array(
    caseDetailSchema.shape.timeline.element.extend({ action: z.string(), channel: z.string().nullable() }),
  ),
  unitId: z.string(),
  dueOn: z.string().nullable(),
  deadline: deadlineSchema,
  nextFeedbackOn: z.string().nullable(),
  feedbackOverdue: z.boolean(),
  lastContactAt: at.nullable(),
  suspensionReason: z.string().nullable(),
  result: z
    .object({
      outcome: z.enum(APPROVAL_OUTCOMES),
      decidedBy: z.string(),
      documentNo: z.string().nullable(),
      outcomeLabel: z.string(),
    })
    .nullable(),
  termination: z
    .object({ ground: z.enum(TERMINATION_GROUNDS), reason: z.string(), groundLabel: z.string() })
    .nullable(),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
      matter: z.string(),
      status: z.enum(TASK_STATUSES),
      statusLabel: z.string(),
      dueOn: z.string().nullable(),
      outcomeLabel: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  meetings: z.array(
    z.object({
      meetingId: z.string(),
      departments: z.array(z.string()),
      topic: z.string(),
      scheduledFor: at,
      place: z.string().nullable(),
      status: z.enum(['scheduled', 'held']),
      statusLabel: z.string(),
      minutes: z.string().nullable(),
    }),
  ),
  escalations: z.array(
    z.object({
      escalationId: z.string(),
      issue: z.string(),
      raisedAt: at,
      status: z.enum(['open', 'resolved']),
      statusLabel: z.string(),
      resolution: z.string().nullable(),
    }),
  ),
  supervisions: z.array(z.object({ at, note: z.string().nullable() })),
  materials: z.array(
    z.object({
      fileID: z.string(),
      name: z.string(),
      size: z.number(),
      type: z.string(),
      supplement: z.boolean(),
      at,
    }),
  ),
  signatures: z.array(z.object({ kind: signatureKinds, label: z.string(), fileID: z.string(), at })),
  supplementSentAt: at.nullable(),
  terminationRequest: z.object({ reason: z.string(), at }).nullable(),
  phoneSignedAt: at.nullable(),
  receipt: z.object({ signed: z.boolean(), sourceLabel: z.string(), at: at.nullable() }).nullable(),
  acceptSignature: z.object({ source: z.enum(['desk', 'phone']), sourceLabel: z.string(), at }).nullable(),
});

/** The case's deadline as a list shows it: paused, on track, due soon, overdue. */
export function deadlineOf(
  c: Pick<CaseDoc, 'dueOn' | 'status' | 'clock'>,
  today: string,
  dueSoonBy: string,
): { level: WarningLevel | 'paused' | 'none'; label: string } {
  if (!c.clock || !['handling', 'awaiting_materials', 'suspended', 'accepted'].includes(c.status))
    return { level: 'none', label: '' };
  if (!c.dueOn) return { level: 'paused', label: '暂停计时' };
  const level: WarningLevel = c.dueOn < today ? 'overdue' : c.dueOn <= dueSoonBy ? 'due_soon' : 'on_track';
  return { level, label: `${WARNING_LEVEL_LABELS[level]} · ${c.dueOn}到期` };
}

const safeDue = (cal: WorkCalendar, clock: Parameters<typeof dueDate>[1]) => {
  try {
    return dueDate(cal, clock);
  } catch {
    return null;
  }
};

/**
 * The staff detail screen: the shared detail (timeline in words, applicant masked) plus what the
 * staff need between phone calls: due date and warning, when the next regular feedback is due
 * (§五(二) 定期反馈), department tasks with their due dates, meetings, escalations, 督办 notes.
 */
export function staffCaseDetailView(
  c: CaseDoc &
    ApplicantCaseFields & { acceptSignature?: { source: 'desk' | 'phone'; at: Date; fileID?: string } | null },
  viewer: Actor,
  t: { today: string; dueSoonBy: string; cal: WorkCalendar; feedbackEvery: number },
  units: Record<string, string>,
): z.output<typeof staffCaseDetailSchema> {
  const base = caseDetailView(c, viewer);
  const reportable = (CASE_TRANSITIONS.reportProgress.from as readonly string[]).includes(c.status);
  let nextFeedbackOn: string | null = null;
  if (reportable) {
    try {
      nextFeedbackOn = addWorkingDays(
        t.cal,
        beijingDate(new Date(c.lastContactAt ?? c.timeline[0].at)),
        t.feedbackEvery,
      );
    } catch {
      nextFeedbackOn = null;
    }
  }
  return {
    ...base,
    // the staff who may open the case handle it for this person: the name in full (lists stay masked)
    contactName: c.contactName,
    /** this viewer may reveal the full phone (workbench.revealContact) to call the applicant */
    canRevealContact: authorize(viewer, 'case.revealContact', contactRevealTarget(c)).ok,
    /** the whole 申请表 in words (身份证号 and phone masked: core applicationRows) */
    application: {
      applicantType: c.applicantType ?? null,
      applicantName: c.applicantName ?? null,
      rows: applicationRows({ ...c, applicantType: c.applicantType as ApplicantType }),
    },
    timeline: c.timeline.map((e, i) => ({
      ...base.timeline[i],
      action: e.action,
      channel:
        e.data && typeof e.data.channel === 'string'
          ? (CONTACT_CHANNEL_LABELS[e.data.channel as ContactChannel] ?? null)
          : null,
    })),
    unitId: c.unitId,
    firstAgentName: c.firstAgentName,
    dueOn: c.dueOn ?? null,
    deadline: deadlineOf(c, t.today, t.dueSoonBy),
    nextFeedbackOn,
    feedbackOverdue: !!nextFeedbackOn && nextFeedbackOn <= t.today,
    lastContactAt: c.lastContactAt ? new Date(c.lastContactAt).toISOString() : null,
    suspensionReason: c.suspensionReason,
    result: c.result ? { ...c.result, outcomeLabel: APPROVAL_OUTCOME_LABELS[c.result.outcome] } : null,
    termination: c.termination
      ? { ...c.termination, groundLabel: TERMINATION_GROUND_LABELS[c.termination.ground] }
      : null,
    tasks: c.tasks.map((task) => ({
      taskId: task.id,
      departmentId: task.departmentId,
      departmentName: units[task.departmentId] ?? task.departmentId,
      matter: task.matter,
      status: task.status,
      statusLabel: TASK_STATUS_LABELS[task.status],
      dueOn: safeDue(t.cal, task.clock),
      outcomeLabel: task.outcome ? APPROVAL_OUTCOME_LABELS[task.outcome] : null,
      note: task.note,
    })),
    meetings: c.meetings.map((m) => ({
      meetingId: m.id,
      departments: m.departmentIds.map((d) => units[d] ?? d),
      topic: m.topic,
      scheduledFor: new Date(m.scheduledFor).toISOString(),
      place: m.place ?? null,
      status: m.status,
      statusLabel: m.status === 'held' ? '已召开' : '待召开',
      minutes: m.minutes,
    })),
    escalations: c.escalations.map((e) => ({
      escalationId: e.id,
      issue: e.issue,
      raisedAt: new Date(e.raisedAt).toISOString(),
      status: e.status,
      statusLabel: e.status === 'resolved' ? '已有结果' : '待协调',
      resolution: e.resolution,
    })),
    supervisions: c.timeline
      .filter((e) => e.action === 'supervise')
      .map((e) => ({ at: new Date(e.at).toISOString(), note: e.note })),
    // what the applicant did from the phone and the staff must act on: 补正 uploads, a request to end the mandate
    // fileID: what workbench.fileLink opens (§五(一) 核实资料), only for a file of this very case
    materials: (c.materials ?? []).map((m) => ({
      fileID: m.fileID,
      name: m.name,
      size: m.size,
      type: m.type,
      supplement: m.supplement,
      at: new Date(m.at).toISOString(),
    })),
    /** the applicant's handwritten signatures on this case, to look at (mandate, desk 受理, receipt) */
    signatures: [
      ...(c.mandate?.signatureFileID
        ? [
            {
              kind: 'mandate' as const,
              label: '代办委托书签名（手机）',
              fileID: c.mandate.signatureFileID,
              at: new Date(c.mandate.signedAt).toISOString(),
            },
          ]
        : []),
      ...(c.acceptSignature?.source === 'desk' && c.acceptSignature.fileID
        ? [
            {
              kind: 'accept' as const,
              label: '受理确认签字（窗口当面）',
              fileID: c.acceptSignature.fileID,
              at: new Date(c.acceptSignature.at).toISOString(),
            },
          ]
        : []),
      ...(c.receipt?.signatureFileID
        ? [
            {
              kind: 'receipt' as const,
              label: c.receipt.source === 'desk' ? '签收签名（窗口当面）' : '签收签名（手机）',
              fileID: c.receipt.signatureFileID,
              at: new Date(c.receipt.signedAt).toISOString(),
            },
          ]
        : []),
    ],
    supplementSentAt: c.supplementSentAt ? new Date(c.supplementSentAt).toISOString() : null,
    terminationRequest: c.terminationRequest
      ? { reason: c.terminationRequest.reason, at: new Date(c.terminationRequest.at).toISOString() }
      : null,
    /** the applicant signed the 代办 mandate on the phone: that signature can stand for 确认签字 at acceptance */
    phoneSignedAt: c.mandate?.signatureFileID ? new Date(c.mandate.signedAt).toISOString() : null,
    /** §五(三) 签收 of a finished case: signed (where, when) or still to be signed on the applicant's phone */
    receipt:
      c.status !== 'finished'
        ? null
        : c.receipt
          ? {
              signed: true,
              sourceLabel: c.receipt.source === 'desk' ? '窗口当面手写签名' : '申请人在手机上签名',
              at: new Date(c.receipt.signedAt).toISOString(),
            }
          : { signed: false, sourceLabel: '待申请人在手机上签收', at: null },
    acceptSignature: c.acceptSignature
      ? {
          source: c.acceptSignature.source,
          sourceLabel: c.acceptSignature.source === 'desk' ? '窗口当面手写签名' : '申请人在手机上签名',
          at: new Date(c.acceptSignature.at).toISOString(),
        }
      : null,
  };
}
