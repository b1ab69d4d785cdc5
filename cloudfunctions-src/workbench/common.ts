import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  addWorkingDays,
  assessApplication,
  authorize,
  caseViewTarget,
  declarationsToVerify,
  eligibilityFactsOf,
  refusalNotice,
  type ScopeApplication,
  beijingDate,
  ENDED_STATUSES,
  materialsRequestedAt,
  OPEN_STATUSES,
  type WorkCalendar,
} from '../../core';
import { AppError, type ActionContext } from '../shared/action';
import { loadCenterConfig } from '../shared/config';
import type { Database } from '../shared/cloud';
import { actorOf } from '../shared/cases';
import { verifyUploads } from '../shared/uploads';
import type { ApplicantCaseFields, CaseDoc } from '../shared/db';

export const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });
export const id = z.string().trim().min(1).max(64);
export const revealedContactSchema = z.object({
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  revealedAt: z.string(),
});

/** The agent's queues (issue 6 §2): each is one server-side filter; counts come with every page. */
export const QUEUES = ['open', 'new', 'handling', 'waiting', 'dueSoon', 'overdue', 'ended', 'all'] as const;
export type Queue = (typeof QUEUES)[number];
export const QUEUE_LABELS: Record<Queue, string> = {
  open: '全部在办',
  new: '新申请',
  handling: '办理中',
  waiting: '等申请人',
  dueSoon: '即将到期',
  overdue: '已超期',
  ended: '已结束',
  all: '全部',
};
export const COUNTED: Queue[] = ['new', 'handling', 'waiting', 'dueSoon', 'overdue'];

export interface Today {
  today: string;
  dueSoonBy: string;
  cal: WorkCalendar;
  feedbackEvery: number;
}

export async function today(db: Database, now: Date): Promise<Today> {
  const { calendar: cal, settings } = await loadCenterConfig(db);
  const t = beijingDate(now);
  let dueSoonBy = t;
  try {
    dueSoonBy = addWorkingDays(cal, t, settings.calendar.dueSoonWithinWorkingDays);
  } catch {
    // a year without a calendar: due-soon shrinks to today rather than failing the list
  }
  return { today: t, dueSoonBy, cal, feedbackEvery: settings.lifecycle.progressReportEveryWorkingDays };
}

/** The filter of a queue; `t` (today's dates) is needed by dueSoon and overdue only. */
export function queueFilter(db: Database, queue: Queue, t: Today | null): Record<string, unknown> | null {
  const _ = db.command;
  const dates = () => {
    if (!t) throw new Error(`queue ${queue} needs today's dates`);
    return t;
  };
  switch (queue) {
    case 'new':
      return { status: 'applied' };
    case 'handling':
      return { status: _.in(['accepted', 'handling']) };
    case 'waiting':
      return { status: _.in(['awaiting_materials', 'suspended']) };
    case 'dueSoon':
      return { status: _.in([...OPEN_STATUSES]), dueOn: _.and([_.gte(dates().today), _.lte(dates().dueSoonBy)]) };
    case 'overdue':
      return { status: _.in([...OPEN_STATUSES]), dueOn: _.and([_.neq(null), _.lt(dates().today)]) };
    case 'ended':
      return { status: _.in([...ENDED_STATUSES]) };
    case 'open':
      return { status: _.in([...OPEN_STATUSES]) };
    case 'all':
      return null;
  }
}

/** queueFilter, for one (status, due date) group of cases: the same conditions, decided here. */
export function inQueue(queue: Queue, c: { status: string; dueOn?: unknown }, t: Today): boolean {
  const open = (OPEN_STATUSES as readonly string[]).includes(c.status);
  const due = typeof c.dueOn === 'string' ? c.dueOn : null;
  switch (queue) {
    case 'new':
      return c.status === 'applied';
    case 'handling':
      return c.status === 'accepted' || c.status === 'handling';
    case 'waiting':
      return c.status === 'awaiting_materials' || c.status === 'suspended';
    case 'dueSoon':
      return open && due !== null && due >= t.today && due <= t.dueSoonBy;
    case 'overdue':
      return open && due !== null && due < t.today;
    case 'ended':
      return (ENDED_STATUSES as readonly string[]).includes(c.status);
    case 'open':
      return open;
    case 'all':
      return true;
  }
}

export function both(db: Database, ...parts: (Record<string, unknown> | null)[]): Record<string, unknown> {
  const real = parts.filter((p): p is Record<string, unknown> => !!p && Object.keys(p).length > 0);
  if (real.length === 0) return {};
  if (real.length === 1) return real[0];
  return db.command.and(real) as Record<string, unknown>;
}

/** Narrowing a leader's or the center's list to one agent or unit (never widening it). */
export function narrowing(
  ctx: ActionContext<Database>,
  input: { agentId?: string; unitId?: string },
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (input.agentId) out.agentId = input.agentId;
  if (input.unitId && ctx.caller.staff?.role === 'center') out.unitId = input.unitId;
  return Object.keys(out).length ? out : null;
}

/** Departments for task and meeting pickers: id → name. */
export async function unitNames(db: Database): Promise<Record<string, string>> {
  const { data } = await db.collection(COLL.units).limit(200).get();
  return Object.fromEntries(data.map((u) => [String(u._id), String(u.name)]));
}

/** The fields a list row is made of (staffCaseRowView, deadlineOf, applicantAsks). */
export const ROW_FIELDS = Object.fromEntries(
  [
    'caseNo',
    'version',
    'matter',
    'category',
    'status',
    'submittedAt',
    'unitName',
    'agentName',
    'firstAgentName',
    'contactName',
    'contactPhone',
    'dueOn',
    'clock',
    'supplementSentAt',
    'materialsRequestedAt',
    'terminationRequest',
  ].map((f) => [f, true]),
);

/** What the applicant did from the phone that waits for the staff: 补正 uploads to check, a request to end the mandate. */
export function applicantAsks(c: CaseDoc & ApplicantCaseFields): string[] {
  const asks: string[] = [];
  const requested = materialsRequestedAt(c);
  if (
    c.status === 'awaiting_materials' &&
    c.supplementSentAt &&
    (!requested || new Date(c.supplementSentAt) >= requested)
  )
    asks.push('申请人已上传补正材料，待核收');
  if (c.terminationRequest && OPEN_STATUSES.includes(c.status)) asks.push('申请人申请终止委托');
  return asks;
}

/**
 * The signature an acceptance rests on: a desk signature is checked in storage (a PNG or JPEG the
 * acting staff member uploaded); otherwise the applicant's phone signature on the case, if any.
 */
/**
 * A reveal of the applicant's phone: the record is written before the number is answered — no
 * reveal without its record (the number itself is in neither the record nor the log).
 */
export async function recordReveal(
  ctx: ActionContext<Database>,
  target: { kind: 'case' | 'booking'; id: string },
  caseNo: string | null,
  who: { contactName: string | null; contactPhone: string | null },
) {
  const s = ctx.caller.staff!;
  await ctx.db.collection(COLL.audit).add({
    data: {
      at: ctx.now,
      by: { staffId: s._id, name: s.name, role: s.role },
      what: 'contact.reveal',
      target,
      before: null,
      after: { caseNo, field: '申请人联系电话' },
    },
  });
  return { contactName: who.contactName, contactPhone: who.contactPhone, revealedAt: ctx.now.toISOString() };
}

/** A signature drawn on this staff device: an image in the caller's own signatures folder. */
export async function deskSignature(ctx: ActionContext<Database>, deskFileID: string | undefined) {
  if (!deskFileID) return null;
  await verifyUploads(ctx.caller.openid, [
    { path: 'signatureFileID', fileID: deskFileID, folder: 'signatures', allowed: ['image/png', 'image/jpeg'] },
  ]);
  return { source: 'desk' as const, fileID: deskFileID, at: ctx.now, staffId: ctx.caller.staff!._id };
}

export async function acceptSignature(ctx: ActionContext<Database>, caseId: string, deskFileID: string | undefined) {
  if (deskFileID) return deskSignature(ctx, deskFileID);
  // read only to find the phone signature; visibility and the rest are decided in the transaction
  const c = await ctx.db
    .collection(COLL.cases)
    .doc(caseId)
    .get()
    .then(
      (r) => r.data as { mandate?: { signatureFileID?: string; signedAt?: Date } | null } | null,
      () => null,
    );
  const phone = c?.mandate?.signatureFileID;
  return phone ? { source: 'phone' as const, fileID: phone, at: c!.mandate!.signedAt ?? ctx.now, staffId: null } : null;
}

/**
 * §三 as the agent meets it: the verdict on what the applicant declared (the server refused
 * out-of-scope applications at submission; a case stored before that, or under other rules, may
 * still be out) and the declarations to verify against documents before accepting (§五(一) 核实).
 */
export function scopeCheck(c: CaseDoc & ApplicantCaseFields) {
  const application = {
    category: c.category,
    applicantType: c.applicantType ?? 'person',
    details: c.details ?? {},
  } as ScopeApplication;
  const verdict = assessApplication(application);
  return {
    eligible: verdict.eligible,
    clause: verdict.eligible ? verdict.clause : null,
    reasons: verdict.reasons.map((r) => ({ code: r.code, clause: r.clause, message: r.message })),
    verify: verdict.eligible ? declarationsToVerify(eligibilityFactsOf(application)) : [],
  };
}

/**
 * 受理 re-checks scope (§三, §五(一)): an out-of-scope case is refused with every reason, which the
 * agent then gives the applicant with 不予受理. Only for a case the caller could act on (otherwise
 * the step itself answers NOT_FOUND or the rule that stops it), so nothing leaks.
 */
export function refuseOutOfScope(ctx: ActionContext<Database>, doc: CaseDoc | null): void {
  if (!doc || doc.status !== 'applied') return;
  const actor = actorOf(ctx.caller);
  if (!authorize(actor, 'case.accept', caseViewTarget(doc)).ok) return;
  const check = scopeCheck(doc as CaseDoc & ApplicantCaseFields);
  if (check.eligible) return;
  const notice = refusalNotice({ eligible: false, category: doc.category, reasons: check.reasons as never });
  throw new AppError(
    'RULE_REFUSED',
    `不属于帮办代办范围，不能受理，请以“不予受理”告知申请人理由。\n${notice}`,
    Object.fromEntries(check.reasons.map((r) => [r.code, r.message])),
  );
}
