import { z } from 'zod';
import { APPROVAL_OUTCOMES, CONTACT_CHANNELS, TERMINATION_GROUNDS, type CaseAction } from './lifecycle';

/**
 * The wire form of every case action (what a staff or applicant screen sends). Content rules (a
 * reason must be given, a time limit in range…) are the state machine's guards, so they answer
 * with the rulebook's own codes and words; this schema only checks shapes and sizes.
 */
const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);
const id = z.string().trim().min(1).max(64);
const days = z.number().int();
const reason = z.object({ code: z.string().trim().min(1).max(64), message: text(200) });

export const caseActionInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('accept'),
    mandateConfirmed: z.boolean(),
    processExplained: z.boolean(),
    materialsChecked: z.boolean(),
    applicantSigned: z.boolean(),
    mandateLetterSigned: z.boolean().optional(),
    note: text(500).optional(),
  }),
  z.object({ type: z.literal('refuse'), reasons: z.array(reason).max(20) }),
  z.object({ type: z.literal('withdraw'), reason: text(200).optional() }),
  z.object({ type: z.literal('deliver'), window: text(100), committedWorkingDays: days, note: text(500).optional() }),
  z.object({ type: z.literal('requestMaterials'), missing: z.array(text(100)).max(50), note: text(500).optional() }),
  z.object({ type: z.literal('receiveMaterials'), note: text(500).optional() }),
  z.object({ type: z.literal('suspend'), reason: text(200) }),
  z.object({ type: z.literal('resume'), applicantConfirmed: z.boolean(), note: text(500).optional() }),
  z.object({
    type: z.literal('extend'),
    extraWorkingDays: days,
    explanation: text(500),
    explainedToApplicant: z.boolean(),
  }),
  z.object({ type: z.literal('reportProgress'), note: text(500), channel: z.enum(CONTACT_CHANNELS).optional() }),
  z.object({
    type: z.literal('finish'),
    result: z.object({ outcome: z.enum(APPROVAL_OUTCOMES), decidedBy: text(100), documentNo: text(64).optional() }),
    resultHandedOver: z.boolean(),
    originalsReturned: z.boolean(),
    applicantSigned: z.boolean(),
    note: text(500).optional(),
  }),
  z.object({
    type: z.literal('terminate'),
    ground: z.enum(TERMINATION_GROUNDS),
    reason: text(200),
    materialsReturned: z.boolean(),
    applicantSigned: z.boolean(),
  }),
  z.object({ type: z.literal('reassign'), toAgentId: id, toUnitId: id.optional(), reason: text(200) }),
  z.object({ type: z.literal('addTask'), taskId: id, departmentId: id, matter: text(100), committedWorkingDays: days }),
  z.object({ type: z.literal('requestTaskMaterials'), taskId: id, missing: z.array(text(100)).max(50) }),
  z.object({ type: z.literal('receiveTaskMaterials'), taskId: id }),
  z.object({
    type: z.literal('completeTask'),
    taskId: id,
    outcome: z.enum(APPROVAL_OUTCOMES),
    note: text(500).optional(),
  }),
  z.object({ type: z.literal('cancelTask'), taskId: id, reason: text(200) }),
  z.object({
    type: z.literal('conveneJointMeeting'),
    meetingId: id,
    departmentIds: z.array(id).max(20),
    topic: text(200),
    scheduledFor: z.coerce.date(),
    place: text(100).optional(),
  }),
  z.object({ type: z.literal('recordJointMeeting'), meetingId: id, minutes: text(2000) }),
  z.object({ type: z.literal('escalate'), escalationId: id, issue: text(500) }),
  z.object({ type: z.literal('resolveEscalation'), escalationId: id, resolution: text(1000) }),
  z.object({ type: z.literal('take') }),
  z.object({ type: z.literal('supervise'), note: text(500) }),
]) satisfies z.ZodType<CaseAction, unknown>;
