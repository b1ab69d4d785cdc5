import { COLL } from './db';
import { z } from 'zod';
import { AppError } from './action';
import type { Database } from './cloud';
import { FILE_LIMITS } from './uploads';

/**
 * What the applicant side of several functions shares: the privacy notice version, the consent
 * check and uploaded-file metadata rules (the center's settings: shared/config.ts).
 */

/** Bump when the 用户隐私保护指引 text changes: everyone is asked again. */
export const PRIVACY_VERSION = '2026-11-01';

export async function hasConsent(db: Database, openid: string): Promise<boolean> {
  const doc = await db
    .collection(COLL.consents)
    .doc(openid)
    .get()
    .then(
      (r) => r.data as { version?: string } | null,
      () => null,
    );
  return doc?.version === PRIVACY_VERSION;
}

/** No personal data is kept for someone who has not agreed to the current 用户隐私保护指引. */
export async function requireConsent(db: Database, openid: string): Promise<void> {
  if (!(await hasConsent(db, openid))) throw consentRequired();
}

export const consentRequired = () =>
  new AppError('RULE_REFUSED', '请先阅读并同意《用户隐私保护指引》', {
    PRIVACY_CONSENT_REQUIRED: '请先阅读并同意《用户隐私保护指引》',
  });

export { FILE_LIMITS };
export const MAX_FILES = 20;

const cloudFile = (folder: string) =>
  z
    .string()
    .trim()
    .max(500)
    .regex(new RegExp(`^cloud://[^/\\s]+/${folder}/[^\\s]+$`), '文件未上传成功，请重新上传');

export const materialSchema = z
  .object({
    fileID: cloudFile('materials'),
    name: z.string().trim().min(1, '缺少文件名').max(100, '文件名不超过100字'),
    size: z.number().int().min(1, '文件是空的'),
    type: z.enum(Object.keys(FILE_LIMITS) as [keyof typeof FILE_LIMITS, ...(keyof typeof FILE_LIMITS)[]], {
      message: '只能上传 JPG、PNG 照片或 PDF 文件',
    }),
  })
  .superRefine((m, ctx) => {
    const limit = FILE_LIMITS[m.type];
    if (limit && m.size > limit)
      ctx.addIssue({
        code: 'custom',
        path: ['size'],
        message: `${m.type === 'application/pdf' ? 'PDF 文件' : '照片'}不能超过 ${limit / 1024 / 1024} MB`,
      });
  });
export type Material = z.infer<typeof materialSchema>;

export const signatureFileSchema = cloudFile('signatures');

export const materialsSchema = z.array(materialSchema).max(MAX_FILES, `最多上传${MAX_FILES}个文件`);
