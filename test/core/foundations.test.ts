import {
  enterpriseReasons,
  investmentReasons,
  livelihoodReasons,
  majorProjectReasons,
  maskName,
  maskPhone,
  bookableSlots,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  createWorkCalendar,
  CoreError,
  ENDED_STATUSES,
  guarded,
  isEndedStatus,
  isOpenStatus,
  OPEN_STATUSES,
  redactForLog,
  refuse,
  type WorkCalendar,
} from '../../core';

describe('§五 case states and the shape of answers', () => {
  test('§五 every state has a Chinese label, and is either open or ended', () => {
    expect(CASE_STATUSES).toEqual([
      'applied',
      'accepted',
      'refused',
      'handling',
      'awaiting_materials',
      'suspended',
      'finished',
      'terminated',
    ]);
    expect(CASE_STATUS_LABELS.applied).toBe('已提交，待受理');
    for (const s of CASE_STATUSES) {
      expect(CASE_STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fa5]/);
      expect(isOpenStatus(s)).not.toBe(isEndedStatus(s));
    }
    expect([...OPEN_STATUSES, ...ENDED_STATUSES].sort()).toEqual([...CASE_STATUSES].sort());
  });

  test('a calculator’s CoreError becomes a refusal with the same code; any other error is a bug and propagates', () => {
    expect(
      guarded(() => {
        throw new CoreError('CALENDAR_YEAR_MISSING', '缺少日历', { year: 2027 });
      }),
    ).toEqual({ ok: false, code: 'CALENDAR_YEAR_MISSING', message: '缺少日历', details: { year: 2027 } });
    expect(guarded(() => refuse('X', '不行'))).toEqual({ ok: false, code: 'X', message: '不行' });
    expect(() =>
      guarded(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
    const broken: WorkCalendar = {
      ...createWorkCalendar(),
      isWorkingDay: () => {
        throw new TypeError('bug');
      },
      dayInfo: () => {
        throw new TypeError('bug');
      },
    };
    expect(() => bookableSlots(broken, new Date('2026-03-02T00:00:00Z'), [])).toThrow(TypeError);
  });

  test('addresses are personal data and never logged', () => {
    expect(
      redactForLog({
        address: '和硕县幸福路8号',
        mobile: '13912345678',
        phone: '13912345678',
        applicantName: '张桂兰',
        name: '李明',
      }),
    ).toEqual({ address: '***', mobile: '139****5678', phone: '139****5678', applicantName: '张**', name: '李*' });
  });
});

test('§三 each paragraph is also its own function, for the intake form to check field by field', () => {
  expect(
    livelihoodReasons({
      category: 'livelihood',
      applicantType: 'person',
      specialGroups: ['disabled'],
      livelihoodPublicService: true,
    }),
  ).toEqual([]);
  expect(
    enterpriseReasons({ category: 'enterprise', applicantType: 'enterprise', matter: 'tax', newlyRegistered: true }),
  ).toEqual(['ENTERPRISE_SERVICE_NOT_RELATED']);
  expect(
    investmentReasons({
      category: 'investment',
      applicantType: 'enterprise',
      investmentYuan: 5_000_000,
      approvalLevel: 'county',
      fitsIndustrialPolicy: true,
      excludedKinds: [],
    }),
  ).toEqual([]);
  expect(
    majorProjectReasons({
      category: 'major',
      applicantType: 'enterprise',
      annualPlans: ['county'],
      keySupervised: false,
      designatedByCountyGovernment: false,
    }),
  ).toEqual([]);
});

test('short values are masked completely', () => {
  expect(maskPhone('12345')).toBe('*****');
  expect(maskName('张')).toBe('张');
});
