import type { AuditDoc } from '../shared/db/documents';
import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  MESSAGE_FIELDS,
  settingsSchema,
  TEMPLATE_PURPOSES,
  type TemplateConfig,
  type TemplatePurpose,
} from '../../core';
import { templateRegistry } from '../shared/templates';
import { action, AppError, type ActionTable } from '../shared/action';
import { loadSettings } from '../shared/config';
import type { Database } from '../shared/cloud';
import {
  requireAdmin,
  audit,
  loadUnit,
  AUDIT_KINDS,
  AUDIT_LABELS,
  ServiceItem,
  serviceItemSchema,
  serviceItemOutput,
  TEMPLATE_PURPOSE_KEYS,
  keywordsSchema,
} from './common';

export const catalogueActions = {
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
