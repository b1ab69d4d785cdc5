import { z } from 'zod';
import { CASE_STATUS_LABELS, CASE_STATUSES, OPEN_STATUSES } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { transitionCase } from '../shared/cases';
import { materialsSchema, signatureFileSchema } from '../shared/applicant';
import { verifyUploads } from '../shared/uploads';
import { caseRef, applicantOnly, applicantUpdate } from './common';

export const ownCaseActions = {
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
