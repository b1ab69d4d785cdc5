import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { idNumberCheckDigit, usccCheckCharacter } from '../../core/identity';
import Apply, { DRAFT_KEY, validateDraft, type Draft } from '../../src/pages/apply/index';
import { submitApplication, type SubmittedApplication } from '../../src/services/cases';
import { getPrivacyStatus, agreePrivacy, getSubscribeTemplates } from '../../src/services/applicant';
import { unwrap } from '../../src/services/result';
import { CloudCallError } from '../../src/services/errors';

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
jest.mock('../../src/services/transport', () => ({
  ...jest.requireActual('../../src/services/transport'),
  requestSubscribe: jest.fn(async () => ({})),
}));

const submit = jest.mocked(submitApplication);
const ID = '65282819550312002' + idNumberCheckDigit('65282819550312002');
const USCC = '91652828MA78K3L2P' + usccCheckCharacter('91652828MA78K3L2P');

beforeEach(() => {
  localStorage.clear();
  jest.mocked(getPrivacyStatus).mockResolvedValue({ agreed: true, version: 'v1', agreedAt: '2026-11-01T00:00:00Z' });
  jest
    .mocked(getSubscribeTemplates)
    .mockResolvedValue({ acceptResult: 't1', progress: 't2', bookingReminder: 't3', finished: 't4' });
});

function tap(container: HTMLElement, hook: string) {
  const el = container.querySelector(`.${hook}`);
  if (!el) throw new Error(`no element .${hook}`);
  fireEvent.click(el);
}
function type(container: HTMLElement, hook: string, value: string) {
  const el = container.querySelector(`.${hook}`);
  if (!el) throw new Error(`no field .${hook}`);
  // Taro's H5 fields answer onInput with e.detail.value
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}
async function renderForm() {
  const r = render(<Apply />);
  await act(async () => {});
  return r;
}
function fillPerson(container: HTMLElement) {
  tap(container, 't-category-livelihood');
  tap(container, 't-applicantType-person');
  tap(container, 't-mode-help');
}

const base: Draft = {
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
};

describe('apply page: validation messages, in words, next to their fields', () => {
  it('validateDraft names every missing or wrong answer', () => {
    expect(validateDraft(base)).toEqual({});
    expect(
      validateDraft({
        ...base,
        category: undefined,
        applicantType: undefined,
        mode: undefined,
        applicantName: '',
        matter: '',
        contactName: '',
        contactPhone: '123',
      }),
    ).toEqual({
      category: '请选择要办理的事项类别',
      applicantType: '请选择申请人类型',
      mode: '请选择帮办或代办',
      applicantName: '请填写申请人姓名',
      matter: '请简要说明要办理的事项',
      contactName: '请填写联系人姓名',
      contactPhone: '请填写正确的手机号或带区号的固定电话',
    });
    expect(validateDraft({ ...base, idNumber: '' }).idNumber).toBe('请填写身份证号');
    expect(validateDraft({ ...base, idNumber: ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1') }).idNumber).toBe(
      '身份证号校验位不正确，请核对是否输错。',
    );
    expect(validateDraft({ ...base, idNumber: '12345' }).idNumber).toContain('18位');
    expect(validateDraft({ ...base, publicService: undefined })['details.livelihoodPublicService']).toContain(
      '民生保障',
    );
    const firm = {
      ...base,
      category: 'enterprise' as const,
      applicantType: 'enterprise' as const,
      applicantName: '',
      uscc: 'ABC',
      specialGroups: [],
    };
    expect(validateDraft(firm)).toMatchObject({
      applicantName: '请填写企业名称',
      uscc: expect.stringContaining('统一社会信用代码'),
      'details.enterpriseMatter': '请选择企业事项',
    });
    expect(
      validateDraft({ ...firm, applicantName: '天山食品', uscc: USCC, enterpriseMatter: 'establishment' }),
    ).toEqual({});
    expect(validateDraft({ ...base, category: 'investment', projectName: '', investmentWan: 'abc' })).toMatchObject({
      'details.projectName': '请填写项目名称',
      'details.investmentWan': expect.stringContaining('投资额'),
      'details.approvalLevel': '请选择审批层级',
      'details.fitsIndustrialPolicy': expect.stringContaining('产业政策'),
    });
    expect(validateDraft({ ...base, mode: 'proxy' }).mandate).toContain('手写签名');
  });

  it('asks for everything missing before sending anything, each error under its field', async () => {
    const { container } = await renderForm();
    await act(async () => tap(container, 't-submit'));
    expect(submit).not.toHaveBeenCalled();
    expect(container.querySelector('.t-error-category')?.textContent).toContain('请选择要办理的事项类别');
    expect(container.querySelector('.t-error-applicantType')).not.toBeNull();
    expect(container.querySelector('.t-error-mode')).not.toBeNull();
    expect(container.querySelector('.t-error-matter')?.textContent).toContain('请简要说明');
    expect(container.querySelector('.t-form-error')?.textContent).toMatch(/还有\d+处没有填好/);
  });

  it('shows the 身份证号 and phone errors in words; 代办 shows the mandate and asks for the signature', async () => {
    const { container } = await renderForm();
    fillPerson(container);
    type(container, 't-idNumber', '652828195503120021');
    type(container, 't-contactPhone', '12345');
    tap(container, 't-mode-proxy');
    await act(async () => tap(container, 't-submit'));
    expect(container.querySelector('.t-error-idNumber')?.textContent).toMatch(/身份证号/);
    expect(container.querySelector('.t-error-contactPhone')?.textContent).toContain('手机号');
    expect(container.querySelector('.t-mandate-text')?.textContent).toContain('自愿委托');
    expect(container.querySelector('.t-error-signature-mandate')?.textContent).toContain('手写签名');
  });

  it('§三 out of scope is said on the phone with every reason, and nothing is sent', async () => {
    Taro.setStorageSync(DRAFT_KEY, { ...base, specialGroups: [], publicService: 'no' });
    const { container } = await renderForm();
    await act(async () => tap(container, 't-submit'));
    expect(submit).not.toHaveBeenCalled();
    expect(container.querySelector('.t-error-LIVELIHOOD_NOT_SPECIAL_GROUP')?.textContent).toContain('行动不便');
    expect(container.querySelector('.t-error-LIVELIHOOD_NOT_PUBLIC_SERVICE')?.textContent).toContain('民生保障类');
    expect(container.querySelector('.t-form-error')?.textContent).toContain('不属于帮办代办范围');
  });

  it('shows the server’s field errors of an INVALID_INPUT answer next to their fields', async () => {
    Taro.setStorageSync(DRAFT_KEY, base);
    submit.mockImplementation(async () =>
      unwrap({
        ok: false,
        code: 'INVALID_INPUT',
        message: 'bad',
        fields: { contactPhone: '请填写11位手机号码', 'input.matter': '请写明要办理的事情' },
      }),
    );
    const { container } = await renderForm();
    await act(async () => tap(container, 't-submit'));
    expect(submit).toHaveBeenCalledTimes(1);
    expect((await screen.findByText(/请填写11位手机号码/)).closest('.t-error-contactPhone')).not.toBeNull();
    expect(container.querySelector('.t-error-matter')?.textContent).toContain('请写明要办理的事情');
  });

  it('a network failure keeps the form and the same request id for the retry (one case, not two)', async () => {
    Taro.setStorageSync(DRAFT_KEY, base);
    submit.mockRejectedValueOnce(new CloudCallError('NETWORK', 'ECONNREFUSED'));
    submit.mockResolvedValueOnce(submitted('c1', 'BB20261128-0001'));
    const { container } = await renderForm();
    await act(async () => tap(container, 't-submit'));
    expect(container.querySelector('.t-form-error')?.textContent).toContain('无法连接到服务');
    await act(async () => tap(container, 't-submit'));
    expect(submit).toHaveBeenCalledTimes(2);
    expect(submit.mock.calls[0][0].requestId).toMatch(/^r[0-9a-z]{8,}$/);
    expect(submit.mock.calls[1][0].requestId).toBe(submit.mock.calls[0][0].requestId);
    expect(container.querySelector('.t-case-no')?.textContent).toBe('BB20261128-0001');
    expect(Taro.getStorageSync(DRAFT_KEY)).toBeFalsy();
  });

  it(
    'two different applications in a row are two requests: the sent form ' +
      'is not saved back, the next one starts empty with its own request id',
    async () => {
      jest.useFakeTimers();
      try {
        Taro.setStorageSync(DRAFT_KEY, base);
        submit.mockResolvedValueOnce(submitted('c1', 'BB20261128-000001'));
        submit.mockResolvedValueOnce(submitted('c2', 'BB20261128-000002'));
        const first = await renderForm();
        await act(async () => tap(first.container, 't-submit'));
        expect(first.container.querySelector('.t-case-no')?.textContent).toBe('BB20261128-000001');
        // the draft save that was waiting when the answer came must not write the sent form back
        act(() => jest.advanceTimersByTime(1000));
        expect(Taro.getStorageSync(DRAFT_KEY)).toBeFalsy();
        first.unmount();

        // 申请帮办代办 again: an empty form
        const { container } = await renderForm();
        expect(container.querySelector('.t-category-livelihood')?.getAttribute('aria-checked')).not.toBe('true');
        fillPerson(container);
        // lets the fields that just appeared finish loading before typing into them
        act(() => jest.advanceTimersByTime(100));
        type(container, 't-applicantName', '李明');
        type(container, 't-idNumber', ID);
        tap(container, 't-specialGroups-elderly');
        tap(container, 't-publicService-yes');
        type(container, 't-matter', '办理残疾人两项补贴');
        type(container, 't-contact-name', '李明');
        type(container, 't-contact-phone', '13912345679');
        act(() => jest.advanceTimersByTime(1000));
        await act(async () => tap(container, 't-submit'));
        expect(submit).toHaveBeenCalledTimes(2);
        const [one, two] = submit.mock.calls.map((c) => c[0]);
        expect(two.matter).toBe('办理残疾人两项补贴');
        expect(two.requestId).toMatch(/^r[0-9a-z]{8,}$/);
        expect(two.requestId).not.toBe(one.requestId);
        expect(container.querySelector('.t-case-no')?.textContent).toBe('BB20261128-000002');
        act(() => jest.advanceTimersByTime(1000));
        expect(Taro.getStorageSync(DRAFT_KEY)).toBeFalsy();
      } finally {
        jest.useRealTimers();
      }
    },
  );

  it('a request id the server says belongs to another application is dropped: the next tap is a new request', async () => {
    Taro.setStorageSync(DRAFT_KEY, { ...base, requestId: 'rstale000001' });
    submit.mockImplementationOnce(async () =>
      unwrap({
        ok: false,
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: '这份申请的内容与之前用同一编号提交的申请不同，没有提交。',
      }),
    );
    submit.mockResolvedValueOnce(submitted('c2', 'BB20261128-000002'));
    const { container } = await renderForm();
    await act(async () => tap(container, 't-submit'));
    expect(container.querySelector('.t-form-error')?.textContent).toContain('我的申请');
    expect(container.querySelector('.t-case-no')).toBeNull();
    await act(async () => tap(container, 't-submit'));
    expect(submit.mock.calls[0][0].requestId).toBe('rstale000001');
    expect(submit.mock.calls[1][0].requestId).toMatch(/^r[0-9a-z]{8,}$/);
    expect(submit.mock.calls[1][0].requestId).not.toBe('rstale000001');
    expect(container.querySelector('.t-case-no')?.textContent).toBe('BB20261128-000002');
  });

  it('a file the server refuses is named on its own row, once, instead of ✓已上传 (issue 16)', async () => {
    const pdf = { fileID: 'cloud://env/materials/u1/a.pdf', name: '营业执照.pdf', size: 2048, type: 'application/pdf' };
    const fake = { fileID: 'cloud://env/materials/u1/b.jpg', name: '假照片.jpg', size: 4096, type: 'image/jpeg' };
    Taro.setStorageSync(DRAFT_KEY, { ...base, materials: [pdf, fake] });
    const problem = '文件不是 JPG、PNG 照片或 PDF 文件，请重新选择';
    submit.mockImplementation(async () =>
      unwrap({
        ok: false,
        code: 'FILE_REJECTED',
        message: `上传的文件有问题：${problem}`,
        fields: { 'materials.1': problem, FILE_TYPE: problem },
      }),
    );
    const { container } = await renderForm();
    await act(async () => tap(container, 't-submit'));
    const rows = [...container.querySelectorAll('.t-file')].map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('✓ 营业执照.pdf');
    expect(rows[1]).toContain('“假照片.jpg”不能提交');
    expect(rows[1]).not.toContain('已上传');
    const text = container.textContent ?? '';
    expect(text.split('不是 JPG、PNG 照片或 PDF 文件').length - 1).toBe(1);
    expect(container.querySelector('.t-form-error')?.textContent).toContain('有1个文件不能提交');
    // removing the file clears what was said about it
    await act(async () => tap(container, 't-file-remove-1'));
    expect(container.querySelector('.t-file-refused')).toBeNull();
  });

  it('a double tap sends once', async () => {
    Taro.setStorageSync(DRAFT_KEY, base);
    let resolve: (v: SubmittedApplication) => void = () => undefined;
    submit.mockImplementation(() => new Promise((r) => (resolve = r)));
    const { container } = await renderForm();
    await act(async () => {
      tap(container, 't-submit');
      tap(container, 't-submit');
    });
    expect(submit).toHaveBeenCalledTimes(1);
    await act(async () => resolve(submitted('c1', 'BB1')));
  });

  it('the draft survives leaving the page', async () => {
    jest.useFakeTimers();
    const first = await renderForm();
    fillPerson(first.container);
    type(first.container, 't-matter', '给母亲办理高龄津贴');
    act(() => jest.advanceTimersByTime(500));
    first.unmount();
    jest.useRealTimers();
    const { container } = await renderForm();
    expect(
      (container.querySelector('.t-matter textarea, textarea.t-matter') as HTMLTextAreaElement | null)?.value ??
        container.querySelector('.t-matter')?.getAttribute('value'),
    ).toBe('给母亲办理高龄津贴');
    expect(container.querySelector('.t-category-livelihood')?.getAttribute('aria-checked')).toBe('true');
  });

  it('asks for the privacy notice first and shows no personal field before consent', async () => {
    jest.mocked(getPrivacyStatus).mockResolvedValue({ agreed: false, version: 'v1', agreedAt: null });
    jest.mocked(agreePrivacy).mockResolvedValue({ agreed: true, version: 'v1', agreedAt: '2026-11-01T00:00:00Z' });
    const { container } = await renderForm();
    expect(container.querySelector('.t-privacy')?.textContent).toContain('用户隐私保护指引');
    expect(container.querySelector('.t-contactPhone')).toBeNull();
    await act(async () => tap(container, 't-privacy-agree'));
    expect(agreePrivacy).toHaveBeenCalledWith('v1');
    expect(container.querySelector('.t-submit')).not.toBeNull();
  });
});
