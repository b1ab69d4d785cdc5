import { useState, type ReactNode } from 'react';
import { Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import CheckGroup from '../../components/CheckGroup';
import ChoiceGroup from '../../components/ChoiceGroup';
import FieldError from '../../components/FieldError';
import Notice from '../../components/Notice';
import PageShell from '../../components/PageShell';
import StepFrame from '../../components/StepFrame';
import { useElderMode } from '../../hooks/useElderMode';
import { useAsync } from '../../hooks/useAsync';
import { describeError } from '../../services/errors';
import {
  followUpRating,
  getRating,
  submitRating,
  type RatingEntryView,
  type RatingState,
} from '../../services/ratings';
import { formatChinaDateTime } from '../../utils/format';
import { a11yRole } from '../../utils/a11y';
import { isMessageKey, isolate, useLang, type MessageKey } from '../../i18n';

type T = ReturnType<typeof useLang>['t'];
/** A server label by its code, when the dictionary has the code (the server's word otherwise). */
const word = (t: T, key: string, server: string) => (isMessageKey(key) ? t(key as MessageKey) : server);

const BAD = ['dissatisfied', 'very_dissatisfied'];
const POLARITY: Record<string, string[]> = {
  very_satisfied: ['positive', 'any'],
  satisfied: ['positive', 'any'],
  basically_satisfied: ['positive', 'negative', 'any'],
  dissatisfied: ['negative', 'any'],
  very_dissatisfied: ['negative', 'any'],
};

function Given({ title, e }: { title: string; e: RatingEntryView }) {
  const { t, lang } = useLang();
  const tags = e.tagCodes ? e.tagCodes.map((c, i) => word(t, `tag.${c}`, e.tags[i] ?? c)) : e.tags;
  return (
    <View className="card t-rating-given">
      <View className="card__title">{title}</View>
      <View className="strong">{word(t, `level.${e.level}`, e.levelLabel)}</View>
      {e.dimensions.map((d) => (
        <View key={d.dimension}>
          {t('rate.dimLine', {
            dim: word(t, `dim.${d.dimension}`, d.label),
            level: word(t, `level.${d.level}`, d.levelLabel),
          })}
        </View>
      ))}
      {tags.length > 0 ? <View>{t('rate.tags', { tags: tags.join(t('apply.review.join')) })}</View> : null}
      {e.comment ? <View>{t('rate.comment', { comment: e.comment })}</View> : null}
      <View className="muted">{isolate(lang, formatChinaDateTime(e.at))}</View>
    </View>
  );
}

/** Five levels, the four dimensions, tags that fit the level, a comment; a 差评 needs a reason. */
function RatingForm({
  caseId,
  options,
  followUp,
  onDone,
}: {
  caseId: string;
  options: NonNullable<RatingState['options']>;
  followUp: boolean;
  onDone: (s: RatingState) => void;
}) {
  const [level, setLevel] = useState<string | undefined>();
  const [dims, setDims] = useState<Record<string, string>>({});
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState('');
  const [step, setStep] = useState(0);
  const [elder] = useElderMode();
  const { t, lang } = useLang();
  const levelWord = (l: { value: string; label: string }) => word(t, `level.${l.value}`, l.label);
  const levels = options.levels.map((l) => ({
    ...l,
    label: levelWord(l),
    description: BAD.includes(l.value) ? t('rate.bad') : '',
  }));
  const fitting = options.tags
    .filter((x) => !level || POLARITY[level].includes(x.polarity))
    .map((x) => ({ ...x, label: word(t, `tag.${x.value}`, x.label) }));
  /** `onInvalid`: 长辈版 shows the step whose answer is missing. */
  const send = async (onInvalid?: (e: Record<string, string>) => void) => {
    const e: Record<string, string> = {};
    if (!level) e.level = t('rate.err.level');
    if (level && BAD.includes(level) && tags.length === 0 && !comment.trim()) e.reason = t('rate.err.reason');
    if ([...comment].length > 500) e.comment = t('rate.err.comment');
    setErrors(e);
    if (Object.keys(e).length > 0) {
      onInvalid?.(e);
      return;
    }
    setBusy(true);
    setFormError('');
    try {
      const input = {
        caseId,
        level: level!,
        dimensions: dims,
        tags,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      };
      onDone(await (followUp ? followUpRating(input) : submitRating(input)));
    } catch (err) {
      setFormError(describeError(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const pickLevel = (v: string) => {
    setLevel(v);
    // 长辈版 shows the error on the question's own screen: answered, it goes
    if (elder) setErrors((e) => ({ ...e, level: '' }));
    setTags((t) => t.filter((x) => options.tags.find((o) => o.value === x && POLARITY[v].includes(o.polarity))));
  };
  // 长辈版 asks 总体评价 once: its 整体满意度 row would be the same question again
  const dimensions = options.dimensions.filter((d) => !elder || d.value !== 'overall');
  const questions: { id: string; node: ReactNode }[] = [
    {
      id: 'level',
      node: (
        <ChoiceGroup
          key="level"
          name="level"
          label={followUp ? t('rate.q.followUp') : elder ? t('rate.q.level') : t('rate.q.level.n')}
          options={levels}
          value={level}
          onChange={pickLevel}
          error={errors.level}
        />
      ),
    },
    ...(!followUp
      ? dimensions.map((d, i) => ({
          id: `dim-${d.value}`,
          node: (
            <ChoiceGroup
              key={d.value}
              name={`dim-${d.value}`}
              label={
                elder
                  ? t('rate.q.dim.elder', { dim: word(t, `dim.${d.value}`, d.label) })
                  : t('rate.q.dim', { n: i + 2, dim: word(t, `dim.${d.value}`, d.label) })
              }
              options={options.levels.map((l) => ({ ...l, label: levelWord(l), description: '' }))}
              value={dims[d.value]}
              onChange={(v) => setDims((x) => ({ ...x, [d.value]: v }))}
            />
          ),
        }))
      : []),
    {
      id: 'tags',
      node: (
        <CheckGroup
          key="tags"
          name="tags"
          label={elder && level && BAD.includes(level) ? t('rate.q.why') : t('rate.q.tags')}
          options={fitting}
          value={tags}
          onChange={setTags}
          error={errors.reason}
        />
      ),
    },
    {
      id: 'comment',
      node: (
        <View key="comment" className={`field${errors.comment ? ' field--invalid' : ''}`}>
          <View className="field__label">{t('rate.q.comment')}</View>
          <Textarea
            className="textarea t-comment"
            value={comment}
            maxlength={500}
            placeholder={t('rate.ph.comment')}
            aria-label={t('rate.aria.comment')}
            onInput={(e) => setComment(e.detail.value)}
          />
          <FieldError name="comment" text={errors.comment} />
        </View>
      ),
    },
  ];
  const note = <View className="muted">{t('rate.note')}</View>;
  const failed = formError ? (
    <View className="form-error t-form-error" {...a11yRole('alert')}>
      ⚠ {formError}
    </View>
  ) : null;
  if (elder) {
    const current = questions[Math.min(step, questions.length - 1)];
    const go = (i: number) => {
      setStep(i);
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    };
    const next = () => {
      if (step >= questions.length - 1) {
        // a 差评 without a reason goes back to the reasons, where the message says what to do
        return send((e) =>
          go(questions.findIndex((q) => q.id === (e.level ? 'level' : e.reason ? 'tags' : 'comment'))),
        );
      }
      if (current.id === 'level' && !level) {
        setErrors({ level: t('rate.err.level') });
        return;
      }
      setErrors({});
      go(step + 1);
    };
    return (
      <View className="t-rating-form">
        <StepFrame
          index={step}
          total={questions.length}
          onBack={() => go(step - 1)}
          onNext={next}
          submitLabel={followUp ? t('rate.submitFollowUp') : t('rate.submit')}
          submitClass="t-rate-submit"
          busy={busy}
        >
          {current.node}
          {step === 0 || step === questions.length - 1 ? note : null}
          {failed}
        </StepFrame>
      </View>
    );
  }
  return (
    <View className="t-rating-form">
      {questions.map((q) => q.node)}
      {note}
      {failed}
      <ActionButton className="t-rate-submit" disabled={busy} onClick={() => send()}>
        {busy ? t('apply.submitting') : followUp ? t('rate.submitFollowUp') : t('rate.submit')}
      </ActionButton>
    </View>
  );
}

export default function Rate() {
  const caseId = useRouter().params.id ?? '';
  const state = useAsync(() => getRating({ caseId }));
  const [override, setOverride] = useState<RatingState | null>(null);
  const [following, setFollowing] = useState(false);
  const s = override ?? state.data;
  const { t, lang } = useLang();
  return (
    <PageShell>
      <View className="title">{t('rate.title')}</View>
      {state.status === 'loading' && !s ? <Notice kind="loading">{t('common.loading')}</Notice> : null}
      {state.status === 'error' ? (
        <Notice
          kind="error"
          action={
            <ActionButton kind="secondary" onClick={state.reload}>
              {t('common.retry')}
            </ActionButton>
          }
        >
          {describeError(state.error, lang)}
        </Notice>
      ) : null}
      {s ? (
        <View>
          {!s.rating && !s.canRate ? (
            <Notice kind="empty">
              {s.noServiceReason ? (lang === 'zh' ? s.noServiceReason : t('rate.noService')) : t('rate.cannot')}
            </Notice>
          ) : null}
          {s.canRate && state.data?.options ? (
            <RatingForm caseId={caseId} options={state.data.options} followUp={false} onDone={setOverride} />
          ) : null}
          {s.rating ? <Given title={t('rate.mine')} e={s.rating} /> : null}
          {s.rating?.followUp ? <Given title={t('rate.mineFollowUp')} e={s.rating.followUp} /> : null}
          {s.badRatings.map((b, i) => (
            <View key={i} className="card t-bad-rating">
              <View className="card__title">{t(b.followUp ? 'rate.badTitle.followUp' : 'rate.badTitle')}</View>
              <View className="strong t-bad-rating-status">
                {t('rate.badNow', { status: word(t, `bad.${b.status}`, b.statusLabel) })}
              </View>
              {b.history.length === 0 ? <View className="muted">{t('rate.badWait')}</View> : null}
              {b.history.map((h, j) => (
                <View key={j} className="t-bad-rating-step">
                  {isolate(lang, formatChinaDateTime(h.at))} {h.note}
                </View>
              ))}
            </View>
          ))}
          {s.canFollowUp && !following ? (
            <ActionButton kind="secondary" className="t-go-follow-up" onClick={() => setFollowing(true)}>
              {t('rate.followUp')}
            </ActionButton>
          ) : null}
          {s.canFollowUp && following && state.data?.options ? (
            <RatingForm
              caseId={caseId}
              options={state.data.options}
              followUp
              onDone={(x) => {
                setOverride(x);
                setFollowing(false);
              }}
            />
          ) : null}
          {s.rating && !s.canFollowUp ? <View className="muted t-rated-done">{t('rate.thanks')}</View> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
