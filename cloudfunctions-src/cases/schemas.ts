import { z } from 'zod';
import {
  APPROVAL_LEVELS,
  ENTERPRISE_MATTERS,
  EXCLUDED_PROJECT_KINDS,
  MAJOR_PLAN_LEVELS,
  SPECIAL_GROUPS,
  submitApplicationInput,
  validateResidentId,
  validateUscc,
} from '../../core';
import { materialsSchema, signatureFileSchema } from '../shared/applicant';

/** Category-specific answers of the 帮办代办申请表; which ones apply depends on the category. */
export const detailsSchema = z
  .object({
    specialGroups: z.array(z.enum(SPECIAL_GROUPS)).max(SPECIAL_GROUPS.length).optional(),
    enterpriseMatter: z.enum(ENTERPRISE_MATTERS, { message: '请选择企业事项' }).optional(),
    projectName: z.string().trim().max(100, '项目名称不超过100字').optional(),
    investmentWan: z
      .number({ message: '请填写投资额（万元）' })
      .min(0, '投资额不能为负数')
      .max(100_000_000, '投资额过大，请核对')
      .optional(),
    approvalLevel: z.enum(APPROVAL_LEVELS, { message: '请选择审批层级' }).optional(),
    excludedKinds: z.array(z.enum(EXCLUDED_PROJECT_KINDS)).max(EXCLUDED_PROJECT_KINDS.length).optional(),
    annualPlans: z.array(z.enum(MAJOR_PLAN_LEVELS)).max(MAJOR_PLAN_LEVELS.length).optional(),
    // §三 answers the self-check asks too (core ScopeAnswers); unanswered yes/no questions count as no
    livelihoodPublicService: z.boolean().optional(),
    newlyRegistered: z.boolean().optional(),
    relatedToCoveredMatter: z.boolean().optional(),
    fitsIndustrialPolicy: z.boolean().optional(),
    keySupervised: z.boolean().optional(),
    designatedByCountyGovernment: z.boolean().optional(),
  })
  .strip();

/**
 * The full 帮办代办申请表 as the phone sends it: the core's minimal form plus who the applicant is
 * (身份证号 or 统一社会信用代码, checked with their check digits), the category's answers, the
 * uploaded materials' metadata, for 代办 the mandate text and signature, 告知承诺, and a request id
 * the phone generates once per form so a double tap or a retry makes one case.
 */
export const submitInput = submitApplicationInput
  .extend({
    requestId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'),
    applicantName: z.string().trim().min(1, '请填写申请人姓名或企业名称').max(60, '名称不超过60字'),
    idNumber: z.string().trim().optional(),
    uscc: z.string().trim().optional(),
    details: detailsSchema.default({}),
    materials: materialsSchema.default([]),
    mandate: z
      .object({
        text: z.string().trim().min(10, '请确认委托书内容').max(2000, '委托书不超过2000字'),
        signatureFileID: signatureFileSchema,
      })
      .optional(),
    commitment: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.applicantType === 'person') {
      const r = validateResidentId(input.idNumber ?? '', new Date());
      if (!r.ok)
        ctx.addIssue({ code: 'custom', path: ['idNumber'], message: input.idNumber ? r.message : '请填写身份证号' });
    } else {
      const r = validateUscc(input.uscc ?? '');
      if (!r.ok)
        ctx.addIssue({ code: 'custom', path: ['uscc'], message: input.uscc ? r.message : '请填写统一社会信用代码' });
    }
    if (input.mode === 'proxy' && !input.mandate)
      ctx.addIssue({ code: 'custom', path: ['mandate'], message: '代办须签署代办服务委托书' });
    // the questions the self-check also insists on; the answers themselves are judged by §三 (cases.submit)
    const d = input.details;
    if (input.category === 'livelihood' && d.livelihoodPublicService === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['details', 'livelihoodPublicService'],
        message: '请回答是否为民生保障类事项',
      });
    if (input.category === 'enterprise' && !d.enterpriseMatter)
      ctx.addIssue({ code: 'custom', path: ['details', 'enterpriseMatter'], message: '请选择企业事项' });
    if (input.category === 'investment' && d.investmentWan === undefined)
      ctx.addIssue({ code: 'custom', path: ['details', 'investmentWan'], message: '请填写投资额（万元）' });
    if (input.category === 'investment' && !d.approvalLevel)
      ctx.addIssue({ code: 'custom', path: ['details', 'approvalLevel'], message: '请选择审批层级' });
    if (input.category === 'investment' && d.fitsIndustrialPolicy === undefined)
      ctx.addIssue({ code: 'custom', path: ['details', 'fitsIndustrialPolicy'], message: '请回答是否符合产业政策' });
    if ((input.category === 'investment' || input.category === 'major') && !d.projectName)
      ctx.addIssue({ code: 'custom', path: ['details', 'projectName'], message: '请填写项目名称' });
  });
export type SubmitInput = z.infer<typeof submitInput>;
