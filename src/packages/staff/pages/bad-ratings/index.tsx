import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import {
  handleBadRating,
  listBadRatings,
  type BadRatingAction,
  type BadRatingActionType,
  type BadRatingFilter,
  type BadRatingItem,
} from '../../../../services/badRatings';
import { describeError, isForbidden } from '../../../../services/errors';
import { formatChinaDateTime } from '../../../../utils/format';
import '../../../../styles/staffScreens.css';
import '../../staff.css';
import { a11yRole } from '../../../../utils/a11y';
import RevealCall from '../../RevealCall';
import { revealContact } from '../../../../services/workbench';

const FILTERS: { f: BadRatingFilter; label: string }[] = [
  { f: 'open', label: '待处理' },
  { f: 'closed', label: '已结束' },
  { f: 'all', label: '全部' },
];
type Channel = NonNullable<Extract<BadRatingAction, { type: 'callBack' }>['channel']>;
const CHANNELS: { value: Channel; label: string }[] = [
  { value: 'phone', label: '电话' },
  { value: 'visit', label: '面谈/上门' },
  { value: 'message', label: '消息' },
];

/** What each step asks for, in the words of the 好差评 rules. */
const STEP_TEXT: Record<
  BadRatingActionType,
  { note?: string; measures?: string; result?: string; decide?: [string, string]; hint: string }
> = {
  callBack: { note: '申请人反映的情况（回访时所说）', hint: '请在期限内回访评价人，记录回访方式和对方所说。' },
  rectify: {
    measures: '整改措施',
    result: '整改结果（会告知评价人）',
    hint: '写明采取了什么措施、结果如何；提交后系统通知评价人。',
  },
  verify: { note: '核实情况', decide: ['整改到位，办结', '整改不到位，退回'], hint: '政务服务中心核实整改是否落实。' },
  appeal: { note: '申诉理由（差评不实的依据）', hint: '认为差评不实的，可在期限内申诉一次，由政务服务中心复核。' },
  reviewAppeal: {
    note: '复核意见',
    decide: ['申诉成立，不计入差评', '申诉不成立，继续整改'],
    hint: '政务服务中心复核单位的申诉。',
  },
};

function StepForm({
  item,
  type,
  onDone,
}: {
  item: BadRatingItem;
  type: BadRatingActionType;
  onDone: (next: BadRatingItem, notified: string[]) => void;
}) {
  const spec = STEP_TEXT[type];
  const [note, setNote] = useState('');
  const [measures, setMeasures] = useState('');
  const [result, setResult] = useState('');
  const [channel, setChannel] = useState<Channel>('phone');
  const [yes, setYes] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const send = async () => {
    const missing =
      (spec.note && !note.trim()) ||
      (spec.measures && !measures.trim()) ||
      (spec.result && !result.trim()) ||
      (spec.decide && yes === null);
    if (missing) return setError('请把每一项填写完整。');
    // the check above makes sure a decision was taken where one is asked for
    const action: BadRatingAction =
      type === 'callBack'
        ? { type, note: note.trim(), channel }
        : type === 'rectify'
          ? { type, measures: measures.trim(), result: result.trim() }
          : type === 'verify'
            ? { type, accepted: yes === true, note: note.trim() }
            : type === 'reviewAppeal'
              ? { type, upheld: yes === true, note: note.trim() }
              : { type, grounds: note.trim() };
    setBusy(true);
    setError('');
    try {
      const r = await handleBadRating(item.id, item.version, action);
      onDone(r.item, r.notified);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const area = (cls: string, label: string, value: string, set: (v: string) => void) => (
    <View className="field">
      <View className="field__label">{label}</View>
      <Textarea
        className={`textarea ${cls}`}
        value={value}
        maxlength={1000}
        autoHeight
        aria-label={label}
        onInput={(e) => set(e.detail.value)}
      />
    </View>
  );
  return (
    <View className="card t-bad-form">
      <View className="muted">{spec.hint}</View>
      {/* 回访 is a call: the rater's full number on a recorded tap (same rule as the case page), then dial */}
      {type === 'callBack' && item.caseId ? (
        <RevealCall name="callback" reveal={() => revealContact(item.caseId!)} />
      ) : null}
      {type === 'callBack' ? (
        <View className="field">
          <View className="field__label">回访方式</View>
          <View className="chips">
            {CHANNELS.map((c) => (
              <View
                key={c.value}
                className={`chip t-bf-channel-${c.value}${channel === c.value ? ' chip--on' : ''}`}
                onClick={() => setChannel(c.value)}
              >
                {c.label}
                {channel === c.value ? '（已选）' : ''}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {spec.decide ? (
        <View className="chips field">
          {spec.decide.map((label, i) => (
            <View
              key={label}
              className={`chip t-bf-decide-${i === 0 ? 'yes' : 'no'}${yes === (i === 0) ? ' chip--on' : ''}`}
              onClick={() => setYes(i === 0)}
            >
              {label}
              {yes === (i === 0) ? '（已选）' : ''}
            </View>
          ))}
        </View>
      ) : null}
      {spec.measures ? area('t-bf-measures', spec.measures, measures, setMeasures) : null}
      {spec.result ? area('t-bf-result', spec.result, result, setResult) : null}
      {spec.note ? area('t-bf-note', spec.note, note, setNote) : null}
      {error ? (
        <View className="form-error t-bad-error" {...a11yRole('alert')}>
          ⚠ {error}
        </View>
      ) : null}
      <ActionButton className="t-bad-submit" disabled={busy} onClick={send}>
        {busy ? '正在提交…' : '提交'}
      </ActionButton>
    </View>
  );
}

const NOTIFIED: Record<string, string> = {
  bad_rating_rectified: '已通知评价人',
  bad_rating_appealed: '已提交政务服务中心复核',
  bad_rating_reviewed: '已通知责任单位',
};

function Item({ item: initial, index }: { item: BadRatingItem; index: number }) {
  const [item, setItem] = useState(initial);
  const [open, setOpen] = useState<BadRatingActionType | null>(null);
  const [done, setDone] = useState('');
  return (
    <View
      className={`card bad-item t-bad-item t-bad-item-${index}${item.warning?.level === 'overdue' ? ' card--warn' : ''}`}
    >
      <View className="case__head">
        <View className="strong">
          {item.levelLabel}
          {item.followUp ? '（追评）' : ''}
        </View>
        <View className="status t-bad-status">{item.statusLabel}</View>
      </View>
      {item.raterHidden ? (
        <View className="muted t-rater-hidden">
          按中心设置，处理结束前不显示评价人及对应案件；回访由政务服务中心进行。
        </View>
      ) : (
        <View
          className="link t-bad-case"
          onClick={() =>
            item.caseId && Taro.navigateTo({ url: `/packages/staff/pages/case/index?caseId=${item.caseId}` })
          }
        >
          编号 {item.caseNo} · {item.matter}
        </View>
      )}
      <View className="muted">
        {item.unitName}
        {item.agentName ? ` · ${item.agentName}` : ''} · 差评时间 {formatChinaDateTime(item.openedAt)}
      </View>
      {item.tags.length ? <View>原因：{item.tags.join('、')}</View> : null}
      {item.comment ? <View>意见：{item.comment}</View> : null}
      {item.warning ? (
        <View className={`deadline deadline--${item.warning.level} t-bad-due`}>{item.warning.label}</View>
      ) : null}
      {item.history.length ? (
        <View className="t-bad-history">
          {item.history.map((h, i) => (
            <View key={i} className="line t-bad-step">
              {formatChinaDateTime(h.calledAt ?? h.at)} · {h.by}：{h.text}
            </View>
          ))}
        </View>
      ) : null}
      {done ? <View className="ok t-bad-done">{done}</View> : null}
      {item.actions.length ? (
        <View className="actions">
          {item.actions.map((a) => (
            <View
              key={a.type}
              className={`action t-bad-action-${a.type}${a.type === 'appeal' ? ' action--secondary' : ''}`}
              onClick={() => {
                setOpen(open === a.type ? null : a.type);
                setDone('');
              }}
            >
              {a.label}
            </View>
          ))}
        </View>
      ) : null}
      {open ? (
        <StepForm
          item={item}
          type={open}
          onDone={(next, notified) => {
            setItem(next);
            setOpen(null);
            const told = [...new Set(notified.map((n) => NOTIFIED[n]).filter(Boolean))].join('，');
            setDone(
              `已记录：${next.history[next.history.length - 1]?.label ?? ''}${notified.length ? `，${told}` : ''}`,
            );
          }}
        />
      ) : null}
    </View>
  );
}

/** §五(五) 差评: call back, rectify, tell the rater; appeal an untrue one; the center verifies and reviews. */
export default function BadRatingsPage() {
  const [filter, setFilter] = useState<BadRatingFilter>('open');
  const list = useAsync(() => listBadRatings({ filter, limit: 50 }), filter);
  const denied = list.status === 'error' && isForbidden(list.error);
  return (
    <PageShell>
      <View className="title">差评回访整改</View>
      <View className="muted">差评须在1个工作日内回访、15个工作日内整改（以中心设置为准），整改结果告知评价人。</View>
      <View className="queues">
        {FILTERS.map(({ f, label }) => {
          const n = f === 'all' ? undefined : list.data?.counts[f];
          return (
            <View
              key={f}
              className={`queue t-bad-filter-${f}${filter === f ? ' queue--on' : ''}${f === 'open' && n ? ' queue--alert' : ''}`}
              onClick={() => setFilter(f)}
              {...a11yRole('tab')}
              aria-selected={filter === f ? 'true' : 'false'}
            >
              {label}
              {n !== undefined ? ` ${n}` : ''}
            </View>
          );
        })}
      </View>
      {list.status === 'loading' && !list.data ? <Notice kind="loading">正在加载…</Notice> : null}
      {denied ? <Notice kind="forbidden">无权访问：差评处理只对帮代办员、责任领导和政务服务中心开放。</Notice> : null}
      {list.status === 'error' && !denied ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Notice kind="empty">{filter === 'open' ? '没有待处理的差评。' : '没有差评记录。'}</Notice>
      ) : null}
      {list.data?.items.map((item, i) => (
        <Item key={`${item.id}-${item.version}`} item={item} index={i} />
      ))}
      {list.status === 'error' && list.data ? <View className="muted">{describeError(list.error)}</View> : null}
    </PageShell>
  );
}
