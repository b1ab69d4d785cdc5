import {
  draftMessage,
  fitKeyword,
  formatMessageTime,
  keywordType,
  MESSAGE_KINDS,
  NOTIFICATION_KINDS,
  templateData,
  type BookingFacts,
  type CaseFacts,
  type MessageKind,
  type TemplateConfig,
} from '../../core';

const PAGES = {
  case: 'pages/case/index?id=',
  workbench: 'packages/staff/pages/case/index?caseId=',
  booking: 'pages/book/index?bookingId=',
  settings: 'packages/center/pages/admin/index?tab=settings',
};

test('keyword values are cut to WeChat limits cleanly', () => {
  expect(keywordType('character_string12')).toBe('character_string');
  expect(fitKeyword('thing1', '这是一段超过二十个字符的事项说明文字用于测试长度限制')).toBe(
    '这是一段超过二十个字符的事项说明文字用…',
  );
  expect([...fitKeyword('thing1', '这是一段超过二十个字符的事项说明文字用于测试长度限制')]).toHaveLength(20);
  expect(fitKeyword('thing1', '短')).toBe('短');
  expect(fitKeyword('phrase3', '已受理 OK')).toBe('已受理');
  expect(fitKeyword('phrase3', '已提交，待受理')).toBe('已提交待受');
  expect(fitKeyword('character_string1', 'BB20261128-0001 案')).toBe('BB20261128-0001');
  expect(fitKeyword('name2', 'Zhang 张桂兰')).toBe('张桂兰');
  expect(fitKeyword('number4', '12345678901234567890123456789012345')).toHaveLength(32);
  expect(fitKeyword('thing1', '   ')).toBe('-');
  expect(fitKeyword('time9', '2026年11月28日 09:30')).toBe('2026年11月28日 09:30');
});

test("message times are Beijing time in WeChat's format", () => {
  expect(formatMessageTime(new Date('2026-11-28T01:30:00Z'))).toBe('2026年11月28日 09:30');
  expect(formatMessageTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
});

test("a message carries the case number, the kind of matter, status and note — never the applicant's words", () => {
  const facts = {
    caseId: 'c1',
    caseNo: 'BB20261128-0001',
    category: 'investment' as const,
    mode: 'proxy' as const,
    status: 'handling' as const,
  };
  const draft = draftMessage('materials_requested', facts, new Date('2026-11-28T01:30:00Z'), PAGES);
  expect(draft).toEqual({
    purpose: 'progress',
    title: '办理进度通知',
    fields: {
      caseNo: 'BB20261128-0001',
      matter: '500万元以上（含）投资项目·代办',
      status: '办理中',
      note: '需要补正材料，请查看清单',
      time: '2026年11月28日 09:30',
    },
    page: 'pages/case/index?id=c1',
  });
  expect(draftMessage('overdue', facts, new Date(), { ...PAGES, case: 'a?id=', workbench: 'w?caseId=' })).toMatchObject(
    {
      purpose: 'staff_task',
      page: 'w?caseId=c1',
      fields: { note: '服务时限已超期' },
    },
  );
  // no case behind it: the center is taken to the settings screen where the year is entered
  expect(
    draftMessage('calendar_missing', { ...facts, caseId: '-', caseNo: '2027年' }, new Date(), PAGES),
  ).toMatchObject({
    purpose: 'staff_task',
    page: 'packages/center/pages/admin/index?tab=settings',
    fields: { caseNo: '2027年', matter: '节假日与调休安排', status: '待录入', note: '该年节假日安排尚未录入' },
  });
  expect(
    draftMessage('regional_holidays_missing', { ...facts, caseId: '-', caseNo: '2026年' }, new Date(), PAGES),
  ).toMatchObject({
    page: 'packages/center/pages/admin/index?tab=settings',
    fields: { note: '该年少数民族节日放假未录入' },
  });
  const template: TemplateConfig = {
    id: 'T',
    kind: 'one-time',
    keywords: { caseNo: 'character_string1', matter: 'thing2', status: 'phrase3' },
  };
  expect(templateData(template, draft.fields)).toEqual({
    character_string1: { value: 'BB20261128-0001' },
    thing2: { value: '500万元以上（含）投资项目·代办' },
    phrase3: { value: '办理中' },
  });
});

const caseFacts: CaseFacts = {
  caseId: 'c1',
  caseNo: 'BB20261128-0001',
  category: 'investment',
  mode: 'proxy',
  status: 'handling',
};
const bookingFacts: BookingFacts = {
  bookingId: 'bk_m1abc_0011223344',
  caseId: null,
  caseNo: null,
  category: 'livelihood',
  kind: 'after_hours',
  status: 'active',
  date: '2026-12-01',
  start: '19:30',
};
const isBooking = (k: MessageKind) => k.startsWith('booking_') || k.startsWith('appointment_');
// WeChat's keyword types our templates use, and the limits a value must meet without being cut
const KEYWORDS: TemplateConfig = {
  id: 'T',
  kind: 'one-time',
  keywords: { caseNo: 'character_string1', matter: 'thing2', status: 'phrase3', note: 'thing4', time: 'time5' },
};

test('issue 7: every message the issue lists exists, for the right reader', () => {
  const applicant = [
    'case_accepted',
    'case_refused',
    'progress_report',
    'materials_requested',
    'deadline_extended',
    'booking_confirmed',
    'appointment_day_before',
    'appointment_hour_before',
    'case_finished',
    'rating_invited',
    'bad_rating_rectified',
  ];
  const staff = ['case_assigned', 'due_soon', 'overdue', 'case_supervised', 'joint_meeting_convened'];
  for (const k of [...applicant, ...staff]) expect(MESSAGE_KINDS).toContain(k);
  for (const k of applicant)
    expect(
      draftMessage(
        k as MessageKind,
        isBooking(k as MessageKind) ? bookingFacts : caseFacts,
        new Date(),
        PAGES,
        'applicant',
      ).page,
    ).toMatch(/^pages\//);
  for (const k of staff)
    expect(draftMessage(k as MessageKind, caseFacts, new Date(), PAGES).page).toMatch(/^packages\/staff\//);
  // every lifecycle notification has its message
  for (const k of Object.keys(NOTIFICATION_KINDS)) expect(MESSAGE_KINDS).toContain(k);
});

test('every message kind fits WeChat keywords without cutting its note, and carries no personal data', () => {
  for (const kind of MESSAGE_KINDS) {
    for (const audience of ['applicant', 'staff'] as const) {
      const draft = draftMessage(
        kind,
        isBooking(kind) ? bookingFacts : caseFacts,
        new Date('2026-11-28T01:30:00Z'),
        PAGES,
        audience,
      );
      expect([...draft.fields.note].length).toBeLessThanOrEqual(20);
      expect(Object.keys(draft.fields).sort()).toEqual(['caseNo', 'matter', 'note', 'status', 'time']);
      const data = templateData(KEYWORDS, draft.fields);
      expect(data.thing4.value).toBe(draft.fields.note);
      expect(data.phrase3.value).not.toBe('-');
      expect(data.time5.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      expect(data.character_string1.value).toMatch(/^[\x21-\x7e]{1,32}$/);
    }
  }
});

test('预约 messages: the slot time, the kind of service, the booking or case reference; home visits read differently', () => {
  const confirmed = draftMessage(
    'booking_confirmed',
    bookingFacts,
    new Date('2026-11-28T01:30:00Z'),
    PAGES,
    'applicant',
  );
  expect(confirmed).toEqual({
    purpose: 'appointment',
    title: '预约提醒',
    // a booking without a case goes by its day and time, never its internal id (issue 16)
    fields: {
      caseNo: 'YY20261201-1930',
      matter: '延时服务·民生保障类事项',
      status: '已预约',
      note: '预约成功，请按时到政务服务中心',
      time: '2026年12月1日 19:30',
    },
    page: 'pages/book/index?bookingId=bk_m1abc_0011223344',
  });
  const home = draftMessage(
    'appointment_day_before',
    { ...bookingFacts, kind: 'home_visit', caseId: 'c9', caseNo: 'BB20261128-0009' },
    new Date(),
    PAGES,
    'applicant',
  );
  expect(home.fields).toMatchObject({
    caseNo: 'BB20261128-0009',
    note: '明天工作人员将上门服务',
    matter: '上门服务·民生保障类事项',
  });
  expect(
    draftMessage('booking_no_show', { ...bookingFacts, status: 'no_show' }, new Date(), PAGES, 'applicant').fields,
  ).toMatchObject({
    status: '未到场',
    note: '您未按预约到场，可重新预约',
  });
  expect(() => draftMessage('booking_confirmed', caseFacts, new Date(), PAGES)).toThrow(/needs a booking/);
  expect(() => draftMessage('due_soon', bookingFacts, new Date(), PAGES)).toThrow(/needs a case/);
  expect(() => draftMessage('nonsense' as MessageKind, caseFacts, new Date(), PAGES)).toThrow(/unknown message kind/);
});

test('a reassignment reads "转派给您" to the new agent and "首问负责人不变" to the applicant', () => {
  expect(draftMessage('case_reassigned', caseFacts, new Date(), PAGES, 'staff')).toMatchObject({
    purpose: 'staff_task',
    page: 'packages/staff/pages/case/index?caseId=c1',
    fields: { note: '案件已转派给您' },
  });
  expect(draftMessage('case_reassigned', caseFacts, new Date(), PAGES, 'applicant')).toMatchObject({
    purpose: 'progress',
    page: 'pages/case/index?id=c1',
    fields: { note: '经办帮代办员已更换，首问负责人不变' },
  });
  // kinds without an applicant wording read the same to everyone
  expect(draftMessage('case_accepted', caseFacts, new Date(), PAGES, 'applicant').fields.note).toBe(
    draftMessage('case_accepted', caseFacts, new Date(), PAGES, 'staff').fields.note,
  );
  // 差评 handling result (the ledger's 差评 actions send it)
  expect(draftMessage('bad_rating_rectified', caseFacts, new Date(), PAGES, 'applicant')).toMatchObject({
    purpose: 'progress',
    page: 'pages/case/index?id=c1',
  });
  expect(draftMessage('bad_rating_rectify_overdue', caseFacts, new Date(), PAGES)).toMatchObject({
    purpose: 'staff_task',
    fields: { note: '差评整改已超期' },
  });
});
