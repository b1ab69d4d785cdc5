import type { ReactNode } from 'react';
import { Input, View } from '@tarojs/components';
import type { EnterpriseMatter } from '../../../core/eligibility';
import FieldError from '../../components/FieldError';
import { ltr, type Lang, type useLang } from '../../i18n';
import type { Draft } from './draft';

export type T = ReturnType<typeof useLang>['t'];

/** One question of the form: its answer's error keys, and how it is asked. */
export interface Question {
  id: string;
  keys: string[];
  node: ReactNode;
}

/** Whether an error (a validateDraft or server field key) is about this question. */
export function owns(q: Question, key: string): boolean {
  if (q.keys.includes(key)) return true;
  if (q.id === 'materials') return key.startsWith('materials.') || /^FILE_[A-Z_]+$/.test(key);
  return false;
}

/** The answers as 长辈版's last step reads them back: [question id, label, answer]. */
export function reviewRows(d: Draft, t: T, lang: Lang): [string, string, string][] {
  const person = d.applicantType === 'person';
  const unchosen = t('apply.review.unchosen');
  const empty = t('apply.review.empty');
  // what she typed, kept in its own direction inside a right-to-left row
  const typed = (v: string) => (!v.trim() ? empty : lang === 'zh' ? v.trim() : ltr(v.trim()));
  const yesNo = (v?: string) => (v === 'yes' ? t('yes') : v === 'no' ? t('no') : t('apply.review.unanswered'));
  const rows: [string, string, string][] = [
    ['category', t('apply.review.category'), d.category ? t(`category.${d.category}`) : unchosen],
    ['applicantType', t('apply.review.applicant'), d.applicantType ? t(`applicantType.${d.applicantType}`) : unchosen],
    ['applicantName', person ? t('apply.review.name') : t('apply.review.enterpriseName'), typed(d.applicantName)],
    person
      ? ['idNumber', t('apply.review.idNumber'), typed(d.idNumber)]
      : ['uscc', t('apply.review.uscc'), typed(d.uscc)],
  ];
  if (d.category === 'livelihood') {
    rows.push([
      'specialGroups',
      t('apply.review.groups'),
      d.specialGroups.map((g) => t(`group.${g as 'elderly'}`) ?? g).join(t('apply.review.join')) || unchosen,
    ]);
    rows.push(['publicService', t('apply.review.publicService'), yesNo(d.publicService)]);
  }
  if (d.category === 'enterprise')
    rows.push([
      'enterpriseMatter',
      t('apply.review.enterpriseMatter'),
      d.enterpriseMatter ? t(`enterpriseMatter.${d.enterpriseMatter as EnterpriseMatter}`) : unchosen,
    ]);
  if (d.category === 'investment' || d.category === 'major')
    rows.push(['projectName', t('apply.review.projectName'), typed(d.projectName)]);
  if (d.category === 'investment') {
    rows.push([
      'investmentWan',
      t('apply.review.investment'),
      d.investmentWan.trim() ? t('apply.review.wan', { n: d.investmentWan.trim() }) : empty,
    ]);
    rows.push([
      'approvalLevel',
      t('apply.review.approval'),
      d.approvalLevel ? t(`apply.approval.${d.approvalLevel as 'county'}`) : unchosen,
    ]);
    rows.push(['fitsPolicy', t('apply.review.policy'), yesNo(d.fitsPolicy)]);
  }
  rows.push(['matter', t('apply.review.matter'), d.matter.trim() || empty]);
  rows.push(['contactName', t('apply.review.contactName'), d.contactName.trim() || empty]);
  rows.push(['contactPhone', t('apply.review.contactPhone'), typed(d.contactPhone)]);
  rows.push(['mode', t('apply.review.mode'), d.mode ? t(`mode.${d.mode}`) : unchosen]);
  if (d.mode === 'proxy')
    rows.push([
      'mandate',
      t('apply.review.mandate'),
      d.signatureFileID ? t('apply.review.signed') : t('apply.review.unsigned'),
    ]);
  rows.push([
    'materials',
    t('apply.review.materials'),
    d.materials.length > 0 ? t('apply.review.files', { n: d.materials.length }) : t('apply.review.noFiles'),
  ]);
  if (d.category === 'enterprise')
    rows.push([
      'commitment',
      t('apply.review.commitment'),
      d.commitment ? t('apply.review.promise') : t('apply.review.noPromise'),
    ]);
  return rows;
}

export function TextField({
  name,
  hook,
  label,
  hint,
  value,
  error,
  onInput,
  type,
  maxlength,
  placeholder,
}: {
  name: string;
  hook?: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onInput: (v: string) => void;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength: number;
  placeholder: string;
}) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <View className="field__label">{label}</View>
      {hint ? <View className="field__hint">{hint}</View> : null}
      <Input
        className={`input t-${name.replace('details.', '')}${hook ? ` ${hook}` : ''}`}
        type={type ?? 'text'}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onInput(String(e.detail?.value ?? ''))}
      />
      <FieldError name={name.replace('details.', '')} text={error} />
    </View>
  );
}
