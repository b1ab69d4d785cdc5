import { validationMessage, type ValidationIssue } from '../../core';

// the zod issues a schema without its own message can raise, and the plain Chinese each answers
const cases: [string, ValidationIssue, string][] = [
  ['a missing field', { code: 'invalid_type', expected: 'string', input: undefined }, '请填写此项'],
  ['an empty field', { code: 'invalid_type', expected: 'number', input: '' }, '请填写此项'],
  ['a null field', { code: 'invalid_type', expected: 'boolean', input: null }, '请填写此项'],
  ['text where a number belongs', { code: 'invalid_type', expected: 'number', input: 'x' }, '请填写数字'],
  ['a number where text belongs', { code: 'invalid_type', expected: 'string', input: 3 }, '请填写文字'],
  ['a list expected', { code: 'invalid_type', expected: 'array', input: 'x' }, '请按列表填写'],
  ['a type with no word', { code: 'invalid_type', expected: 'symbol', input: 1 }, '填写的内容不对，请检查'],
  ['a type not given', { code: 'invalid_type', input: 1 }, '填写的内容不对，请检查'],
  ['an empty string', { code: 'too_small', origin: 'string', minimum: 1 }, '请填写此项'],
  ['a short string', { code: 'too_small', origin: 'string', minimum: 5 }, '至少填写5个字'],
  ['an empty list', { code: 'too_small', origin: 'array', minimum: 1 }, '请至少选择一项'],
  ['a short set', { code: 'too_small', origin: 'set', minimum: 2 }, '至少2项'],
  ['an early date', { code: 'too_small', origin: 'date', minimum: 0 }, '日期太早'],
  ['a number below, inclusive', { code: 'too_small', origin: 'number', minimum: 3 }, '不能小于3'],
  ['a number below, exclusive', { code: 'too_small', origin: 'number', minimum: 0, inclusive: false }, '须大于0'],
  ['a big integer minimum', { code: 'too_small', origin: 'bigint', minimum: BigInt(7) }, '不能小于7'],
  ['no minimum given', { code: 'too_small', origin: 'number' }, '不能小于0'],
  ['a long string', { code: 'too_big', origin: 'string', maximum: 200 }, '不超过200个字'],
  ['a long list', { code: 'too_big', origin: 'array', maximum: 3 }, '最多3项'],
  ['a big set', { code: 'too_big', origin: 'set', maximum: 4 }, '最多4项'],
  ['a late date', { code: 'too_big', origin: 'date', maximum: 0 }, '日期太晚'],
  ['a number above, inclusive', { code: 'too_big', origin: 'number', maximum: 9 }, '不能大于9'],
  ['a number above, exclusive', { code: 'too_big', origin: 'number', maximum: 10, inclusive: false }, '须小于10'],
  ['a bad email', { code: 'invalid_format', format: 'email' }, '邮箱格式不正确'],
  ['a bad date', { code: 'invalid_format', format: 'date' }, '日期或时间格式不正确'],
  ['a bad datetime', { code: 'invalid_format', format: 'datetime' }, '日期或时间格式不正确'],
  ['a bad time', { code: 'invalid_format', format: 'time' }, '日期或时间格式不正确'],
  ['a pattern not matched', { code: 'invalid_format', format: 'regex' }, '格式不正确，请检查'],
  ['a value off the list', { code: 'invalid_value' }, '请从给出的选项中选择'],
  ['a wrong step', { code: 'not_multiple_of' }, '数值不符合要求'],
  ['unknown keys', { code: 'unrecognized_keys' }, '包含无法识别的内容'],
  ['no union member', { code: 'invalid_union' }, '填写的内容不符合要求'],
  ['an issue zod adds later', { code: 'custom' }, '填写的内容有误，请检查'],
];

describe('validation messages: zod issues in plain Chinese, never in English', () => {
  test.each(cases)('%s', (_label, issue, message) => {
    expect(validationMessage(issue)).toBe(message);
  });
});
