import { COLL, duplicateKeyIndex, isDuplicateKey, type CollectionName } from '../shared/db';
import crypto from 'node:crypto';
import { z } from 'zod';
import {
  assessApplication,
  beijingDate,
  beijingInstant,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CATEGORY_LABELS,
  checkApplicationLimits,
  OPEN_STATUSES,
  openCase,
  pickAgent,
  refusalNotice,
  responsibleUnit,
  type CaseStatus,
  type Settings,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { transitionCase, loadVisibleCase, unitRoster, visibleCasesFilter, type CaseDoc } from '../shared/cases';
import { caseSummarySchema, caseSummaryView, SUMMARY_FIELDS } from '../shared/views';
import { fromNotifications } from '../shared/outbox';
import { outboxSeeds, pendingForInsert } from '../shared/effects';
import { consentRequired, materialsSchema, PRIVACY_VERSION, signatureFileSchema } from '../shared/applicant';
import { loadCenterConfig, settingsOf } from '../shared/config';
import { applicantCaseSchema, applicantCaseView, type ApplicantCase } from './applicant-view';
import { submitInput } from './schemas';
import { uploadFolders, verifyUploads } from '../shared/uploads';
import { requestFingerprint } from '../shared/idempotency';

/**
 * Case numbers read BB + Beijing date + six digits, e.g. BB20261128-073852: short enough to read out
 * on the phone. The digits are random, not a daily counter: a counter would need a transaction the
 * applicant would wait for; the unique index on caseNo refuses the rare repeat and the submission
 * draws again. Six digits, because with four a busy day (or a benchmark) drew a taken number often
 * enough to cost two more round trips (a county's 200 cases a day collide once in 5,000 with six).
 */
function newCaseNo(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `BB${day}-${String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

const newCaseId = () => `c${Date.now().toString(36)}${crypto.randomBytes(8).toString('hex')}`;

const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });

type OwnCase = { status: CaseStatus; submittedAt: Date; requestKey?: string };
type SubPipeline = {
  match(q: object): SubPipeline;
  project(p: object): SubPipeline;
  limit(n: number): SubPipeline;
  done(): unknown;
};

/**
 * What a submission needs to know about its caller, in ONE request (issue 9: at most four): the
 * consent, with the center's settings and the caller's open cases and those submitted today
 * (Beijing) looked up beside it — what the per-person limits count. Open cases are few by the limit.
 */
async function callerFacts(
  db: Database,
  openid: string,
  now: Date,
): Promise<{ consented: boolean; settings: Settings; mine: OwnCase[] }> {
  const _ = db.command;
  // a sub-pipeline (db.command.aggregate.pipeline()…done()): the SDK builds it, its shape is its business
  const pipeline = () => (_.aggregate as { pipeline(): SubPipeline }).pipeline();
  const dayStart = beijingInstant(beijingDate(now));
  const { list } = await db
    .collection(COLL.consents)
    .aggregate()
    .match({ _id: openid })
    .lookup({ from: COLL.settings, pipeline: pipeline().match({ _id: 'center' }).done(), as: 'settingsDocs' })
    .lookup({
      from: COLL.cases,
      pipeline: pipeline()
        .match(
          _.and([
            { applicantId: openid },
            _.or([{ status: _.in([...OPEN_STATUSES]) }, { submittedAt: _.gte(dayStart) }]),
          ]) as object,
        )
        .project({ status: 1, submittedAt: 1, requestKey: 1 })
        .limit(500)
        .done(),
      as: 'mine',
    })
    .end();
  const found = list[0] as { version?: string; settingsDocs?: Record<string, unknown>[]; mine?: OwnCase[] } | undefined;
  return {
    consented: found?.version === PRIVACY_VERSION,
    settings: settingsOf(found?.settingsDocs?.[0]),
    mine: found?.mine ?? [],
  };
}

/** Applicant actions act as the applicant even when the caller is also staff. */
function applicantOnly<C extends ActionContext<Database>>(ctx: C): C {
  return { ...ctx, caller: { ...ctx.caller, staff: null } };
}

/**
 * A change the applicant makes to their own case outside the state machine (a signature, a
 * confirmation): read in a transaction, refuse someone else's case as NOT_FOUND, write the patch
 * with the next version so a staff screen holding the old version sees CONFLICT.
 */
async function applicantUpdate<A>(
  ctx: ActionContext<Database>,
  caseId: string,
  decide: (c: ApplicantCase) => { patch: Partial<ApplicantCase>; answer: A },
): Promise<A> {
  return ctx.transaction(async (t) => {
    const c = (await t
      .collection(COLL.cases)
      .doc(caseId)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )) as ApplicantCase | null;
    if (!c || c.applicantId !== ctx.caller.openid) throw new AppError('NOT_FOUND', '没有找到这条申请');
    const { patch, answer } = decide(c);
    await t
      .collection(COLL.cases)
      .doc(caseId)
      .update({ data: { ...patch, version: c.version + 1, updatedAt: ctx.now } });
    return answer;
  });
}

export const actions = {
  uploadFolder: action({
    summary: '本人的上传目录：材料传到 materials/<目录>/，签名传到 signatures/<目录>/；提交时只接受本人目录下的文件',
    roles: ['applicant'],
    input: z.object({}),
    output: z.object({ materials: z.string(), signatures: z.string() }),
    async run({ caller }) {
      return uploadFolders(caller.openid);
    },
  }),

  submit: action({
    summary:
      '提交帮办代办申请：先按§三判断是否属于帮办代办范围（与自测同一规则，不符合的逐条说明理由，不写入任何内容），再查每人在办件数和每日提交次数上限；按事项类别确定责任单位，并分配当班帮代办员（§四、§五(一)）',
    roles: ['applicant'],
    input: submitInput,
    output: z.object({
      caseId: z.string(),
      caseNo: z.string(),
      status: z.enum(CASE_STATUSES),
      statusLabel: z.string(),
      unitName: z.string(),
      agentName: z.string().nullable(),
      repeated: z.boolean(),
    }),
    errors: ['RULE_REFUSED', 'FILE_REJECTED', 'IDEMPOTENCY_KEY_REUSED'],
    async run({ caller, db, now }, input) {
      // ONE write (the case) after one round of reads: consent (with the settings and the caller's
      // own cases), and the unit's roster with its agents' open cases. The 台账 row and the messages
      // ride on the case (`pending`) and are settled by the notify timer seconds later, so nothing
      // of them is lost or half-written.
      // §三 at the server, with the self-check's own function (core assessApplication): out of scope
      // is refused with every reason (§五(一) 明确告知理由) before anything is read or written
      const scope = assessApplication(input);
      if (!scope.eligible)
        throw new AppError(
          'RULE_REFUSED',
          refusalNotice(scope)!,
          Object.fromEntries(scope.reasons.map((r) => [r.code, r.message])),
        );
      const unitId = responsibleUnit(input.category);
      const [{ consented, settings, mine }, roster] = await Promise.all([
        callerFacts(db, caller.openid, now),
        unitRoster(db, unitId),
      ]);
      if (!consented) throw consentRequired();
      // limits per person (settings.applications); a retry of a request that already made its case
      // is not a new submission and is answered below by its unique requestKey
      if (!mine.some((c) => c.requestKey === `${caller.openid}:${input.requestId}`)) {
        const limits = checkApplicationLimits(mine, now, settings);
        if (!limits.ok) throw new AppError('RULE_REFUSED', limits.message, { [limits.code]: limits.message });
      }
      // every file is looked at in storage before anything is written
      const stored = await verifyUploads(caller.openid, [
        ...input.materials.map((m, i) => ({
          path: `materials.${i}`,
          fileID: m.fileID,
          folder: 'materials' as const,
          declared: m.type,
        })),
        ...(input.mode === 'proxy' && input.mandate
          ? [
              {
                path: 'mandate.signatureFileID',
                fileID: input.mandate.signatureFileID,
                folder: 'signatures' as const,
                allowed: ['image/png' as const, 'image/jpeg' as const],
              },
            ]
          : []),
      ]);
      if (!roster.unitName) throw new AppError('INTERNAL', '责任单位未配置');
      const unitName = roster.unitName;
      const picked = pickAgent(roster.candidates, { unitId, skill: input.category });
      const agent = picked.ok ? picked.value : null;
      const opened = openCase(
        {
          applicantId: caller.openid,
          category: input.category,
          mode: input.mode,
          unitId,
          agentId: agent?.agentId ?? null,
        },
        now,
      );
      // 幂等: one case per (applicant, requestId): the unique requestKey refuses a second tap or a retry
      const requestKey = `${caller.openid}:${input.requestId}`;
      const requestFp = requestFingerprint(input);
      const earlier = async () => {
        const { data } = await db.collection(COLL.cases).where({ requestKey }).limit(1).get();
        const c = data[0] as (CaseDoc & { requestFingerprint?: string }) | undefined;
        // the same key with another body is another application: refuse it (nothing written)
        // rather than answer it with this case; cases stored before fingerprints count as the same
        if (c?.requestFingerprint && c.requestFingerprint !== requestFp)
          throw new AppError(
            'IDEMPOTENCY_KEY_REUSED',
            '这份申请的内容与之前用同一编号提交的申请不同，没有提交。请重新点“提交申请”。',
          );
        return c
          ? {
              caseId: c._id,
              caseNo: c.caseNo,
              status: c.status,
              statusLabel: CASE_STATUS_LABELS[c.status],
              unitName: c.unitName,
              agentName: c.agentName,
              repeated: true,
            }
          : null;
      };
      const caseId = newCaseId();
      for (let attempt = 1; ; attempt++) {
        const caseNo = newCaseNo(now);
        const doc: ApplicantCase = {
          _id: caseId,
          ...opened.case,
          caseNo,
          applicantType: input.applicantType,
          matter: input.matter,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          requestKey,
          requestFingerprint: requestFp,
          applicantName: input.applicantName,
          idNumber: input.applicantType === 'person' ? (input.idNumber ?? '').toUpperCase() : null,
          uscc: input.applicantType === 'enterprise' ? (input.uscc ?? '').toUpperCase() : null,
          details: input.details,
          materials: input.materials.map((m, i) => ({
            ...m,
            size: stored[i].size,
            type: stored[i].type,
            at: now,
            supplement: false,
          })),
          mandate: input.mode === 'proxy' && input.mandate ? { ...input.mandate, signedAt: now } : null,
          commitment: input.commitment === true,
          receipt: null,
          extensionConfirmations: [],
          terminationRequest: null,
          supplementSentAt: null,
          unitName,
          agentName: agent?.name ?? null,
          firstAgentName: null,
          submittedAt: now,
          updatedAt: now,
          version: 1,
        };
        // §四: the agent (or, with nobody on duty, the unit's leader) hears of the case within seconds
        const pending = pendingForInsert(now, {
          ledger: caseId,
          outbox: outboxSeeds(
            fromNotifications(opened.notifications),
            { caseId, caseNo, category: input.category, mode: input.mode, status: 'applied' },
            now,
          ),
        });
        try {
          await db.collection(COLL.cases).add({ data: { ...doc, pending } });
          return {
            caseId,
            caseNo,
            status: 'applied' as const,
            statusLabel: CASE_STATUS_LABELS.applied,
            unitName,
            agentName: agent?.name ?? null,
            repeated: false,
          };
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
          // the case number was taken today (the error names the index): draw again; otherwise (or
          // when the error does not say) the same request may have committed first (two taps at once)
          if (duplicateKeyIndex(e) !== 'caseNo_unique') {
            const same = await earlier();
            if (same) return same;
          }
          if (attempt >= 5) throw e;
        }
      }
    },
  }),

  listMine: action({
    summary: '我的申请：当前微信用户自己提交的申请，最新的在前',
    roles: ['applicant'],
    input: z.object({}),
    output: z.object({ items: z.array(caseSummarySchema) }),
    async run({ caller, db }) {
      const filter = visibleCasesFilter(db, { id: caller.openid, role: 'applicant' })!;
      // only what a row shows: a case document carries its whole timeline and materials
      const { data } = await db
        .collection(COLL.cases)
        .where(filter)
        .orderBy('submittedAt', 'desc')
        .field(SUMMARY_FIELDS)
        .limit(100)
        .get();
      return {
        items: (data as CaseDoc[]).map((c) => ({
          ...caseSummaryView(c),
          categoryLabel: CATEGORY_LABELS[c.category],
        })),
      };
    },
  }),

  get: action({
    summary:
      '申请详情：状态、责任单位和帮代办员（首问负责，含办公电话）、时限与是否正常、完整办理记录、现在需要我做的事',
    roles: ['applicant'],
    input: caseRef,
    output: z.object({ case: applicantCaseSchema }),
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const doc = (await loadVisibleCase(applicantOnly(ctx), input.caseId)) as ApplicantCase;
      const { db } = ctx;
      const phoneOf = (coll: CollectionName, id: string | null) =>
        id
          ? db
              .collection(coll)
              .doc(id)
              .get()
              .then(
                (r) => ((r.data as { officePhone?: string } | null)?.officePhone ?? null) as string | null,
                () => null,
              )
          : Promise.resolve(null);
      // both agents' office phones in one query: four round trips in all (each tens of ms in the cloud)
      const agentIds = [...new Set([doc.agentId, doc.firstAgentId].filter((x): x is string => !!x))];
      const [{ calendar: cal, settings }, agents, unitPhone] = await Promise.all([
        loadCenterConfig(db),
        agentIds.length
          ? db
              .collection(COLL.staff)
              .where({ _id: db.command.in(agentIds) })
              .field({ officePhone: true })
              .get()
          : Promise.resolve({ data: [] as Record<string, unknown>[] }),
        phoneOf(COLL.units, doc.unitId),
      ]);
      const phoneOfAgent = (id: string | null) =>
        id ? ((agents.data.find((s) => s._id === id)?.officePhone as string | undefined) ?? null) : null;
      return {
        case: applicantCaseView(
          doc,
          cal,
          ctx.now,
          { agentPhone: phoneOfAgent(doc.agentId), firstAgentPhone: phoneOfAgent(doc.firstAgentId), unitPhone },
          settings,
        ),
      };
    },
  }),

  signReceipt: action({
    summary: '签收办结结果：申请人在手机上手写签名，签收办理结果及原始资料（§五(三)）；仅限本人已办结的申请，只签一次',
    roles: ['applicant'],
    input: caseRef.extend({ signatureFileID: signatureFileSchema }),
    output: z.object({ receipt: z.object({ signedAt: z.string() }) }),
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'FILE_REJECTED'],
    async run(ctx, input) {
      await verifyUploads(ctx.caller.openid, [
        {
          path: 'signatureFileID',
          fileID: input.signatureFileID,
          folder: 'signatures',
          allowed: ['image/png', 'image/jpeg'],
        },
      ]);
      return applicantUpdate(ctx, input.caseId, (c) => {
        if (c.status !== 'finished')
          throw new AppError('RULE_REFUSED', '办结后才能签收办理结果', {
            RECEIPT_NOT_FINISHED: '办结后才能签收办理结果',
          });
        if (c.receipt) throw new AppError('RULE_REFUSED', '您已签收过', { RECEIPT_ALREADY_SIGNED: '您已签收过' });
        return {
          patch: { receipt: { signatureFileID: input.signatureFileID, signedAt: ctx.now } },
          answer: { receipt: { signedAt: ctx.now.toISOString() } },
        };
      });
    },
  }),

  sendSupplement: action({
    summary: '上传补正材料：待补正时申请人从手机提交所缺材料，帮代办员核收后恢复计时',
    roles: ['applicant'],
    input: caseRef.extend({ materials: materialsSchema.min(1, '请至少上传一个文件') }),
    output: z.object({ sentAt: z.string(), count: z.number() }),
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'FILE_REJECTED'],
    async run(ctx, input) {
      const stored = await verifyUploads(
        ctx.caller.openid,
        input.materials.map((m, i) => ({
          path: `materials.${i}`,
          fileID: m.fileID,
          folder: 'materials' as const,
          declared: m.type,
        })),
      );
      return applicantUpdate(ctx, input.caseId, (c) => {
        if (c.status !== 'awaiting_materials')
          throw new AppError('RULE_REFUSED', '当前不需要补正材料', { NOT_AWAITING_MATERIALS: '当前不需要补正材料' });
        const materials = [
          ...(c.materials ?? []),
          ...input.materials.map((m, i) => ({
            ...m,
            size: stored[i].size,
            type: stored[i].type,
            at: ctx.now,
            supplement: true,
          })),
        ];
        if (materials.length > 40)
          throw new AppError('INVALID_INPUT', '材料太多，请合并后上传', { materials: '一条申请最多40个文件' });
        return {
          patch: { materials, supplementSentAt: ctx.now },
          answer: { sentAt: ctx.now.toISOString(), count: input.materials.length },
        };
      });
    },
  }),

  confirmExtension: action({
    summary: '确认已知晓延长服务时限（帮代办员已解释说明，§五(三)）',
    roles: ['applicant'],
    input: caseRef.extend({ seq: z.number().int().min(1) }),
    output: z.object({ confirmed: z.number() }),
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      return applicantUpdate(ctx, input.caseId, (c) => {
        if (!c.timeline.some((e) => e.seq === input.seq && e.action === 'extend'))
          throw new AppError('RULE_REFUSED', '没有这次延期记录', { EXTENSION_NOT_FOUND: '没有这次延期记录' });
        const confirmations = [...new Set([...(c.extensionConfirmations ?? []), input.seq])];
        return { patch: { extensionConfirmations: confirmations }, answer: { confirmed: input.seq } };
      });
    },
  }),

  requestTermination: action({
    summary: '申请终止委托（§二(三) 可随时终止）：记录原因，由帮代办员办理终止手续、移交资料并签字',
    roles: ['applicant'],
    input: caseRef.extend({ reason: z.string().trim().min(2, '请简单写明原因').max(200, '原因不超过200字') }),
    output: z.object({ terminationRequest: z.object({ reason: z.string(), at: z.string() }) }),
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      return applicantUpdate(ctx, input.caseId, (c) => {
        if (c.status === 'applied')
          throw new AppError('RULE_REFUSED', '尚未受理的申请可以直接撤回', {
            USE_WITHDRAW: '尚未受理的申请可以直接撤回',
          });
        if (!OPEN_STATUSES.includes(c.status))
          throw new AppError('RULE_REFUSED', '这条申请已经结束', { CASE_ENDED: '这条申请已经结束' });
        if (c.terminationRequest)
          throw new AppError('RULE_REFUSED', '您已申请终止，请等待帮代办员联系', {
            ALREADY_REQUESTED: '您已申请终止，请等待帮代办员联系',
          });
        const terminationRequest = { reason: input.reason, at: ctx.now };
        return {
          patch: { terminationRequest },
          answer: { terminationRequest: { reason: input.reason, at: ctx.now.toISOString() } },
        };
      });
    },
  }),

  withdraw: action({
    summary: '撤回尚未受理的申请（§二(三) 自愿：申请人可随时终止委托）',
    roles: ['applicant'],
    input: caseRef.extend({ version: z.number().int().min(1), reason: z.string().trim().max(200).optional() }),
    output: z.object({ status: z.enum(CASE_STATUSES), statusLabel: z.string(), version: z.number() }),
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_REFUSED'],
    async run(ctx, input) {
      const { doc } = await transitionCase(applicantOnly(ctx), input.caseId, input.version, {
        type: 'withdraw',
        reason: input.reason,
      });
      return { status: doc.status, statusLabel: CASE_STATUS_LABELS[doc.status], version: doc.version };
    },
  }),
} satisfies ActionTable<Database>;
