/**
 * Issue 16 item 3: in 长辈版 the application and the rating ask one question a screen, with
 * 第 N 步，共 M 步, 下一步 / 上一步 / 提交; the form's own checks per step; nothing typed is lost
 * going back or leaving; the home page opens with 申请 and 我的申请.
 */
import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import {
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_TAGS,
} from '../../core/rating';
import { idNumberCheckDigit } from '../../core/identity';
import Apply, { DRAFT_KEY } from '../../src/pages/apply/index';
import Index from '../../src/pages/index/index';
import Rate from '../../src/pages/rate/index';
import { setElderMode } from '../../src/hooks/useElderMode';
import { agreePrivacy, getPrivacyStatus, getSubscribeTemplates } from '../../src/services/applicant';
import { getMyProfile } from '../../src/services/session';
import { getRating, submitRating, followUpRating, type RatingState } from '../../src/services/ratings';
import { unwrap } from '../../src/services/result';
import { submitApplication, type SubmittedApplication } from '../../src/services/cases';

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
  submitApplication: jest.fn(),
}));
jest.mock('../../src/services/applicant', () => ({
  ...jest.requireActual('../../src/services/applicant'),
  getPrivacyStatus: jest.fn(),
  agreePrivacy: jest.fn(),
  getSubscribeTemplates: jest.fn(),
}));
jest.mock('../../src/services/session', () => ({
  ...jest.requireActual('../../src/services/session'),
  getMyProfile: jest.fn(),
}));
jest.mock('../../src/services/ratings', () => ({
  ...jest.requireActual('../../src/services/ratings'),
  getRating: jest.fn(),
  submitRating: jest.fn(),
  followUpRating: jest.fn(),
}));
jest.mock('../../src/services/transport', () => ({
  ...jest.requireActual('../../src/services/transport'),
  requestSubscribe: jest.fn(async () => ({})),
}));
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  // the route's ?id= of the rate page
  return { ...actual, default: { ...actual.default }, useRouter: () => ({ params: { id: 'c1' } }) };
});

const submit = jest.mocked(submitApplication);
const ID = '65282819550312002' + idNumberCheckDigit('65282819550312002');

beforeEach(() => {
  localStorage.clear();
  act(() => setElderMode(true));
  jest.mocked(getPrivacyStatus).mockResolvedValue({ agreed: true, version: 'v1', agreedAt: '2026-11-01T00:00:00Z' });
  jest.mocked(agreePrivacy).mockResolvedValue({ agreed: true, version: 'v1', agreedAt: '2026-11-01T00:00:00Z' });
  jest
    .mocked(getSubscribeTemplates)
    .mockResolvedValue({ acceptResult: 't1', progress: 't2', bookingReminder: 't3', finished: 't4' });
  jest.mocked(getMyProfile).mockResolvedValue({ roles: ['applicant'], staff: null });
});
afterAll(() => act(() => setElderMode(false)));

const q = (c: HTMLElement, hook: string) => c.querySelector(`.${hook}`);
function tap(c: HTMLElement, hook: string) {
  const el = q(c, hook);
  if (!el) throw new Error(`no element .${hook} on this step: ${c.textContent}`);
  fireEvent.click(el);
}
function type(c: HTMLElement, hook: string, value: string) {
  const el = q(c, hook);
  if (!el) throw new Error(`no field .${hook} on this step: ${c.textContent}`);
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}
const progress = (c: HTMLElement) => q(c, 't-step-progress')?.textContent ?? '';
const valueOf = (c: HTMLElement, hook: string) => {
  const el = q(c, hook);
  return (
    (el?.querySelector('input, textarea') as HTMLInputElement | null)?.value ??
    el?.getAttribute('value') ??
    (el as HTMLInputElement | null)?.value
  );
};
/** the fields of the next step are custom elements that load a moment after they appear */
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
async function next(c: HTMLElement) {
  await act(async () => tap(c, 't-step-next'));
  await settle();
}

describe('长辈版 application: one question a screen', () => {
  it(
    'walks every question with progress, keeps answers going back, checks ' +
      'each step, reads the answers back and sends the same application',
    async () => {
      submit.mockResolvedValueOnce(submitted('c1', 'BB20261128-000001'));
      const { container: c } = render(<Apply />);
      await act(async () => {});
      // step 1 is the category alone; 上一步 only from step 2
      expect(progress(c)).toMatch(/^第 1 步，共 12 步/);
      expect(q(c, 't-category-livelihood')).not.toBeNull();
      expect(q(c, 't-applicantType-person')).toBeNull();
      expect(q(c, 't-step-back')).toBeNull();
      expect(q(c, 't-submit')).toBeNull();
      // 下一步 without an answer says what is missing, in words, and stays
      await next(c);
      expect(q(c, 't-error-category')?.textContent).toContain('请选择要办理的事项类别');
      expect(progress(c)).toMatch(/^第 1 步/);
      tap(c, 't-category-livelihood');
      expect(q(c, 't-error-category')).toBeNull();
      await next(c);
      expect(progress(c)).toMatch(/^第 2 步/);
      tap(c, 't-applicantType-person');
      // 上一步 keeps the answer
      await act(async () => tap(c, 't-step-back'));
      expect(q(c, 't-category-livelihood')?.getAttribute('aria-checked')).toBe('true');
      await next(c);
      expect(q(c, 't-applicantType-person')?.getAttribute('aria-checked')).toBe('true');
      await next(c);
      type(c, 't-applicantName', '张桂兰');
      await next(c);
      // the same identity check as the whole form: a wrong check digit stops here
      type(c, 't-idNumber', ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1'));
      await next(c);
      expect(q(c, 't-error-idNumber')?.textContent).toContain('校验位');
      type(c, 't-idNumber', ID);
      await next(c);
      tap(c, 't-specialGroups-elderly');
      await next(c);
      tap(c, 't-publicService-yes');
      await next(c);
      type(c, 't-matter', '办理高龄津贴申领');
      await next(c);
      // the contact starts as the applicant; she may change it
      expect(valueOf(c, 't-contact-name')).toBe('张桂兰');
      await next(c);
      type(c, 't-contact-phone', '123');
      await next(c);
      expect(q(c, 't-error-contactPhone')?.textContent).toContain('手机号');
      type(c, 't-contact-phone', '13912345678');
      await next(c);
      tap(c, 't-mode-help');
      await next(c);
      // materials are optional
      expect(q(c, 't-pick-materials-photo')).not.toBeNull();
      await next(c);
      // the last step reads everything back and is the only one with 提交申请
      const total = Number(/共 (\d+) 步/.exec(progress(c))![1]);
      expect(progress(c)).toContain(`第 ${total} 步，共 ${total} 步`);
      expect(total).toBe(12);
      expect(q(c, 't-review')?.textContent).toMatch(/张桂兰[\s\S]*办理高龄津贴申领[\s\S]*13912345678[\s\S]*帮办/);
      expect(q(c, 't-step-next')).toBeNull();
      // 修改 goes back to the question, answer kept
      await act(async () => tap(c, 't-review-matter'));
      await settle();
      expect(valueOf(c, 't-matter')).toBe('办理高龄津贴申领');
      for (let i = 0; i < 5; i++) await next(c);
      await act(async () => tap(c, 't-submit'));
      expect(submit).toHaveBeenCalledTimes(1);
      expect(submit.mock.calls[0][0]).toMatchObject({
        category: 'livelihood',
        applicantType: 'person',
        mode: 'help',
        applicantName: '张桂兰',
        idNumber: ID,
        matter: '办理高龄津贴申领',
        contactName: '张桂兰',
        contactPhone: '13912345678',
        details: { specialGroups: ['elderly'], livelihoodPublicService: true },
      });
      expect(submit.mock.calls[0][0]).not.toHaveProperty('step');
      expect(q(c, 't-case-no')?.textContent).toBe('BB20261128-000001');
    },
  );

  it('comes back to the step she left, with what she typed', async () => {
    const first = render(<Apply />);
    await act(async () => {});
    tap(first.container, 't-category-investment');
    await next(first.container);
    tap(first.container, 't-applicantType-enterprise');
    await next(first.container);
    type(first.container, 't-applicantName', '天山食品');
    // past the draft's save delay
    await act(() => new Promise((r) => setTimeout(r, 400)));
    first.unmount();
    const { container: c } = render(<Apply />);
    await act(async () => {});
    await settle();
    expect(progress(c)).toMatch(/^第 3 步/);
    expect(valueOf(c, 't-applicantName')).toBe('天山食品');
    // an investment project asks its own questions: more steps than a 民生 application
    expect(Number(/共 (\d+) 步/.exec(progress(c))![1])).toBe(15);
  });

  it('a field the server refuses is shown on its own step', async () => {
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
      contactPhone: '13912345678',
      materials: [],
      commitment: false,
      signatureFileID: '',
      requestId: '',
      category: 'livelihood',
      applicantType: 'person',
      mode: 'help',
      step: 'review',
    });
    submit.mockImplementation(async () =>
      unwrap({ ok: false, code: 'INVALID_INPUT', message: 'bad', fields: { contactPhone: '请填写11位手机号码' } }),
    );
    const { container: c } = render(<Apply />);
    await act(async () => {});
    expect(q(c, 't-review')).not.toBeNull();
    await act(async () => tap(c, 't-submit'));
    expect(submit).toHaveBeenCalledTimes(1);
    // the step of 联系电话 (9 of 12), not the read-back
    expect(progress(c)).toContain('第 9 步，共 12 步');
    expect(q(c, 't-review')).toBeNull();
    expect(q(c, 't-error-contactPhone')?.textContent).toContain('请填写11位手机号码');
    expect(q(c, 't-form-error')?.textContent).toContain('还有内容没有填好');
  });

  it('an enterprise’s read-back names its own answers, and 修改 leads to the question', async () => {
    Taro.setStorageSync(DRAFT_KEY, {
      applicantName: '和硕县天山食品有限公司',
      idNumber: '',
      uscc: '91652828MA78K3L2PX',
      specialGroups: [],
      projectName: '',
      investmentWan: '',
      annualPlans: [],
      matter: '设立登记',
      contactName: '王海',
      contactPhone: '13899001122',
      materials: [],
      commitment: true,
      signatureFileID: '',
      requestId: '',
      category: 'enterprise',
      applicantType: 'enterprise',
      mode: 'help',
      enterpriseMatter: 'establishment',
      step: 'review',
    });
    const { container: c } = render(<Apply />);
    await act(async () => {});
    const rows = [...c.querySelectorAll('.review-row')].map((r) => r.textContent);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringContaining('企业名称和硕县天山食品有限公司'),
        expect.stringContaining('统一社会信用代码91652828MA78K3L2PX'),
        expect.stringContaining('企业事项'),
        expect.stringContaining('告知承诺承诺'),
      ]),
    );
    expect(rows.some((r) => r?.includes('身份证号'))).toBe(false);
    await act(async () => tap(c, 't-review-commitment'));
    expect(q(c, 't-commitment')?.getAttribute('aria-checked')).toBe('true');
  });

  it('out of the §三 scope is said on the last step with every reason, and nothing is sent', async () => {
    Taro.setStorageSync(DRAFT_KEY, {
      applicantName: '张桂兰',
      idNumber: ID,
      uscc: '',
      specialGroups: [],
      publicService: 'no',
      projectName: '',
      investmentWan: '',
      annualPlans: [],
      matter: '办理高龄津贴',
      contactName: '张桂兰',
      contactPhone: '13912345678',
      materials: [],
      commitment: false,
      signatureFileID: '',
      requestId: '',
      category: 'livelihood',
      applicantType: 'person',
      mode: 'help',
      step: 'review',
    });
    const { container: c } = render(<Apply />);
    await act(async () => {});
    await act(async () => tap(c, 't-submit'));
    expect(submit).not.toHaveBeenCalled();
    expect(q(c, 't-error-LIVELIHOOD_NOT_PUBLIC_SERVICE')?.textContent).toContain('民生保障类');
    expect(q(c, 't-form-error')?.textContent).toContain('不属于帮办代办范围');
  });
});

describe('长辈版 home page', () => {
  it('puts 申请帮办代办 and 我的申请 right under the title, before the explanations', async () => {
    const { container: c } = render(<Index />);
    await act(async () => {});
    const order = [...c.querySelectorAll('.t-go-apply, .t-go-my, .t-scope, .t-hours, .t-go-eligibility')].map(
      (e) => e.className.match(/t-[\w-]+/)![0],
    );
    expect(order).toEqual(['t-go-apply', 't-go-my', 't-scope', 't-hours', 't-go-eligibility']);
  });

  it('normal mode keeps its order: the explanations, then the buttons', async () => {
    act(() => setElderMode(false));
    const { container: c } = render(<Index />);
    await act(async () => {});
    const order = [...c.querySelectorAll('.t-go-apply, .t-go-my, .t-scope, .t-hours')].map(
      (e) => e.className.match(/t-[\w-]+/)![0],
    );
    expect(order).toEqual(['t-scope', 't-hours', 't-go-apply', 't-go-my']);
  });
});

describe('长辈版 rating: one question a screen', () => {
  const options: NonNullable<RatingState['options']> = {
    levels: RATING_LEVELS.map((l) => ({ value: l, label: RATING_LEVEL_LABELS[l] })),
    dimensions: RATING_DIMENSIONS.map((d) => ({ value: d, label: RATING_DIMENSION_LABELS[d] })),
    tags: Object.entries(RATING_TAGS).map(([value, t]) => ({ value, label: t.label, polarity: t.polarity })),
  };
  const state = {
    canRate: true,
    noServiceReason: null,
    canFollowUp: false,
    rating: null,
    badRatings: [],
    options,
  } satisfies RatingState;

  it('asks 总体评价 once, each dimension on its own step, and sends the answers; a 差评 without a reason goes back to the reasons', async () => {
    jest.mocked(getRating).mockResolvedValue(state);
    const rated: RatingState = {
      ...state,
      canRate: false,
      rating: {
        level: 'dissatisfied',
        source: 'applicant',
        levelLabel: '不满意',
        dimensions: [],
        tags: ['办理时间长'],
        tagCodes: ['slow'],
        comment: null,
        at: '2026-11-28T02:00:00Z',
        followUp: null,
      },
    };
    jest.mocked(submitRating).mockResolvedValue(rated);
    const { container: c } = render(<Rate />);
    await act(async () => {});
    // 总体评价, 服务效率, 服务水平, 服务态度, reasons, comment: 整体满意度 is 总体评价 asked again
    expect(progress(c)).toContain('第 1 步，共 6 步');
    expect(q(c, 't-dim-overall-satisfied')).toBeNull();
    await next(c);
    expect(q(c, 't-error-level')?.textContent).toContain('请选择评价等级');
    tap(c, 't-level-dissatisfied');
    expect(q(c, 't-error-level')).toBeNull();
    await next(c);
    expect(progress(c)).toContain('第 2 步');
    tap(c, 't-dim-efficiency-dissatisfied');
    await next(c);
    // a dimension may be skipped
    await next(c);
    await next(c);
    // 上一步 keeps the answer
    for (let i = 0; i < 3; i++) await act(async () => tap(c, 't-step-back'));
    expect(q(c, 't-dim-efficiency-dissatisfied')?.getAttribute('aria-checked')).toBe('true');
    for (let i = 0; i < 3; i++) await next(c);
    // reasons fit the level
    expect(q(c, 't-tags-slow')).not.toBeNull();
    expect(q(c, 't-tags-one_visit')).toBeNull();
    await next(c);
    expect(progress(c)).toContain('第 6 步，共 6 步');
    await act(async () => tap(c, 't-rate-submit'));
    expect(submitRating).not.toHaveBeenCalled();
    expect(progress(c)).toContain('第 5 步');
    expect(q(c, 't-error-tags')?.textContent).toContain('回访整改');
    tap(c, 't-tags-slow');
    await next(c);
    await act(async () => tap(c, 't-rate-submit'));
    expect(submitRating).toHaveBeenCalledWith({
      caseId: 'c1',
      level: 'dissatisfied',
      dimensions: { efficiency: 'dissatisfied' },
      tags: ['slow'],
    });
    expect(q(c, 't-rating-given')?.textContent).toContain('不满意');
  });

  it('a 追评 is three steps: the level now, reasons, comment', async () => {
    const given = {
      level: 'very_satisfied' as const,
      levelLabel: '非常满意',
      dimensions: [],
      tags: ['一次办成'],
      tagCodes: ['one_visit' as const],
      comment: null,
      at: '2026-11-28T02:00:00Z',
    };
    jest.mocked(getRating).mockResolvedValue({
      ...state,
      canRate: false,
      canFollowUp: true,
      rating: { ...given, source: 'applicant', followUp: null },
    });
    jest.mocked(followUpRating).mockResolvedValue({
      ...state,
      canRate: false,
      canFollowUp: false,
      rating: {
        ...given,
        source: 'applicant',
        followUp: { ...given, level: 'satisfied', levelLabel: '满意', tags: [], tagCodes: [] },
      },
    });
    const { container: c } = render(<Rate />);
    await act(async () => {});
    await act(async () => tap(c, 't-go-follow-up'));
    expect(progress(c)).toContain('第 1 步，共 3 步');
    tap(c, 't-level-satisfied');
    await next(c);
    await next(c);
    expect(progress(c)).toContain('第 3 步，共 3 步');
    type(c, 't-comment', '后来又主动回电话说明');
    await act(async () => tap(c, 't-rate-submit'));
    expect(followUpRating).toHaveBeenCalledWith({
      caseId: 'c1',
      level: 'satisfied',
      dimensions: {},
      tags: [],
      comment: '后来又主动回电话说明',
    });
    expect(q(c, 't-rate-submit')).toBeNull();
    expect(c.textContent).toContain('您的追评');
  });
});
