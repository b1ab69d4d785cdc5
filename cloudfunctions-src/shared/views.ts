import { z } from 'zod';
import {
  CASE_ACTION_TYPES,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CATEGORIES,
  CATEGORY_LABELS,
  ROLE_LABELS,
  SERVICE_MODES,
  maskName,
  maskPhone,
  type Actor,
} from '../../core';
import { ACTION_LABELS } from './cases';
import type { CaseDoc } from './db';

// each view's output schema sits beside the function that builds it (times leave as ISO strings)
export const caseSummarySchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  version: z.number(),
  matter: z.string(),
  category: z.enum(CATEGORIES),
  categoryLabel: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  submittedAt: z.string(),
  unitName: z.string(),
  agentName: z.string().nullable(),
});
export const staffCaseRowSchema = caseSummarySchema.extend({ applicantName: z.string(), contactPhone: z.string() });
export const reasonSchema = z.object({ code: z.string(), message: z.string() });
export const timelineEntrySchema = z.object({
  at: z.string(),
  label: z.string(),
  statusLabel: z.string(),
  by: z.string(),
  note: z.string().nullable(),
  // codes beside the words: the applicant's phone says them in the reader's language
  action: z.enum([...CASE_ACTION_TYPES, 'apply']),
  to: z.enum(CASE_STATUSES),
  byRole: z.string(),
  byName: z.string().nullable(),
});
export const caseDetailSchema = caseSummarySchema.extend({
  mode: z.enum(SERVICE_MODES),
  firstAgentName: z.string().nullable(),
  missingMaterials: z.array(z.string()),
  refusalReasons: z.array(reasonSchema),
  window: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  timeline: z.array(timelineEntrySchema),
});

/** The stored fields a list row needs (a projection for list queries). */
export const SUMMARY_FIELDS = {
  _id: true,
  caseNo: true,
  version: true,
  matter: true,
  category: true,
  status: true,
  submittedAt: true,
  unitName: true,
  agentName: true,
  contactName: true,
  contactPhone: true,
} as const;

/** What a list row shows; staff lists add the masked applicant. */
export function caseSummaryView(c: CaseDoc) {
  return {
    caseId: c._id,
    caseNo: c.caseNo,
    version: c.version,
    matter: c.matter,
    category: c.category,
    categoryLabel: CATEGORY_LABELS[c.category],
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    submittedAt: new Date(c.submittedAt).toISOString(),
    unitName: c.unitName,
    agentName: c.agentName,
  };
}

export function staffCaseRowView(c: CaseDoc) {
  return { ...caseSummaryView(c), applicantName: maskName(c.contactName), contactPhone: maskPhone(c.contactPhone) };
}

/**
 * The detail screen: the whole timeline in words. The applicant sees "您" for their own steps and
 * the role for staff steps; staff see the applicant masked. Ids never leave the server.
 */
export function caseDetailView(c: CaseDoc, viewer: Actor) {
  const who = (actor: { id: string; role: keyof typeof ROLE_LABELS }) => {
    if (actor.role === 'applicant') return viewer.role === 'applicant' ? '您' : `申请人${maskName(c.contactName)}`;
    if (actor.id === c.agentId && c.agentName) return `${ROLE_LABELS.agent} ${c.agentName}`;
    if (actor.id === c.firstAgentId && c.firstAgentName) return `${ROLE_LABELS.agent} ${c.firstAgentName}`;
    return ROLE_LABELS[actor.role];
  };
  return {
    ...caseSummaryView(c),
    mode: c.mode,
    firstAgentName: c.firstAgentName,
    missingMaterials: c.missingMaterials,
    refusalReasons: c.refusalReasons,
    window: c.window,
    contactName: viewer.role === 'applicant' ? c.contactName : maskName(c.contactName),
    contactPhone: maskPhone(c.contactPhone),
    timeline: c.timeline.map((e) => ({
      at: new Date(e.at).toISOString(),
      label: e.action === 'apply' ? '提交申请' : ACTION_LABELS[e.action],
      statusLabel: CASE_STATUS_LABELS[e.to],
      by: who(e.actor),
      note: e.note,
      // codes beside the words: the applicant's phone says them in the reader's language
      action: e.action,
      to: e.to,
      byRole: e.actor.role,
      byName: e.actor.id === c.agentId ? c.agentName : e.actor.id === c.firstAgentId ? c.firstAgentName : null,
    })),
  };
}
