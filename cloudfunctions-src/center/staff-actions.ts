import type { InviteDoc, StaffDoc } from '../shared/db/documents';
import { COLL, duplicateKeyIndex, isDuplicateKey } from '../shared/db';
import { z } from 'zod';
import { pendingForInsert } from '../shared/effects';
import { STAFF_ROLES } from '../../core';
import { action, AppError, type ActionTable } from '../shared/action';
import type { Database } from '../shared/cloud';
import { reassignCasesOf } from '../shared/roster';
import {
  INVITE_ROLES,
  INVITE_ROLE_LABELS,
  INVITE_DAYS,
  id,
  name,
  requireAdmin,
  audit,
  newCode,
  loadUnit,
  staffView,
  staffViewSchema,
} from './common';

export const staffActions = {
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
} satisfies ActionTable<Database>;
