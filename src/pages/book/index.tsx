import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import ChoiceGroup from '../../components/ChoiceGroup';
import FieldError from '../../components/FieldError';
import Notice from '../../components/Notice';
import PageShell from '../../components/PageShell';
import SubscribeNote from '../../components/SubscribeNote';
import { CATEGORIES, type Category } from '../../constants/categories';
import { useAsync } from '../../hooks/useAsync';
import {
  bookSlot,
  cancelBooking,
  listMyBookings,
  listSlots,
  requestHomeVisit,
  rescheduleBooking,
  type BookingView,
  type SlotView,
} from '../../services/bookings';
import { describeError } from '../../services/errors';
import { getSubscribeTemplates } from '../../services/applicant';
import { listMyApplications } from '../../services/cases';
import { windowTitle } from '../../utils/format';
import { askToSubscribe } from '../../services/notify';
import { a11yRole } from '../../utils/a11y';
import CenterDirections from '../../components/CenterDirections';

type Way = 'center' | 'home';
/** Today in Beijing, YYYY-MM-DD (the center keeps Beijing time). */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const WAYS = [
  {
    value: 'center' as Way,
    label: '到政务服务中心办理',
    description: '选择常规、延时（下班后）或错时（午间、周六）时段。',
  },
  {
    value: 'home' as Way,
    label: '请工作人员上门',
    description: '限行动不便的老人、残疾人等特殊群众的民生事项，须先提交民生保障类申请。',
  },
];

/** 签到码: big digits to show at the desk, where staff type them in to mark arrival. */
function CheckInCode({ code }: { code: string }) {
  return (
    <View className="checkin t-checkin-code" aria-label={`签到码 ${code.split('').join(' ')}`}>
      <View className="muted">到窗口时请出示签到码：</View>
      <View className="checkin__code">{code.replace(/(\d{3})(\d{3})/, '$1 $2')}</View>
      <View className="muted">只在预约当天有效。</View>
    </View>
  );
}

/** The booking confirmation: date, time, place and what to bring, in words. */
function Confirmation({ b }: { b: BookingView }) {
  return (
    <View className="card t-booking-confirmed" {...a11yRole('status')}>
      <View className="title">✓ 预约成功</View>
      <View className="strong t-booking-when">
        {b.date}（{b.weekday}）{b.start}–{b.end}
      </View>
      <View className="t-booking-kind">
        类型：<Text className="tag tag--kind">{windowTitle(b.kindLabel, b.windowLabel)}</Text>
      </View>
      <View className="t-booking-place">地点：{b.place}</View>
      {b.checkInCode && b.kind !== 'home_visit' ? <CheckInCode code={b.checkInCode} /> : null}
      {b.homeAddress ? <View>上门地址：{b.homeAddress}</View> : null}
      <View className="card__title">请带上：</View>
      {b.bring.map((x) => (
        <View key={x}>· {x}</View>
      ))}
      <View className="muted">如需取消或改约，请在开始前30分钟以前在“我的预约”里操作；之后请致电中心。</View>
    </View>
  );
}

export default function Book() {
  const params = useRouter().params;
  const [way, setWay] = useState<Way | undefined>(params.way === 'home' ? 'home' : undefined);
  const [category, setCategory] = useState<Category | undefined>((params.category as Category) || undefined);
  const [caseId, setCaseId] = useState<string | undefined>(params.caseId || undefined);
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [address, setAddress] = useState('');
  const [moving, setMoving] = useState<BookingView | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BookingView | null>(null);
  const templates = useAsync(getSubscribeTemplates);
  const mine = useAsync(listMyBookings);
  const cases = useAsync(listMyApplications);
  const kind = way === 'home' ? 'home_visit' : undefined;
  const slots = useAsync(() => listSlots(kind ? { kind } : {}), kind ?? 'all');
  const livelihoodCases = (cases.data?.items ?? []).filter(
    (c) => c.category === 'livelihood' && !['refused', 'finished', 'terminated'].includes(c.status),
  );

  const chooseWay = (w: Way) => {
    setWay(w);
    setSlot(null);
    setDay(null);
    setErrors({});
  };
  const days = slots.data?.days ?? [];
  const shownDay = days.find((d) => d.date === day) ?? days[0];

  const confirm = async () => {
    const e: Record<string, string> = {};
    if (!moving && !way) e.way = '请选择办理方式';
    if (!slot) e.slot = '请先选择日期和时段';
    if (!moving && way === 'center' && !caseId && !category) e.category = '请选择要办理的事项类别';
    if (!moving && way === 'home' && !caseId) e.caseId = '请选择要上门办理的申请（没有的话请先提交民生保障类申请）';
    if (!moving && way === 'home' && address.trim().length < 5) e.address = '请填写详细地址（乡镇、村或小区、门牌号）';
    setErrors(e);
    if (Object.keys(e).length > 0 || !slot) {
      setFormError('还有内容没有选好，请按红字提示修改。');
      return;
    }
    const reminder = templates.status === 'ok' ? templates.data.bookingReminder : null;
    const asking = askToSubscribe(reminder ? [reminder] : []);
    setBusy(true);
    setFormError('');
    try {
      await asking;
      const r = moving
        ? await rescheduleBooking({ bookingId: moving.bookingId, slotId: slot.slotId })
        : way === 'home'
          ? await requestHomeVisit({ slotId: slot.slotId, caseId: caseId!, address: address.trim() })
          : await bookSlot({ slotId: slot.slotId, ...(caseId ? { caseId } : { category }) });
      setDone(r.booking);
      setMoving(null);
      mine.reload();
      slots.reload();
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (err) {
      setFormError(describeError(err));
      slots.reload();
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (b: BookingView) => {
    const ok = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${b.date} ${b.start} 的预约吗？`,
      confirmText: '确定取消',
      cancelText: '不取消',
    }).then(
      (r) => r.confirm,
      () => true,
    );
    if (!ok) return;
    try {
      await cancelBooking({ bookingId: b.bookingId });
      setDone(null);
      // an earlier failure's red text does not outlive this success
      setFormError('');
      mine.reload();
      slots.reload();
    } catch (err) {
      setFormError(describeError(err));
    }
  };

  const active = (mine.data?.items ?? []).filter((b) => b.status === 'active');
  // what the center cancelled and why (their message says to look here), until that day has passed
  const today = beijingToday();
  const cancelledByCenter = (mine.data?.items ?? []).filter(
    (b) => b.status === 'cancelled' && b.cancelReason && b.date >= today,
  );
  // a message about a booking opens this page with its id: that booking stands out
  const focus = (b: BookingView) =>
    params.bookingId && b.bookingId === params.bookingId ? ' booking--focus t-booking-focus' : '';

  return (
    <PageShell>
      <View className="title">预约办理</View>
      {done ? <Confirmation b={done} /> : null}

      <View className="card t-my-bookings">
        <View className="card__title">我的预约</View>
        {mine.status === 'loading' && !mine.data ? <View className="muted">正在加载…</View> : null}
        {mine.status === 'error' ? <View className="field-error">⚠ {describeError(mine.error)}</View> : null}
        {mine.status === 'ok' && active.length === 0 ? <View className="muted">暂无有效预约。</View> : null}
        {cancelledByCenter.map((b) => (
          <View key={b.bookingId} className={`booking t-booking-cancelled${focus(b)}`}>
            <View className="strong">
              {b.date}（{b.weekday}）{b.start}–{b.end} <View className="tag tag--warn">{b.statusLabel}</View>
            </View>
            <View>中心取消了这个预约，原因：{b.cancelReason}</View>
            <View className="muted">需要的话，请在下面重新预约或致电中心。</View>
          </View>
        ))}
        {active.map((b) => (
          <View key={b.bookingId} className={`booking t-booking${focus(b)}`}>
            <View className="strong">
              {b.date}（{b.weekday}）{b.start}–{b.end} <View className="tag tag--kind">{b.kindLabel}</View>
            </View>
            <View className="muted">{b.place}</View>
            {b.checkInCode && b.kind !== 'home_visit' ? <CheckInCode code={b.checkInCode} /> : null}
            {b.canChange ? (
              <View className="row-buttons">
                <ActionButton
                  kind="secondary"
                  className="t-booking-move"
                  onClick={() => {
                    setMoving(b);
                    setDone(null);
                    setSlot(null);
                  }}
                >
                  改约
                </ActionButton>
                <ActionButton kind="secondary" className="t-booking-cancel" onClick={() => cancel(b)}>
                  取消预约
                </ActionButton>
              </View>
            ) : (
              <View className="muted">开始前30分钟内不能在线取消或改约，请致电中心。</View>
            )}
          </View>
        ))}
      </View>
      {/* where the center is and how to get there, under the bookings it is for */}
      <CenterDirections />

      {moving ? (
        <View className="notice t-moving">
          正在为 {moving.date} {moving.start} 的预约改约，请选择新的时段。
          <ActionButton kind="secondary" onClick={() => setMoving(null)}>
            不改了
          </ActionButton>
        </View>
      ) : (
        <View>
          <ChoiceGroup
            name="way"
            label="1. 办理方式"
            options={WAYS}
            value={way}
            onChange={chooseWay}
            error={errors.way}
          />
          {way === 'center' && !caseId ? (
            <ChoiceGroup
              name="category"
              label="2. 要办理的事项类别"
              options={CATEGORIES}
              value={category}
              onChange={setCategory}
              error={errors.category}
            />
          ) : null}
          {way === 'home' ? (
            <View>
              {cases.status === 'ok' && livelihoodCases.length === 0 ? (
                <Notice kind="empty">您还没有民生保障类的申请。上门服务须先提交申请，工作人员核实后上门。</Notice>
              ) : (
                <ChoiceGroup
                  name="caseId"
                  label="2. 为哪条申请上门"
                  options={livelihoodCases.map((c) => ({
                    value: c.caseId,
                    label: `${c.caseNo} ${c.matter}`,
                    description: c.statusLabel,
                  }))}
                  value={caseId}
                  onChange={setCaseId}
                  error={errors.caseId}
                />
              )}
              <View className={`field${errors.address ? ' field--invalid' : ''}`}>
                <View className="field__label">3. 上门地址</View>
                <Textarea
                  className="textarea t-address"
                  value={address}
                  maxlength={200}
                  placeholder="乡镇、村或小区、门牌号"
                  aria-label="上门地址"
                  onInput={(e) => setAddress(e.detail.value)}
                />
                <FieldError name="address" text={errors.address} />
              </View>
            </View>
          ) : null}
        </View>
      )}

      {way || moving ? (
        <View className={`field${errors.slot ? ' field--invalid' : ''}`}>
          <View className="field__label">选择日期和时段（今天起14天内）</View>
          {slots.status === 'loading' && !slots.data ? <Notice kind="loading">正在加载可预约的时段…</Notice> : null}
          {slots.status === 'error' ? (
            <Notice
              kind="error"
              action={
                <ActionButton kind="secondary" onClick={slots.reload}>
                  重新加载
                </ActionButton>
              }
            >
              {describeError(slots.error)}
            </Notice>
          ) : null}
          {slots.status === 'ok' && days.length === 0 ? (
            <Notice kind="empty">14天内没有可预约的时段，请致电中心。</Notice>
          ) : null}
          <View className="days" {...a11yRole('tablist')} aria-label="日期">
            {days.map((d) => {
              const on = d.date === shownDay?.date;
              const left = d.slots.reduce((n, s) => n + s.remaining, 0);
              return (
                <View
                  key={d.date}
                  className={`day t-day t-day-${d.date}${on ? ' day--on' : ''}`}
                  {...a11yRole('tab')}
                  aria-selected={on ? 'true' : 'false'}
                  onClick={() => {
                    setDay(d.date);
                    setSlot(null);
                  }}
                >
                  <View className="strong">{d.date.slice(5).replace('-', '月')}日</View>
                  <View>{d.weekday.replace('星期', '周')}</View>
                  <View className="day__left">{left > 0 ? `余${left}` : '约满'}</View>
                </View>
              );
            })}
          </View>
          {shownDay ? (
            <View className="slots" {...a11yRole('radiogroup')} aria-label={`${shownDay.date} 的时段`}>
              {shownDay.slots.map((s) => {
                const on = slot?.slotId === s.slotId;
                const full = s.remaining === 0;
                return (
                  <View
                    key={s.slotId}
                    className={`slot t-slot t-slot-${s.kind}${on ? ' slot--on' : ''}${full ? ' slot--full' : ''}`}
                    {...a11yRole('radio')}
                    aria-checked={on ? 'true' : 'false'}
                    aria-disabled={full ? 'true' : 'false'}
                    onClick={() => (full ? undefined : setSlot(s))}
                  >
                    <View className="tag tag--kind">{s.kindLabel}</View>
                    <View className="slot__time">
                      {s.start}–{s.end}
                    </View>
                    <View className="slot__left">
                      {full ? '已约满' : `剩余${s.remaining}个`}
                      {on ? '（已选）' : ''}
                    </View>
                  </View>
                );
              })}
            </View>
          ) : null}
          <FieldError name="slot" text={errors.slot} />
        </View>
      ) : null}

      {formError ? (
        <View className="form-error t-form-error" {...a11yRole('alert')}>
          ⚠ {formError}
        </View>
      ) : null}
      {way || moving ? (
        <View>
          <SubscribeNote>确认时微信会问您是否接收“预约提醒”，用于在预约前提醒您。不接收也不影响预约。</SubscribeNote>
          <ActionButton className="t-book-confirm" disabled={busy} onClick={confirm}>
            {busy ? '正在预约…' : moving ? '确认改到这个时段' : way === 'home' ? '确认申请上门服务' : '确认预约'}
          </ActionButton>
        </View>
      ) : null}
    </PageShell>
  );
}
