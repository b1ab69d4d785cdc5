/**
 * Issue 20: the applicant side in Uyghur beside Chinese, through one typed dictionary (src/i18n).
 * A key missing from ug.ts fails the typecheck; these tests hold what types cannot: no empty or
 * untranslated entry, numbers kept left to right inside right-to-left text, the choice remembered,
 * and no Chinese literal left in a page that has moved to the dictionary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import My from '../../src/pages/my/index';
import Eligibility from '../../src/pages/eligibility/index';
import { LANG_STORAGE_KEY, ltr, resetLangCache, setLang, translate } from '../../src/i18n';
import { ug } from '../../src/i18n/ug';
import { zh } from '../../src/i18n/zh';
import { listMyApplications } from '../../src/services/cases';

jest.mock('../../src/services/cases', () => ({
  ...jest.requireActual('../../src/services/cases'),
  listMyApplications: jest.fn(),
}));
const mine = jest.mocked(listMyApplications);

const ARABIC = /[\u0600-\u06ff]/;
const HAN = /[\u3400-\u9fff]/;
/**
 * entries whose Uyghur is not Arabic script on purpose: the switch back names Chinese in Chinese, an
 * arrow, and patterns that only order other words (a number before a question, a star after it)
 */
const NOT_ARABIC = new Set([
  'lang.switch',
  'common.moreArrow',
  'apply.numbered',
  'apply.required',
  'case.stepAria',
  'case.event',
  'book.when',
  'rate.dimLine',
  'msg.matter',
]);
/** the switch's spoken label says the other language's name in its own script */
const MAY_NAME_CHINESE = new Set(['lang.switch']);
/** applicant pages whose every word comes from the dictionary (the rest follow, issue 20) */
const DICTIONARY_PAGES = [
  'src/pages/my/index.tsx',
  'src/pages/messages/index.tsx',
  'src/pages/messages/words.ts',
  'src/pages/eligibility/index.tsx',
  'src/pages/index/index.tsx',
  'src/pages/privacy/index.tsx',
  'src/pages/apply/index.tsx',
  'src/pages/apply/draft.ts',
  'src/pages/apply/fields.tsx',
  'src/pages/apply/questions.tsx',
  'src/pages/apply/closing.tsx',
  'src/pages/apply/Submitted.tsx',
  'src/pages/book/index.tsx',
  'src/pages/book/parts.tsx',
  'src/pages/case/index.tsx',
  'src/pages/case/needs.tsx',
  'src/pages/case/progress.tsx',
  'src/pages/rate/index.tsx',
  // the components applicant pages are built of
  'src/components/StepFrame/index.tsx',
  'src/components/SignaturePad/index.tsx',
  'src/components/MaterialsPicker/index.tsx',
  'src/components/MaterialsPicker/picker.h5.tsx',
  'src/components/MaterialsPicker/picker.weapp.tsx',
  'src/components/MatterMaterials/index.tsx',
  'src/components/CenterDirections/index.tsx',
  'src/components/CallButton/index.tsx',
  'src/components/PrivacyGate/index.tsx',
  'src/components/WxPrivacyPrompt/index.tsx',
  'src/components/ChoiceGroup/index.tsx',
  'src/components/CheckGroup/index.tsx',
  'src/components/FieldError/index.tsx',
  'src/components/Notice/index.tsx',
  'src/components/LoadError/index.tsx',
  'src/components/SubscribeNote/index.tsx',
  'src/components/PageShell/index.tsx',
  'src/components/ActionButton/index.tsx',
  'src/components/LangSwitch/index.tsx',
];

afterEach(() => {
  setLang('zh');
  resetLangCache();
  Taro.clearStorageSync();
});

describe('the dictionaries', () => {
  it('has Uyghur for every entry, in Arabic script, with the same placeholders as the Chinese', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const u = ug[key];
      expect(`${key}: ${u.trim().length > 0}`).toBe(`${key}: true`);
      if (!NOT_ARABIC.has(key)) expect(`${key}: ${ARABIC.test(u)}`).toBe(`${key}: true`);
      if (!MAY_NAME_CHINESE.has(key)) expect(`${key}: ${HAN.test(u)}`).toBe(`${key}: false`);
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(`${key}: ${holes(u).join(',')}`).toBe(`${key}: ${holes(zh[key]).join(',')}`);
    }
  });

  it('keeps numbers, dates and case numbers left to right inside Uyghur lines, and Chinese text as it is', () => {
    expect(translate('ug', 'my.caseNo', { caseNo: 'BB20261203-330027' })).toBe(`نومۇرى ${ltr('BB20261203-330027')}`);
    expect(translate('ug', 'messages.unread', { n: 3 })).toBe(`${ltr(3)} ئوقۇلمىغان`);
    expect(translate('zh', 'my.caseNo', { caseNo: 'BB20261203-330027' })).toBe('编号 BB20261203-330027');
    // a Uyghur value is not wrapped
    expect(translate('ug', 'my.category', { category: ug['category.major'] })).toBe(`تۈرى: ${ug['category.major']}`);
  });
});

describe('a page in Uyghur', () => {
  const item = {
    caseId: 'c1',
    caseNo: 'BB20240507-000123',
    matter: '办理高龄津贴',
    category: 'livelihood' as const,
    status: 'accepted' as const,
    statusLabel: '已受理',
    submittedAt: '2024-05-06T17:30:00Z',
    agentName: '陈静',
    version: 1,
    categoryLabel: '民生保障类事项',
    unitName: '',
  };

  it('我的申请 reads in Uyghur, right to left, with what the applicant typed and the names as written', async () => {
    mine.mockResolvedValue({ items: [item] });
    act(() => setLang('ug'));
    const { container } = render(<My />);
    expect(await screen.findByText(ug['status.accepted'])).toBeTruthy();
    expect(screen.getByText(ug['my.title'])).toBeTruthy();
    expect(screen.getByText('办理高龄津贴')).toBeTruthy();
    expect(screen.getByText(new RegExp(`${ug['my.agent'].split('{')[0]}.*陈静`))).toBeTruthy();
    expect(screen.getByText(new RegExp(ltr('2024-05-07 01:30')))).toBeTruthy(); // isolated once, not twice
    expect(container.querySelector('.page')?.classList.contains('lang-ug')).toBe(true);
    // nothing of our own in Chinese: only the matter and the agent's name
    container.querySelector('.dev-identity')?.remove(); // the H5 demo bar, staff-facing
    const own = (container.textContent ?? '').replace('办理高龄津贴', '').replace('陈静', '');
    expect(own).not.toMatch(HAN);
  });

  it('the choice is remembered on the phone and read back on the next start', async () => {
    setLang('ug');
    expect(Taro.getStorageSync(LANG_STORAGE_KEY)).toBe('ug');
    resetLangCache();
    mine.mockResolvedValue({ items: [] });
    render(<My />);
    expect(
      await screen.findByText(
        (_, el) => !!el?.classList.contains('notice__text') && !!el.textContent?.includes(ug['my.empty']),
      ),
    ).toBeTruthy();
  });
});

describe('the self-check in Uyghur', () => {
  const tap = (container: HTMLElement, hook: string) => {
    const el = container.querySelector(`.${hook}`);
    if (!el) throw new Error(`no .${hook}`);
    fireEvent.click(el);
  };

  it('gives the core verdict with every reason and where to go instead, in Uyghur', async () => {
    act(() => setLang('ug'));
    const { container } = render(<Eligibility />);
    container.querySelector('.dev-identity')?.remove();
    // nothing chosen: the first open question, said in Uyghur
    await act(async () => tap(container, 't-check'));
    expect(container.textContent).toContain(ug['check.missing.category']);
    tap(container, 't-category-investment');
    tap(container, 't-applicantType-enterprise');
    // Taro's H5 fields answer onInput with e.detail.value
    act(
      () =>
        void container
          .querySelector('.t-investmentWan')
          ?.dispatchEvent(new CustomEvent('input', { detail: { value: '499' }, bubbles: true })),
    );
    tap(container, 't-approvalLevel-region');
    tap(container, 't-fitsPolicy-yes');
    await act(async () => tap(container, 't-check'));
    const text = container.querySelector('.t-result-no')?.textContent ?? '';
    expect(text).toContain(ug['reason.INVESTMENT_BELOW_THRESHOLD']);
    expect(text).toContain(ug['reason.APPROVAL_NOT_COUNTY_LEVEL']);
    expect(text).toContain(ug['elsewhere.investment']);
    expect(container.textContent ?? '').not.toMatch(HAN);
  });
});

describe('pages on the dictionary', () => {
  it.each(DICTIONARY_PAGES)('%s has no Chinese literal outside comments', (file) => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    const found = code.split('\n').filter((l) => HAN.test(l));
    expect(found).toEqual([]);
  });
});
