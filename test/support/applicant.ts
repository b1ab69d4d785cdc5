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
    // every fixture is within §三: the server refuses anything else (issue 15)
    livelihood: { specialGroups: ['mobility_impaired'], livelihoodPublicService: true },
    enterprise: { enterpriseMatter: 'establishment' },
    investment: {
      projectName: '农产品加工项目',
      investmentWan: 1200,
      approvalLevel: 'county',
      fitsIndustrialPolicy: true,
    },
    major: { projectName: '重点项目', annualPlans: ['county'] },
  };
  return {
    requestId: randomUUID(),
    applicantName: form.contactName,
    ...(person ? { idNumber: PERSON_ID } : { uscc: ENTERPRISE_USCC }),
    details: details[String(form.category)] ?? {},
    ...(form.mode === 'proxy'
      ? {
          mandate: {
            text: '本人委托帮代办员代为办理上述事项，委托期限至办结为止。',
            signatureFileID: 'cloud://bangban-local.test/signatures/test.png',
          },
        }
      : {}),
    ...form,
  };
}

/** A real (1×1) PNG and a tiny PDF, as a phone would upload them. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let uploads = 0;
/**
 * Puts a file into the test cloud's storage the way the phone does: under the folder the cases
 * function gives this WeChat user (cases.uploadFolder). Answers its fileID.
 */
export async function uploadAs(
  cloud: CloudBase,
  openid: string,
  folder: 'materials' | 'signatures',
  bytes: Buffer,
  ext = 'png',
): Promise<string> {
  const r = await call(cloud, 'cases', { action: 'uploadFolder', input: {} }, openid);
  if (!r.ok) throw new Error(r.message);
  const cloudPath = `${r.data[folder]}test-${++uploads}.${ext}`;
  cloud.storage.put(cloudPath, bytes);
  return cloud.storage.fileId(cloudPath);
}

/** fullApplication with a real signature uploaded by `openid` for a 代办 mandate. */
export async function signedApplication(
  cloud: CloudBase,
  openid: string,
  form: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const input = fullApplication(form);
  if (input.mandate)
    input.mandate = {
      ...(input.mandate as object),
      signatureFileID: await uploadAs(cloud, openid, 'signatures', PNG_BYTES),
    };
  return input;
}

/** A signature drawn on a staff device at the desk (uploaded by that staff member), for 受理. */
export const deskSignature = (cloud: CloudBase, staffOpenid: string) =>
  uploadAs(cloud, staffOpenid, 'signatures', PNG_BYTES);

/** Consents (once) and submits; answers the function's answer. */
export async function submitAs(cloud: CloudBase, openid: string, form: Record<string, unknown>) {
  await agreePrivacy(cloud, openid);
  return call(cloud, 'cases', { action: 'submit', input: await signedApplication(cloud, openid, form) }, openid);
}
