/**
 * Issue 16 item 8, wording a citizen or a clerk reads: no doubled full stop after what someone
 * typed, a window's kind said once, no rulebook paragraph numbers (§三(一)) for applicants, a
 * refused case that does not promise progress, and a landline kept as typed.
 */
import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Eligibility from '../../src/pages/eligibility/index';
import CaseDetailPage, { nothingToDo } from '../../src/pages/case/index';
import Apply, { DRAFT_KEY, mandateText, type Draft } from '../../src/pages/apply/index';
import { getCase, submitApplication, type SubmittedApplication } from '../../src/services/cases';
import { getPrivacyStatus, getSubscribeTemplates } from '../../src/services/applicant';
import { idNumberCheckDigit } from '../../core/identity';
import { clause, windowTitle } from '../../src/utils/format';

/** What cases.submit answers for a new application. */
const submitted = (caseId: string, caseNo: string): SubmittedApplication => ({
  caseId,
  caseNo,
  status: 'applied',
  statusLabel: '待受理',
  unitName: '政务服务中心',
  agentName: null,
  repeated: false,
});

jest.mock('../../src/services/cases', () => ({
  ...jest.requireActual('../../src/services/cases'),
  getCase: jest.fn(),
  submitApplication: jest.fn(),
}));
jest.mock('../../src/services/applicant', () => ({
  ...jest.requireActual('../../src/services/applicant'),
  getPrivacyStatus: jest.fn(),
  getSubscribeTemplates: jest.fn(),
}));
jest.mock('../../src/services/transport', () => ({
  ...jest.requireActual('../../src/services/transport'),
  requestSubscribe: jest.fn(async () => ({})),
}));

const ID = '65282819550312002' + idNumberCheckDigit('65282819550312002');
const tap = (container: HTMLElement, hook: string) => {
  const el = container.querySelector(`.${hook}`);
  if (!el) throw new Error(`no element .${hook}`);
  fireEvent.click(el);
};

test('what someone typed is followed by one full stop, not two ("排队。。")', () => {
  expect(clause('排队。')).toBe('排队');
  expect(clause('  办理高龄津贴，。 ')).toBe('办理高龄津贴');
  expect(clause('3.5万元')).toBe('3.5万元');
  const d = { applicantName: '张桂兰', matter: '取号总要排队。' } as Draft;
  expect(mandateText(d)).toContain('代为办理：取号总要排队。委托期限');
  expect(mandateText(d)).not.toContain('。。');
});

test('a window’s kind is said once ("延时服务", not "延时 延时服务")', () => {
  expect(windowTitle('延时', '延时服务')).toBe('延时服务');
  expect(windowTitle('错时', '午间窗口')).toBe('午间窗口（错时）');
  expect(windowTitle('常规', '')).toBe('常规');
});

test('the self-check says which kind of matter in words, never the rulebook’s §三(一)', async () => {
  const { container } = render(<Eligibility />);
  tap(container, 't-category-livelihood');
  tap(container, 't-applicantType-person');
  tap(container, 't-specialGroups-elderly');
  tap(container, 't-publicService-yes');
  await act(async () => tap(container, 't-check'));
  const text = container.querySelector('.t-result-ok')?.textContent ?? '';
  expect(text).toContain('民生保障类事项');
  expect(text).not.toMatch(/§/);
});

describe('a case with nothing asked of the applicant', () => {
  it('promises progress only while it is open', () => {
    expect(nothingToDo({ status: 'handling', canRate: false })).toContain('有进展会通知您');
    for (const status of ['refused', 'terminated', 'finished'] as const)
      expect(nothingToDo({ status, canRate: false })).not.toContain('有进展');
    expect(nothingToDo({ status: 'refused', canRate: false })).toContain('不予受理');
  });

  it('a refused case on the page', async () => {
    const router = jest
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .spyOn(require('@tarojs/taro') as { useRouter: () => unknown }, 'useRouter')
      .mockReturnValue({ params: { id: 'c1' } });
    jest.mocked(getCase).mockResolvedValue({
      case: {
        caseId: 'c1',
        caseNo: 'BB20261128-000123',
        version: 2,
        matter: '办理高龄津贴',
        category: 'livelihood',
        categoryLabel: '民生保障类事项',
        status: 'refused',
        statusLabel: '不予受理',
        submittedAt: '2026-11-28T02:00:00.000Z',
        modeLabel: '帮办',
        applicantName: '张桂兰',
        due: null,
        contacts: {
          unitName: '和硕县政务服务中心',
          agentName: '陈静',
          agentPhone: '0996-5012301',
          firstAgentName: null,
          firstAgentPhone: null,
          unitPhone: '0996-5012345',
        },
        needs: [],
        timeline: [],
        result: null,
        refusalReasons: [{ code: 'X', message: '所办事项不属于民生保障类公共服务事项。' }],
        termination: null,
        materials: [],
        receipt: null,
        terminationRequest: null,
        canWithdraw: false,
        canRequestTermination: false,
        canRate: false,
      },
    } as never);
    const { container } = render(<CaseDetailPage />);
    await act(async () => {});
    expect(container.querySelector('.t-no-needs')?.textContent).toContain('不予受理');
    expect(container.textContent).not.toContain('有进展会通知您');
    router.mockRestore();
  });
});

test('a landline is sent as typed, dash and all ("0996-5011234", not "09965011234")', async () => {
  localStorage.clear();
  jest.mocked(getPrivacyStatus).mockResolvedValue({ agreed: true, version: 'v1', agreedAt: '2026-11-01T00:00:00Z' });
  jest
    .mocked(getSubscribeTemplates)
    .mockResolvedValue({ acceptResult: 't1', progress: 't2', bookingReminder: 't3', finished: 't4' });
  jest.mocked(submitApplication).mockResolvedValue(submitted('c1', 'BB20261128-000001'));
  Taro.setStorageSync(DRAFT_KEY, {
    applicantName: '张桂兰',
    idNumber: ID,
    uscc: '',
    specialGroups: ['elderly'],
    publicService: 'yes',
    projectName: '',
    investmentWan: '',
    annualPlans: [],
    matter: '办理高龄津贴',
    contactName: '张桂兰',
    contactPhone: '',
    materials: [],
    commitment: false,
    signatureFileID: '',
    requestId: '',
    category: 'livelihood',
    applicantType: 'person',
    mode: 'help',
  });
  const { container } = render(<Apply />);
  await act(async () => {});
  // a number keyboard has no dash: the field takes text
  expect(container.querySelector('.t-contact-phone')?.getAttribute('type')).not.toBe('number');
  const field = container.querySelector('.t-contact-phone')!;
  act(() => {
    field.dispatchEvent(new CustomEvent('input', { detail: { value: '0996-5011234' }, bubbles: true }));
  });
  await act(async () => tap(container, 't-submit'));
  expect(jest.mocked(submitApplication).mock.calls[0][0].contactPhone).toBe('0996-5011234');
});

test('看结果 scrolls to the result once it is on screen (it jumped to the top)', async () => {
  const where: (string | null)[] = [];
  const spy = jest.spyOn(Taro, 'pageScrollTo').mockImplementation(((o: { selector?: string }) => {
    where.push(o.selector ? (document.querySelector(o.selector) ? o.selector : `missing ${o.selector}`) : null);
    return Promise.resolve({ errMsg: 'pageScrollTo:ok' });
  }) as never);
  const { container } = render(<Eligibility />);
  tap(container, 't-category-livelihood');
  tap(container, 't-applicantType-person');
  tap(container, 't-publicService-yes');
  await act(async () => tap(container, 't-check'));
  await act(async () => new Promise((r) => setTimeout(r, 50)));
  expect(where).toEqual(['.t-result']);
  spy.mockRestore();
});
