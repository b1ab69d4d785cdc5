import { View } from '@tarojs/components';
import { isMessageKey, translate, useLang, type Lang } from '../../i18n';
import type { CaseDetail } from '../../services/cases';

const MARKS = { done: '✓', current: '●', stopped: '✕', todo: '○' } as const;

/** What the applicant reads when nothing is asked of them, by how the case stands. */
export function nothingToDo(c: Pick<CaseDetail, 'status' | 'canRate'>, lang: Lang = 'zh'): string {
  switch (c.status) {
    case 'refused':
      return translate(lang, 'case.nothing.refused');
    case 'terminated':
      return translate(lang, 'case.nothing.terminated');
    case 'finished':
      return translate(lang, c.canRate ? 'case.nothing.rate' : 'case.nothing.finished');
    default:
      return translate(lang, 'case.nothing.open');
  }
}

/** 申请 → 受理 → 办理 → 办结: where the case is; one that ended short of 办结 shows where it stopped. */
export function ProgressBar({ progress, status }: { progress: CaseDetail['progress']; status: string }) {
  const { t } = useLang();
  const at = progress.steps.find((s) => s.state === 'current' || s.state === 'stopped');
  const label = (key: string) => t(`case.step.${key as 'apply'}`);
  const ended = progress.ended ? t(`case.ended.${progress.ended.kind}`) : '';
  // a step's few words by the case's state (the server's words when there is no entry for it)
  const note = (s: CaseDetail['progress']['steps'][number]) => {
    if (!s.note) return '';
    if (s.state === 'stopped') return ended;
    const key = `case.note.${status}`;
    return isMessageKey(key) ? t(key) : s.note;
  };
  return (
    <View className="t-progress">
      <View className="case-steps" aria-label={t('case.steps')}>
        {progress.steps.map((s) => (
          <View
            key={s.key}
            className={`case-steps__step case-steps__step--${s.state} t-progress-step t-progress-${s.key}`}
            aria-label={t(note(s) ? 'case.stepAria.note' : 'case.stepAria', {
              label: label(s.key),
              state: t(`case.state.${s.state}`),
              note: note(s),
            })}
          >
            <View className="case-steps__mark">{MARKS[s.state]}</View>
            <View className="case-steps__label">{label(s.key)}</View>
          </View>
        ))}
      </View>
      <View className="case-steps__now t-progress-now">
        {progress.ended
          ? t('case.endedAt', { ended, step: at ? label(at.key) : '' })
          : at
            ? t(note(at) ? 'case.now.note' : 'case.now', { step: label(at.key), note: note(at) })
            : t('case.allDone')}
      </View>
    </View>
  );
}
