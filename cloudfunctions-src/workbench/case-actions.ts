import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  availableCaseActions,
  beijingDate,
  caseActionInput,
  CASE_TRANSITIONS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CASE_ACTION_TYPES,
  NOTIFICATION_KINDS,
  type CaseActionType,
} from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import { signatureFileSchema } from '../shared/applicant';
import type { Database } from '../shared/cloud';
import {
  actorOf,
  readCase,
  readForStep,
  transitionCase,
  visibleCase,
  visibleCasesFilter,
  type StepReads,
} from '../shared/cases';
import { staffCaseRowSchema, staffCaseRowView } from '../shared/views';
import { deadlineOf, deadlineSchema, staffCaseDetailSchema, staffCaseDetailView } from './views';
import {
  caseRef,
  id,
  QUEUES,
  Queue,
  COUNTED,
  Today,
  today,
  queueFilter,
  inQueue,
  both,
  narrowing,
  unitNames,
  ROW_FIELDS,
  applicantAsks,
  deskSignature,
  acceptSignature,
  scopeCheck,
  refuseOutOfScope,
} from './common';
import type { ApplicantCaseFields, CaseDoc } from '../shared/db';

export const caseActions = {
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
} satisfies ActionTable<Database>;
