import { randomUUID } from 'node:crypto';
import type { CloudBase } from '../../local-cloud/src';
import { idNumberCheckDigit, usccCheckCharacter } from '../../core';
import { call } from './app';

/** Valid-by-check-digit numbers for tests (invented, not real people or companies). */
export const PERSON_ID = '65282819550312002' + idNumberCheckDigit('65282819550312002');
export const ENTERPRISE_USCC = '91652828MA78K3L2P' + usccCheckCharacter('91652828MA78K3L2P');

/** The applicant agrees to the 用户隐私保护指引 (required before any application). */
export async function agreePrivacy(cloud: CloudBase, openid: string): Promise<void> {
  const status = await call(cloud, 'applicant', { action: 'privacyStatus', input: {} }, openid);
  if (!status.ok) throw new Error(status.message);
  const r = await call(cloud, 'applicant', { action: 'agreePrivacy', input: { version: status.data.version } }, openid);
  if (!r.ok) throw new Error(r.message);
}

/**
 * A complete 帮办代办申请表 for the minimal form the older tests send: identity, category details,
 * a request id and for 代办 a signed mandate, filled in with valid demo values.
 */
export function fullApplication(form: Record<string, unknown>): Record<string, unknown> {
  const person = form.applicantType === 'person';
  const details: Record<string, Record<string, unknown>> = {
    livelihood: { specialGroups: ['mobility_impaired'] },
    enterprise: { enterpriseMatter: 'establishment' },
    investment: { projectName: '农产品加工项目', investmentWan: 1200, approvalLevel: 'county' },
    major: { projectName: '重点项目', annualPlans: ['county'] },
  };
  return {
    requestId: randomUUID(),
    applicantName: form.contactName,
    ...(person ? { idNumber: PERSON_ID } : { uscc: ENTERPRISE_USCC }),
    details: details[String(form.category)] ?? {},
    ...(form.mode === 'proxy' ? { mandate: { text: '本人委托帮代办员代为办理上述事项，委托期限至办结为止。', signatureFileID: 'cloud://bangban-local.test/signatures/test.png' } } : {}),
    ...form,
  };
}

/** Consents (once) and submits; answers the function's answer. */
export async function submitAs(cloud: CloudBase, openid: string, form: Record<string, unknown>) {
  await agreePrivacy(cloud, openid);
  return call(cloud, 'cases', { action: 'submit', input: fullApplication(form) }, openid);
}
