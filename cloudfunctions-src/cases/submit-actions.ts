import { COLL, duplicateKeyIndex, isDuplicateKey, type CollectionName } from '../shared/db';
import { z } from 'zod';
import {
  assessApplication,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CATEGORY_LABELS,
  checkApplicationLimits,
  openCase,
  pickAgent,
  refusalNotice,
  responsibleUnit,
} from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { loadVisibleCase, visibleCasesFilter } from '../shared/cases';
import { unitRoster } from '../shared/roster';
import { caseSummarySchema, caseSummaryView, SUMMARY_FIELDS } from '../shared/views';
import { fromNotifications } from '../shared/outbox';
import { outboxSeeds, pendingForInsert } from '../shared/effects';
import { consentRequired } from '../shared/applicant';
import { loadCenterConfig } from '../shared/config';
import { applicantCaseSchema, applicantCaseView } from './applicant-view';
import { submitInput } from './schemas';
import { uploadFolders, verifyUploads } from '../shared/uploads';
import { requestFingerprint } from '../shared/idempotency';
import { newCaseNo, newCaseId, caseRef, callerFacts, applicantOnly } from './common';
import type { ApplicantCase, CaseDoc } from '../shared/db';

export const submitActions = {
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
} satisfies ActionTable<Database>;
