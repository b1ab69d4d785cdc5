import { AppError } from './result';
import { isMessageKey, translate, type Lang, type MessageKey } from '../i18n';

/**
 * A failure below the function's own answer: network, gateway, or the platform's
 * `cloud.callFunction:fail` (which carries a numeric or string errCode).
 */
export class CloudCallError extends Error {
  readonly errCode: string | number;

  constructor(errCode: string | number, message: string) {
    super(message);
    this.name = 'CloudCallError';
    this.errCode = errCode;
  }
}

const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);

const CODE_TEXT: Record<string, MessageKey> = {
  NETWORK: 'error.NETWORK',
  FORBIDDEN: 'error.FORBIDDEN',
  UNAUTHORIZED: 'error.FORBIDDEN',
  NOT_FOUND: 'error.NOT_FOUND',
  INVALID_INPUT: 'error.INVALID_INPUT',
};

/**
 * One readable sentence in the reader's language for any error a page may meet, so no page shows a
 * stack trace or an English platform message to a citizen. The code stays visible for staff. The
 * functions answer in Chinese: a Uyghur reader gets the rule's words by its code (dictionary `error.*`),
 * or else our sentence with the server's own words after it (someone at hand can read them out).
 */
export function describeError(err: unknown, lang: Lang = 'zh'): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  if (err instanceof AppError) {
    const known = CODE_TEXT[err.code];
    if (lang === 'zh')
      return hasChinese(err.message) ? err.message : known ? t(known) : t('error.failed', { code: err.code });
    // a rule the server named (its code, or a rule code among the fields) says itself in the reader's words
    const rule = [...Object.keys(err.fields), ...(known ? [] : [err.code])].map((c) => `error.${c}`).find(isMessageKey);
    if (rule) return t(rule);
    const ours = known ? t(known) : t('error.failed', { code: err.code });
    return hasChinese(err.message) ? `${ours}\n${err.message}` : ours;
  }
  if (err instanceof CloudCallError) {
    const known = CODE_TEXT[String(err.errCode)];
    return known ? t(known) : t('error.unavailable', { code: err.errCode });
  }
  return t('error.unknown');
}

export function isForbidden(err: unknown): boolean {
  const code = err instanceof AppError ? err.code : err instanceof CloudCallError ? String(err.errCode) : '';
  return code === 'FORBIDDEN' || code === 'UNAUTHORIZED';
}
