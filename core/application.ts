import { z } from 'zod';
import { APPLICANT_TYPES, CATEGORIES, SERVICE_MODES } from './scope';

/** Mainland mobile numbers; landlines with area code are accepted for the elderly without mobiles. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * 帮办代办申请表, the minimal version: what a first contact needs, nothing more (PIPL). Unknown keys
 * are stripped, so a forged `openid` or `role` in the payload is simply ignored.
 */
export const submitApplicationInput = z
  .object({
    category: z.enum(CATEGORIES, { message: '请选择办理事项的类别' }),
    applicantType: z.enum(APPLICANT_TYPES, { message: '请选择申请人类型' }),
    mode: z.enum(SERVICE_MODES, { message: '请选择帮办或代办' }),
    matter: z.string().trim().min(2, '请简要说明要办理的事项').max(200, '事项说明不超过200字'),
    contactName: z.string().trim().min(1, '请填写联系人姓名').max(20, '姓名不超过20字'),
    contactPhone: z.string().trim().regex(PHONE, '请填写正确的手机号或带区号的固定电话'),
  });

export type SubmitApplicationInput = z.infer<typeof submitApplicationInput>;
