import { maskIdNumber, maskName, maskPhone, responsibleUnit, submitApplicationInput } from '../../core';

test('personal data is masked', () => {
  expect(maskPhone('13912345678')).toBe('139****5678');
  expect(maskPhone('0996-1234567')).toBe('099****4567');
  expect(maskName('张桂兰')).toBe('张**');
  expect(maskName('古丽米拉·艾力')).toBe('古******');
  expect(maskIdNumber('652828195401011234')).toBe('6528**********1234');
});

test('§四(一): center matters stay with the center, projects go to the department', () => {
  expect(responsibleUnit('livelihood')).toBe('center');
  expect(responsibleUnit('enterprise')).toBe('center');
  expect(responsibleUnit('investment')).toBe('fgw');
  expect(responsibleUnit('major')).toBe('fgw');
});

test('the application form accepts mobiles and landlines, strips unknown keys, explains errors in Chinese', () => {
  const ok = submitApplicationInput.parse({
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'help',
    matter: '  设立登记  ',
    contactName: '王海',
    contactPhone: '0996-6012345',
    role: 'center',
  });
  expect(ok).toEqual({
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'help',
    matter: '设立登记',
    contactName: '王海',
    contactPhone: '0996-6012345',
  });
  const bad = submitApplicationInput.safeParse({
    category: 'x',
    applicantType: 'person',
    mode: 'help',
    matter: '办',
    contactName: '',
    contactPhone: '110',
  });
  expect(bad.success).toBe(false);
  const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
  expect(messages).toEqual({
    category: '请选择办理事项的类别',
    matter: '请简要说明要办理的事项',
    contactName: '请填写联系人姓名',
    contactPhone: '请填写正确的手机号或带区号的固定电话',
  });
});
