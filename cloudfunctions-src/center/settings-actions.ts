import type { StaffDoc } from '../shared/db/documents';
import { COLL } from '../shared/db';
import { z } from 'zod';
import {
  beijingDate,
  buildYearCalendar,
  calendarWarnings,
  calendarYearsView,
  createWorkCalendar,
  CIVIL_DATE_PATTERN,
  INDUSTRIES,
  INDUSTRY_LABELS,
  resolveSettings,
  settingsSchema,
  TEMPLATE_PURPOSES,
  type CenterCalendar,
  type DayOverride,
  type TemplatePurpose,
  type TemplateRegistry,
} from '../../core';
import { registryWith } from '../shared/templates';
import { action, AppError, type ActionTable } from '../shared/action';
import { loadSettings, settingsOf } from '../shared/config';
import type { Database } from '../shared/cloud';
import {
  requireAdmin,
  audit,
  strip,
  SETTINGS_SECTIONS,
  ServiceItem,
  industryOption,
  dayOverrideSchema,
  serviceItemOutput,
  TEMPLATE_PURPOSE_KEYS,
  keywordsSchema,
} from './common';

export const settingsActions = {
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
} satisfies ActionTable<Database>;
