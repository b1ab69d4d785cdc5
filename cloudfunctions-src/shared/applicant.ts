import { COLL } from './db';
import { z } from 'zod';
import {
  createWorkCalendar,
  DEFAULT_SETTINGS,
  resolveSettings,
  type CenterCalendar,
  type Settings,
  type WorkCalendar,
} from '../../core';
import { AppError } from './action';
import type { Database } from './cloud';
import { FILE_LIMITS } from './uploads';

/**
 * What the applicant side of several functions shares: the privacy notice version, the consent
 * check, uploaded-file metadata rules and the center's settings.
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

/** The center's settings (collection settings, document "center"), completed with defaults. */
export async function loadSettings(db: Database): Promise<Settings> {
  const stored = await db
    .collection(COLL.settings)
    .doc('center')
    .get()
    .then(
      (r) => r.data as Record<string, unknown> | null,
      () => null,
    );
  return settingsOf(stored);
}

export function settingsOf(stored: Record<string, unknown> | null | undefined): Settings {
  if (!stored) return DEFAULT_SETTINGS;
  const { _id, ...rest } = stored;
  const resolved = resolveSettings(rest);
  return resolved.ok ? resolved.value : DEFAULT_SETTINGS;
}

/**
 * The center's settings and its working calendar in ONE database round trip (both live in the
 * `settings` collection): the actions an applicant waits for need both and have four round trips.
 */
export async function loadCenterConfig(db: Database): Promise<{ settings: Settings; calendar: WorkCalendar }> {
  const { data } = await db
    .collection(COLL.settings)
    .where({ _id: db.command.in(['center', 'calendar']) })
    .limit(2)
    .get();
  const byId = new Map(data.map((d) => [String(d._id), d]));
  const { _id, ...calendar } = (byId.get('calendar') ?? {}) as Record<string, unknown>;
  return {
    settings: settingsOf(byId.get('center')),
    calendar: createWorkCalendar(byId.has('calendar') ? (calendar as unknown as CenterCalendar) : {}),
  };
}
