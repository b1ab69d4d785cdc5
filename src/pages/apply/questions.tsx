import {
  APPROVAL_LEVELS,
  ENTERPRISE_MATTERS,
  EXCLUDED_PROJECT_KINDS,
  MAJOR_PLAN_LEVELS,
  SPECIAL_GROUPS,
} from '../../../core/eligibility';
import CheckGroup from '../../components/CheckGroup';
import ChoiceGroup from '../../components/ChoiceGroup';
import { APPLICANT_TYPES, CATEGORIES } from '../../constants/categories';
import type { Lang } from '../../i18n';
import type { FieldErrors } from '../../services/result';
import type { Draft } from './draft';
import { closingQuestions } from './closing';
import { TextField, type Question, type T } from './fields';

export interface QuestionContext {
  d: Draft;
  elder: boolean;
  t: T;
  lang: Lang;
  fieldErrors: FieldErrors;
  update: <K extends keyof Draft>(key: K, value: Draft[K], errorKey?: string) => void;
  clearMaterialErrors: () => void;
  materialError?: string;
  refused: Record<number, string>;
}

/** Every question, in the form's order; the normal form shows them all, 长辈版 one a step. */
export function buildQuestions(x: QuestionContext): Question[] {
  const { d, elder, t, fieldErrors: fe, update } = x;
  // 长辈版 asks one question a screen, so the numbers give way to 第 N 步
  const n = (num: number, text: string) => (elder ? text : t('apply.numbered', { n: num, text }));
  // 长辈版 counts the steps of the most common application (a person, 民生) until she says
  // otherwise, so 共 N 步 does not jump after step 1; the steps are only reached once answered
  const category = d.category ?? (elder ? 'livelihood' : undefined);
  const applicantType = d.applicantType ?? (elder ? 'person' : undefined);
  const person = applicantType === 'person';
  const yesNo = [
    { value: 'yes', label: t('yes'), description: '' },
    { value: 'no', label: t('no'), description: '' },
  ];
  const choice = (id: string, label: string, keys: string[], errorKey = keys[0]) => ({
    id,
    keys,
    node: (
      <ChoiceGroup
        key={id}
        name={id}
        label={label}
        options={yesNo}
        value={d[id as 'publicService']}
        onChange={(v) => update(id as 'publicService', v, errorKey ?? id)}
        error={errorKey ? fe[errorKey] : undefined}
      />
    ),
  });
  const questions: Question[] = [
    {
      id: 'category',
      keys: ['category'],
      node: (
        <ChoiceGroup
          key="category"
          name="category"
          label={t('apply.required', { text: n(1, t('apply.q.category')) })}
          options={CATEGORIES.map((c) => ({
            ...c,
            label: t(`category.${c.value}`),
            description: t(`category.${c.value}.desc`),
          }))}
          value={d.category}
          onChange={(v) => update('category', v)}
          error={fe.category}
        />
      ),
    },
    {
      id: 'applicantType',
      keys: ['applicantType'],
      node: (
        <ChoiceGroup
          key="applicantType"
          name="applicantType"
          label={t('apply.required', { text: n(2, elder ? t('apply.q.forWhom') : t('apply.q.applicant')) })}
          options={APPLICANT_TYPES.map((c) => ({
            ...c,
            label: t(`applicantType.${c.value}`),
            description: t(`applicantType.${c.value}.desc`),
          }))}
          value={d.applicantType}
          onChange={(v) => update('applicantType', v)}
          error={fe.applicantType}
        />
      ),
    },
  ];
  if (applicantType) {
    questions.push({
      id: 'applicantName',
      keys: ['applicantName'],
      node: (
        <TextField
          key="applicantName"
          name="applicantName"
          label={n(3, person ? t('apply.q.personName') : t('apply.q.enterpriseName'))}
          value={d.applicantName}
          error={fe.applicantName}
          maxlength={60}
          placeholder={person ? t('apply.ph.personName') : t('apply.ph.enterpriseName')}
          onInput={(v) => update('applicantName', v)}
        />
      ),
    });
    questions.push(
      person
        ? {
            id: 'idNumber',
            keys: ['idNumber'],
            node: (
              <TextField
                key="idNumber"
                name="idNumber"
                label={n(4, t('apply.q.idNumber'))}
                hint={t('apply.hint.idNumber')}
                type="idcard"
                value={d.idNumber}
                error={fe.idNumber}
                maxlength={18}
                placeholder={t('apply.ph.idNumber')}
                onInput={(v) => update('idNumber', v)}
              />
            ),
          }
        : {
            id: 'uscc',
            keys: ['uscc'],
            node: (
              <TextField
                key="uscc"
                name="uscc"
                label={n(4, t('apply.q.uscc'))}
                hint={t('apply.hint.uscc')}
                value={d.uscc}
                error={fe.uscc}
                maxlength={18}
                placeholder={t('apply.ph.uscc')}
                onInput={(v) => update('uscc', v.toUpperCase())}
              />
            ),
          },
    );
  }
  if (category === 'livelihood') {
    questions.push({
      id: 'specialGroups',
      keys: ['details.specialGroups'],
      node: (
        <CheckGroup
          key="specialGroups"
          name="specialGroups"
          label={n(5, t('apply.q.groups'))}
          options={SPECIAL_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
          value={d.specialGroups}
          onChange={(v) => update('specialGroups', v, 'details.specialGroups')}
          error={fe['details.specialGroups']}
        />
      ),
    });
    questions.push(choice('publicService', n(6, t('apply.q.publicService')), ['details.livelihoodPublicService']));
  }
  if (d.category === 'enterprise') {
    questions.push({
      id: 'enterpriseMatter',
      keys: ['details.enterpriseMatter'],
      node: (
        <ChoiceGroup
          key="enterpriseMatter"
          name="enterpriseMatter"
          label={n(5, t('apply.q.enterpriseMatter'))}
          options={ENTERPRISE_MATTERS.map((m) => ({ value: m, label: t(`enterpriseMatter.${m}`), description: '' }))}
          value={d.enterpriseMatter}
          onChange={(v) => update('enterpriseMatter', v, 'details.enterpriseMatter')}
          error={fe['details.enterpriseMatter']}
        />
      ),
    });
    if (d.enterpriseMatter === 'change')
      questions.push(choice('newlyRegistered', n(6, t('apply.q.newlyRegistered')), []));
    if (d.enterpriseMatter === 'social_insurance' || d.enterpriseMatter === 'tax')
      questions.push(choice('related', n(6, t('apply.q.related')), []));
  }
  if (d.category === 'investment' || d.category === 'major') {
    questions.push({
      id: 'projectName',
      keys: ['details.projectName'],
      node: (
        <TextField
          key="projectName"
          name="details.projectName"
          label={n(5, t('apply.q.projectName'))}
          value={d.projectName}
          error={fe['details.projectName']}
          maxlength={100}
          placeholder={t('apply.ph.projectName')}
          onInput={(v) => update('projectName', v, 'details.projectName')}
        />
      ),
    });
  }
  if (d.category === 'investment') {
    questions.push({
      id: 'investmentWan',
      keys: ['details.investmentWan'],
      node: (
        <TextField
          key="investmentWan"
          name="details.investmentWan"
          label={n(6, t('apply.q.investment'))}
          hint={t('apply.hint.investment')}
          type="digit"
          value={d.investmentWan}
          error={fe['details.investmentWan']}
          maxlength={12}
          placeholder={t('apply.ph.digits')}
          onInput={(v) => update('investmentWan', v, 'details.investmentWan')}
        />
      ),
    });
    questions.push({
      id: 'approvalLevel',
      keys: ['details.approvalLevel'],
      node: (
        <ChoiceGroup
          key="approvalLevel"
          name="approvalLevel"
          label={n(7, t('apply.q.approval'))}
          options={APPROVAL_LEVELS.map((a) => ({
            value: a,
            label: t(`apply.approval.${a}`),
            description: t(`apply.approval.${a}.desc`),
          }))}
          value={d.approvalLevel}
          onChange={(v) => update('approvalLevel', v, 'details.approvalLevel')}
          error={fe['details.approvalLevel']}
        />
      ),
    });
    questions.push(choice('fitsPolicy', n(8, t('apply.q.policy')), ['details.fitsIndustrialPolicy']));
    questions.push({
      id: 'excludedKinds',
      keys: [],
      node: (
        <CheckGroup
          key="excludedKinds"
          name="excludedKinds"
          label={n(9, t('apply.q.excluded'))}
          options={EXCLUDED_PROJECT_KINDS.map((k) => ({ value: k, label: t(`excluded.${k}`) }))}
          value={d.excludedKinds ?? []}
          onChange={(v) => update('excludedKinds', v)}
        />
      ),
    });
  }
  if (d.category === 'major') {
    questions.push({
      id: 'annualPlans',
      keys: [],
      node: (
        <CheckGroup
          key="annualPlans"
          name="annualPlans"
          label={n(6, t('apply.q.plans'))}
          options={MAJOR_PLAN_LEVELS.map((p) => ({ value: p, label: t(`plan.${p}`) }))}
          value={d.annualPlans}
          onChange={(v) => update('annualPlans', v)}
        />
      ),
    });
    questions.push(choice('keySupervised', n(7, t('apply.q.keySupervised')), []));
    questions.push(choice('designated', n(8, t('apply.q.designated')), []));
  }
  questions.push(...closingQuestions(x, person));
  return questions;
}
