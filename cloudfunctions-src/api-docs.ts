import { z } from 'zod';
import { ROLE_LABELS } from '../core';
import { ERROR_CODES, type ActionTable } from './shared/action';
import { actions as applicant } from './applicant/actions';
import { actions as bookings } from './bookings/actions';
import { actions as cases } from './cases/actions';
import { actions as center } from './center/actions';
import { actions as ledger } from './ledger/actions';
import { actions as ledgerExport } from './ledgerExport/actions';
import { actions as ratings } from './ratings/actions';
import { actions as notify } from './notify/actions';
import { actions as session } from './session/actions';
import { actions as workbench } from './workbench/actions';

/** Every deployed function and its action table; docs/api.md and the authorization tests read this. */
export const FUNCTIONS: Record<string, ActionTable> = {
  cases,
  center,
  notify,
  session,
  workbench,
  applicant,
  bookings,
  ratings,
  ledger,
  ledgerExport,
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
};

function describeField(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.enum) parts.push(s.enum.map((v) => `\`${String(v)}\``).join(' \\| '));
  else if (s.type) parts.push(String(s.type));
  if (s.minLength !== undefined || s.maxLength !== undefined)
    parts.push(`长度 ${s.minLength ?? 0}–${s.maxLength ?? '∞'}`);
  if (s.pattern) parts.push(`格式 \`${s.pattern.replace(/\|/g, '\\|')}\``);
  return parts.join('，');
}

const variantsOf = (s: JsonSchema) => s.anyOf ?? s.oneOf ?? [s];

/** An answer field's type in a few words: `string | null`, `"a" | "b"`, `object[]`. */
function typeOf(s: JsonSchema): string {
  if (s.anyOf || s.oneOf) return [...new Set(variantsOf(s).map(typeOf))].join(' \\| ');
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : '任意'}[]`;
  if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object')
    return `{ [键]: ${typeOf(s.additionalProperties)} }`;
  if (Array.isArray(s.type)) return s.type.join(' \\| ');
  return s.type ?? '任意';
}

/** The answer's fields as rows (`items[].caseId`), nested objects and arrays of objects spelled out. */
function outputRows(s: JsonSchema, path: string, rows: Map<string, string>): void {
  const objects = variantsOf(s).flatMap((v) =>
    variantsOf(v.type === 'array' && v.items ? v.items : v).map((o) => ({
      o,
      at: v.type === 'array' ? `${path}[]` : path,
    })),
  );
  const fields = new Map<string, { types: Set<string>; always: boolean; schemas: JsonSchema[] }>();
  for (const { o, at } of objects.filter(({ o }) => o.properties)) {
    for (const [field, f] of Object.entries(o.properties!)) {
      const key = at ? `${at}.${field}` : field;
      const row = fields.get(key) ?? { types: new Set<string>(), always: true, schemas: [] };
      row.types.add(typeOf(f));
      row.schemas.push(f);
      fields.set(key, row);
    }
  }
  const shapes = objects.filter(({ o }) => o.properties);
  for (const [key, row] of fields) {
    const field = key.slice(key.lastIndexOf('.') + 1);
    row.always = shapes.every(({ o }) => (o.required ?? []).includes(field));
    if (!rows.has(key)) rows.set(key, `${[...row.types].join(' \\| ')}${row.always ? '' : '（可无）'}`);
    for (const f of row.schemas) outputRows(f, key, rows);
  }
}

/** docs/api.md, generated from the zod schemas: a test fails when the file is stale. */
export function renderApiDocs(): string {
  const lines = [
    '# 云函数接口（自动生成）',
    '',
    '> 由 `npm run docs:api` 从 `cloudfunctions-src/*/actions.ts` 的 zod 定义生成，请勿手改；`test/docs/api-docs.test.ts` 在本文件过期时失败。',
    '',
    '调用方式：`wx.cloud.callFunction({ name, data: { action, input } })`。调用者身份只取自云端 `getWXContext()` 的 OPENID，',
    'payload 中的 `openid`、`role` 等字段一律忽略。',
    '',
    '应答：成功 `{ ok: true, data }`；失败 `{ ok: false, code, message, fields? }`。每个操作的 `data` 字段表来自它的 zod 输出声明，',
    '客户端的类型（`cloudfunctions-src/api.ts`）由同一声明推出；测试中每次应答都按它校验。',
    '',
    '## 错误码',
    '',
    '| code | 含义 |',
    '|---|---|',
    ...Object.entries(ERROR_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`),
    '',
  ];
  for (const [fn, table] of Object.entries(FUNCTIONS)) {
    lines.push(`## 云函数 \`${fn}\``, '');
    for (const [name, spec] of Object.entries(table)) {
      const schema = z.toJSONSchema(spec.input, { unrepresentable: 'any' }) as JsonSchema;
      const required = new Set(schema.required ?? []);
      lines.push(
        `### \`${fn}.${name}\``,
        '',
        spec.summary,
        '',
        `- 可调用角色：${spec.roles.map((r) => ROLE_LABELS[r]).join('、')}`,
      );
      if (spec.returns) lines.push(`- 返回说明：${spec.returns}`);
      if (spec.reveals) lines.push(`- 答复含完整个人信息：${spec.reveals}（每次调用留记录，日志不记内容）`);
      lines.push(
        `- 错误码：${['INVALID_INPUT', 'UNKNOWN_ACTION', 'FORBIDDEN', ...(spec.errors ?? []), 'INTERNAL']
          .filter((c, i, a) => a.indexOf(c) === i)
          .map((c) => `\`${c}\``)
          .join('、')}`,
        '',
      );
      const props = Object.entries(schema.properties ?? {});
      if (props.length === 0) lines.push('输入：无字段（`input: {}`）', '');
      else {
        lines.push('| 字段 | 必填 | 类型与约束 |', '|---|---|---|');
        for (const [field, s] of props)
          lines.push(`| \`${field}\` | ${required.has(field) ? '是' : '否'} | ${describeField(s)} |`);
        lines.push('');
      }
      const answer = new Map<string, string>();
      outputRows(z.toJSONSchema(spec.output, { unrepresentable: 'any', io: 'output' }) as JsonSchema, '', answer);
      if (answer.size === 0) lines.push('返回 `data`：无字段', '');
      else {
        lines.push('| 返回 `data` 字段 | 类型 |', '|---|---|');
        for (const [field, type] of answer) lines.push(`| \`${field}\` | ${type} |`);
        lines.push('');
      }
    }
  }
  return lines.join('\n');
}
