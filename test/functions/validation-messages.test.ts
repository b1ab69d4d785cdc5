/**
 * Issue 16: a zod message in English ("Too small: expected string to have >=1 characters") reached
 * staff. Every rule without a message of its own now answers in plain Chinese (core
 * validationMessage, installed as zod's error map by the one handler): checked for every action in
 * the registry with empty, wrong-typed and oversized inputs, through the real functions.
 */
import { validationMessage } from '../../core';
import { CloudBase } from '../../local-cloud/src';
import { call, startAppCloud } from '../support/app';
import { actionVariants, type JsonSchema } from '../security/support/registry';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

const chinese = /[\u4e00-\u9fa5]/;
const english = /\b(expected|received|invalid|too (small|big)|required|must|string|number|characters?)\b/i;

test('core: each kind of zod issue in words a citizen or a clerk reads', () => {
  expect(validationMessage({ code: 'too_small', origin: 'string', minimum: 1 })).toBe('请填写此项');
  expect(validationMessage({ code: 'too_small', origin: 'string', minimum: 2 })).toBe('至少填写2个字');
  expect(validationMessage({ code: 'too_big', origin: 'string', maximum: 200 })).toBe('不超过200个字');
  expect(validationMessage({ code: 'too_small', origin: 'number', minimum: 1, inclusive: true })).toBe('不能小于1');
  expect(validationMessage({ code: 'too_big', origin: 'array', maximum: 20 })).toBe('最多20项');
  expect(validationMessage({ code: 'invalid_type', expected: 'string', input: undefined })).toBe('请填写此项');
  expect(validationMessage({ code: 'invalid_type', expected: 'int', input: 1.5 })).toBe('请填写整数');
  expect(validationMessage({ code: 'invalid_value' })).toBe('请从给出的选项中选择');
  expect(validationMessage({ code: 'invalid_format', format: 'regex' })).toBe('格式不正确，请检查');
  expect(validationMessage({ code: 'something_new' })).toMatch(chinese);
});

/** An input that breaks every rule of a schema it can reach: empty strings, wrong types, too many items. */
function broken(schema: JsonSchema, depth = 0): unknown {
  if (depth > 4) return null;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties).map(([k, v], i) => [k, i % 2 ? broken(v, depth + 1) : undefined]),
    );
  if (type === 'string') return schema.maxLength ? 'x'.repeat(schema.maxLength + 1) : '';
  if (type === 'number' || type === 'integer') return 'not a number';
  if (type === 'array')
    return Array.from({ length: (schema.maxItems ?? 0) + 1 }, () =>
      schema.items ? broken(schema.items, depth + 1) : '',
    );
  if (type === 'boolean') return 'yes';
  return '';
}

test('every action answers an empty, a wrong-typed and a broken input field by field in Chinese', async () => {
  const variants = actionVariants();
  const bad: string[] = [];
  let fields = 0;
  for (const v of variants) {
    for (const input of [
      {},
      Object.fromEntries(Object.keys(v.schema.properties ?? {}).map((k) => [k, 12345.5])),
      broken(v.schema),
    ]) {
      const r = await call(cloud, v.fn, { action: v.action, input }, 'o_center_admin');
      if (r.ok || r.code !== 'INVALID_INPUT') continue;
      for (const [field, message] of Object.entries(r.fields ?? {})) {
        fields++;
        if (!chinese.test(message) || english.test(message)) bad.push(`${v.key} ${field}: ${message}`);
      }
      if (!chinese.test(r.message)) bad.push(`${v.key}: ${r.message}`);
    }
  }
  expect(fields).toBeGreaterThan(100);
  expect(bad).toEqual([]);
});

test('the staff step that showed the English message: an empty required text', async () => {
  const r = await call(cloud, 'workbench', { action: 'get', input: { caseId: '' } }, 'o_agent_center');
  expect(r).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '填写的内容有误，请按提示修改',
    fields: { caseId: '请填写此项' },
  });
});
