import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import ActionButton from '../ActionButton';
import { useLang } from '../../i18n';

interface Props {
  /** 0-based place of the step shown */
  index: number;
  total: number;
  children: ReactNode;
  onBack?: () => void;
  onNext: () => void;
  /** the last step's button (提交申请 / 提交评价); earlier steps say 下一步 */
  submitLabel: string;
  /** test hook of the last step's button, e.g. t-submit */
  submitClass: string;
  busy?: boolean;
}

/**
 * 长辈版 forms, one question a screen: where she is in words and as a bar, the question, then
 * one large 下一步 (提交 on the last step) with 上一步 under it.
 */
export default function StepFrame({ index, total, children, onBack, onNext, submitLabel, submitClass, busy }: Props) {
  const last = index >= total - 1;
  const percent = Math.round(((index + 1) / total) * 100);
  const { t } = useLang();
  const count = t('step.count', { n: index + 1, total });
  return (
    <View className="steps">
      <View className="steps__head t-step-progress" aria-label={count}>
        <View className="steps__count">{count}</View>
        <View className="progress steps__bar">
          <View className="progress__bar" style={{ width: `${percent}%` }} />
        </View>
      </View>
      <View className="steps__body">{children}</View>
      {last ? (
        <ActionButton className={submitClass} disabled={busy} onClick={onNext}>
          {busy ? t('apply.submitting') : submitLabel}
        </ActionButton>
      ) : (
        <ActionButton className="t-step-next" onClick={onNext}>
          {t('step.next')}
        </ActionButton>
      )}
      {index > 0 && onBack ? (
        <ActionButton kind="secondary" className="t-step-back" disabled={busy} onClick={onBack}>
          {t('step.back')}
        </ActionButton>
      ) : null}
    </View>
  );
}
