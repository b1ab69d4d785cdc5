import fc from 'fast-check';
import {
  idNumberCheckDigit,
  isMobile,
  isResidentId,
  isUscc,
  maskIdNumber,
  maskPersonalDataInText,
  redactForLog,
  usccCheckCharacter,
  validateMobile,
  validateResidentId,
  validateUscc,
} from '../../core';

const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code);

describe('居民身份证号 (GB 11643-1999)', () => {
  test('accepts a valid number, with X as the check character, and reads birth date and sex', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', regionCode: '110105' },
    });
    expect(validateResidentId(' 11010519491231002x ')).toMatchObject({
      ok: true,
      value: { idNumber: '11010519491231002X' },
    });
    // 和硕县 is 652828
    expect(validateResidentId('652828195401011233')).toMatchObject({
      ok: true,
      value: { birthDate: '1954-01-01', sex: 'male', regionCode: '652828' },
    });
    expect(isResidentId('652828195401011233')).toBe(true);
  });

  test('refuses a wrong check digit, a malformed number, an unknown province and an impossible birth date', () => {
    expect(validateResidentId('652828195401011234')).toEqual({
      ok: false,
      code: 'ID_NUMBER_CHECK_DIGIT',
      message: '身份证号校验位不正确，请核对是否输错。',
    });
    expect(code(validateResidentId('65282819540101123'))).toBe('ID_NUMBER_FORMAT');
    expect(code(validateResidentId('6528281954010112X3'))).toBe('ID_NUMBER_FORMAT');
    expect(code(validateResidentId(undefined as unknown as string))).toBe('ID_NUMBER_FORMAT');
    expect(code(validateResidentId('992828195401011233'))).toBe('ID_NUMBER_REGION');
    const withBirth = (birth: string) => {
      const first17 = `652828${birth}123`;
      return first17 + idNumberCheckDigit(first17);
    };
    expect(code(validateResidentId(withBirth('19540230')))).toBe('ID_NUMBER_BIRTH_DATE');
    expect(code(validateResidentId(withBirth('18991231')))).toBe('ID_NUMBER_BIRTH_DATE');
    expect(code(validateResidentId(withBirth('20300101'), new Date('2026-03-01T00:00:00Z')))).toBe(
      'ID_NUMBER_BIRTH_DATE',
    );
    expect(code(validateResidentId(withBirth('20260301'), new Date('2026-02-28T16:00:00Z')))).toBe('OK');
  });

  test('property: the check digit catches every single mistyped digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 14, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, pos, delta) => {
          const first17 = `6528281980061${String(serial % 10000).padStart(4, '0')}`;
          const id = first17 + idNumberCheckDigit(first17);
          expect(isResidentId(id)).toBe(true);
          // positions 14–16 are the serial and sex digits; changing the birth date may make it invalid instead
          const typo = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
          expect(code(validateResidentId(typo))).toBe('ID_NUMBER_CHECK_DIGIT');
        },
      ),
    );
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test('accepts valid codes, also typed in lower case, and reads authority, type and region', () => {
    expect(validateUscc('91110108551385082Q')).toEqual({
      ok: true,
      value: { uscc: '91110108551385082Q', authority: '9', entityType: '1', regionCode: '110108' },
    });
    expect(validateUscc('91350100m000100y43')).toMatchObject({ ok: true, value: { uscc: '91350100M000100Y43' } });
    expect(isUscc('91350100M000100Y43')).toBe(true);
  });

  test('refuses the letters I, O, Z, S, V, a wrong length and a wrong check character', () => {
    expect(code(validateUscc('91110108551385082I'))).toBe('USCC_FORMAT');
    expect(code(validateUscc('9111010855138508'))).toBe('USCC_FORMAT');
    expect(code(validateUscc(null as unknown as string))).toBe('USCC_FORMAT');
    expect(validateUscc('91110108551385082R')).toEqual({
      ok: false,
      code: 'USCC_CHECK_CHARACTER',
      message: '统一社会信用代码校验位不正确，请核对是否输错。',
    });
  });

  test('property: the check character catches every single mistyped character', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = fc.array(fc.constantFrom(...chars), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (b, pos, delta) => {
        const code18 = b + usccCheckCharacter(b);
        expect(isUscc(code18)).toBe(true);
        const typo = code18.slice(0, pos) + chars[(chars.indexOf(code18[pos]) + delta) % 31] + code18.slice(pos + 1);
        expect(isUscc(typo)).toBe(false);
      }),
    );
  });
});

describe('mainland mobile numbers', () => {
  test('accepts 11 digits from 13 to 19, with +86 and separators removed', () => {
    expect(validateMobile('13912345678')).toEqual({ ok: true, value: '13912345678' });
    expect(validateMobile('+86 139-1234-5678')).toEqual({ ok: true, value: '13912345678' });
    expect(validateMobile('008619912345678')).toEqual({ ok: true, value: '19912345678' });
    expect(isMobile('16612345678')).toBe(true);
  });

  test('refuses landlines, short numbers and numbers starting 10–12', () => {
    for (const bad of ['0996-6012345', '1391234567', '12345678901', '139123456789', '', undefined as unknown as string])
      expect(code(validateMobile(bad))).toBe('MOBILE_FORMAT');
  });
});

describe('masking for display and logs (PIPL)', () => {
  test('ID numbers and mobiles are masked inside free text', () => {
    expect(maskPersonalDataInText('申请人身份证652828195401011233，电话13912345678，备用+86 13812345678')).toBe(
      '申请人身份证6528**********1233，电话139****5678，备用138****5678',
    );
    expect(maskPersonalDataInText('案件号BB20260302-0007')).toBe('案件号BB20260302-0007');
    expect(maskIdNumber('1234')).toBe('****');
  });

  test('a record made safe for a log keeps its shape, masks personal fields and drops openids', () => {
    const safe = redactForLog({
      caseNo: 'BB20260302-0007',
      applicantOpenid: 'o_citizen_elder',
      contactName: '张桂兰',
      contactPhone: '13912345678',
      idNumber: '652828195401011233',
      booking: { homeAddress: '幸福路8号', at: new Date('2026-03-02T02:00:00Z'), notes: ['电话13912345678'] },
      count: 3,
      ok: true,
      missing: null,
    });
    expect(safe).toEqual({
      caseNo: 'BB20260302-0007',
      contactName: '张**',
      contactPhone: '139****5678',
      idNumber: '6528**********1233',
      booking: { homeAddress: '***', at: '2026-03-02T02:00:00.000Z', notes: ['电话139****5678'] },
      count: 3,
      ok: true,
      missing: null,
    });
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 12; i++) cur = cur.next = {} as Record<string, unknown>;
    expect(JSON.stringify(redactForLog(deep))).toContain('[…]');
    expect(redactForLog({ name: 42 })).toEqual({ name: 42 });
  });
});
