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

const BAD = ['dissatisfied', 'very_dissatisfied'];
const POLARITY: Record<string, string[]> = {
  very_satisfied: ['positive', 'any'],
  satisfied: ['positive', 'any'],
  basically_satisfied: ['positive', 'negative', 'any'],
  dissatisfied: ['negative', 'any'],
  very_dissatisfied: ['negative', 'any'],
};

function Given({ title, e }: { title: string; e: RatingEntryView }) {
  return (
    <View className="card t-rating-given">
      <View className="card__title">{title}</View>
      <View className="strong">{e.levelLabel}</View>
      {e.dimensions.map((d) => (
        <View key={d.dimension}>
          {d.label}：{d.levelLabel}
        </View>
      ))}
      {e.tags.length > 0 ? <View>标签：{e.tags.join('、')}</View> : null}
      {e.comment ? <View>意见：{e.comment}</View> : null}
      <View className="muted">{formatChinaDateTime(e.at)}</View>
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
  const levels = options.levels.map((l) => ({
    ...l,
    description: BAD.includes(l.value) ? '差评：中心会回访您并整改' : '',
  }));
  const fitting = options.tags.filter((t) => !level || POLARITY[level].includes(t.polarity));
  /** `onInvalid`: 长辈版 shows the step whose answer is missing. */
  const send = async (onInvalid?: (e: Record<string, string>) => void) => {
    const e: Record<string, string> = {};
    if (!level) e.level = '请选择评价等级';
    if (level && BAD.includes(level) && tags.length === 0 && !comment.trim())
      e.reason = '选择“不满意”或“非常不满意”时，请至少选一个原因或写几句意见，以便我们回访整改。';
    if ([...comment].length > 500) e.comment = '意见建议不超过500字';
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
      setFormError(describeError(err));
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
          label={followUp ? '追评：现在您的评价是' : elder ? '总体评价' : '1. 总体评价'}
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
              label={elder ? `${d.label}（可不选）` : `${i + 2}. ${d.label}（可选）`}
              options={options.levels.map((l) => ({ ...l, description: '' }))}
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
          label={elder && level && BAD.includes(level) ? '为什么不满意（可多选）' : '原因标签（可多选）'}
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
          <View className="field__label">意见建议（可选）</View>
          <Textarea
            className="textarea t-comment"
            value={comment}
            maxlength={500}
            placeholder="想对我们说的话"
            aria-label="意见建议"
            onInput={(e) => setComment(e.detail.value)}
          />
          <FieldError name="comment" text={errors.comment} />
        </View>
      ),
    },
  ];
  const note = <View className="muted">评价由您本人自愿作出，任何人不得干预。</View>;
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
        setErrors({ level: '请选择评价等级' });
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
          submitLabel={followUp ? '提交追评' : '提交评价'}
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
        {busy ? '正在提交…' : followUp ? '提交追评' : '提交评价'}
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
  return (
    <PageShell>
      <View className="title">评价这次服务</View>
      {state.status === 'loading' && !s ? <Notice kind="loading">正在加载…</Notice> : null}
      {state.status === 'error' ? (
        <Notice
          kind="error"
          action={
            <ActionButton kind="secondary" onClick={state.reload}>
              重新加载
            </ActionButton>
          }
        >
          {describeError(state.error)}
        </Notice>
      ) : null}
      {s ? (
        <View>
          {!s.rating && !s.canRate ? <Notice kind="empty">{s.noServiceReason ?? '服务结束后才能评价。'}</Notice> : null}
          {s.canRate && state.data?.options ? (
            <RatingForm caseId={caseId} options={state.data.options} followUp={false} onDone={setOverride} />
          ) : null}
          {s.rating ? <Given title="您的评价" e={s.rating} /> : null}
          {s.rating?.followUp ? <Given title="您的追评" e={s.rating.followUp} /> : null}
          {s.badRatings.map((b, i) => (
            <View key={i} className="card t-bad-rating">
              <View className="card__title">差评处理情况{b.followUp ? '（追评）' : ''}</View>
              <View className="strong t-bad-rating-status">当前：{b.statusLabel}</View>
              {b.history.length === 0 ? <View className="muted">中心会尽快回访您，了解情况并整改。</View> : null}
              {b.history.map((h, j) => (
                <View key={j} className="t-bad-rating-step">
                  {formatChinaDateTime(h.at)} {h.note}
                </View>
              ))}
            </View>
          ))}
          {s.canFollowUp && !following ? (
            <ActionButton kind="secondary" className="t-go-follow-up" onClick={() => setFollowing(true)}>
              追评一次
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
          {s.rating && !s.canFollowUp ? <View className="muted t-rated-done">感谢您的评价！</View> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
