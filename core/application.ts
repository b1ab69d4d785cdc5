import { z } from 'zod';
import { beijingDate } from './beijing-time';
import { OPEN_STATUSES, type CaseStatus } from './case-status';
import { allow, refuse, type Decision } from './result';
import { APPLICANT_TYPES, CATEGORIES, SERVICE_MODES } from './scope';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/** Mainland mobile numbers; landlines with area code are accepted for the elderly without mobiles. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * 帮办代办申请表, the minimal version: what a first contact needs, nothing more (PIPL). Unknown keys
 * are stripped, so a forged `openid` or `role` in the payload is simply ignored.
 */
export const submitApplicationInput = z.object({
  category: z.enum(CATEGORIES, { message: '请选择办理事项的类别' }),
  applicantType: z.enum(APPLICANT_TYPES, { message: '请选择申请人类型' }),
  mode: z.enum(SERVICE_MODES, { message: '请选择帮办或代办' }),
  matter: z.string().trim().min(2, '请简要说明要办理的事项').max(200, '事项说明不超过200字'),
  contactName: z.string().trim().min(1, '请填写联系人姓名').max(20, '姓名不超过20字'),
  contactPhone: z.string().trim().regex(PHONE, '请填写正确的手机号或带区号的固定电话'),
});

export type SubmitApplicationInput = z.infer<typeof submitApplicationInput>;

/** What the submission limits look at: the applicant's open cases and today's submissions. */
export interface OwnApplication {
  status: CaseStatus;
  submittedAt: Date | string;
}

/**
 * Limits on one WeChat user's applications (settings.applications): so many open at once, so many
 * submitted per Beijing day (withdrawn ones count, so submit → withdraw cycles stop too). Refused
 * with a sentence that says what to do instead.
 */
export function checkApplicationLimits(
  mine: readonly OwnApplication[],
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): Decision<null> {
  const { maxOpenPerApplicant, maxSubmissionsPerDay } = settings.applications;
  const open = mine.filter((c) => OPEN_STATUSES.includes(c.status)).length;
  if (open >= maxOpenPerApplicant) {
    return refuse(
      'TOO_MANY_OPEN_APPLICATIONS',
      `您已有${open}件申请正在办理，每人最多同时办理${maxOpenPerApplicant}件。请等已有的申请办结后再提交；如有急事，请拨打政务服务中心热线。`,
      { open, max: maxOpenPerApplicant },
    );
  }
  const today = beijingDate(now);
  const submittedToday = mine.filter((c) => beijingDate(new Date(c.submittedAt)) === today).length;
  if (submittedToday >= maxSubmissionsPerDay) {
    return refuse(
      'TOO_MANY_SUBMISSIONS_TODAY',
      `您今天已提交${submittedToday}件申请，每人每天最多提交${maxSubmissionsPerDay}件，请明天再提交；如有急事，请拨打政务服务中心热线。`,
      { today: submittedToday, max: maxSubmissionsPerDay },
    );
  }
  return allow(null);
}
