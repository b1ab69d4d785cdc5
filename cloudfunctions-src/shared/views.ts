import { CASE_STATUS_LABELS, CATEGORY_LABELS, ROLE_LABELS, maskName, maskPhone, type Actor } from '../../core';
import { ACTION_LABELS, type CaseDoc } from './cases';

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
