import {
  applyBadRatingAction,
  badRatingDueOn,
  beijingInstant,
  createWorkCalendar,
  dimensionField,
  dimensionLabel,
  figures,
  isoWeek,
  LEDGER_COLUMNS,
  ledgerRow,
  ledgerSheetRow,
  openBadRating,
  percent,
  periodKeys,
  periodLabel,
  periodOf,
  periodRange,
  periodSeries,
  periodStart,
  STATISTICS_COLUMNS,
  statisticsLines,
  statisticsSheetRow,
  topReasons,
  EMPTY_COUNTS,
  type Actor,
  type BadRatingCase,
  type LedgerCase,
  type Rating,
} from '../../core';

const cal = createWorkCalendar();
const at = (date: string, time = '11:00') => beijingInstant(date, time);
const agent: Actor = { id: 'st-a', role: 'agent', unitId: 'center' };
const center: Actor = { id: 'st-c', role: 'center', unitId: 'center' };

function ok<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  return r.value;
}

const base: LedgerCase = {
  _id: 'c-a',
  caseNo: 'BB20260302-0001',
  category: 'enterprise',
  mode: 'proxy',
  matter: '天山食品有限公司设立登记，联系人电话13899001122',
  contactName: '王海',
  unitId: 'center',
  unitName: '和硕县政务服务中心',
  agentId: 'st-a',
  agentName: '陈静',
  firstAgentId: 'st-a',
  status: 'finished',
  submittedAt: at('2026-03-01', '20:00'),
  endedAt: at('2026-03-10', '17:00'),
  // Monday 2 March, 5 working days; 补正 from Tuesday 3rd, materials in on Thursday 5th
  clock: {
    receivedOn: '2026-03-02',
    receivedAt: at('2026-03-02'),
    limitWorkingDays: 5,
    extraWorkingDays: 0,
    pauses: [{ kind: 'materials', from: '2026-03-03', until: '2026-03-05' }],
  },
  tasks: [{ departmentId: 'scjgj' }, { departmentId: 'swj' }, { departmentId: 'scjgj' }],
  refusalReasons: [],
  termination: null,
  result: { outcome: 'approved' },
  timeline: [
    { action: 'apply', at: at('2026-03-01', '20:00') },
    { action: 'accept', at: at('2026-03-02', '10:00') },
    { action: 'deliver', at: at('2026-03-02', '15:00') },
    { action: 'finish', at: at('2026-03-10', '17:00') },
  ],
};

const rating = (
  level: Rating['level'],
  on: string,
  tags: Rating['tags'] = [],
  source: Rating['source'] = 'applicant',
): Rating => ({
  caseId: 'x',
  raterId: 'o',
  source,
  level,
  dimensions: {},
  tags,
  comment: null,
  at: at(on),
  followUp: null,
});

describe('§五(六) periods', () => {
  test('§五(六) ISO weeks, months, quarters and years of a Beijing day', () => {
    expect(periodKeys('2026-11-28')).toEqual({ week: '2026-W48', month: '2026-11', quarter: '2026-Q4', year: '2026' });
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(periodKeys('2026-03-31').quarter).toBe('2026-Q1');
    expect(periodKeys('2026-04-01').quarter).toBe('2026-Q2');
  });

  test('§五(六) period starts, series (oldest first, across years) and labels', () => {
    expect(periodStart('year', '2026')).toBe('2026-01-01');
    expect(periodStart('quarter', '2026-Q3')).toBe('2026-07-01');
    expect(periodStart('month', '2026-02')).toBe('2026-02-01');
    expect(periodStart('week', '2026-W01')).toBe('2025-12-29');
    expect(periodStart('week', '2026-W48')).toBe('2026-11-23');
    expect(periodSeries('month', '2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodSeries('week', '2026-W02', 3)).toEqual(['2025-W52', '2026-W01', '2026-W02']);
    expect(periodSeries('quarter', '2026-Q1', 2)).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodSeries('year', '2026', 3)).toEqual(['2024', '2025', '2026']);
    expect(periodSeries('week', '2027-W01', 2)).toEqual(['2026-W53', '2027-W01']);
    expect(periodRange('month', '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('week', '2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodRange('quarter', '2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodRange('year', '2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(periodOf('quarter', '2026-11-28')).toBe('2026-Q4');
    expect([
      periodLabel('week', '2026-W08'),
      periodLabel('month', '2026-03'),
      periodLabel('quarter', '2026-Q2'),
      periodLabel('year', '2026'),
    ]).toEqual(['2026年第8周', '2026年3月', '2026年第2季度', '2026年']);
  });
});

describe('§五(六) one ledger row per case', () => {
  test('§五(六) a finished case: dates, working days used against the limit (补正 not counted), on time, departments, rating', () => {
    const row = ledgerRow(base, rating('very_satisfied', '2026-03-11'), [], cal);
    expect(row).toMatchObject({
      _id: 'c-a',
      applicant: '王*',
      outcome: 'finished',
      approval: 'approved',
      receivedOn: '2026-03-01',
      acceptedOn: '2026-03-02',
      deliveredOn: '2026-03-02',
      endedOn: '2026-03-10',
      dueOn: '2026-03-11',
      limitDays: 5,
      // 3rd (the pause's first day counts), 6th, 9th, 10th
      usedDays: 4,
      onTime: true,
      departments: ['scjgj', 'swj'],
      rk: { month: '2026-03', week: '2026-W09' },
      ek: { month: '2026-03', week: '2026-W11', quarter: '2026-Q1', year: '2026' },
      reasons: [],
      rating: { level: 'very_satisfied', followUpLevel: null, source: 'applicant', on: '2026-03-11' },
      n: {
        fin: 1,
        ter: 0,
        ref: 0,
        timed: 1,
        onTime: 1,
        used: 4,
        rated: 1,
        sat: 1,
        bad: 0,
        cb: 0,
        cbOnTime: 0,
        rect: 0,
        rectOnTime: 0,
      },
    });
    // the ledger never keeps a phone number, not even inside the matter
    expect(JSON.stringify(row)).not.toMatch(/13899001122|王海/);
    expect(row.matter).toContain('138****1122');
  });

  test('§五(六) late, with a 差评 called back in time and rectified late; the 差评 tags are its reasons', () => {
    const late: LedgerCase = {
      ...base,
      _id: 'c-b',
      endedAt: at('2026-03-06', '17:00'),
      clock: { ...base.clock!, limitWorkingDays: 2, pauses: [] },
      tasks: [],
    };
    const r = rating('dissatisfied', '2026-03-06', ['slow', 'many_trips']);
    let bad = openBadRating(
      {
        caseId: 'c-b',
        applicantId: 'o',
        status: 'finished',
        endedAt: late.endedAt,
        agentIds: ['st-a'],
        unitId: 'center',
      },
      'dissatisfied',
      false,
      at('2026-03-06'),
    );
    bad = ok(
      applyBadRatingAction(
        cal,
        bad,
        { type: 'callBack', note: '回访', calledAt: at('2026-03-09', '09:00') },
        agent,
        at('2026-03-09', '18:00'),
      ),
    );
    // rectification due 27 March (15 working days), done 31 March
    bad = ok(
      applyBadRatingAction(
        cal,
        bad,
        { type: 'rectify', measures: '告知清单', result: '已改' },
        agent,
        at('2026-03-31'),
      ),
    );
    const row = ledgerRow(late, r, [bad], cal);
    expect(row).toMatchObject({ usedDays: 4, limitDays: 2, onTime: false, badStates: ['awaiting_verification'] });
    expect(row.reasons).toEqual([
      { k: 'bad', v: '办理时间长' },
      { k: 'bad', v: '多次跑动' },
    ]);
    expect(row.n).toMatchObject({
      timed: 1,
      onTime: 0,
      rated: 1,
      sat: 0,
      bad: 1,
      cb: 1,
      cbOnTime: 1,
      rect: 1,
      rectOnTime: 0,
    });
    // called back a day late: not in time
    let slow = openBadRating(
      {
        caseId: 'c-b',
        applicantId: 'o',
        status: 'finished',
        endedAt: late.endedAt,
        agentIds: ['st-a'],
        unitId: 'center',
      },
      'dissatisfied',
      false,
      at('2026-03-06'),
    );
    slow = ok(applyBadRatingAction(cal, slow, { type: 'callBack', note: '回访' }, agent, at('2026-03-10')));
    slow = ok(
      applyBadRatingAction(
        cal,
        slow,
        { type: 'rectify', measures: '告知清单', result: '已改' },
        agent,
        at('2026-03-11'),
      ),
    );
    slow = ok(
      applyBadRatingAction(cal, slow, { type: 'verify', accepted: true, note: '属实' }, center, at('2026-03-12')),
    );
    expect(ledgerRow(late, { ...r, tags: [] }, [slow], cal)).toMatchObject({
      reasons: [{ k: 'bad', v: '其他' }],
      n: { bad: 1, cb: 1, cbOnTime: 0, rect: 1, rectOnTime: 1 },
    });
  });

  test('§五(六) refused, terminated and withdrawn cases carry their reasons; default ratings and voided 差评 leave the statistics', () => {
    const refused = ledgerRow(
      {
        ...base,
        status: 'refused',
        clock: null,
        result: null,
        tasks: [],
        refusalReasons: [{ message: '不属于新办企业' }, { message: '  ' }, { message: '材料不齐全，'.repeat(10) }],
      },
      null,
      [],
      cal,
    );
    expect(refused).toMatchObject({
      outcome: 'refused',
      limitDays: null,
      usedDays: null,
      onTime: null,
      rating: null,
      n: { ref: 1, fin: 0, timed: 0, rated: 0 },
    });
    expect(refused.reasons.map((r) => r.v)).toEqual(['不属于新办企业', `${'材料不齐全，'.repeat(7).slice(0, 39)}…`]);

    const terminated = ledgerRow(
      { ...base, status: 'terminated', result: null, termination: { ground: 'cannot_finish', reason: '项目停建' } },
      rating('satisfied', '2026-03-20', [], 'default'),
      [],
      cal,
    );
    expect(terminated).toMatchObject({
      outcome: 'terminated',
      onTime: null,
      reasons: [{ k: 'termination', v: '业务本身不具备办结条件' }],
      rating: { source: 'default' },
      n: { ter: 1, timed: 0, used: 0, rated: 0, sat: 0 },
    });

    let voided: BadRatingCase = openBadRating(
      {
        caseId: 'c-e',
        applicantId: 'o',
        status: 'terminated',
        endedAt: base.endedAt,
        agentIds: ['st-a'],
        unitId: 'center',
      },
      'very_dissatisfied',
      false,
      at('2026-03-10'),
    );
    voided = ok(applyBadRatingAction(cal, voided, { type: 'appeal', grounds: '不实' }, agent, at('2026-03-11')));
    voided = ok(
      applyBadRatingAction(cal, voided, { type: 'reviewAppeal', upheld: true, note: '成立' }, center, at('2026-03-12')),
    );
    const withdrawn = ledgerRow(
      { ...base, status: 'terminated', clock: null, result: null },
      rating('very_dissatisfied', '2026-03-10', ['poor_attitude']),
      [voided],
      cal,
    );
    expect(withdrawn).toMatchObject({
      reasons: [{ k: 'termination', v: '申请人撤回申请' }],
      badStates: ['voided'],
      n: { rated: 0, bad: 0 },
    });
  });

  test('§五(六) 受理件数 is counted by the day a case was accepted; a submission refused, withdrawn or still waiting has no acceptance period', () => {
    // submitted on Sunday 1 March (Beijing 20:00), accepted Monday 2 March: 受理 belongs to the 2nd
    expect(ledgerRow(base, null, [], cal)).toMatchObject({
      receivedOn: '2026-03-01',
      acceptedOn: '2026-03-02',
      rk: { week: '2026-W09' },
      ak: { week: '2026-W10', month: '2026-03' },
    });
    const never = [
      {
        ...base,
        status: 'applied' as const,
        endedAt: null,
        clock: null,
        result: null,
        timeline: base.timeline.slice(0, 1),
      },
      {
        ...base,
        status: 'refused' as const,
        clock: null,
        result: null,
        refusalReasons: [{ message: '不属于帮办代办范围' }],
        timeline: [...base.timeline.slice(0, 1), { action: 'refuse', at: at('2026-03-02') }],
      },
      {
        ...base,
        status: 'terminated' as const,
        clock: null,
        result: null,
        timeline: [...base.timeline.slice(0, 1), { action: 'withdraw', at: at('2026-03-02') }],
      },
    ];
    for (const c of never)
      expect(ledgerRow(c, null, [], cal)).toMatchObject({ acceptedOn: null, ak: null, rk: { month: '2026-03' } });
  });

  test('§五(六) an open case counts as received only; a year without a calendar leaves the working days unknown', () => {
    const open = ledgerRow({ ...base, status: 'handling', endedAt: null, result: null }, null, [], cal);
    expect(open).toMatchObject({
      outcome: 'open',
      endedOn: null,
      ek: null,
      usedDays: null,
      dueOn: '2026-03-11',
      n: { fin: 0, timed: 0 },
    });
    const future = ledgerRow(
      { ...base, clock: { ...base.clock!, receivedOn: '2031-03-03', pauses: [] }, endedAt: at('2031-03-10') },
      null,
      [],
      cal,
    );
    expect(future).toMatchObject({ dueOn: null, usedDays: null, onTime: null, n: { timed: 0 } });
    // a 差评 whose deadlines cannot be counted is still a 差评
    const bad = openBadRating(
      { caseId: 'c', applicantId: 'o', status: 'finished', endedAt: at('2031-03-10'), agentIds: [], unitId: 'center' },
      'dissatisfied',
      false,
      at('2031-03-10'),
    );
    const called = {
      ...bad,
      status: 'awaiting_rectification' as const,
      history: [
        {
          action: 'callBack' as const,
          from: 'awaiting_call_back' as const,
          to: 'awaiting_rectification' as const,
          by: { id: 'st-c', role: 'center' as const },
          at: at('2031-03-11'),
          note: '回访',
        },
      ],
    };
    expect(
      ledgerRow({ ...base, endedAt: at('2031-03-10') }, rating('dissatisfied', '2031-03-10', ['slow']), [called], cal)
        .n,
    ).toMatchObject({ bad: 1, cb: 1, cbOnTime: 0 });
    expect(badRatingDueOn(cal, bad)).toBeNull();
  });
});

describe('§五(六) statistics from aggregation answers', () => {
  test('§五(六) received joins ended per key; rates by hand', () => {
    const { lines, total } = statisticsLines(
      [
        { _id: 'center', received: 6, label: '政务服务中心' },
        { _id: 'fgw', received: 2, label: '发改委' },
      ],
      [
        {
          _id: 'center',
          fin: 3,
          ter: 1,
          ref: 1,
          timed: 3,
          onTime: 2,
          used: 14,
          rated: 4,
          sat: 3,
          bad: 1,
          cb: 1,
          cbOnTime: 1,
          rect: 0,
          rectOnTime: 0,
        },
        { _id: 'swj', fin: 1, timed: 1, onTime: 1, used: 3, label: '税务局' },
      ],
      (k, seen) => seen ?? String(k),
    );
    expect(lines.map((l) => [l.key, l.label, l.received, l.finished])).toEqual([
      ['center', '政务服务中心', 6, 3],
      ['fgw', '发改委', 2, 0],
      ['swj', '税务局', 0, 1],
    ]);
    expect(lines[0]).toMatchObject({
      onTimeRate: 0.6667,
      averageWorkingDays: 4.7,
      satisfactionRate: 0.75,
      callBackRate: 1,
      callBackOnTimeRate: 1,
      rectificationRate: 0,
      rectificationOnTimeRate: 0,
    });
    expect(lines[1]).toMatchObject({
      onTimeRate: null,
      averageWorkingDays: null,
      satisfactionRate: null,
      callBackRate: null,
    });
    expect(total).toMatchObject({
      label: '合计',
      received: 8,
      finished: 4,
      terminated: 1,
      refused: 1,
      timed: 4,
      onTime: 3,
      onTimeRate: 0.75,
      averageWorkingDays: 4.3,
      rated: 4,
      satisfactionRate: 0.75,
      bad: 1,
    });
  });

  test('§五(六) a period series keeps its empty periods in order', () => {
    const { lines } = statisticsLines(
      [{ _id: '2026-03', received: 2 }],
      [{ _id: '2026-01', fin: 1 }],
      (k) => periodLabel('month', k!),
      ['2026-01', '2026-02', '2026-03'],
    );
    expect(lines.map((l) => [l.label, l.received, l.finished])).toEqual([
      ['2026年1月', 0, 1],
      ['2026年2月', 0, 0],
      ['2026年3月', 2, 0],
    ]);
  });

  test('§五(六) top reasons per kind, most frequent first', () => {
    const top = topReasons(
      [
        { _id: { k: 'bad', v: '多次跑动' }, n: 2 },
        { _id: { k: 'bad', v: '办理时间长' }, n: 5 },
        { _id: { k: 'refusal', v: '不属于帮办代办范围' }, n: 3 },
        { _id: { k: 'bad', v: '服务态度差' }, n: 2 },
        { _id: { k: 'unknown', v: 'x' }, n: 9 },
      ],
      2,
    );
    expect(top).toEqual({
      refusal: [{ reason: '不属于帮办代办范围', count: 3 }],
      termination: [],
      bad: [
        { reason: '办理时间长', count: 5 },
        { reason: '多次跑动', count: 2 },
      ],
    });
  });

  test('§五(六) dimensions: which field each groups by, and how keys read', () => {
    expect([
      dimensionField('period', 'quarter', 'ek'),
      dimensionField('category', 'month', 'rk'),
      dimensionField('unit', 'month', 'rk'),
      dimensionField('agent', 'month', 'ek'),
    ]).toEqual(['ek.quarter', 'category', 'unitId', 'agentId']);
    expect(dimensionLabel('agent', 'month', null, null)).toBe('未分派');
    expect(dimensionLabel('unit', 'month', '', null)).toBe('未知');
    expect(dimensionLabel('period', 'month', '2026-03', null)).toBe('2026年3月');
    expect(dimensionLabel('category', 'month', 'livelihood', null)).toBe('民生保障类事项');
    expect(dimensionLabel('category', 'month', 'other', null)).toBe('other');
    expect(dimensionLabel('unit', 'month', 'fgw', '发改委')).toBe('发改委');
    expect(dimensionLabel('agent', 'month', 'st-x', null)).toBe('st-x');
    expect(figures(EMPTY_COUNTS).satisfactionRate).toBeNull();
  });
});

describe('§五(六) export columns in Chinese', () => {
  test('§五(六) a ledger sheet row follows the columns; statistics rows show rates as percentages', () => {
    const row = ledgerRow(
      base,
      {
        ...rating('satisfied', '2026-03-11'),
        followUp: { level: 'very_satisfied', dimensions: {}, tags: [], comment: null, at: at('2026-03-12') },
      },
      [],
      cal,
    );
    const cells = ledgerSheetRow(row, 1, { scjgj: '市场监管局', swj: '税务局' });
    expect(cells).toHaveLength(LEDGER_COLUMNS.length);
    expect(Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.header, cells[i]]))).toMatchObject({
      序号: 1,
      案件编号: 'BB20260302-0001',
      事项类别: '企业开办与变更',
      服务方式: '代办',
      申请人: '王*',
      帮代办员: '陈静',
      '承诺时限（工作日）': 5,
      '实际用时（工作日）': 4,
      是否按时办结: '是',
      并联审批部门: '市场监管局、税务局',
      办理状态: '办结',
      审批结果: '准予办理',
      评价: '满意，追评非常满意',
      差评处理: '',
    });
    const open = ledgerSheetRow(
      ledgerRow(
        {
          ...base,
          status: 'handling',
          endedAt: null,
          result: null,
          agentId: null,
          agentName: null,
          tasks: [{ departmentId: 'x' }],
        },
        rating('satisfied', '2026-03-11', [], 'default'),
        [],
        cal,
      ),
      2,
    );
    expect(open.slice(8, 9)).toEqual(['未分派']);
    expect(open[14]).toBe('');
    expect(open[15]).toBe('x');
    expect(open[16]).toBe('在办（办理中）');
    expect(open[19]).toBe('满意（默认）');
    const late = ledgerSheetRow(
      ledgerRow({ ...base, clock: { ...base.clock!, limitWorkingDays: 1 }, status: 'finished' }, null, [], cal),
      3,
    );
    expect([late[14], late[19]]).toEqual(['否', '未评价']);
    const line = statisticsLines(
      [{ _id: 'center', received: 3 }],
      [{ _id: 'center', fin: 2, timed: 2, onTime: 1, used: 9, rated: 3, sat: 2, bad: 1, cb: 1 }],
      () => '政务服务中心',
    ).lines[0];
    expect(statisticsSheetRow(line)).toEqual([
      '政务服务中心',
      3,
      2,
      0,
      0,
      '50.0%',
      4.5,
      3,
      '66.7%',
      1,
      '100.0%',
      '0.0%',
    ]);
    expect(statisticsSheetRow(line)).toHaveLength(STATISTICS_COLUMNS.length);
    expect(percent(null)).toBe('—');
  });

  test('§五(六) the 差评 page shows the deadline of the current step', () => {
    const rec = openBadRating(
      {
        caseId: 'c',
        applicantId: 'o',
        status: 'finished',
        endedAt: at('2026-03-06'),
        agentIds: ['st-a'],
        unitId: 'center',
      },
      'dissatisfied',
      false,
      at('2026-03-06'),
    );
    expect(badRatingDueOn(cal, rec)).toBe('2026-03-09');
    const called = ok(applyBadRatingAction(cal, rec, { type: 'callBack', note: '回访' }, agent, at('2026-03-09')));
    expect(badRatingDueOn(cal, called)).toBe('2026-03-27');
    const fixed = ok(
      applyBadRatingAction(cal, called, { type: 'rectify', measures: '整改', result: '已改' }, agent, at('2026-03-10')),
    );
    expect(badRatingDueOn(cal, fixed)).toBe('2026-03-17');
    const appealed = ok(applyBadRatingAction(cal, rec, { type: 'appeal', grounds: '不实' }, agent, at('2026-03-09')));
    expect(badRatingDueOn(cal, appealed)).toBe('2026-03-16');
    expect(
      badRatingDueOn(
        cal,
        ok(
          applyBadRatingAction(cal, fixed, { type: 'verify', accepted: true, note: '属实' }, center, at('2026-03-11')),
        ),
      ),
    ).toBeNull();
  });
});
