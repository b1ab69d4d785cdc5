import { draftMessage, fitKeyword, formatMessageTime, keywordType, templateData, type TemplateConfig } from '../../core';

test('keyword values are cut to WeChat limits cleanly', () => {
  expect(keywordType('character_string12')).toBe('character_string');
  expect(fitKeyword('thing1', '这是一段超过二十个字符的事项说明文字用于测试长度限制')).toBe('这是一段超过二十个字符的事项说明文字用…');
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

test('message times are Beijing time in WeChat\'s format', () => {
  expect(formatMessageTime(new Date('2026-11-28T01:30:00Z'))).toBe('2026年11月28日 09:30');
  expect(formatMessageTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
});

test('a message carries the case number, the kind of matter, status and note — never the applicant\'s words', () => {
  const facts = { caseId: 'c1', caseNo: 'BB20261128-0001', category: 'investment' as const, mode: 'proxy' as const, status: 'handling' as const };
  const draft = draftMessage('materials_requested', facts, new Date('2026-11-28T01:30:00Z'), { case: 'pages/case/index?id=', workbench: 'packages/staff/pages/case/index?caseId=' });
  expect(draft).toEqual({
    purpose: 'progress',
    title: '办理进度通知',
    fields: { caseNo: 'BB20261128-0001', matter: '500万元以上（含）投资项目·代办', status: '办理中', note: '需要补正材料，请查看清单', time: '2026年11月28日 09:30' },
    page: 'pages/case/index?id=c1',
  });
  expect(draftMessage('overdue', facts, new Date(), { case: 'a?id=', workbench: 'w?caseId=' })).toMatchObject({ purpose: 'staff_task', page: 'w?caseId=c1', fields: { note: '服务时限已超期' } });
  const template: TemplateConfig = { id: 'T', kind: 'one-time', keywords: { caseNo: 'character_string1', matter: 'thing2', status: 'phrase3' } };
  expect(templateData(template, draft.fields)).toEqual({ character_string1: { value: 'BB20261128-0001' }, thing2: { value: '500万元以上（含）投资项目·代办' }, phrase3: { value: '办理中' } });
});
