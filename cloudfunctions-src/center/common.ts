import type { StaffDoc } from '../shared/db/documents';
import { COLL } from '../shared/db';
import crypto from 'node:crypto';
import { z } from 'zod';
import {
  INDUSTRIES,
  MESSAGE_FIELDS,
  ROLE_LABELS,
  STAFF_ROLES,
  TEMPLATE_PURPOSES,
  type Industry,
  type TemplatePurpose,
} from '../../core';
import { AppError, type ActionContext } from '../shared/action';
import type { Database, Transaction } from '../shared/cloud';

/**
 * The center's side of the workbench: staff binding by one-time invite codes, staff and role
 * changes, units and their industries, settings. Every change writes an `audit` entry (who, when,
 * what, before, after) in the same transaction as the change itself.
 */

/** Roles an invite can carry: the three core roles, and the center administrator (a center binding with admin). */
export const INVITE_ROLES = ['agent', 'leader', 'center', 'admin'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];
export const INVITE_ROLE_LABELS: Record<InviteRole, string> = {
  agent: ROLE_LABELS.agent,
  leader: ROLE_LABELS.leader,
  center: '中心工作人员',
  admin: '中心管理员',
};

export const INVITE_DAYS = 7;
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const id = z.string().trim().min(1).max(64);
export const name = z.string().trim().min(1, '请填写姓名').max(20, '不超过20字');

export function requireAdmin(ctx: ActionContext<Database>): StaffDoc {
  const s = ctx.caller.staff as StaffDoc | null;
  if (!s || s.role !== 'center' || s.admin !== true)
    throw new AppError('FORBIDDEN', '只有政务服务中心管理员可以修改设置和人员');
  return s;
}

/** One audit entry, written with the change it records. */
export function audit(
  t: Pick<Transaction, 'collection'>,
  ctx: ActionContext<Database>,
  what: string,
  target: { kind: string; id: string },
  before: unknown,
  after: unknown,
) {
  const s = ctx.caller.staff!;
  return t.collection(COLL.audit).add({
    data: {
      at: ctx.now,
      by: { staffId: s._id, name: s.name },
      what,
      target,
      before: before ?? null,
      after: after ?? null,
    },
  });
}

export function newCode(): string {
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export async function loadUnit(
  db: Database,
  unitId: string,
): Promise<{ _id: string; name: string; kind: string; industries?: Industry[] }> {
  const u = await db
    .collection(COLL.units)
    .doc(unitId)
    .get()
    .then(
      (r) => r.data as { _id: string; name: string; kind: string; industries?: Industry[] } | null,
      () => null,
    );
  if (!u) throw new AppError('INVALID_INPUT', '请选择单位', { unitId: '没有这个单位' });
  return u;
}

export const staffView = (s: StaffDoc) => ({
  staffId: s._id,
  name: s.name,
  role: s.role,
  roleLabel:
    s.role === 'center' && s.admin
      ? INVITE_ROLE_LABELS.admin
      : s.role === 'center'
        ? INVITE_ROLE_LABELS.center
        : ROLE_LABELS[s.role],
  admin: s.admin === true,
  unitId: s.unitId,
  unitName: s.unitName,
  onDuty: s.onDuty === true,
  active: s.active === true,
});

export function strip<T extends object>(doc: T | null): Omit<T, '_id'> | null {
  if (!doc) return null;

  const { _id, ...rest } = doc as T & { _id?: string };
  return rest;
}

/** What an audit entry is about (target.kind), for the audit screen's filter, and each change in words. */
export const AUDIT_KINDS = [
  'settings',
  'calendar',
  'serviceItem',
  'unit',
  'staff',
  'invite',
  'subscribeTemplate',
  'case',
  'booking',
] as const;
export const AUDIT_LABELS: Record<string, string> = {
  'settings.save': '修改设置',
  'calendar.override': '节假日调整',
  'calendar.year': '录入全年节假日安排',
  'serviceItem.save': '服务事项与承诺时限',
  'unit.save': '单位及归口行业',
  'staff.update': '调整工作人员',
  'staff.unbind': '解绑工作人员',
  'staff.bind': '绑定工作人员',
  'invite.create': '发放邀请码',
  'invite.revoke': '作废邀请码',
  'subscribeTemplate.save': '订阅消息模板',
  // workbench.revealContact: who saw an applicant's full phone number, and when
  'contact.reveal': '查看申请人电话',
};

export const SETTINGS_SECTIONS = [
  'calendar',
  'lifecycle',
  'applications',
  'booking',
  'rating',
  'routing',
  'location',
] as const;

export interface ServiceItem {
  itemId: string;
  name: string;
  unitId: string;
  window: string;
  committedWorkingDays: number;
  /** 材料清单: what the applicant brings or uploads for this matter, one item a line (shown on the application form and the case) */
  materials?: string[];
}
export const serviceItemSchema = z.object({
  itemId: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, '编号只能包含小写字母、数字和连字符'),
  name: z.string().trim().min(1, '请填写事项名称').max(60),
  unitId: id,
  window: z.string().trim().min(1, '请填写办理窗口').max(60),
  committedWorkingDays: z.number().int().min(0).max(365),
  materials: z
    .array(z.string().trim().min(1, '材料名称不能为空').max(80, '每项材料不超过80字'))
    .max(30, '材料清单最多30项')
    .default([]),
});

// what the center's screens are answered (times as ISO strings)
export const staffViewSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  roleLabel: z.string(),
  admin: z.boolean(),
  unitId: z.string(),
  unitName: z.string(),
  onDuty: z.boolean(),
  active: z.boolean(),
});
export const industryOption = z.object({ industry: z.enum(INDUSTRIES), label: z.string() });
export const dayOverrideSchema = z.object({
  date: z.string(),
  working: z.boolean(),
  name: z.string(),
  regional: z.boolean().optional(),
});
export const serviceItemOutput = z.object({
  itemId: z.string(),
  name: z.string(),
  unitId: z.string(),
  window: z.string(),
  committedWorkingDays: z.number(),
  materials: z.array(z.string()).optional(),
});
export const TEMPLATE_PURPOSE_KEYS = Object.keys(TEMPLATE_PURPOSES) as [TemplatePurpose, ...TemplatePurpose[]];
export const keywordsSchema = z.partialRecord(z.enum(MESSAGE_FIELDS), z.string());
