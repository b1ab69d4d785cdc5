import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  addWorkingDays,
  assessApplication,
  authorize,
  availableCaseActions,
  caseViewTarget,
  declarationsToVerify,
  eligibilityFactsOf,
  refusalNotice,
  type ScopeApplication,
  beijingDate,
  caseActionInput,
  CASE_TRANSITIONS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CASE_ACTION_TYPES,
  contactRevealTarget,
  ENDED_STATUSES,
  materialsRequestedAt,
  NOTIFICATION_KINDS,
  OPEN_STATUSES,
  type CaseActionType,
  type WorkCalendar,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import { signatureFileSchema } from '../shared/applicant';
import { loadCenterConfig } from '../shared/config';
import type { BookingDoc } from '../shared/db';
import type { Database } from '../shared/cloud';
import {
  actorOf,
  loadVisibleCase,
  readCase,
  readForStep,
  transitionCase,
  visibleCase,
  visibleCasesFilter,
  type CaseDoc,
  type StepReads,
} from '../shared/cases';
import { staffCaseRowSchema, staffCaseRowView } from '../shared/views';
import { deadlineOf, deadlineSchema, staffCaseDetailSchema, staffCaseDetailView } from './views';
import { verifyUploads } from '../shared/uploads';
import type { ApplicantCaseFields } from '../cases/applicant-view';
import { caseFiles, signFileLinks, FILE_LINK_MAX_AGE_S } from './files';

const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });
const id = z.string().trim().min(1).max(64);
const revealedContactSchema = z.object({
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
const COUNTED: Queue[] = ['new', 'handling', 'waiting', 'dueSoon', 'overdue'];

interface Today {
  today: string;
  dueSoonBy: string;
  cal: WorkCalendar;
  feedbackEvery: number;
}

async function today(db: Database, now: Date): Promise<Today> {
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
function queueFilter(db: Database, queue: Queue, t: Today | null): Record<string, unknown> | null {
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
function inQueue(queue: Queue, c: { status: string; dueOn?: unknown }, t: Today): boolean {
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

function both(db: Database, ...parts: (Record<string, unknown> | null)[]): Record<string, unknown> {
  const real = parts.filter((p): p is Record<string, unknown> => !!p && Object.keys(p).length > 0);
  if (real.length === 0) return {};
  if (real.length === 1) return real[0];
  return db.command.and(real) as Record<string, unknown>;
}

/** Narrowing a leader's or the center's list to one agent or unit (never widening it). */
function narrowing(
  ctx: ActionContext<Database>,
  input: { agentId?: string; unitId?: string },
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (input.agentId) out.agentId = input.agentId;
  if (input.unitId && ctx.caller.staff?.role === 'center') out.unitId = input.unitId;
  return Object.keys(out).length ? out : null;
}

/** Departments for task and meeting pickers: id → name. */
async function unitNames(db: Database): Promise<Record<string, string>> {
  const { data } = await db.collection(COLL.units).limit(200).get();
  return Object.fromEntries(data.map((u) => [String(u._id), String(u.name)]));
}

/** The fields a list row is made of (staffCaseRowView, deadlineOf, applicantAsks). */
const ROW_FIELDS = Object.fromEntries(
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
function applicantAsks(c: CaseDoc & ApplicantCaseFields): string[] {
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
async function recordReveal(
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
async function deskSignature(ctx: ActionContext<Database>, deskFileID: string | undefined) {
  if (!deskFileID) return null;
  await verifyUploads(ctx.caller.openid, [
    { path: 'signatureFileID', fileID: deskFileID, folder: 'signatures', allowed: ['image/png', 'image/jpeg'] },
  ]);
  return { source: 'desk' as const, fileID: deskFileID, at: ctx.now, staffId: ctx.caller.staff!._id };
}

async function acceptSignature(ctx: ActionContext<Database>, caseId: string, deskFileID: string | undefined) {
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
function refuseOutOfScope(ctx: ActionContext<Database>, doc: CaseDoc | null): void {
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

export const actions = {
  listCases: action({
    summary:
      '工作台案件列表（服务端分页与筛选）：帮代办员看经办和首问的，责任领导看本单位的，政务服务中心看全部；queue 选新申请/办理中/等申请人/即将到期/已超期，附各队列数量',
    roles: ['agent', 'leader', 'center'],
    input: z.object({
      queue: z.enum(QUEUES).default('open'),
      agentId: id.optional(),
      unitId: id.optional(),
      limit: z.number().int().min(1).max(50).default(20),
      offset: z.number().int().min(0).max(5000).default(0),
    }),
    output: z.object({
      items: z.array(
        staffCaseRowSchema.extend({
          firstAgentName: z.string().nullable(),
          dueOn: z.string().nullable(),
          deadline: deadlineSchema,
          applicantAsks: z.array(z.string()),
        }),
      ),
      total: z.number(),
      counts: z.record(z.string(), z.number()),
      today: z.string(),
      queue: z.enum(QUEUES),
    }),
    async run(ctx, input) {
      const { caller, db } = ctx;
      const scope = visibleCasesFilter(db, actorOf(caller));
      const empty = {
        items: [],
        total: 0,
        counts: Object.fromEntries(COUNTED.map((q) => [q, 0])),
        today: beijingDate(ctx.now),
        queue: input.queue,
      };
      if (!scope) return empty;
      const narrow = narrowing(ctx, input);
      // every queue's count from one aggregate (cases per status and due date), the calendar and the
      // page side by side: three round trips, one wait; only the two date queues (即将到期, 已超期)
      // wait for today's dates before their page
      const groupsP = db
        .collection(COLL.cases)
        .aggregate()
        .match(both(db, scope, narrow))
        .group({ _id: { status: '$status', dueOn: '$dueOn' }, n: db.command.aggregate.sum(1) })
        .limit(10_000)
        .end();
      const todayP = today(db, ctx.now);
      const pageOf = (t: Today | null) =>
        db
          .collection(COLL.cases)
          .where(both(db, scope, narrow, queueFilter(db, input.queue, t)))
          .orderBy('submittedAt', 'desc')
          // only what a row shows: not the timeline (a long case's history would travel for one
          // line), nor the files, the form's details or the ID number
          .field(ROW_FIELDS)
          .skip(input.offset)
          .limit(input.limit)
          .get();
      const dated = input.queue === 'dueSoon' || input.queue === 'overdue';
      const [t, page, groups] = await Promise.all([todayP, dated ? todayP.then(pageOf) : pageOf(null), groupsP]);
      const count = (q: Queue) =>
        groups.list.reduce(
          (n, g) => n + (inQueue(q, g._id as { status: string; dueOn?: unknown }, t) ? Number(g.n) : 0),
          0,
        );
      return {
        items: (page.data as (CaseDoc & ApplicantCaseFields)[]).map((c) => ({
          ...staffCaseRowView(c),
          firstAgentName: c.firstAgentName,
          dueOn: c.dueOn ?? null,
          deadline: deadlineOf(c, t.today, t.dueSoonBy),
          applicantAsks: applicantAsks(c),
        })),
        total: count(input.queue),
        counts: Object.fromEntries(COUNTED.map((q) => [q, count(q)])),
        today: t.today,
        queue: input.queue,
      };
    },
  }),

  get: action({
    summary:
      '案件详情（工作人员）：申请表的全部内容（项目名称、投资额、审批层级、特殊群体、统一社会信用代码；身份证号与电话脱敏）、办理记录（含联系记录、督办）、时限与下次定期反馈日、部门任务、会议、协调事项、当前可执行的操作',
    roles: ['agent', 'leader', 'center'],
    input: caseRef,
    output: z.object({
      case: staffCaseDetailSchema,
      scope: z.object({
        eligible: z.boolean(),
        clause: z.string().nullable(),
        reasons: z.array(z.object({ code: z.string(), clause: z.string(), message: z.string() })),
        verify: z.array(z.string()),
      }),
      actions: z.array(z.object({ type: z.enum(CASE_ACTION_TYPES), label: z.string(), clause: z.string() })),
      units: z.array(z.object({ unitId: z.string(), name: z.string() })),
    }),
    errors: ['NOT_FOUND'],
    // the case, the calendar and the unit names are read while the caller's staff record is (one
    // wait instead of three); nothing of them is shown before the case is found visible to the caller
    prefetch: (db, input, now) => Promise.all([readCase(db, input.caseId), today(db, now), unitNames(db)]),
    async run(ctx) {
      const [found, t, units] = await (ctx.prefetched as Promise<[CaseDoc | null, Today, Record<string, string>]>);
      const doc = visibleCase(ctx, found);
      const actor = actorOf(ctx.caller);
      // 认领 only makes sense for someone the request is not already with
      const offered = availableCaseActions(doc, actor).filter((a) => !(a === 'take' && doc.agentId === actor.id));
      return {
        case: staffCaseDetailView(doc, actor, t, units),
        scope: scopeCheck(doc as CaseDoc & ApplicantCaseFields),
        actions: offered.map((type: CaseActionType) => ({
          type,
          label: CASE_TRANSITIONS[type].label,
          clause: CASE_TRANSITIONS[type].clause,
        })),
        units: Object.entries(units).map(([unitId, name]) => ({ unitId, name })),
      };
    },
  }),

  act: action({
    summary:
      '执行一步办理操作（认领、受理（重新按§三核对范围，不符合的拒绝并逐条说明理由）、不予受理、送达窗口、补正、中止、续办、延期、联系记录、办结、终止、转派、督办、并联审批…），由规则核心判定；写入办理记录并登记核心要求的通知',
    roles: ['agent', 'leader', 'center'],
    input: caseRef.extend({
      version: z.number().int().min(1),
      action: caseActionInput,
      /** 受理 / 办结签收: the applicant's signature drawn on this staff device at the desk (uploaded to the staff member's own folder) */
      signatureFileID: signatureFileSchema.optional(),
    }),
    output: z.object({
      status: z.enum(CASE_STATUSES),
      statusLabel: z.string(),
      version: z.number(),
      event: z.object({ label: z.string(), at: z.string() }),
      notifications: z.array(z.object({ kind: z.string(), label: z.string() })),
    }),
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_REFUSED', 'FILE_REJECTED'],
    // the case and the calendar are read while the caller's staff record is: two waits, not three
    prefetch: (db, input) => readForStep(db, input.caseId),
    async run(ctx, input) {
      const staff = ctx.caller.staff!;
      const names: Record<string, string> = { [staff._id]: staff.name };
      const a = input.action;
      let extra: Record<string, unknown> = {};
      if (a.type === 'accept') {
        refuseOutOfScope(ctx, (await (ctx.prefetched as Promise<StepReads>))[0]);
        // §五(一) 确认签字: signed means a signature the server can see — drawn at the desk on this
        // device, or the applicant's own signature from the phone (the 代办 mandate) — never a tick
        const signature = await acceptSignature(ctx, input.caseId, input.signatureFileID);
        a.applicantSigned = signature !== null;
        if (signature) extra = { acceptSignature: signature };
      }
      if (a.type === 'finish') {
        // §五(三) 签收: "the applicant signed" is a signature the server can see — drawn on this
        // device at the desk — never a tick; without one the applicant signs on the phone afterwards
        const signature = await deskSignature(ctx, input.signatureFileID);
        a.applicantSigned = signature !== null;
        // set here only, never taken from the request (the input schema has no such field)
        (a as { receiptOnPhone?: boolean }).receiptOnPhone = signature === null;
        if (signature)
          extra = {
            receipt: {
              signatureFileID: signature.fileID,
              signedAt: ctx.now,
              source: 'desk',
              staffId: signature.staffId,
            },
          };
      }
      if (a.type === 'reassign') {
        const target = await ctx.db
          .collection(COLL.staff)
          .doc(a.toAgentId)
          .get()
          .then(
            (r) => r.data as { name?: string; role?: string; active?: boolean; unitId?: string } | null,
            () => null,
          );
        if (!target?.name || target.role !== 'agent' || target.active !== true)
          throw new AppError('INVALID_INPUT', '请选择在岗的帮代办员', { 'action.toAgentId': '没有这位帮代办员' });
        // the agent's unit is where the case goes; only the center may move it to another unit (the core checks)
        if (!a.toUnitId && target.unitId) a.toUnitId = target.unitId;
        names[a.toAgentId] = target.name;
      }
      if (a.type === 'addTask' || a.type === 'conveneJointMeeting') {
        const units = await unitNames(ctx.db);
        const wanted = a.type === 'addTask' ? [a.departmentId] : a.departmentIds;
        const unknown = wanted.filter((d) => !units[d]);
        if (unknown.length)
          throw new AppError('INVALID_INPUT', '请选择已登记的审批部门', {
            [a.type === 'addTask' ? 'action.departmentId' : 'action.departmentIds']:
              `没有这个部门：${unknown.join('、')}`,
          });
      }
      const { doc, event, notifications } = await transitionCase(
        ctx,
        input.caseId,
        input.version,
        a,
        names,
        extra,
        ctx.prefetched as Promise<StepReads>,
      );
      return {
        status: doc.status,
        statusLabel: CASE_STATUS_LABELS[doc.status],
        version: doc.version,
        event: { label: CASE_TRANSITIONS[a.type].label, at: new Date(event.at).toISOString() },
        notifications: notifications.map((n) => ({ kind: n.kind, label: NOTIFICATION_KINDS[n.kind] })),
      };
    },
  }),

  fileLink: action({
    summary:
      '查看申请人上传的文件（§五(一) 核实资料）：本案的材料（含补正）、代办委托书签名、签收签名、窗口受理签字，换取短时有效的下载链接；只对能查看该案件的工作人员，且只对属于该案件的文件，其他一律与不存在的案件相同（NOT_FOUND）',
    roles: ['agent', 'leader', 'center'],
    input: caseRef.extend({
      /** the files to open: one, or every image of the case for a preview that can swipe through them */
      fileIDs: z.array(z.string().trim().min(1).max(500)).min(1).max(40),
    }),
    output: z.object({
      files: z.array(
        z.object({ fileID: z.string(), url: z.string(), kind: z.enum(['image', 'pdf']), name: z.string() }),
      ),
      expiresAt: z.string(),
    }),
    returns: `链接 ${FILE_LINK_MAX_AGE_S / 60} 分钟内有效`,
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      // the case is the only read: visibility (refused like a missing case) and the list of its files
      const doc = await loadVisibleCase(ctx, input.caseId);
      const files = caseFiles(doc);
      const wanted = [...new Set(input.fileIDs)];
      const own = wanted.map((id) => files.get(id));
      if (own.some((f) => !f)) throw new AppError('NOT_FOUND', '没有找到这个文件');
      const links = await signFileLinks(wanted);
      if (links.some((l) => !l)) throw new AppError('NOT_FOUND', '文件已不在存储中，请联系申请人重新上传');
      return {
        files: wanted.map((fileID, i) => ({ fileID, url: links[i]!, kind: own[i]!.kind, name: own[i]!.name })),
        expiresAt: new Date(ctx.now.getTime() + FILE_LINK_MAX_AGE_S * 1000).toISOString(),
      };
    },
  }),

  revealContact: action({
    summary:
      '查看申请人的完整联系电话，以便主动联系（§五(二)）：只对经办和首问帮代办员、责任单位的责任领导、政务服务中心；每次查看记入审计（谁、何时、哪件案件，不记号码）；其他人与不存在的案件相同（NOT_FOUND）',
    roles: ['agent', 'leader', 'center'],
    input: caseRef,
    output: revealedContactSchema,
    errors: ['NOT_FOUND'],
    reveals: '申请人联系电话',
    async run(ctx, input) {
      const doc = await readCase(ctx.db, input.caseId);
      if (!doc || !authorize(actorOf(ctx.caller), 'case.revealContact', contactRevealTarget(doc)).ok)
        throw new AppError('NOT_FOUND', '没有找到这条申请');
      return recordReveal(ctx, { kind: 'case', id: doc._id }, doc.caseNo, doc);
    },
  }),

  revealBookingContact: action({
    summary:
      '预约名单上查看申请人的完整电话（上门服务出发前、到场前联系），与 revealContact 同一规则和记录：关联申请的预约只对该申请的经办和首问帮代办员、责任单位的责任领导、政务服务中心；没有关联申请的预约属于窗口，只对中心单位的帮代办员和责任领导、政务服务中心；每次查看记入审计“查看电话”（谁、何时、哪个预约，不记号码）；其他人与不存在的预约相同（NOT_FOUND）',
    roles: ['agent', 'leader', 'center'],
    input: z.object({ bookingId: id }),
    output: revealedContactSchema,
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    reveals: '申请人联系电话',
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const missing = () => new AppError('NOT_FOUND', '没有找到这个预约');
      const b = await ctx.db
        .collection(COLL.bookings)
        .doc(input.bookingId)
        .get()
        .then(
          (r) => r.data as BookingDoc | null,
          () => null,
        );
      if (!b) throw missing();
      const doc = b.caseId ? await readCase(ctx.db, b.caseId) : null;
      if (b.caseId && !doc) throw missing();
      const allowed = doc
        ? authorize(actor, 'case.revealContact', contactRevealTarget(doc)).ok
        : await loadCenterConfig(ctx.db).then(({ settings }) => {
            // a booking without a case is the desk's own: the center unit's agents serve the desk
            const desk = settings.routing.centerUnitId;
            return (
              (actor.role === 'agent' && actor.unitId === desk) ||
              authorize(actor, 'case.revealContact', { unitIds: [desk] }).ok
            );
          });
      if (!allowed) throw missing();
      // said only to someone who may see the booking: an applicant's own booking may carry no phone
      if (!b.contactPhone)
        throw new AppError('RULE_REFUSED', '这个预约没有登记电话', {
          NO_CONTACT_PHONE: '这个预约没有登记电话，请按申请编号查看申请',
        });
      return recordReveal(ctx, { kind: 'booking', id: b._id }, doc?.caseNo ?? null, b);
    },
  }),

  unitLoad: action({
    summary:
      '本单位帮代办员的工作量（责任领导看本单位，政务服务中心可选单位）：在办、已超期、等申请人；也是转派时选择接手人的名单',
    roles: ['leader', 'center'],
    input: z.object({ unitId: id.optional() }),
    output: z.object({
      unitId: z.string(),
      agents: z.array(
        z.object({
          staffId: z.string(),
          name: z.string(),
          onDuty: z.boolean(),
          open: z.number(),
          overdue: z.number(),
          waiting: z.number(),
        }),
      ),
      unassigned: z.number(),
    }),
    async run(ctx, input) {
      const me = ctx.caller.staff!;
      const unitId = me.role === 'center' && input.unitId ? input.unitId : me.unitId;
      const _ = ctx.db.command;
      const t = await today(ctx.db, ctx.now);
      const [staff, cases] = await Promise.all([
        ctx.db.collection(COLL.staff).where({ unitId, role: 'agent', active: true }).limit(100).get(),
        ctx.db
          .collection(COLL.cases)
          .where({ unitId, status: _.in([...OPEN_STATUSES]) })
          .field({ agentId: true, status: true, dueOn: true })
          .limit(1000)
          .get(),
      ]);
      const rows = cases.data as { agentId: string | null; status: string; dueOn?: string | null }[];
      return {
        unitId,
        agents: staff.data.map((s) => {
          const mine = rows.filter((c) => c.agentId === s._id);
          return {
            staffId: String(s._id),
            name: String(s.name),
            onDuty: s.onDuty === true,
            open: mine.length,
            overdue: mine.filter((c) => !!c.dueOn && c.dueOn < t.today).length,
            waiting: mine.filter((c) => c.status === 'awaiting_materials' || c.status === 'suspended').length,
          };
        }),
        unassigned: rows.filter((c) => !c.agentId).length,
      };
    },
  }),
} satisfies ActionTable<Database>;
