import { useEffect, useState } from 'react';
import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  APPROVAL_LEVELS,
  assessApplication,
  eligibilityFactsOf,
  EXCLUDED_PROJECT_KINDS,
  ENTERPRISE_MATTERS,
  MAJOR_PLAN_LEVELS,
  SPECIAL_GROUPS,
  type ApprovalLevel,
  type EligibilityDecision,
  type EligibilityFacts,
  type EnterpriseMatter,
  type ExcludedProjectKind,
  type MajorPlanLevel,
  type ScopeApplication,
  type SpecialGroup,
} from '../../../core/eligibility';
import ActionButton from '../../components/ActionButton';
import CheckGroup from '../../components/CheckGroup';
import ChoiceGroup from '../../components/ChoiceGroup';
import FieldError from '../../components/FieldError';
import PageShell from '../../components/PageShell';
import { APPLICANT_TYPES, CATEGORIES, type ApplicantType, type Category } from '../../constants/categories';
import { useLang, type MessageKey } from '../../i18n';
import { CENTER_HOTLINE } from '../../constants/center';
import { ROUTES } from '../../constants/routes';
import { a11yRole } from '../../utils/a11y';

type T = ReturnType<typeof useLang>['t'];

const yesNo = (t: T) => [
  { value: 'yes', label: t('yes'), description: '' },
  { value: 'no', label: t('no'), description: '' },
];

/** Where to go instead, by the kind of matter refused (none chosen: the general desk). */
const elsewhere = (category: Category | null): MessageKey => (category ? `elsewhere.${category}` : 'elsewhere.any');

export interface Answers {
  category?: Category;
  applicantType?: ApplicantType;
  specialGroups: string[];
  publicService?: string;
  enterpriseMatter?: string;
  newlyRegistered?: string;
  related?: string;
  investmentWan: string;
  approvalLevel?: string;
  fitsPolicy?: string;
  excludedKinds: string[];
  annualPlans: string[];
  keySupervised?: string;
  designated?: string;
}

/**
 * The answers as the application form sends them (core ScopeAnswers), or the first question still
 * open (said in words). The verdict is core assessApplication: the function cases.submit applies to
 * the same answers, so the self-check and the server agree (issue 15).
 */
export function toApplication(a: Answers): { application: ScopeApplication } | { missing: [string, MessageKey] } {
  if (!a.category) return { missing: ['category', 'check.missing.category'] };
  if (!a.applicantType) return { missing: ['applicantType', 'check.missing.applicantType'] };
  const base = { category: a.category, applicantType: a.applicantType };
  switch (a.category) {
    case 'livelihood':
      if (!a.publicService) return { missing: ['publicService', 'check.missing.publicService'] };
      return {
        application: {
          ...base,
          details: {
            specialGroups: a.specialGroups as SpecialGroup[],
            livelihoodPublicService: a.publicService === 'yes',
          },
        },
      };
    case 'enterprise':
      if (!a.enterpriseMatter) return { missing: ['enterpriseMatter', 'check.missing.enterpriseMatter'] };
      return {
        application: {
          ...base,
          details: {
            enterpriseMatter: a.enterpriseMatter as EnterpriseMatter,
            newlyRegistered: a.newlyRegistered === 'yes',
            relatedToCoveredMatter: a.related === 'yes',
          },
        },
      };
    case 'investment': {
      const wan = Number(a.investmentWan);
      if (!a.investmentWan.trim() || !Number.isFinite(wan) || wan < 0)
        return { missing: ['investmentWan', 'check.missing.investmentWan'] };
      if (!a.approvalLevel) return { missing: ['approvalLevel', 'check.missing.approvalLevel'] };
      if (!a.fitsPolicy) return { missing: ['fitsPolicy', 'check.missing.fitsPolicy'] };
      return {
        application: {
          ...base,
          details: {
            investmentWan: wan,
            approvalLevel: a.approvalLevel as ApprovalLevel,
            fitsIndustrialPolicy: a.fitsPolicy === 'yes',
            excludedKinds: a.excludedKinds as ExcludedProjectKind[],
          },
        },
      };
    }
    case 'major':
      return {
        application: {
          ...base,
          details: {
            annualPlans: a.annualPlans as MajorPlanLevel[],
            keySupervised: a.keySupervised === 'yes',
            designatedByCountyGovernment: a.designated === 'yes',
          },
        },
      };
  }
}

/** The answers as the core's facts, or the first question still open. */
export function toFacts(a: Answers): { facts: EligibilityFacts } | { missing: [string, MessageKey] } {
  const r = toApplication(a);
  return 'missing' in r ? r : { facts: eligibilityFactsOf(r.application) };
}

export default function Eligibility() {
  const [a, setA] = useState<Answers>({ specialGroups: [], investmentWan: '', excludedKinds: [], annualPlans: [] });
  const [result, setResult] = useState<EligibilityDecision | null>(null);
  const [missing, setMissing] = useState<[string, MessageKey] | null>(null);
  const { t } = useLang();
  const categories = CATEGORIES.map((c) => ({
    value: c.value,
    label: t(`category.${c.value}`),
    description: t(`category.${c.value}.desc`),
  }));
  const applicantTypes = APPLICANT_TYPES.map((c) => ({
    value: c.value,
    label: t(`applicantType.${c.value}`),
    description: t(`applicantType.${c.value}.desc`),
  }));
  const yn = yesNo(t);
  const set = <K extends keyof Answers>(k: K, v: Answers[K]) => {
    setA((x) => ({ ...x, [k]: v }));
    setResult(null);
    setMissing(null);
  };
  const check = () => {
    const r = toApplication(a);
    if ('missing' in r) {
      setMissing(r.missing);
      return;
    }
    setResult(assessApplication(r.application));
  };
  // scrolled to once it is on screen: asked for in the tap, the result did not exist yet and the
  // page jumped to the top instead
  useEffect(() => {
    if (!result) return;
    Taro.nextTick(() => {
      Taro.pageScrollTo({ selector: '.t-result', duration: 0 }).catch(() => undefined);
    });
  }, [result]);
  const err = (k: string) => (missing && missing[0] === k ? t(missing[1]) : undefined);

  return (
    <PageShell>
      <View className="title">{t('check.title')}</View>
      <View className="muted field">{t('check.intro')}</View>
      <ChoiceGroup
        name="category"
        label={t('check.q.category')}
        options={categories}
        value={a.category}
        onChange={(v) => set('category', v)}
        error={err('category')}
      />
      <ChoiceGroup
        name="applicantType"
        label={t('check.q.applicantType')}
        options={applicantTypes}
        value={a.applicantType}
        onChange={(v) => set('applicantType', v)}
        error={err('applicantType')}
      />
      {a.category === 'livelihood' ? (
        <View>
          <CheckGroup
            name="specialGroups"
            label={t('check.q.groups')}
            options={SPECIAL_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
            value={a.specialGroups}
            onChange={(v) => set('specialGroups', v)}
          />
          <ChoiceGroup
            name="publicService"
            label={t('check.q.publicService')}
            options={yn}
            value={a.publicService}
            onChange={(v) => set('publicService', v)}
            error={err('publicService')}
          />
        </View>
      ) : null}
      {a.category === 'enterprise' ? (
        <View>
          <ChoiceGroup
            name="enterpriseMatter"
            label={t('check.q.enterpriseMatter')}
            options={ENTERPRISE_MATTERS.map((m) => ({ value: m, label: t(`enterpriseMatter.${m}`), description: '' }))}
            value={a.enterpriseMatter}
            onChange={(v) => set('enterpriseMatter', v)}
            error={err('enterpriseMatter')}
          />
          {a.enterpriseMatter === 'change' ? (
            <ChoiceGroup
              name="newlyRegistered"
              label={t('check.q.newlyRegistered')}
              options={yn}
              value={a.newlyRegistered}
              onChange={(v) => set('newlyRegistered', v)}
            />
          ) : null}
          {a.enterpriseMatter === 'social_insurance' || a.enterpriseMatter === 'tax' ? (
            <ChoiceGroup
              name="related"
              label={t('check.q.related')}
              options={yn}
              value={a.related}
              onChange={(v) => set('related', v)}
            />
          ) : null}
        </View>
      ) : null}
      {a.category === 'investment' ? (
        <View>
          <View className={`field${err('investmentWan') ? ' field--invalid' : ''}`}>
            <View className="field__label">{t('check.q.investment')}</View>
            <View className="field__hint">{t('check.q.investment.hint')}</View>
            <Input
              className="input t-investmentWan"
              type="digit"
              value={a.investmentWan}
              maxlength={12}
              placeholder={t('check.q.investment.placeholder')}
              aria-label={t('check.q.investment')}
              onInput={(e) => set('investmentWan', e.detail.value)}
            />
            <FieldError name="investmentWan" text={err('investmentWan')} />
          </View>
          <ChoiceGroup
            name="approvalLevel"
            label={t('check.q.approval')}
            options={APPROVAL_LEVELS.map((l) => ({
              value: l,
              label: t(`approval.${l}`),
              description: l === 'county' ? t('approval.county.desc') : '',
            }))}
            value={a.approvalLevel}
            onChange={(v) => set('approvalLevel', v)}
            error={err('approvalLevel')}
          />
          <ChoiceGroup
            name="fitsPolicy"
            label={t('check.q.policy')}
            options={yn}
            value={a.fitsPolicy}
            onChange={(v) => set('fitsPolicy', v)}
            error={err('fitsPolicy')}
          />
          <CheckGroup
            name="excludedKinds"
            label={t('check.q.excluded')}
            options={EXCLUDED_PROJECT_KINDS.map((k) => ({ value: k, label: t(`excluded.${k}`) }))}
            value={a.excludedKinds}
            onChange={(v) => set('excludedKinds', v)}
          />
        </View>
      ) : null}
      {a.category === 'major' ? (
        <View>
          <CheckGroup
            name="annualPlans"
            label={t('check.q.plans')}
            options={MAJOR_PLAN_LEVELS.map((p) => ({ value: p, label: t(`plan.${p}`) }))}
            value={a.annualPlans}
            onChange={(v) => set('annualPlans', v)}
          />
          <ChoiceGroup
            name="keySupervised"
            label={t('check.q.keySupervised')}
            options={yn}
            value={a.keySupervised}
            onChange={(v) => set('keySupervised', v)}
          />
          <ChoiceGroup
            name="designated"
            label={t('check.q.designated')}
            options={yn}
            value={a.designated}
            onChange={(v) => set('designated', v)}
          />
        </View>
      ) : null}
      <ActionButton className="t-check" onClick={check}>
        {t('check.go')}
      </ActionButton>
      {result ? (
        result.eligible ? (
          <View className="card result result--ok t-result t-result-ok" {...a11yRole('status')}>
            <View className="card__title">{t('check.ok.title')}</View>
            {/* the category in words; the rulebook's paragraph number (§三(一)) means nothing to a citizen */}
            <View className="t-result-scope">
              {t('check.ok.scope', { category: t(`category.${result.category}`) })}
            </View>
            <ActionButton className="t-go-apply" onClick={() => Taro.navigateTo({ url: ROUTES.apply })}>
              {t('check.ok.apply')}
            </ActionButton>
          </View>
        ) : (
          <View className="card result result--no t-result t-result-no" {...a11yRole('status')}>
            <View className="card__title">{t('check.no.title')}</View>
            {result.reasons.map((r, i) => (
              <View key={r.code} className={`reason t-reason t-reason-${r.code}`}>
                {i + 1}. {t(`reason.${r.code}`)}
              </View>
            ))}
            <View className="card__title">{t('check.no.where')}</View>
            <View className="muted">{t(elsewhere(result.category))}</View>
            <View className="muted">{t('check.no.hotline', { phone: CENTER_HOTLINE })}</View>
          </View>
        )
      ) : null}
    </PageShell>
  );
}
