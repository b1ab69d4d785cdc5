import type { AuditDoc, InviteDoc, StaffDoc } from '../shared/db/documents';
import { COLL, duplicateKeyIndex, isDuplicateKey } from '../shared/db';
import crypto from 'node:crypto';
import { z } from 'zod';
import { pendingForInsert } from '../shared/effects';
import {
  beijingDate,
  buildYearCalendar,
  calendarWarnings,
  calendarYearsView,
  createWorkCalendar,
  CIVIL_DATE_PATTERN,
  INDUSTRIES,
  INDUSTRY_LABELS,
  MESSAGE_FIELDS,
  ROLE_LABELS,
  STAFF_ROLES,
  resolveSettings,
  settingsSchema,
  TEMPLATE_PURPOSES,
  type CenterCalendar,
  type DayOverride,
  type Industry,
  type TemplateConfig,
  type TemplatePurpose,
  type TemplateRegistry,
} from '../../core';
import { registryWith, templateRegistry } from '../shared/outbox';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import { loadSettings, settingsOf } from '../shared/config';
import type { Database, Transaction } from '../shared/cloud';
import { reassignCasesOf } from '../shared/cases';

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

const INVITE_DAYS = 7;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const id = z.string().trim().min(1).max(64);
const name = z.string().trim().min(1, '请填写姓名').max(20, '不超过20字');

function requireAdmin(ctx: ActionContext<Database>): StaffDoc {
  const s = ctx.caller.staff as StaffDoc | null;
  if (!s || s.role !== 'center' || s.admin !== true)
    throw new AppError('FORBIDDEN', '只有政务服务中心管理员可以修改设置和人员');
  return s;
}

/** One audit entry, written with the change it records. */
function audit(
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

function newCode(): string {
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

async function loadUnit(
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

const staffView = (s: StaffDoc) => ({
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

function strip<T extends object>(doc: T | null): Omit<T, '_id'> | null {
  if (!doc) return null;

  const { _id, ...rest } = doc as T & { _id?: string };
  return rest;
}

/** What an audit entry is about (target.kind), for the audit screen's filter, and each change in words. */
const AUDIT_KINDS = [
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
const AUDIT_LABELS: Record<string, string> = {
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

const SETTINGS_SECTIONS = [
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
const serviceItemSchema = z.object({
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
const staffViewSchema = z.object({
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
const industryOption = z.object({ industry: z.enum(INDUSTRIES), label: z.string() });
const dayOverrideSchema = z.object({
  date: z.string(),
  working: z.boolean(),
  name: z.string(),
  regional: z.boolean().optional(),
});
const serviceItemOutput = z.object({
  itemId: z.string(),
  name: z.string(),
  unitId: z.string(),
  window: z.string(),
  committedWorkingDays: z.number(),
  materials: z.array(z.string()).optional(),
});
const TEMPLATE_PURPOSE_KEYS = Object.keys(TEMPLATE_PURPOSES) as [TemplatePurpose, ...TemplatePurpose[]];
const keywordsSchema = z.partialRecord(z.enum(MESSAGE_FIELDS), z.string());

export const actions = {
  // ─── 绑定 ───────────────────────────────────────────────────────────────────────────────────────
  createInvite: action({
    summary: '中心管理员为一个人、一个角色发放一次性邀请码（7天内有效），对方在小程序输入后绑定身份',
    roles: ['center'],
    input: z.object({ name, role: z.enum(INVITE_ROLES), unitId: id }),
    output: z.object({
      code: z.string(),
      expiresAt: z.string(),
      role: z.enum(INVITE_ROLES),
      roleLabel: z.string(),
      unitName: z.string(),
      name: z.string(),
    }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      requireAdmin(ctx);
      const unit = await loadUnit(ctx.db, input.unitId);
      if ((input.role === 'center' || input.role === 'admin') && unit.kind !== 'center')
        throw new AppError('INVALID_INPUT', '中心工作人员须属于政务服务中心', { unitId: '请选择政务服务中心' });
      const code = newCode();
      const doc: Omit<InviteDoc, '_id'> = {
        role: input.role,
        unitId: unit._id,
        unitName: unit.name,
        name: input.name,
        status: 'open',
        createdBy: ctx.caller.staff!._id,
        createdAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + INVITE_DAYS * 86400_000),
        usedAt: null,
        staffId: null,
      };
      await ctx.transaction(async (t) => {
        await t.collection(COLL.invites).doc(code).set({ data: doc });
        await audit(t, ctx, 'invite.create', { kind: 'invite', id: code }, null, {
          name: doc.name,
          role: doc.role,
          unitId: doc.unitId,
        });
      });
      return {
        code,
        expiresAt: doc.expiresAt.toISOString(),
        role: input.role,
        roleLabel: INVITE_ROLE_LABELS[input.role],
        unitName: unit.name,
        name: input.name,
      };
    },
  }),

  listInvites: action({
    summary: '邀请码列表（中心管理员）：未使用、已使用、已作废',
    roles: ['center'],
    input: z.object({ limit: z.number().int().min(1).max(50).default(20), offset: z.number().int().min(0).default(0) }),
    output: z.object({
      items: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          role: z.enum(INVITE_ROLES),
          roleLabel: z.string(),
          unitName: z.string(),
          status: z.enum(['open', 'used', 'revoked', 'expired']),
          statusLabel: z.string(),
          expiresAt: z.string(),
        }),
      ),
      total: z.number(),
    }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      requireAdmin(ctx);
      const [page, total] = await Promise.all([
        ctx.db.collection(COLL.invites).orderBy('createdAt', 'desc').skip(input.offset).limit(input.limit).get(),
        ctx.db.collection(COLL.invites).count(),
      ]);
      const label = { open: '未使用', used: '已使用', revoked: '已作废' } as const;
      return {
        items: (page.data as InviteDoc[]).map((i) => {
          const expired = i.status === 'open' && new Date(i.expiresAt) < ctx.now;
          return {
            code: i._id,
            name: i.name,
            role: i.role,
            roleLabel: INVITE_ROLE_LABELS[i.role],
            unitName: i.unitName,
            status: expired ? ('expired' as const) : i.status,
            statusLabel: expired ? '已过期' : label[i.status],
            expiresAt: new Date(i.expiresAt).toISOString(),
          };
        }),
        total: total.total,
      };
    },
  }),

  revokeInvite: action({
    summary: '作废一个未使用的邀请码（中心管理员）',
    roles: ['center'],
    input: z.object({ code: z.string().trim().toUpperCase().min(4).max(16) }),
    output: z.object({ code: z.string(), status: z.literal('revoked') }),
    errors: ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
    async run(ctx, input) {
      requireAdmin(ctx);
      return ctx.transaction(async (t) => {
        const inv = (
          await t
            .collection(COLL.invites)
            .doc(input.code)
            .get()
            .catch(() => ({ data: null }))
        ).data as InviteDoc | null;
        if (!inv) throw new AppError('NOT_FOUND', '没有这个邀请码');
        // redeemed a moment ago (its "used" mark is still being settled): the staff record tells
        const redeemed = await t
          .collection(COLL.staff)
          .doc(`st-${input.code.toLowerCase()}`)
          .get()
          .then(
            (r) => !!r.data,
            () => false,
          );
        if (inv.status !== 'open' || redeemed) throw new AppError('CONFLICT', '邀请码已使用或已作废');
        await t
          .collection(COLL.invites)
          .doc(input.code)
          .update({ data: { status: 'revoked' } });
        await audit(
          t,
          ctx,
          'invite.revoke',
          { kind: 'invite', id: input.code },
          { status: 'open' },
          { status: 'revoked' },
        );
        return { code: input.code, status: 'revoked' as const };
      });
    },
  }),

  redeemInvite: action({
    summary:
      '输入邀请码绑定工作人员身份：当前微信（OPENID）成为邀请码上的人员和角色；一个码只能用一次，一个微信只能绑定一个在岗身份',
    roles: ['applicant'],
    input: z.object({ code: z.string().trim().toUpperCase().min(4, '请输入邀请码').max(16, '邀请码不正确') }),
    output: z.object({
      staff: z.object({
        name: z.string(),
        role: z.enum(STAFF_ROLES),
        roleLabel: z.string(),
        unitName: z.string(),
      }),
    }),
    errors: ['NOT_FOUND', 'CONFLICT'],
    async run(ctx, input) {
      const openid = ctx.caller.openid;
      const staffId = `st-${input.code.toLowerCase()}`;
      const inv = (
        await ctx.db
          .collection(COLL.invites)
          .doc(input.code)
          .get()
          .catch(() => ({ data: null }))
      ).data as InviteDoc | null;
      if (!inv || inv.status === 'revoked')
        throw new AppError('NOT_FOUND', '邀请码不正确或已作废，请向政务服务中心确认');
      if (inv.status === 'used') throw new AppError('CONFLICT', '这个邀请码已经使用过');
      if (new Date(inv.expiresAt) < ctx.now) throw new AppError('NOT_FOUND', '邀请码已过期，请向政务服务中心重新申请');
      const role = inv.role === 'admin' ? 'center' : inv.role;
      // ONE write: the staff record, whose fixed id (st-<code>) makes a code bind once and whose
      // unique openid index makes a WeChat bind once; the invite's "used" mark and the audit entry
      // ride on it (`pending`) and are settled by the notify timer
      const pending = pendingForInsert(ctx.now, {
        updates: [{ collection: COLL.invites, _id: inv._id, data: { status: 'used', usedAt: ctx.now, staffId } }],
        inserts: [
          {
            collection: COLL.audit,
            _id: `au-bind-${staffId}`,
            data: {
              at: ctx.now,
              by: { staffId, name: inv.name },
              what: 'staff.bind',
              target: { kind: 'staff', id: staffId },
              before: null,
              after: { role: inv.role, unitId: inv.unitId, invite: inv._id },
            },
          },
        ],
      });
      const staff: Omit<StaffDoc, '_id'> = {
        openid,
        name: inv.name,
        role,
        admin: inv.role === 'admin',
        unitId: inv.unitId,
        unitName: inv.unitName,
        onDuty: role === 'agent',
        active: true,
        boundAt: ctx.now,
        unboundAt: null,
      };
      try {
        await ctx.db.collection(COLL.staff).add({ data: { _id: staffId, ...staff, pending } });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        if (duplicateKeyIndex(e) === '_id_') throw new AppError('CONFLICT', '这个邀请码已经使用过');
        throw new AppError('CONFLICT', '这个微信已经绑定了工作人员身份；如需更换，请中心管理员先解绑');
      }
      return { staff: { name: inv.name, role, roleLabel: INVITE_ROLE_LABELS[inv.role], unitName: inv.unitName } };
    },
  }),

  // ─── 人员与角色 ─────────────────────────────────────────────────────────────────────────────────
  listStaff: action({
    summary: '工作人员名单（政务服务中心）：可按单位筛选，含已解绑的',
    roles: ['center'],
    input: z.object({
      unitId: id.optional(),
      includeInactive: z.boolean().default(false),
      limit: z.number().int().min(1).max(100).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ items: z.array(staffViewSchema), total: z.number() }),
    async run(ctx, input) {
      const where: Record<string, unknown> = {};
      if (input.unitId) where.unitId = input.unitId;
      if (!input.includeInactive) where.active = true;
      const [page, total] = await Promise.all([
        ctx.db.collection(COLL.staff).where(where).orderBy('unitId', 'asc').skip(input.offset).limit(input.limit).get(),
        ctx.db.collection(COLL.staff).where(where).count(),
      ]);
      return { items: (page.data as StaffDoc[]).map(staffView), total: total.total };
    },
  }),

  updateStaff: action({
    summary:
      '调整工作人员（中心管理员）：角色、单位、在岗；或解绑（之后这个微信不再有工作人员身份）。记入审计。帮代办员解绑、离岗、调离或改任其他角色时，其在办案件按规则转派给本单位当班的帮代办员（首问负责人不变），无人可接的转责任领导分派',
    roles: ['center'],
    input: z.object({
      staffId: id,
      role: z.enum(INVITE_ROLES).optional(),
      unitId: id.optional(),
      onDuty: z.boolean().optional(),
      unbind: z.boolean().optional(),
      reason: z.string().trim().min(1, '请填写原因').max(200),
    }),
    output: z.object({
      staff: staffViewSchema,
      reassigned: z.object({ moved: z.number(), waiting: z.number(), skipped: z.number() }).nullable(),
    }),
    errors: ['FORBIDDEN', 'NOT_FOUND'],
    async run(ctx, input) {
      const me = requireAdmin(ctx);
      if (input.staffId === me._id && (input.unbind || (input.role && input.role !== 'admin')))
        throw new AppError('INVALID_INPUT', '不能解绑或降低自己的管理员身份', { staffId: '请由另一位管理员操作' });
      const unit = input.unitId ? await loadUnit(ctx.db, input.unitId) : null;
      const changed = await ctx.transaction(async (t) => {
        const s = (
          await t
            .collection(COLL.staff)
            .doc(input.staffId)
            .get()
            .catch(() => ({ data: null }))
        ).data as StaffDoc | null;
        if (!s || !s.active) throw new AppError('NOT_FOUND', '没有这位在岗的工作人员');
        const before = staffView(s);
        const patch: Partial<StaffDoc> & Record<string, unknown> = {};
        if (input.role) {
          patch.role = input.role === 'admin' ? 'center' : input.role;
          patch.admin = input.role === 'admin';
        }
        if (unit) {
          patch.unitId = unit._id;
          patch.unitName = unit.name;
        }
        if ((patch.role ?? s.role) === 'center' && (patch.unitId ?? s.unitId) !== 'center' && unit?.kind !== 'center')
          throw new AppError('INVALID_INPUT', '中心工作人员须属于政务服务中心', { unitId: '请选择政务服务中心' });
        if (input.onDuty !== undefined) patch.onDuty = input.onDuty;
        if (input.unbind) {
          // the openid is released (unique index) but kept for the record in the audit entry
          patch.active = false;
          patch.onDuty = false;
          patch.openid = `unbound:${s._id}:${ctx.now.getTime()}`;
          patch.unboundAt = ctx.now;
        }
        await t.collection(COLL.staff).doc(s._id).update({ data: patch });
        const after = staffView({ ...s, ...patch } as StaffDoc);
        await audit(
          t,
          ctx,
          input.unbind ? 'staff.unbind' : 'staff.update',
          { kind: 'staff', id: s._id },
          { ...before, reason: undefined },
          { ...after, reason: input.reason },
        );
        // an agent who no longer works cases here (unbound, off duty, another unit or role) hands them on
        const leaves =
          s.role === 'agent' &&
          (after.active === false || after.onDuty === false || after.role !== 'agent' || after.unitId !== s.unitId);
        return { staff: after, leaves, what: input.unbind ? '解绑' : input.onDuty === false ? '离岗' : '调整岗位' };
      });
      // after the change has committed, so routing no longer sees this agent as a candidate
      const reassigned = changed.leaves
        ? await reassignCasesOf(ctx, input.staffId, `原帮代办员${changed.what}，按规则转派`)
        : null;
      return { staff: changed.staff, reassigned };
    },
  }),

  // ─── 单位与行业 ─────────────────────────────────────────────────────────────────────────────────
  listUnits: action({
    summary: '单位及其归口行业（工作人员）：用于部门任务、会议和设置',
    roles: ['agent', 'leader', 'center'],
    input: z.object({}),
    output: z.object({
      units: z.array(
        z.object({ unitId: z.string(), name: z.string(), kind: z.string(), industries: z.array(industryOption) }),
      ),
      industries: z.array(industryOption),
    }),
    async run(ctx) {
      const [{ data }, settings] = await Promise.all([
        ctx.db.collection(COLL.units).limit(200).get(),
        loadSettings(ctx.db),
      ]);
      const map = settings.routing.industryDepartments;
      return {
        units: data.map((u) => ({
          unitId: String(u._id),
          name: String(u.name),
          kind: String(u.kind),
          industries: INDUSTRIES.filter((i) => map[i] === u._id).map((industry) => ({
            industry,
            label: INDUSTRY_LABELS[industry],
          })),
        })),
        industries: INDUSTRIES.map((industry) => ({ industry, label: INDUSTRY_LABELS[industry] })),
      };
    },
  }),

  saveUnit: action({
    summary: '新增或修改单位及其归口行业（中心管理员）：行业归口写入路由设置（§四(一)），记入审计',
    roles: ['center'],
    input: z.object({
      unitId: z
        .string()
        .trim()
        .regex(/^[a-z0-9-]{2,32}$/, '单位编号只能包含小写字母、数字和连字符'),
      name: z.string().trim().min(2).max(40),
      kind: z.enum(['center', 'department']),
      industries: z.array(z.enum(INDUSTRIES)).max(INDUSTRIES.length),
    }),
    output: z.object({ unitId: z.string(), name: z.string(), industries: z.array(z.enum(INDUSTRIES)) }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      requireAdmin(ctx);
      const saved = await ctx.transaction(async (t) => {
        const before = (
          await t
            .collection(COLL.units)
            .doc(input.unitId)
            .get()
            .catch(() => ({ data: null }))
        ).data;
        const settingsDoc = (
          await t
            .collection(COLL.settings)
            .doc('center')
            .get()
            .catch(() => ({ data: null }))
        ).data as Record<string, unknown> | null;
        const current = strip(settingsDoc) ?? {};
        const routing = { ...((current.routing as Record<string, unknown>) ?? {}) };
        const map: Record<string, string> = { ...((routing.industryDepartments as Record<string, string>) ?? {}) };
        const beforeIndustries = Object.keys(map).filter((k) => map[k] === input.unitId);
        for (const k of beforeIndustries) delete map[k];
        for (const i of input.industries) map[i] = input.unitId;
        routing.industryDepartments = map;
        await t
          .collection(COLL.units)
          .doc(input.unitId)
          .set({ data: { name: input.name, kind: input.kind } });
        await t
          .collection(COLL.settings)
          .doc('center')
          .set({ data: { ...current, routing } });
        await audit(
          t,
          ctx,
          'unit.save',
          { kind: 'unit', id: input.unitId },
          before ? { name: (before as { name?: string }).name, industries: beforeIndustries } : null,
          { name: input.name, kind: input.kind, industries: input.industries },
        );
        return { unitId: input.unitId, name: input.name, industries: input.industries };
      });
      // staff records carry their unit's name (a new case reads it from its agents: one round trip
      // fewer); a rename reaches them after the unit is saved, and saving again repeats it
      await ctx.db
        .collection(COLL.staff)
        .where({ unitId: input.unitId })
        .update({ data: { unitName: input.name } });
      return saved;
    },
  }),

  // ─── 设置 ───────────────────────────────────────────────────────────────────────────────────────
  getSettings: action({
    summary:
      '中心设置（工作人员可读）：时限、预约窗口（开放时间、延时/错时、名额）、好差评期限、路由；节假日调整；服务事项及承诺时限',
    roles: ['agent', 'leader', 'center'],
    input: z.object({}),
    output: z.object({
      settings: settingsSchema,
      overrides: z.array(dayOverrideSchema),
      calendarYears: z.array(
        z.object({
          year: z.number(),
          source: z.enum(['built_in', 'center', 'missing']),
          periods: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
          makeupWorkdays: z.array(z.object({ date: z.string(), name: z.string() })),
        }),
      ),
      calendarWarnings: z.array(z.object({ code: z.string(), year: z.number(), message: z.string() })),
      serviceItems: z.array(serviceItemOutput),
      subscribeTemplates: z.array(
        z.object({
          purpose: z.enum(TEMPLATE_PURPOSE_KEYS),
          label: z.string(),
          id: z.string().nullable(),
          kind: z.enum(['one-time', 'long-term']).nullable(),
          keywords: keywordsSchema,
          source: z.enum(['settings', 'env', 'none']),
        }),
      ),
      canEdit: z.boolean(),
    }),
    async run(ctx) {
      // the four settings documents in one query (one round trip, not five)
      const { data } = await ctx.db
        .collection(COLL.settings)
        .where({ _id: ctx.db.command.in(['center', 'calendar', 'serviceItems', 'subscribeTemplates']) })
        .limit(4)
        .get();
      const byId = new Map(data.map((d) => [String(d._id), d as Record<string, unknown>]));
      const settings = settingsOf(byId.get('center'));
      const calendar = (byId.get('calendar') ?? null) as CenterCalendar | null;
      const items = (byId.get('serviceItems') ?? null) as { items: ServiceItem[] } | null;
      const saved = (byId.get('subscribeTemplates') ?? null) as { templates?: TemplateRegistry } | null;
      const registry = registryWith(saved);
      const s = ctx.caller.staff as StaffDoc | null;
      const subscribeTemplates = (Object.keys(TEMPLATE_PURPOSES) as TemplatePurpose[]).map((purpose) => {
        const t = registry[purpose];
        return {
          purpose,
          label: TEMPLATE_PURPOSES[purpose],
          id: t?.id ?? null,
          kind: t?.kind ?? null,
          keywords: t?.keywords ?? {},
          source: saved?.templates?.[purpose] ? ('settings' as const) : t ? ('env' as const) : ('none' as const),
        };
      });
      // which years deadlines can be counted in, and what the center still has to enter
      const center = (strip(calendar as never) ?? {}) as CenterCalendar;
      const calendarYears = calendarYearsView(center, beijingDate(ctx.now));
      const warnings = calendarWarnings(createWorkCalendar(center), ctx.now, settings.calendar).map((w) => ({
        code: w.code,
        year: w.year,
        message: w.message,
      }));
      return {
        settings,
        overrides: calendar?.overrides ?? [],
        calendarYears,
        calendarWarnings: warnings,
        serviceItems: items?.items ?? [],
        subscribeTemplates,
        canEdit: s?.role === 'center' && s.admin === true,
      };
    },
  }),

  saveSettings: action({
    summary:
      '修改一组中心设置（中心管理员）：calendar、lifecycle、booking（开放时间、延时/错时窗口、名额）、rating（好差评期限）、routing；按规则校验，记入审计（前后值）',
    roles: ['center'],
    input: z.object({ section: z.enum(SETTINGS_SECTIONS), value: z.record(z.string(), z.unknown()) }),
    output: z.object({ section: z.enum(SETTINGS_SECTIONS), value: z.record(z.string(), z.unknown()) }),
    errors: ['FORBIDDEN', 'RULE_REFUSED'],
    async run(ctx, input) {
      requireAdmin(ctx);
      return ctx.transaction(async (t) => {
        const doc = (
          await t
            .collection(COLL.settings)
            .doc('center')
            .get()
            .catch(() => ({ data: null }))
        ).data as Record<string, unknown> | null;
        const current = strip(doc) ?? {};
        const merged = {
          ...current,
          [input.section]: { ...((current[input.section] as object) ?? {}), ...input.value },
        };
        const checked = resolveSettings(merged);
        if (!checked.ok) {
          const fields = (checked.details?.fields ?? {}) as Record<string, string>;
          throw new AppError('RULE_REFUSED', '设置有误，请按提示修改', fields);
        }
        // store only what the schema knows, so a typo'd key cannot linger
        const clean = settingsSchema.shape[input.section].parse(merged[input.section]);
        await t
          .collection(COLL.settings)
          .doc('center')
          .set({ data: { ...current, [input.section]: clean } });
        await audit(
          t,
          ctx,
          'settings.save',
          { kind: 'settings', id: input.section },
          current[input.section] ?? null,
          clean,
        );
        return { section: input.section, value: clean };
      });
    },
  }),

  saveHolidayOverride: action({
    summary: '节假日调整（中心管理员）：某日放假或上班（如自治区少数民族节日、临时调整）；remove 删除；记入审计',
    roles: ['center'],
    input: z.object({
      date: z.string().regex(CIVIL_DATE_PATTERN, '日期应为 YYYY-MM-DD'),
      working: z.boolean().default(false),
      name: z.string().trim().max(20).default(''),
      regional: z.boolean().default(false),
      remove: z.boolean().default(false),
    }),
    output: z.object({ overrides: z.array(dayOverrideSchema) }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      requireAdmin(ctx);
      if (!input.remove && !input.name) throw new AppError('INVALID_INPUT', '请填写名称', { name: '例如 古尔邦节' });
      return ctx.transaction(async (t) => {
        const doc = (
          await t
            .collection(COLL.settings)
            .doc('calendar')
            .get()
            .catch(() => ({ data: null }))
        ).data as (CenterCalendar & { _id?: string }) | null;
        const current = strip(doc) ?? {};
        const list = (current.overrides ?? []).filter((o) => o.date !== input.date);
        const before = (current.overrides ?? []).find((o) => o.date === input.date) ?? null;
        const next: DayOverride | null = input.remove
          ? null
          : {
              date: input.date,
              working: input.working,
              name: input.name,
              ...(input.regional ? { regional: true } : {}),
            };
        const overrides = [...list, ...(next ? [next] : [])].sort((a, b) => a.date.localeCompare(b.date));
        await t
          .collection(COLL.settings)
          .doc('calendar')
          .set({ data: { ...current, overrides } });
        await audit(t, ctx, 'calendar.override', { kind: 'calendar', id: input.date }, before, next);
        return { overrides };
      });
    },
  }),

  saveYearCalendar: action({
    summary:
      '录入全年法定节假日和调休安排（中心管理员）：chinese-days 尚未收录的年份（如2027年），按国务院办公厅通知逐项填写放假时段和调休上班日；可重新录入更正；记入审计',
    roles: ['center'],
    input: z.object({
      year: z.number().int().min(2000).max(2100),
      periods: z
        .array(
          z.object({
            name: z.string().trim().min(1, '请填写节日名称').max(20),
            from: z.string().regex(CIVIL_DATE_PATTERN, '日期应为 YYYY-MM-DD'),
            to: z.string().regex(CIVIL_DATE_PATTERN, '日期应为 YYYY-MM-DD'),
          }),
        )
        .max(20),
      makeupWorkdays: z
        .array(
          z.object({
            date: z.string().regex(CIVIL_DATE_PATTERN, '日期应为 YYYY-MM-DD'),
            name: z.string().trim().max(20).default(''),
          }),
        )
        .max(20),
    }),
    output: z.object({ year: z.number(), holidays: z.number(), makeupWorkdays: z.number() }),
    errors: ['FORBIDDEN', 'RULE_REFUSED'],
    async run(ctx, input) {
      requireAdmin(ctx);
      const built = buildYearCalendar(input, beijingDate(ctx.now));
      if (!built.ok) throw new AppError('RULE_REFUSED', built.message, { [built.code]: built.message });
      return ctx.transaction(async (t) => {
        const doc = (
          await t
            .collection(COLL.settings)
            .doc('calendar')
            .get()
            .catch(() => ({ data: null }))
        ).data as (CenterCalendar & { _id?: string }) | null;
        const current = strip(doc) ?? {};
        const before = current.years?.[input.year] ?? null;
        await t
          .collection(COLL.settings)
          .doc('calendar')
          .set({ data: { ...current, years: { ...(current.years ?? {}), [input.year]: built.value } } });
        await audit(t, ctx, 'calendar.year', { kind: 'calendar', id: String(input.year) }, before, built.value);
        return {
          year: input.year,
          holidays: built.value.holidays.length,
          makeupWorkdays: built.value.makeupWorkdays.length,
        };
      });
    },
  }),

  centerLocation: action({
    summary:
      '政务服务中心的地址与地图位置（公开信息，任何人可看）：申请人导航到中心（openLocation）并看到地址；中心管理员在设置中修改',
    roles: ['applicant'],
    input: z.object({}),
    output: settingsSchema.shape.location,
    async run(ctx) {
      const settings = await loadSettings(ctx.db);
      return settings.location;
    },
  }),

  serviceCatalogue: action({
    summary:
      '服务事项目录与材料清单（公开信息，任何人可看）：事项名称、负责单位、办理窗口、承诺时限、所需材料；申请表和申请详情页据此显示材料清单',
    roles: ['applicant'],
    input: z.object({}),
    output: z.object({
      items: z.array(
        z.object({
          itemId: z.string(),
          name: z.string(),
          unitName: z.string().nullable(),
          window: z.string(),
          committedWorkingDays: z.number(),
          materials: z.array(z.string()),
        }),
      ),
    }),
    async run(ctx) {
      const [doc, units] = await Promise.all([
        ctx.db
          .collection(COLL.settings)
          .doc('serviceItems')
          .get()
          .then(
            (r) => r.data as { items?: ServiceItem[] } | null,
            () => null,
          ),
        ctx.db.collection(COLL.units).field({ name: true }).limit(100).get(),
      ]);
      const names = Object.fromEntries(units.data.map((u) => [String(u._id), String(u.name)]));
      return {
        items: (doc?.items ?? []).map((i) => ({
          itemId: i.itemId,
          name: i.name,
          unitName: names[i.unitId] ?? null,
          window: i.window,
          committedWorkingDays: i.committedWorkingDays,
          materials: i.materials ?? [],
        })),
      };
    },
  }),

  saveServiceItem: action({
    summary:
      '服务事项、承诺时限与材料清单（中心管理员）：送达窗口时按事项带出窗口和承诺工作日，申请人在申请表和申请详情看到材料清单；remove 删除；记入审计',
    roles: ['center'],
    input: serviceItemSchema.extend({ remove: z.boolean().default(false) }),
    output: z.object({ items: z.array(serviceItemOutput) }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      requireAdmin(ctx);
      await loadUnit(ctx.db, input.unitId);
      return ctx.transaction(async (t) => {
        const doc = (
          await t
            .collection(COLL.settings)
            .doc('serviceItems')
            .get()
            .catch(() => ({ data: null }))
        ).data as { items?: ServiceItem[] } | null;
        const items = doc?.items ?? [];
        const before = items.find((i) => i.itemId === input.itemId) ?? null;

        const { remove, ...item } = input;
        const next = [...items.filter((i) => i.itemId !== input.itemId), ...(remove ? [] : [item])];
        await t
          .collection(COLL.settings)
          .doc('serviceItems')
          .set({ data: { items: next } });
        await audit(
          t,
          ctx,
          'serviceItem.save',
          { kind: 'serviceItem', id: input.itemId },
          before,
          remove ? null : item,
        );
        return { items: next };
      });
    },
  }),

  saveSubscribeTemplate: action({
    summary:
      '订阅消息模板（中心管理员）：为一个用途（受理结果、办理进度、预约提醒、办结通知、待办事项提醒）填写在微信公众平台申请到的模板编号和关键词；reset 恢复为云函数环境变量中的配置；记入审计',
    roles: ['center'],
    input: z.object({
      purpose: z.enum(Object.keys(TEMPLATE_PURPOSES) as [TemplatePurpose, ...TemplatePurpose[]]),
      id: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{5,64}$/, '模板编号由字母、数字、下划线或连字符组成（在微信公众平台“订阅消息”中复制）')
        .optional(),
      kind: z.enum(['one-time', 'long-term']).default('one-time'),
      /** our field → the template's keyword name, e.g. caseNo → character_string1 */
      keywords: z
        .partialRecord(
          z.enum(MESSAGE_FIELDS),
          z
            .string()
            .trim()
            .regex(/^[a-z_]+\d+$/, '关键词应形如 thing2、character_string1、time5'),
        )
        .optional(),
      reset: z.boolean().default(false),
    }),
    output: z.object({
      purpose: z.enum(TEMPLATE_PURPOSE_KEYS),
      template: z
        .object({ id: z.string(), kind: z.enum(['one-time', 'long-term']), keywords: keywordsSchema })
        .nullable(),
    }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      requireAdmin(ctx);
      if (!input.reset && !input.id) throw new AppError('INVALID_INPUT', '请填写模板编号', { id: '请填写模板编号' });
      return ctx.transaction(async (t) => {
        const doc = (
          await t
            .collection(COLL.settings)
            .doc('subscribeTemplates')
            .get()
            .catch(() => ({ data: null }))
        ).data as { templates?: Record<string, TemplateConfig> } | null;
        const templates = { ...(doc?.templates ?? {}) };
        const before = templates[input.purpose] ?? templateRegistry()[input.purpose] ?? null;
        // keywords default to the ones in force, so changing only the id keeps the mapping
        const next: TemplateConfig | null = input.reset
          ? null
          : { id: input.id!, kind: input.kind, keywords: input.keywords ?? before?.keywords ?? {} };
        if (next && Object.keys(next.keywords).length === 0)
          throw new AppError('INVALID_INPUT', '请填写模板的关键词', { keywords: '例如 caseNo=character_string1' });
        if (next) templates[input.purpose] = next;
        else delete templates[input.purpose];
        await t.collection(COLL.settings).doc('subscribeTemplates').set({ data: { templates } });
        await audit(t, ctx, 'subscribeTemplate.save', { kind: 'subscribeTemplate', id: input.purpose }, before, next);
        return { purpose: input.purpose, template: next };
      });
    },
  }),

  listAudit: action({
    summary:
      '审计记录（中心管理员）：设置、人员和角色的每次变更，谁、何时、改了什么、前后值；以及工作人员每次查看申请人完整电话（case）',
    roles: ['center'],
    input: z.object({
      kind: z.enum(AUDIT_KINDS).optional(),
      limit: z.number().int().min(1).max(50).default(20),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({
      items: z.array(
        z.object({
          at: z.string(),
          by: z.string(),
          what: z.string(),
          whatLabel: z.string(),
          target: z.object({ kind: z.string(), id: z.string() }),
          before: z.unknown(),
          after: z.unknown(),
        }),
      ),
      total: z.number(),
    }),
    errors: ['FORBIDDEN'],
    async run(ctx, input) {
      requireAdmin(ctx);
      const where = input.kind ? { 'target.kind': input.kind } : {};
      const [page, total] = await Promise.all([
        ctx.db.collection(COLL.audit).where(where).orderBy('at', 'desc').skip(input.offset).limit(input.limit).get(),
        ctx.db.collection(COLL.audit).where(where).count(),
      ]);
      return {
        items: (page.data as AuditDoc[]).map((a) => ({
          at: new Date(a.at).toISOString(),
          by: a.by.name,
          what: a.what,
          whatLabel: AUDIT_LABELS[a.what] ?? a.what,
          target: a.target,
          before: a.before,
          after: a.after,
        })),
        total: total.total,
      };
    },
  }),
} satisfies ActionTable<Database>;
