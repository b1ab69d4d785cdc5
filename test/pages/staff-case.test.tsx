import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffCase from '../../src/packages/staff/pages/case/index';
import CaseDetailPage from '../../src/pages/case/index';
import { getCase, type CaseDetail } from '../../src/services/cases';
import {
  revealContact,
  actOnCase,
  getStaffCase,
  type StaffCaseAnswer,
  type StaffCaseDetail,
} from '../../src/services/workbench';
import { AppError } from '../../src/services/result';
import { getMyProfile } from '../../src/services/session';
import { caseProgress } from '../../core/progress';

jest.mock('../../src/services/workbench', () => ({
  ...jest.requireActual('../../src/services/workbench'),
  getStaffCase: jest.fn(),
  actOnCase: jest.fn(),
  revealContact: jest.fn(),
}));
jest.mock('../../src/services/cases', () => ({
  ...jest.requireActual('../../src/services/cases'),
  getCase: jest.fn(),
}));
jest.mock('../../src/services/session', () => ({
  ...jest.requireActual('../../src/services/session'),
  getMyProfile: jest.fn(),
}));

const detail: StaffCaseDetail = {
  caseId: 'c1',
  caseNo: 'BB20261128-000123',
  version: 3,
  matter: '年产5万吨番茄酱加工项目备案',
  category: 'investment',
  categoryLabel: '500万元以上（含）投资项目',
  status: 'handling',
  statusLabel: '办理中',
  mode: 'help',
  unitId: 'fgw',
  unitName: '和硕县发展和改革委员会',
  agentName: '马建军',
  firstAgentName: '马建军',
  contactName: '周强',
  contactPhone: '139****1111',
  canRevealContact: true,
  application: {
    applicantType: 'enterprise',
    applicantName: '和硕县天山番茄制品有限公司',
    rows: [
      { key: 'applicantName', label: '企业名称', value: '和硕县天山番茄制品有限公司' },
      { key: 'uscc', label: '统一社会信用代码', value: '91652828MA78K3L2P5' },
      { key: 'projectName', label: '项目名称', value: '番茄酱加工项目' },
      { key: 'investmentWan', label: '总投资', value: '12,000 万元' },
      { key: 'approvalLevel', label: '审批层级', value: '县级部门审批' },
    ],
  },
  window: null,
  missingMaterials: [],
  refusalReasons: [],
  dueOn: null,
  deadline: { level: 'none', label: '' },
  nextFeedbackOn: null,
  feedbackOverdue: false,
  suspensionReason: null,
  result: null,
  termination: null,
  tasks: [],
  meetings: [],
  escalations: [],
  supervisions: [],
  timeline: [],
  materials: [],
  signatures: [],
  supplementSentAt: null,
  terminationRequest: null,
  phoneSignedAt: null,
  acceptSignature: null,
  submittedAt: '2026-11-28T02:00:00.000Z',
  lastContactAt: null,
  receipt: null,
};
const answer = (c: Partial<StaffCaseDetail> = {}): StaffCaseAnswer => ({
  case: { ...detail, ...c },
  scope: { eligible: true, clause: null, reasons: [], verify: [] },
  actions: [],
  units: [],
});

beforeEach(() => {
  jest.mocked(getMyProfile).mockResolvedValue({
    roles: ['applicant', 'agent'],
    staff: { name: '马建军', role: 'agent', unitId: 'fgw', unitName: '和硕县发展和改革委员会' },
  } as never);
});

async function renderPage() {
  const r = render(<StaffCase />);
  await act(async () => {});
  return r;
}

describe('staff case page: what the case is about (item 2)', () => {
  it('shows every answer of the application with its label', async () => {
    jest.mocked(getStaffCase).mockResolvedValue(answer());
    const { container } = await renderPage();
    const card = container.querySelector('.t-application');
    expect(card?.textContent).toContain('申请内容');
    expect(container.querySelector('.t-app-projectName')?.textContent).toBe('项目名称番茄酱加工项目');
    expect(container.querySelector('.t-app-investmentWan')?.textContent).toContain('12,000 万元');
    expect(container.querySelector('.t-app-approvalLevel')?.textContent).toContain('县级部门审批');
    expect(container.querySelector('.t-app-uscc')?.textContent).toContain('91652828MA78K3L2P5');
    expect(container.querySelector('.t-app-applicantName')?.textContent).toContain('和硕县天山番茄制品有限公司');
  });
});

function tap(container: HTMLElement, hook: string) {
  const el = container.querySelector(`.${hook}`);
  if (!el) throw new Error(`no element .${hook}`);
  fireEvent.click(el);
}

describe('staff case page: calling the applicant (item 3)', () => {
  let dial: jest.SpyInstance;
  beforeEach(() => {
    dial = jest
      .spyOn(Taro, 'makePhoneCall')
      .mockImplementation((() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })) as never);
  });
  afterEach(() => dial.mockRestore());

  it('shows the number masked until the agent reveals it (recorded), then 拨打 dials it', async () => {
    jest.mocked(getStaffCase).mockResolvedValue(answer());
    jest
      .mocked(revealContact)
      .mockResolvedValue({ contactName: '周强', contactPhone: '13900001111', revealedAt: '2026-11-28T02:00:00.000Z' });
    const { container } = await renderPage();
    expect(container.querySelector('.t-contact-phone')?.textContent).toBe('139****1111');
    expect(container.querySelector('.t-call-applicant')).toBeNull();
    expect(container.querySelector('.t-reveal-phone')?.textContent).toContain('将留记录');
    await act(async () => tap(container, 't-reveal-phone'));
    expect(revealContact).toHaveBeenCalledWith('c1');
    expect(container.querySelector('.t-contact-phone')?.textContent).toBe('13900001111');
    expect(container.querySelector('.t-revealed')?.textContent).toContain('已留记录');
    await act(async () => tap(container, 't-call-applicant'));
    expect(dial).toHaveBeenCalledWith({ phoneNumber: '13900001111' });
    // the number is kept in the page only, never in storage
    expect(JSON.stringify({ ...localStorage })).not.toContain('13900001111');
  });

  it('offers no reveal to staff whose work does not need the number, and says why when refused', async () => {
    jest.mocked(getStaffCase).mockResolvedValue(answer({ canRevealContact: false }));
    const { container } = await renderPage();
    expect(container.querySelector('.t-reveal-phone')).toBeNull();
    jest.mocked(getStaffCase).mockResolvedValue(answer());
    jest.mocked(revealContact).mockRejectedValue(new AppError('NOT_FOUND', '没有找到这条申请'));
    const again = await renderPage();
    await act(async () => tap(again.container, 't-reveal-phone'));
    expect(again.container.querySelector('.t-reveal-error')?.textContent).toContain('只有经办的帮代办员');
    expect(dial).not.toHaveBeenCalled();
  });
});

describe('applicant case page: one tap to call the agent and the center (item 3)', () => {
  const base: CaseDetail = {
    caseId: 'c1',
    caseNo: 'BB20261128-000123',
    version: 2,
    matter: '办理高龄津贴',
    category: 'livelihood',
    categoryLabel: '民生保障类事项',
    status: 'handling',
    statusLabel: '办理中',
    submittedAt: '2026-11-28T02:00:00.000Z',
    unitName: '和硕县发展和改革委员会',
    agentName: '马建军',
    mode: 'help',
    firstAgentName: '马建军',
    missingMaterials: [],
    window: null,
    contactName: '张桂兰',
    contactPhone: '139****5678',
    mandateSigned: false,
    modeLabel: '帮办',
    applicantName: '张桂兰',
    due: null,
    contacts: {
      unitName: '和硕县发展和改革委员会',
      agentName: '马建军',
      agentPhone: '0996-5013101',
      firstAgentName: '马建军',
      firstAgentPhone: '0996-5013101',
      unitPhone: '0996-5013100',
    },
    needs: [],
    progress: caseProgress({ status: 'handling', timeline: [] }),
    timeline: [],
    result: null,
    refusalReasons: [],
    termination: null,
    materials: [],
    receipt: null,
    terminationRequest: null,
    canWithdraw: false,
    canRequestTermination: true,
    canRate: false,
  };
  let dial: jest.SpyInstance;
  let router: jest.SpyInstance;
  beforeEach(() => {
    dial = jest
      .spyOn(Taro, 'makePhoneCall')
      .mockImplementation((() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })) as never);
    // the page reads ?id= from the router, which jsdom has none of
    router = jest
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .spyOn(require('@tarojs/taro') as { useRouter: () => unknown }, 'useRouter')
      .mockReturnValue({ params: { id: 'c1' } });
  });
  afterEach(() => {
    dial.mockRestore();
    router.mockRestore();
  });

  it('calls the agent, the unit and the center with one tap each', async () => {
    jest.mocked(getCase).mockResolvedValue({ case: base } as never);
    const { container } = render(<CaseDetailPage />);
    await act(async () => {});
    expect(container.querySelector('.t-call-agent')?.textContent).toContain('拨打帮代办员 马建军');
    await act(async () => tap(container, 't-call-agent'));
    expect(dial).toHaveBeenLastCalledWith({ phoneNumber: '09965013101' });
    await act(async () => tap(container, 't-call-unit'));
    expect(dial).toHaveBeenLastCalledWith({ phoneNumber: '09965013100' });
    await act(async () => tap(container, 't-call-center'));
    expect(dial).toHaveBeenLastCalledWith({ phoneNumber: '09965012345' });
  });

  it('while nobody is assigned yet, the center can still be called; a dialer that fails says the number in words', async () => {
    jest.mocked(getCase).mockResolvedValue({
      case: {
        ...base,
        contacts: {
          unitName: '和硕县政务服务中心',
          agentName: null,
          agentPhone: null,
          firstAgentName: null,
          firstAgentPhone: null,
          unitPhone: '0996-5012345',
        },
      },
    } as never);
    dial.mockImplementation((() => Promise.reject({ errMsg: 'makePhoneCall:fail not supported' })) as never);
    const { container } = render(<CaseDetailPage />);
    await act(async () => {});
    expect(container.querySelector('.t-call-agent')).toBeNull();
    // the unit is the center: one button, not two for the same number
    expect(container.querySelector('.t-call-unit')).toBeNull();
    await act(async () => tap(container, 't-call-center'));
    expect(container.querySelector('.t-contacts')?.textContent).toContain('请手动拨打 0996-5012345');
  });
});

describe('staff case page: a later success clears an earlier error (item 4)', () => {
  it('a contact record refused once, confirmed again and done: the red error is gone and the success shows', async () => {
    jest
      .mocked(getStaffCase)
      .mockResolvedValue({ ...answer(), actions: [{ type: 'reportProgress', label: '联系记录', clause: '§五(二)' }] });
    jest.mocked(actOnCase).mockRejectedValueOnce(new AppError('RULE_REFUSED', '网络不稳定，请再试一次'));
    jest.mocked(actOnCase).mockResolvedValueOnce({
      status: 'handling',
      statusLabel: '办理中',
      version: 4,
      event: { label: '联系记录', at: '2026-11-28T02:00:00.000Z' },
      notifications: [],
    });
    const { container } = await renderPage();
    await act(async () => tap(container, 't-action-reportProgress'));
    await act(async () => tap(container, 't-submit-action'));
    expect(container.querySelector('.t-act-error')?.textContent).toContain('网络不稳定');
    await act(async () => tap(container, 't-submit-action'));
    expect(container.querySelector('.t-done')?.textContent).toContain('已联系记录');
    expect(container.querySelector('.t-act-error')).toBeNull();
  });
});
