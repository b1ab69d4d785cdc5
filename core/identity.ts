import { beijingDate, isCivilDate } from './beijing-time';
import { allow, refuse, type Decision } from './result';

/**
 * Identifiers the center checks before it keeps them: 居民身份证号 (GB 11643-1999), 统一社会信用代码
 * (GB 32100-2015) and mainland mobile numbers. A check digit catches nearly every mistyped digit,
 * which matters when an agent copies a number from a paper form for an elderly applicant.
 */

export const IDENTITY_MESSAGES = {
  ID_NUMBER_FORMAT: '身份证号应为18位，前17位为数字，最后一位为数字或X。',
  ID_NUMBER_REGION: '身份证号前两位不是有效的省级行政区划代码。',
  ID_NUMBER_BIRTH_DATE: '身份证号中的出生日期不正确。',
  ID_NUMBER_CHECK_DIGIT: '身份证号校验位不正确，请核对是否输错。',
  USCC_FORMAT: '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）。',
  USCC_CHECK_CHARACTER: '统一社会信用代码校验位不正确，请核对是否输错。',
  MOBILE_FORMAT: '请填写11位手机号码（1开头）。',
} as const;

export type IdentityErrorCode = keyof typeof IDENTITY_MESSAGES;

// ─── 居民身份证号 GB 11643-1999 ───────────────────────────────────────────────────────────────────

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** first two digits: province-level divisions (GB/T 2260), incl. 71 Taiwan, 81 Hong Kong, 82 Macao */
const ID_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
]);

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export interface ResidentIdInfo {
  /** normalized: trimmed, lower-case x made upper-case */
  idNumber: string;
  birthDate: string;
  /** the 17th digit: odd for men, even for women */
  sex: 'male' | 'female';
  regionCode: string;
}

/** Validates an 18-digit 居民身份证号; `today` bounds the birth date (time comes from the caller). */
export function validateResidentId(input: string, today?: Date): Decision<ResidentIdInfo, IdentityErrorCode> {
  const id = String(input ?? '')
    .trim()
    .toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return refuse('ID_NUMBER_FORMAT', IDENTITY_MESSAGES.ID_NUMBER_FORMAT);
  if (!ID_PROVINCES.has(Number(id.slice(0, 2)))) return refuse('ID_NUMBER_REGION', IDENTITY_MESSAGES.ID_NUMBER_REGION);
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const tooEarly = Number(id.slice(6, 10)) < 1900;
  const inFuture = today !== undefined && birth > beijingDate(today);
  if (!isCivilDate(birth) || tooEarly || inFuture)
    return refuse('ID_NUMBER_BIRTH_DATE', IDENTITY_MESSAGES.ID_NUMBER_BIRTH_DATE);
  if (idNumberCheckDigit(id) !== id[17])
    return refuse('ID_NUMBER_CHECK_DIGIT', IDENTITY_MESSAGES.ID_NUMBER_CHECK_DIGIT);
  return allow({
    idNumber: id,
    birthDate: birth,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  });
}

export function isResidentId(input: string): boolean {
  return validateResidentId(input).ok;
}

// ─── 统一社会信用代码 GB 32100-2015 ──────────────────────────────────────────────────────────────

/** The 31 characters of the code: digits and capitals without I, O, Z, S, V. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character: 31 − (Σ value × 3^i mod 31) mod 31. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export interface UsccInfo {
  uscc: string;
  /** 登记管理部门代码, e.g. 9 for 市场监督管理 (工商) */
  authority: string;
  /** 机构类别代码, e.g. 1 企业 */
  entityType: string;
  regionCode: string;
}

export function validateUscc(input: string): Decision<UsccInfo, IdentityErrorCode> {
  const code = String(input ?? '')
    .trim()
    .toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return refuse('USCC_FORMAT', IDENTITY_MESSAGES.USCC_FORMAT);
  if (usccCheckCharacter(code) !== code[17])
    return refuse('USCC_CHECK_CHARACTER', IDENTITY_MESSAGES.USCC_CHECK_CHARACTER);
  return allow({ uscc: code, authority: code[0], entityType: code[1], regionCode: code.slice(2, 8) });
}

export function isUscc(input: string): boolean {
  return validateUscc(input).ok;
}

// ─── Mainland mobile numbers ─────────────────────────────────────────────────────────────────────

/** 11 digits starting 13–19; +86/0086 and spaces or hyphens are tolerated and removed. */
export function validateMobile(input: string): Decision<string, IdentityErrorCode> {
  const digits = String(input ?? '')
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^(\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? allow(digits) : refuse('MOBILE_FORMAT', IDENTITY_MESSAGES.MOBILE_FORMAT);
}

export function isMobile(input: string): boolean {
  return validateMobile(input).ok;
}
