import {
  applyBadRatingAction,
  badRatingNotices,
  badRatingStepText,
  ratingVisibleTo,
  BAD_RATING_LEVELS,
  badRatingDeadlines,
  badRatingWarning,
  beijingInstant,
  createWorkCalendar,
  DEFAULT_SETTINGS,
  defaultRatingIfDue,
  followUpRating,
  isBadRating,
  openBadRating,
  RATING_DIMENSION_LABELS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_SCORES,
  rateService,
  type Actor,
  type BadRatingCase,
  type RatableCase,
  type Rating,
  type Settings,
} from '../../core';

const cal = createWorkCalendar();
const at = (date: string, time = '11:00') => beijingInstant(date, time);
const withRating = (over: Partial<Settings['rating']>): Settings => ({
  ...DEFAULT_SETTINGS,
  rating: { ...DEFAULT_SETTINGS.rating, ...over },
});

const elder: Actor = { id: 'o_elder', role: 'applicant' };
const stranger: Actor = { id: 'o_other', role: 'applicant' };
const agentA: Actor = { id: 'st-a', role: 'agent', unitId: 'center' };
const agentB: Actor = { id: 'st-b', role: 'agent', unitId: 'center' };
const leaderCenter: Actor = { id: 'st-lead', role: 'leader', unitId: 'center' };
const leaderFgw: Actor = { id: 'st-lead-fgw', role: 'leader', unitId: 'fgw' };
const center: Actor = { id: 'st-center', role: 'center', unitId: 'center' };

const finished: RatableCase = {
  caseId: 'c1',
  applicantId: 'o_elder',
  status: 'finished',
  endedAt: at('2026-03-05'),
  agentIds: ['st-a', 'st-a'],
  unitId: 'center',
};
const good = {
  level: 'very_satisfied' as const,
  dimensions: { overall: 'very_satisfied' as const, attitude: 'satisfied' as const },
  tags: ['one_visit' as const, 'attentive' as const],
  comment: ' 陈静很耐心 ',
};
const bad = { level: 'dissatisfied' as const, tags: ['slow' as const] };

function code(r: { ok: boolean; code?: string }) {
  return r.ok ? 'ALLOWED' : r.code;
}

function rated(): Rating {
  const r = rateService(elder, finished, null, good, at('2026-03-06'));
  if (!r.ok) throw new Error(r.message);
  return r.value.rating;
}

describe('§五(五) 好差评: levels, dimensions, tags', () => {
  test('§五(五) five levels from 非常满意 to 非常不满意; 差评 is the last two', () => {
    expect(RATING_LEVELS.map((l) => RATING_LEVEL_LABELS[l])).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    expect(RATING_LEVELS.map((l) => RATING_SCORES[l])).toEqual([5, 4, 3, 2, 1]);
    expect(BAD_RATING_LEVELS).toEqual(['dissatisfied', 'very_dissatisfied']);
    expect(RATING_LEVELS.filter(isBadRating)).toEqual(['dissatisfied', 'very_dissatisfied']);
    expect(Object.values(RATING_DIMENSION_LABELS)).toEqual(['整体满意度', '服务效率', '服务水平', '服务态度']);
  });

  test('§五(五) the applicant rates once the service has ended, with dimensions, tags and a comment', () => {
    const r = rateService(elder, finished, null, good, at('2026-03-06'));
    expect(r).toEqual({
      ok: true,
      value: {
        rating: {
          caseId: 'c1',
          raterId: 'o_elder',
          source: 'applicant',
          level: 'very_satisfied',
          dimensions: { overall: 'very_satisfied', attitude: 'satisfied' },
          tags: ['one_visit', 'attentive'],
          comment: '陈静很耐心',
          at: at('2026-03-06'),
          followUp: null,
        },
        badRating: null,
      },
    });
    expect(
      code(
        rateService(
          elder,
          { ...finished, status: 'refused' },
          null,
          { level: 'basically_satisfied' },
          at('2026-03-06'),
        ),
      ),
    ).toBe('ALLOWED');
    expect(
      code(rateService(elder, { ...finished, status: 'terminated' }, null, { level: 'satisfied' }, at('2026-03-06'))),
    ).toBe('ALLOWED');
  });

  test('§五(五) only the person served rates: not before the end, not staff on their behalf, not someone else, once', () => {
    expect(
      code(rateService(elder, { ...finished, status: 'handling', endedAt: null }, null, good, at('2026-03-06'))),
    ).toBe('CASE_NOT_ENDED');
    expect(code(rateService(agentA, finished, null, good, at('2026-03-06')))).toBe('ROLE_NOT_PERMITTED');
    expect(code(rateService(center, finished, null, good, at('2026-03-06')))).toBe('ROLE_NOT_PERMITTED');
    expect(code(rateService(stranger, finished, null, good, at('2026-03-06')))).toBe('NOT_OWN');
    expect(code(rateService(elder, finished, rated(), good, at('2026-03-07')))).toBe('ALREADY_RATED');
  });

  test('§五(五) levels, dimensions and tags must be real and consistent', () => {
    const rate = (input: object) => code(rateService(elder, finished, null, input as never, at('2026-03-06')));
    expect(rate({ level: 'meh' })).toBe('LEVEL_INVALID');
    expect(rate({ level: 'satisfied', dimensions: { speed: 'satisfied' } })).toBe('DIMENSION_INVALID');
    expect(rate({ level: 'satisfied', dimensions: { overall: 'great' } })).toBe('DIMENSION_INVALID');
    expect(rate({ level: 'satisfied', tags: ['lovely'] })).toBe('TAG_INVALID');
    expect(rate({ level: 'satisfied', tags: ['toString'] })).toBe('TAG_INVALID');
    expect(rate({ level: 'dissatisfied', tags: ['one_visit'] })).toBe('TAG_LEVEL_MISMATCH');
    expect(rate({ level: 'very_satisfied', tags: ['slow'] })).toBe('TAG_LEVEL_MISMATCH');
    expect(rate({ level: 'basically_satisfied', tags: ['slow', 'efficient', 'other'] })).toBe('ALLOWED');
    expect(rate({ level: 'satisfied', comment: '好'.repeat(501) })).toBe('COMMENT_TOO_LONG');
  });

  test('§五(五) a 差评 states a reason (a setting), so it can be called back and rectified', () => {
    expect(code(rateService(elder, finished, null, { level: 'very_dissatisfied' }, at('2026-03-06')))).toBe(
      'BAD_RATING_REASON_REQUIRED',
    );
    expect(
      code(
        rateService(elder, finished, null, { level: 'very_dissatisfied', comment: '让我跑了三趟' }, at('2026-03-06')),
      ),
    ).toBe('ALLOWED');
    expect(
      code(
        rateService(
          elder,
          finished,
          null,
          { level: 'very_dissatisfied' },
          at('2026-03-06'),
          withRating({ badRatingRequiresReason: false }),
        ),
      ),
    ).toBe('ALLOWED');
  });

  test('§五(五) a 差评 opens a handling record awaiting call-back', () => {
    const r = rateService(elder, finished, null, bad, at('2026-03-06'));
    expect(r.ok && r.value.badRating).toEqual({
      caseId: 'c1',
      followUp: false,
      level: 'dissatisfied',
      openedAt: at('2026-03-06'),
      openedOn: '2026-03-06',
      status: 'awaiting_call_back',
      owners: { agentIds: ['st-a', 'st-a'], unitIds: ['center'] },
      appeal: null,
      history: [],
    });
  });
});

describe('§五(五) 追评 and the default rating', () => {
  test('§五(五) one follow-up rating by the same applicant, within the configured days', () => {
    const first = rated();
    expect(code(followUpRating(elder, finished, null, good, at('2026-03-07')))).toBe('NOT_RATED');
    expect(code(followUpRating(stranger, finished, first, good, at('2026-03-07')))).toBe('NOT_OWN');
    const r = followUpRating(elder, finished, first, { level: 'satisfied', comment: '证已经拿到了' }, at('2026-03-20'));
    expect(r).toMatchObject({
      ok: true,
      value: {
        rating: {
          level: 'very_satisfied',
          followUp: { level: 'satisfied', comment: '证已经拿到了', at: at('2026-03-20') },
        },
        badRating: null,
      },
    });
    expect(code(followUpRating(elder, finished, r.ok ? r.value.rating : first, good, at('2026-03-21')))).toBe(
      'FOLLOW_UP_ALREADY_GIVEN',
    );
    expect(code(followUpRating(elder, finished, first, good, at('2026-06-04')))).toBe('ALLOWED');
    expect(code(followUpRating(elder, finished, first, good, at('2026-06-05')))).toBe('FOLLOW_UP_TOO_LATE');
    expect(
      code(followUpRating(elder, finished, first, good, at('2027-06-05'), withRating({ followUpWithinDays: null }))),
    ).toBe('ALLOWED');
    expect(code(followUpRating(elder, finished, first, { level: 'bad' as never }, at('2026-03-20')))).toBe(
      'LEVEL_INVALID',
    );
  });

  test('§五(五) a 差评 in the follow-up opens its own handling record', () => {
    const r = followUpRating(
      elder,
      finished,
      rated(),
      { level: 'very_dissatisfied', tags: ['no_feedback'] },
      at('2026-03-20'),
    );
    expect(r.ok && r.value.badRating).toMatchObject({
      followUp: true,
      level: 'very_dissatisfied',
      openedOn: '2026-03-20',
    });
  });

  test('§五(五) the default rating is off by default; when set, an unrated service gets it after N natural days', () => {
    expect(DEFAULT_SETTINGS.rating.defaultRatingAfterDays).toBeNull();
    expect(defaultRatingIfDue(finished, null, at('2026-12-01'))).toBeNull();
    const seven = withRating({ defaultRatingAfterDays: 7 });
    expect(defaultRatingIfDue(finished, null, at('2026-03-11'), seven)).toBeNull();
    expect(defaultRatingIfDue(finished, null, at('2026-03-12'), seven)).toEqual({
      caseId: 'c1',
      raterId: 'system',
      source: 'default',
      level: 'basically_satisfied',
      dimensions: {},
      tags: [],
      comment: null,
      at: at('2026-03-12'),
      followUp: null,
    });
    expect(defaultRatingIfDue(finished, rated(), at('2026-03-12'), seven)).toBeNull();
    expect(
      defaultRatingIfDue({ ...finished, status: 'handling', endedAt: null }, null, at('2026-04-12'), seven),
    ).toBeNull();
  });

  test('§五(五) after a default rating the applicant can still give a follow-up, and a bad one is handled', () => {
    const auto = defaultRatingIfDue(finished, null, at('2026-03-12'), withRating({ defaultRatingAfterDays: 7 }))!;
    const r = followUpRating(elder, finished, auto, bad, at('2026-03-13'));
    expect(r.ok && r.value.badRating?.status).toBe('awaiting_call_back');
  });
});

describe('§五(五) 差评 handling: call-back, rectification, verification, appeal and review', () => {
  // a 差评 on Friday 2026-03-06
  const open = (): BadRatingCase => openBadRating(finished, 'dissatisfied', false, at('2026-03-06'));
  const act = (
    rec: BadRatingCase,
    action: Parameters<typeof applyBadRatingAction>[2],
    actor: Actor,
    when: Date,
    settings?: Settings,
  ) => applyBadRatingAction(cal, rec, action, actor, when, settings);
  const ok = (r: ReturnType<typeof act>) => {
    if (!r.ok) throw new Error(`${r.code} ${r.message}`);
    return r.value;
  };

  test('§五(五) deadlines count in working days from the day after: call-back 1, rectification 15, appeal 5, review 5 (all settings)', () => {
    expect(badRatingDeadlines(cal, open())).toEqual({
      callBackDue: '2026-03-09',
      rectifyDue: '2026-03-27',
      appealDue: '2026-03-13',
      reviewDue: null,
    });
    const appealed = ok(act(open(), { type: 'appeal', grounds: '申请人误将税务事项计入' }, agentA, at('2026-03-10')));
    expect(badRatingDeadlines(cal, appealed).reviewDue).toBe('2026-03-17');
    expect(
      badRatingDeadlines(cal, open(), withRating({ callBackWithinWorkingDays: 0, rectifyWithinWorkingDays: 5 })),
    ).toMatchObject({
      callBackDue: '2026-03-06',
      rectifyDue: '2026-03-13',
    });
  });

  test('§五(五) the loop 评价 → 回访 → 整改 → 监督 closes the 差评', () => {
    const called = ok(
      act(open(), { type: 'callBack', note: '已电话回访，申请人反映等待时间长' }, agentA, at('2026-03-09')),
    );
    expect(called.status).toBe('awaiting_rectification');
    const fixed = ok(
      act(
        called,
        { type: 'rectify', measures: '增设午间错时窗口', result: '午间可办理' },
        leaderCenter,
        at('2026-03-20'),
      ),
    );
    expect(fixed.status).toBe('awaiting_verification');
    const sentBack = ok(act(fixed, { type: 'verify', accepted: false, note: '措施未落实' }, center, at('2026-03-23')));
    expect(sentBack.status).toBe('awaiting_rectification');
    const fixedAgain = ok(
      act(
        sentBack,
        { type: 'rectify', measures: '午间错时窗口已开放', result: '已告知申请人' },
        agentA,
        at('2026-03-24'),
      ),
    );
    const closed = ok(act(fixedAgain, { type: 'verify', accepted: true, note: '已核实' }, center, at('2026-03-25')));
    expect(closed.status).toBe('closed');
    expect(closed.history.map((h) => `${h.action}:${h.from}→${h.to}:${h.by.id}`)).toEqual([
      'callBack:awaiting_call_back→awaiting_rectification:st-a',
      'rectify:awaiting_rectification→awaiting_verification:st-lead',
      'verify:awaiting_verification→awaiting_rectification:st-center',
      'rectify:awaiting_rectification→awaiting_verification:st-a',
      'verify:awaiting_verification→closed:st-center',
    ]);
    expect(badRatingWarning(cal, closed, at('2026-04-30'))).toBeNull();
  });

  test('§五(五) who may act: the case’s agents and their unit’s leader call back, their unit rectifies, the center verifies and reviews', () => {
    expect(code(act(open(), { type: 'callBack', note: '回访' }, agentB, at('2026-03-09')))).toBe('NOT_ASSIGNED');
    expect(code(act(open(), { type: 'callBack', note: '回访' }, leaderCenter, at('2026-03-09')))).toBe('ALLOWED');
    expect(code(act(open(), { type: 'callBack', note: '回访' }, leaderFgw, at('2026-03-09')))).toBe('NOT_OWN_UNIT');
    expect(code(act(open(), { type: 'callBack', note: '回访' }, center, at('2026-03-09')))).toBe('ALLOWED');
    expect(code(act(open(), { type: 'callBack', note: '回访' }, elder, at('2026-03-09')))).toBe('ROLE_NOT_PERMITTED');
    const called = ok(act(open(), { type: 'callBack', note: '回访' }, agentA, at('2026-03-09')));
    expect(code(act(called, { type: 'rectify', measures: '整改', result: '已改' }, leaderFgw, at('2026-03-10')))).toBe(
      'NOT_OWN_UNIT',
    );
    expect(code(act(called, { type: 'callBack', note: '再回访' }, agentA, at('2026-03-10')))).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(code(act(called, { type: 'rectify', measures: ' ', result: '已改' }, agentA, at('2026-03-10')))).toBe(
      'NOTE_REQUIRED',
    );
    expect(code(act(called, { type: 'escalate' } as never, center, at('2026-03-10')))).toBe('UNKNOWN_ACTION');
  });

  test('§五(五) an untrue 差评 can be appealed once, in time, and the center’s review decides', () => {
    expect(code(act(open(), { type: 'appeal', grounds: '不实' }, center, at('2026-03-10')))).toBe('ROLE_NOT_PERMITTED');
    expect(code(act(open(), { type: 'appeal', grounds: '不实' }, agentA, at('2026-03-16')))).toBe('APPEAL_TOO_LATE');
    const appealed = ok(act(open(), { type: 'appeal', grounds: '该事项由税务部门办理' }, agentA, at('2026-03-13')));
    expect(appealed).toMatchObject({
      status: 'under_appeal',
      appeal: { on: '2026-03-13', by: 'st-a', returnTo: 'awaiting_call_back' },
    });
    expect(code(act(appealed, { type: 'reviewAppeal', upheld: true, note: '核实' }, agentA, at('2026-03-16')))).toBe(
      'ROLE_NOT_PERMITTED',
    );
    expect(
      ok(
        act(appealed, { type: 'reviewAppeal', upheld: true, note: '经核实属实，不计入差评' }, center, at('2026-03-16')),
      ).status,
    ).toBe('voided');
    const rejected = ok(
      act(appealed, { type: 'reviewAppeal', upheld: false, note: '申诉理由不成立' }, center, at('2026-03-16')),
    );
    expect(rejected.status).toBe('awaiting_call_back');
    expect(code(act(rejected, { type: 'appeal', grounds: '再次申诉' }, leaderCenter, at('2026-03-16')))).toBe(
      'APPEAL_ALREADY_FILED',
    );
  });

  test('§五(五) warnings follow the deadline of the current step', () => {
    expect(badRatingWarning(cal, open(), at('2026-03-06'))).toEqual({
      due: '2026-03-09',
      level: 'due_soon',
      remainingWorkingDays: 1,
    });
    expect(badRatingWarning(cal, open(), at('2026-03-10'))).toMatchObject({ level: 'overdue' });
    const called = ok(act(open(), { type: 'callBack', note: '回访' }, agentA, at('2026-03-09')));
    expect(badRatingWarning(cal, called, at('2026-03-10'))).toEqual({
      due: '2026-03-27',
      level: 'on_track',
      remainingWorkingDays: 13,
    });
    const appealed = ok(act(called, { type: 'appeal', grounds: '不实' }, agentA, at('2026-03-10')));
    expect(badRatingWarning(cal, appealed, at('2026-03-16'))).toMatchObject({ due: '2026-03-17', level: 'due_soon' });
    const verifying = ok(act(called, { type: 'rectify', measures: '整改', result: '已改' }, agentA, at('2026-03-10')));
    expect(badRatingWarning(cal, verifying, at('2026-03-16'))).toBeNull();
  });

  test('§五(五) a deadline in a year without a calendar is refused with CALENDAR_YEAR_MISSING', () => {
    const late = openBadRating(finished, 'dissatisfied', false, at('2026-12-28'));
    expect(code(act(late, { type: 'appeal', grounds: '不实' }, agentA, at('2026-12-29')))).toBe(
      'CALENDAR_YEAR_MISSING',
    );
  });
});

describe('§五(五) 差评 handling: what is recorded, who is told, who may see the rater', () => {
  const open = (): BadRatingCase => openBadRating(finished, 'dissatisfied', false, at('2026-03-06'));
  const ok = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }) => {
    if (!r.ok) throw new Error(`${r.code} ${r.message}`);
    return r.value;
  };

  test('§五(五) the call-back records who, when (possibly earlier than recorded) and how; the rectification its measures and result', () => {
    const called = ok(
      applyBadRatingAction(
        cal,
        open(),
        { type: 'callBack', note: '申请人说跑了三次', calledAt: at('2026-03-06', '16:00'), channel: 'phone' },
        agentA,
        at('2026-03-09'),
      ),
    );
    expect(called.history[0]).toMatchObject({
      by: { id: 'st-a', role: 'agent' },
      note: '申请人说跑了三次',
      data: { calledAt: at('2026-03-06', '16:00'), channel: 'phone' },
    });
    expect(badRatingStepText(called.history[0])).toBe('电话回访：申请人说跑了三次');
    // a call before the 差评 existed, or in the future, is a typo
    expect(
      code(
        applyBadRatingAction(
          cal,
          open(),
          { type: 'callBack', note: '回访', calledAt: at('2026-03-05') },
          agentA,
          at('2026-03-09'),
        ),
      ),
    ).toBe('CALLED_AT_INVALID');
    expect(
      code(
        applyBadRatingAction(
          cal,
          open(),
          { type: 'callBack', note: '回访', calledAt: at('2026-03-10') },
          agentA,
          at('2026-03-09'),
        ),
      ),
    ).toBe('CALLED_AT_INVALID');
    expect(
      code(
        applyBadRatingAction(cal, called, { type: 'rectify', measures: '一次性告知清单' }, agentA, at('2026-03-10')),
      ),
    ).toBe('RESULT_REQUIRED');
    const fixed = ok(
      applyBadRatingAction(
        cal,
        called,
        { type: 'rectify', measures: '一次性告知清单', result: '申请人已领证' },
        agentA,
        at('2026-03-10'),
      ),
    );
    expect(badRatingStepText(fixed.history[1])).toBe('整改措施：一次性告知清单；整改结果：申请人已领证');
    const back = ok(
      applyBadRatingAction(cal, fixed, { type: 'verify', accepted: false, note: '未落实' }, center, at('2026-03-11')),
    );
    expect(badRatingStepText(back.history[2])).toBe('退回重新整改：未落实');
    const fixed2 = ok(
      applyBadRatingAction(
        cal,
        back,
        { type: 'rectify', measures: '再整改', result: '已落实' },
        agentA,
        at('2026-03-12'),
      ),
    );
    expect(
      badRatingStepText(
        ok(
          applyBadRatingAction(cal, fixed2, { type: 'verify', accepted: true, note: '属实' }, center, at('2026-03-13')),
        ).history[4],
      ),
    ).toBe('核实通过：属实');
    const appealed = ok(
      applyBadRatingAction(cal, open(), { type: 'appeal', grounds: '不实' }, agentA, at('2026-03-09')),
    );
    expect(badRatingStepText(appealed.history[0])).toBe('申诉理由：不实');
    expect(
      badRatingStepText(
        ok(
          applyBadRatingAction(
            cal,
            appealed,
            { type: 'reviewAppeal', upheld: true, note: '成立' },
            center,
            at('2026-03-10'),
          ),
        ).history[1],
      ),
    ).toBe('申诉成立，不计入差评：成立');
    expect(
      badRatingStepText(
        ok(
          applyBadRatingAction(
            cal,
            appealed,
            { type: 'reviewAppeal', upheld: false, note: '不成立' },
            center,
            at('2026-03-10'),
          ),
        ).history[1],
      ),
    ).toBe('申诉不成立，继续整改：不成立');
    const plain = ok(applyBadRatingAction(cal, open(), { type: 'callBack', note: '面谈' }, center, at('2026-03-09')));
    expect(badRatingStepText(plain.history[0])).toBe('回访：面谈');
  });

  test('§五(五) a new 差评 goes to the unit leader and the agents, the result to the rater, an appeal to the center, a decision back to the unit', () => {
    const rec = open();
    expect(badRatingNotices(null, rec, 'o_elder')).toEqual([
      { kind: 'bad_rating_opened', to: { kind: 'unit_leader', unitId: 'center' } },
      { kind: 'bad_rating_opened', to: { kind: 'staff', id: 'st-a' } },
    ]);
    const called = ok(applyBadRatingAction(cal, rec, { type: 'callBack', note: '回访' }, agentA, at('2026-03-09')));
    expect(badRatingNotices(rec, called, 'o_elder')).toEqual([]);
    const fixed = ok(
      applyBadRatingAction(
        cal,
        called,
        { type: 'rectify', measures: '整改', result: '已改' },
        agentA,
        at('2026-03-10'),
      ),
    );
    expect(badRatingNotices(called, fixed, 'o_elder')).toEqual([
      { kind: 'bad_rating_rectified', to: { kind: 'applicant', id: 'o_elder' } },
    ]);
    const closed = ok(
      applyBadRatingAction(cal, fixed, { type: 'verify', accepted: true, note: '属实' }, center, at('2026-03-11')),
    );
    expect(badRatingNotices(fixed, closed, 'o_elder').map((n) => n.kind)).toEqual([
      'bad_rating_reviewed',
      'bad_rating_reviewed',
    ]);
    const appealed = ok(applyBadRatingAction(cal, rec, { type: 'appeal', grounds: '不实' }, agentA, at('2026-03-09')));
    expect(badRatingNotices(rec, appealed, 'o_elder')).toEqual([
      { kind: 'bad_rating_appealed', to: { kind: 'center' } },
    ]);
  });

  test('§五(五) with hideRaterFromStaff, agents and leaders see who rated what only once it is settled; the center calls back', () => {
    const hide = withRating({ hideRaterFromStaff: true });
    const r = { at: at('2026-03-06'), followUp: null };
    expect(ratingVisibleTo('agent', r, ['awaiting_call_back'], at('2026-03-07'))).toBe(true);
    expect(ratingVisibleTo('agent', r, ['awaiting_call_back'], at('2026-03-07'), hide)).toBe(false);
    expect(ratingVisibleTo('leader', r, ['closed'], at('2026-03-07'), hide)).toBe(false);
    expect(ratingVisibleTo('leader', r, ['closed'], at('2026-06-30'), hide)).toBe(true);
    expect(
      ratingVisibleTo(
        'leader',
        {
          ...r,
          followUp: rated().followUp ?? {
            level: 'satisfied',
            dimensions: {},
            tags: [],
            comment: null,
            at: at('2026-03-08'),
          },
        },
        ['voided'],
        at('2026-03-09'),
        hide,
      ),
    ).toBe(true);
    expect(
      ratingVisibleTo(
        'leader',
        r,
        [],
        at('2026-06-30'),
        withRating({ hideRaterFromStaff: true, followUpWithinDays: null }),
      ),
    ).toBe(false);
    expect(ratingVisibleTo('center', r, ['awaiting_call_back'], at('2026-03-07'), hide)).toBe(true);
    expect(ratingVisibleTo('agent', null, [], at('2026-03-07'), hide)).toBe(true);
    expect(
      code(applyBadRatingAction(cal, open(), { type: 'callBack', note: '回访' }, agentA, at('2026-03-09'), hide)),
    ).toBe('RATER_HIDDEN');
    expect(
      code(applyBadRatingAction(cal, open(), { type: 'callBack', note: '回访' }, center, at('2026-03-09'), hide)),
    ).toBe('ALLOWED');
  });
});
