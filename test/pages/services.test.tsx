import { AppError, normalizeFields, unwrap } from '../../src/services/result';
import { CloudCallError, describeError } from '../../src/services/errors';
import { DEV_OPENID_STORAGE_KEY, getDevOpenid } from '../../src/dev/devIdentity';

describe('unwrap', () => {
  it('returns data of an ok answer', () => {
    expect(unwrap({ ok: true, data: { n: 1 } })).toEqual({ n: 1 });
  });

  it('throws an AppError carrying code, message and fields', () => {
    try {
      unwrap({ ok: false, code: 'INVALID_INPUT', message: '有误', fields: { contactPhone: '电话不对' } });
      throw new Error('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'INVALID_INPUT', message: '有误', fields: { contactPhone: '电话不对' } });
    }
  });

  it('refuses an answer that is not in the agreed shape', () => {
    expect(() => unwrap(undefined)).toThrow(AppError);
    expect(() => unwrap({} as never)).toThrow(/无法识别/);
  });
});

describe('normalizeFields', () => {
  it('accepts a map, a list of issues, and input.-prefixed paths', () => {
    expect(normalizeFields({ 'input.matter': '太长', contactName: ['必填', '其他'] })).toEqual({
      matter: '太长',
      contactName: '必填',
    });
    expect(
      normalizeFields([
        { path: ['input', 'contactPhone'], message: '格式不对' },
        { field: 'mode', message: '请选择' },
      ]),
    ).toEqual({
      contactPhone: '格式不对',
      mode: '请选择',
    });
    expect(normalizeFields(null)).toEqual({});
  });
});

describe('describeError', () => {
  it('keeps a Chinese message from the server, and never shows English platform text', () => {
    expect(describeError(new AppError('OUT_OF_SCOPE', '不属于帮办代办范围'))).toBe('不属于帮办代办范围');
    expect(describeError(new AppError('WEIRD', 'internal failure'))).toMatch(/操作没有成功.*WEIRD/);
    expect(describeError(new CloudCallError(-501000, 'FunctionName parameter could not be found'))).toMatch(
      /服务暂时不可用.*-501000/,
    );
    expect(describeError(new TypeError('x is undefined'))).toBe('出了点问题，请稍后再试。');
  });
});

describe('getDevOpenid', () => {
  beforeEach(() => {
    localStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('defaults to the first demo identity', () => {
    expect(getDevOpenid()).toBe('o_citizen_elder');
  });

  it('takes ?as= from the query or after the hash route, and remembers it', () => {
    window.history.replaceState(null, '', '/?as=o_agent_center#/pages/index/index');
    expect(getDevOpenid()).toBe('o_agent_center');
    expect(localStorage.getItem(DEV_OPENID_STORAGE_KEY)).toBe('o_agent_center');

    window.history.replaceState(null, '', '/#/pages/my/index?as=o_leader_fgw');
    expect(getDevOpenid()).toBe('o_leader_fgw');

    window.history.replaceState(null, '', '/');
    expect(getDevOpenid()).toBe('o_leader_fgw');
  });

  it('ignores a malformed ?as=', () => {
    window.history.replaceState(null, '', '/?as=%3Cscript%3E');
    expect(getDevOpenid()).toBe('o_citizen_elder');
  });
});
