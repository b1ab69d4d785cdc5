import { useState } from 'react';
import { Input, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../../../../components/ActionButton';
import FieldError from '../../../../components/FieldError';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { CATEGORIES } from '../../../../constants/categories';
import { useAsync } from '../../../../hooks/useAsync';
import {
  bookForApplicant,
  checkInBooking,
  checkInByCode,
  findCaseByNo,
  listDayBookings,
  type DeskBooking,
  type FoundCase,
} from '../../../../services/deskBookings';
import { describeError, isForbidden } from '../../../../services/errors';
import type { SlotView } from '../../../../services/bookingTypes';
import { listSlots } from '../../../../services/listSlots';
import { AppError } from '../../../../services/result';
import '../../../../styles/staffScreens.css';
import { staffCancelBooking } from '../../../../services/staffCancelBooking';
import { staffRescheduleBooking } from '../../../../services/staffRescheduleBooking';
import { windowTitle } from '../../../../utils/format';
import '../../staff.css';
import { a11yRole } from '../../../../utils/a11y';
import RevealCall from '../../RevealCall';
import { revealBookingContact } from '../../../../services/revealContact';

const DAY_MS = 86400_000;
/** Beijing calendar day `offset` days from today, YYYY-MM-DD (the center keeps Beijing time). */
const beijingDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * DAY_MS).toISOString().slice(0, 10);
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
const dayLabel = (date: string, offset: number) =>
  `${offset === 0 ? '今天' : offset === 1 ? '明天' : `周${WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]}`} ${date.slice(5)}`;

interface WalkIn {
  /** 'case': the caller has an application, found by its number; 'walkIn': held on the desk */
  mode: 'walkIn' | 'case';
  caseNo: string;
  found: FoundCase | null;
  /** the agent checked the masked name and phone with the caller */
  confirmed: boolean;
  name: string;
  phone: string;
  category: string;
  homeVisit: boolean;
  address: string;
  slotId: string;
}
const EMPTY: WalkIn = {
  mode: 'walkIn',
  caseNo: '',
  found: null,
  confirmed: false,
  name: '',
  phone: '',
  category: '',
  homeVisit: false,
  address: '',
  slotId: '',
};

/** 取消预约 or 改约 of one booking, open under its row: edit (reason / slot), then confirm. */
interface Change {
  bookingId: string;
  /** the slot it holds now (not offered as the new one) */
  slotId: string;
  kind: string;
  mode: 'cancel' | 'move';
  confirming: boolean;
  reason: string;
  slot: SlotView | null;
  day: string | null;
  error: { text: string; fields: Record<string, string> } | null;
}
const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The desk (§二(四) 预约、延时、错时): the day's appointments per window with check-in once a slot
 * has begun, and booking on behalf of someone who walks in or calls. Agents and center staff act;
 * leaders see the list. Names and phones arrive masked from the server.
 */
export default function DeskPage() {
  const [offset, setOffset] = useState(0);
  const [windowId, setWindowId] = useState('');
  const date = beijingDay(offset);
  const day = useAsync(() => listDayBookings({ date, ...(windowId ? { windowId } : {}) }), `${date}|${windowId}`);
  const [form, setForm] = useState<WalkIn | null>(null);
  const slots = useAsync(
    () => (form ? listSlots(form.homeVisit ? { kind: 'home_visit' } : {}) : Promise.resolve(null)),
    `${form ? 'open' : 'closed'}|${form?.homeVisit ? 'home' : 'center'}`,
  );
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null);
  const [change, setChange] = useState<Change | null>(null);
  const moving = change?.mode === 'move' ? change : null;
  const moveSlots = useAsync(
    () => (moving ? listSlots(moving.kind === 'home_visit' ? { kind: 'home_visit' } : {}) : Promise.resolve(null)),
    moving ? `${moving.bookingId}|${moving.kind}` : 'none',
  );

  const d = day.data;
  const denied = day.status === 'error' && isForbidden(day.error);
  const set = (patch: Partial<WalkIn>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    // an answer given clears what was said about that field
    const cleared = Object.keys(patch).map((k) => (k === 'address' ? 'homeAddress' : k));
    setError((e) =>
      e ? { ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => !cleared.includes(k))) } : e,
    );
  };

  async function run(what: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone('');
    try {
      setDone(await what());
      day.reload();
    } catch (e) {
      setError({ text: describeError(e), fields: e instanceof AppError ? e.fields : {} });
    } finally {
      setBusy(false);
    }
  }

  const edit = (patch: Partial<Change>) => setChange((c) => (c ? { ...c, ...patch } : c));
  const openChange = (b: DeskBooking, slotId: string, mode: Change['mode']) => {
    setError(null);
    setDone('');
    setChange({
      bookingId: b.bookingId,
      slotId,
      kind: b.kind,
      mode,
      confirming: false,
      reason: '',
      slot: null,
      day: null,
      error: null,
    });
  };

  /** Confirms the open change; a refusal is told next to it in the server's words. */
  async function commit(b: DeskBooking) {
    if (!change || busy) return;
    setBusy(true);
    setDone('');
    edit({ error: null });
    const who = b.contactName ?? '申请人';
    try {
      if (change.mode === 'cancel') {
        await staffCancelBooking({ bookingId: b.bookingId, reason: change.reason.trim() });
        setDone(`已取消 ${who} ${md(b.date)} ${b.start} 的预约，系统会把原因通知申请人`);
      } else {
        const r = (await staffRescheduleBooking({ bookingId: b.bookingId, slotId: change.slot!.slotId })).booking;
        setDone(
          `已将 ${who} 的预约改到 ${r.date}（${r.weekday}）${r.start}–${r.end}（${r.kindLabel}），系统会通知申请人新时间`,
        );
        const movedDay = Math.round(
          (Date.parse(`${r.date}T00:00:00Z`) - Date.parse(`${beijingDay(0)}T00:00:00Z`)) / DAY_MS,
        );
        if (movedDay >= 0 && movedDay <= 6) setOffset(movedDay);
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
      }
      setChange(null);
      day.reload();
    } catch (e) {
      const fields = e instanceof AppError ? e.fields : {};
      // a bad reason goes back to the reason field; anything else stays by the confirm button
      edit({
        error: { text: fields.reason ?? describeError(e), fields },
        ...(fields.reason ? { confirming: false } : {}),
      });
      if (change.mode === 'move') moveSlots.reload();
    } finally {
      setBusy(false);
    }
  }

  function renderChange(b: DeskBooking) {
    if (!change || change.bookingId !== b.bookingId) return null;
    const err = change.error ? (
      <View className="field-error t-change-error" {...a11yRole('alert')}>
        ⚠ {change.error.text}
      </View>
    ) : null;
    const close = (
      <ActionButton kind="secondary" className="t-change-close" disabled={busy} onClick={() => setChange(null)}>
        {change.mode === 'cancel' ? '不取消' : '不改了'}
      </ActionButton>
    );
    if (change.mode === 'cancel') {
      return (
        <View className="change t-cancel-form">
          {change.confirming ? (
            <View className="t-cancel-confirm-step">
              <View className="strong">
                确定取消 {b.contactName ?? '申请人'} {md(b.date)} {b.start}–{b.end} 的预约吗？
              </View>
              <View className="change__quote">申请人会收到：{change.reason.trim()}</View>
              {err}
              <View className="row-buttons">
                <ActionButton className="t-cancel-confirm" disabled={busy} onClick={() => commit(b)}>
                  {busy ? '正在取消…' : '确认取消预约'}
                </ActionButton>
                <ActionButton
                  kind="secondary"
                  className="t-cancel-back"
                  disabled={busy}
                  onClick={() => edit({ confirming: false, error: null })}
                >
                  返回修改
                </ActionButton>
              </View>
            </View>
          ) : (
            <View>
              <View className="field__label">取消原因（2–100字，申请人会收到）</View>
              <Textarea
                className="textarea t-cancel-reason"
                value={change.reason}
                maxlength={100}
                autoHeight
                placeholder="如：临时闭厅，请改约其他时间"
                aria-label="取消原因"
                onInput={(e) => edit({ reason: e.detail.value, error: null })}
              />
              {err}
              <View className="row-buttons">
                <ActionButton
                  className="t-cancel-next"
                  onClick={() =>
                    change.reason.trim()
                      ? edit({ confirming: true, error: null })
                      : edit({ error: { text: '请填写取消原因，申请人会收到', fields: {} } })
                  }
                >
                  下一步
                </ActionButton>
                {close}
              </View>
            </View>
          )}
        </View>
      );
    }
    const days = (moveSlots.data?.days ?? [])
      .map((x) => ({ ...x, slots: x.slots.filter((s) => s.remaining > 0 && s.slotId !== change.slotId) }))
      .filter((x) => x.slots.length > 0);
    const shown = days.find((x) => x.date === change.day) ?? days[0];
    return (
      <View className="change t-move-form">
        <View className="field__label">改到哪个时段（只列出还有名额的）</View>
        {moveSlots.status === 'loading' && !moveSlots.data ? <Notice kind="loading">正在查询可预约时段…</Notice> : null}
        {moveSlots.status === 'error' ? <LoadError error={moveSlots.error} onRetry={moveSlots.reload} /> : null}
        {moveSlots.status === 'ok' && days.length === 0 ? (
          <View className="muted t-move-noslots">14天内没有还有名额的时段。</View>
        ) : null}
        <View className="days" {...a11yRole('tablist')} aria-label="新日期">
          {days.map((x) => {
            const on = x.date === shown?.date;
            return (
              <View
                key={x.date}
                className={`day t-move-day t-move-day-${x.date}${on ? ' day--on' : ''}`}
                {...a11yRole('tab')}
                aria-selected={on ? 'true' : 'false'}
                onClick={() => edit({ day: x.date, slot: null, error: null })}
              >
                <View className="strong">{md(x.date)}</View>
                <View>{x.weekday.replace('星期', '周')}</View>
              </View>
            );
          })}
        </View>
        {shown ? (
          <View {...a11yRole('radiogroup')} aria-label={`${shown.date} 的时段`}>
            {shown.slots.map((s) => {
              const on = change.slot?.slotId === s.slotId;
              return (
                <View
                  key={s.slotId}
                  className={`slot t-move-slot${on ? ' slot--on' : ''}`}
                  {...a11yRole('radio')}
                  aria-checked={on ? 'true' : 'false'}
                  onClick={() => edit({ slot: s, error: null })}
                >
                  <View className="tag tag--kind">{s.kindLabel}</View>
                  <View className="slot__time">
                    {s.start}–{s.end}
                  </View>
                  <View className="slot__left">
                    剩余{s.remaining}个{on ? '（已选）' : ''}
                  </View>
                </View>
              );
            })}
          </View>
        ) : null}
        {change.slot ? (
          <View className="strong t-move-summary">
            从 {md(b.date)} {b.start} 改到 {md(change.slot.slotId.slice(0, 10))} {change.slot.start}–{change.slot.end}（
            {change.slot.kindLabel}），申请人会收到新时间。
          </View>
        ) : null}
        {err}
        <View className="row-buttons">
          <ActionButton
            className="t-move-confirm"
            disabled={busy}
            onClick={() => (change.slot ? commit(b) : edit({ error: { text: '请先选择新的日期和时段', fields: {} } }))}
          >
            {busy ? '正在改约…' : '确认改约'}
          </ActionButton>
          {close}
        </View>
      </View>
    );
  }

  const checkIn = (b: DeskBooking, attended: boolean) =>
    run(async () => {
      const r = await checkInBooking(b.bookingId, attended);
      return `${b.contactName ?? '申请人'}：${r.statusLabel}`;
    });

  function findCase() {
    if (!form) return;
    const caseNo = (form.caseNo ?? '').trim().toUpperCase();
    if (!/^BB\d{8}-\d{4,6}$/.test(caseNo))
      return setError({ text: '请按提示补全', fields: { caseNo: '申请编号格式如 BB20261128-073852' } });
    return run(async () => {
      const r = await findCaseByNo(caseNo);
      set({ found: r.case, confirmed: false, category: r.case.category, homeVisit: false, slotId: '' });
      return '';
    });
  }

  function bookWalkIn() {
    if (!form) return;
    const missing: Record<string, string> = {};
    if (form.mode === 'case') {
      if (!form.found) missing.caseNo = '请先输入申请编号并查找';
      else if (!form.found.open) missing.caseNo = '这条申请已经结束，请按来人登记预约';
      else if (!form.confirmed) missing.confirmed = '请先与来电人核对姓名和电话';
    } else {
      if (!form.name.trim()) missing.name = '请填写申请人姓名';
      if (!/^1\d{10}$/.test(form.phone.trim())) missing.phone = '请填写11位手机号码';
      if (!form.category) missing.category = '请选择办理事项的类别';
    }
    if (!form.slotId) missing.slotId = '请选择预约时段';
    if (form.homeVisit && form.address.trim().length < 5)
      missing.homeAddress = '请填写详细地址（乡镇、村或小区、门牌号）';
    if (Object.keys(missing).length) return setError({ text: '请按提示补全', fields: missing });
    const who =
      form.mode === 'case' ? `${form.found!.contactName ?? '申请人'}（${form.found!.caseNo}）` : form.name.trim();
    return run(async () => {
      const target =
        form.mode === 'case'
          ? { caseId: form.found!.caseId }
          : { walkIn: { name: form.name.trim(), phone: form.phone.trim(), category: form.category } };
      const r = await bookForApplicant({
        slotId: form.slotId,
        ...target,
        ...(form.homeVisit ? { homeAddress: form.address.trim() } : {}),
      });
      const b = r.booking;
      const bookedDay = Math.round(
        (Date.parse(`${b.date}T00:00:00Z`) - Date.parse(`${beijingDay(0)}T00:00:00Z`)) / DAY_MS,
      );
      setForm(null);
      if (bookedDay >= 0 && bookedDay <= 6) setOffset(bookedDay);
      return `已为 ${who} 预约 ${b.date} ${b.start}–${b.end}（${b.kindLabel}），请告知申请人带上：${b.bring.join('、')}`;
    });
  }

  const fieldError = (k: string) => <FieldError name={k} text={error?.fields[k]} />;
  const pickable = slots.data?.days.find((x) => x.date === date)?.slots ?? [];
  const otherDays = (slots.data?.days ?? []).filter((x) => x.date !== date && x.slots.some((s) => s.remaining > 0));

  return (
    <PageShell>
      <View className="title">预约签到与代客预约</View>
      {denied ? (
        <Notice kind="forbidden">无权访问：只有帮代办员、责任领导和政务服务中心工作人员可以查看预约名单。</Notice>
      ) : null}
      {day.status === 'error' && !denied ? <LoadError error={day.error} onRetry={day.reload} /> : null}

      <View className="queues" {...a11yRole('tablist')} aria-label="日期">
        {Array.from({ length: 7 }, (_, i) => (
          <View
            key={i}
            className={`queue t-desk-day-${i}${offset === i ? ' queue--on' : ''}`}
            onClick={() => setOffset(i)}
            {...a11yRole('tab')}
            aria-selected={offset === i ? 'true' : 'false'}
          >
            {dayLabel(beijingDay(i), i)}
          </View>
        ))}
      </View>
      {d && d.windows.length > 1 ? (
        <View className="chips t-desk-windows" aria-label="窗口">
          <View
            className={`chip t-desk-window-all${windowId === '' ? ' chip--on' : ''}`}
            onClick={() => setWindowId('')}
            {...a11yRole('radio')}
            aria-checked={windowId === '' ? 'true' : 'false'}
          >
            全部窗口
          </View>
          {d.windows.map((w) => (
            <View
              key={w.windowId}
              className={`chip t-desk-window-${w.windowId}${windowId === w.windowId ? ' chip--on' : ''}`}
              onClick={() => setWindowId(w.windowId)}
              {...a11yRole('radio')}
              aria-checked={windowId === w.windowId ? 'true' : 'false'}
            >
              {windowTitle(w.kindLabel, w.label)}
            </View>
          ))}
        </View>
      ) : null}

      {/* 签到码: the applicant shows six digits, the desk types them; marking by hand below stays */}
      {d?.canCheckIn && offset === 0 ? (
        <View className="card t-code-checkin">
          <View className="card__title">签到码签到</View>
          <View className="row-buttons">
            <Input
              className="input t-code-input"
              type="digit"
              maxlength={6}
              value={code}
              placeholder="申请人出示的6位签到码"
              aria-label="签到码"
              onInput={(e) => setCode(String(e.detail?.value ?? '').replace(/\D/g, ''))}
            />
            <ActionButton
              className="t-code-submit"
              disabled={busy}
              onClick={() =>
                /^\d{6}$/.test(code)
                  ? run(async () => {
                      const r = await checkInByCode(code);
                      setCode('');
                      return `${r.contactName ?? '申请人'}（${r.start}–${r.end} ${r.windowLabel}）：${r.statusLabel}`;
                    })
                  : setError({ text: '请输入6位数字签到码', fields: {} })
              }
            >
              签到
            </ActionButton>
          </View>
        </View>
      ) : null}

      {done ? (
        <View className="ok t-desk-done" {...a11yRole('status')}>
          ✓ {done}
        </View>
      ) : null}
      {error ? (
        <View className="field-error t-desk-error" {...a11yRole('alert')}>
          ⚠ {error.text}
        </View>
      ) : null}

      {d?.canCheckIn ? (
        form ? (
          <View className="card t-walkin-form">
            <View className="card__title">代客预约（来人、来电）</View>
            <View className="chips" {...a11yRole('radiogroup')} aria-label="预约对象">
              {(
                [
                  ['walkIn', '没有申请（窗口登记）'],
                  ['case', '已有申请（按申请编号）'],
                ] as const
              ).map(([m, label]) => (
                <View
                  key={m}
                  className={`chip t-walkin-mode-${m}${form.mode === m ? ' chip--on' : ''}`}
                  onClick={() => set({ ...EMPTY, mode: m, slotId: form.slotId })}
                  {...a11yRole('radio')}
                  aria-checked={form.mode === m ? 'true' : 'false'}
                >
                  {form.mode === m ? '✓ ' : ''}
                  {label}
                </View>
              ))}
            </View>
            {form.mode === 'case' ? (
              <View>
                <View className="field">
                  <View className="field__label">申请编号（请来电人读出，如 BB20261128-073852）</View>
                  <Input
                    className="input t-walkin-caseno"
                    value={form.caseNo}
                    maxlength={20}
                    onInput={(e) => set({ caseNo: String(e.detail?.value ?? ''), found: null, confirmed: false })}
                  />
                  {fieldError('caseNo')}
                  <ActionButton kind="secondary" className="t-walkin-find" disabled={busy} onClick={findCase}>
                    查找
                  </ActionButton>
                </View>
                {form.found ? (
                  <View className="card t-walkin-found">
                    <View>
                      申请编号：{form.found.caseNo}（{form.found.categoryLabel}，{form.found.statusLabel}）
                    </View>
                    <View>
                      申请人：{form.found.applicantName ?? '—'} · 联系人：{form.found.contactName ?? '—'} · 电话：
                      {form.found.contactPhone ?? '—'}
                    </View>
                    {form.found.open ? (
                      <View
                        className={`check t-walkin-confirm${form.confirmed ? ' check--on' : ''}`}
                        onClick={() => set({ confirmed: !form.confirmed })}
                        {...a11yRole('checkbox')}
                        aria-checked={form.confirmed ? 'true' : 'false'}
                      >
                        <View className="check__mark" aria-hidden="true">
                          {form.confirmed ? '☑' : '☐'}
                        </View>
                        <View>已与来电人核对姓名和电话，是本人的申请</View>
                      </View>
                    ) : (
                      <View className="muted">这条申请已经结束，请按来人登记预约。</View>
                    )}
                    {fieldError('confirmed')}
                  </View>
                ) : null}
              </View>
            ) : null}
            {form.mode === 'walkIn' ? (
              <View>
                <View className="field">
                  <View className="field__label">申请人姓名</View>
                  <Input
                    className="input t-walkin-name"
                    value={form.name}
                    maxlength={20}
                    onInput={(e) => set({ name: e.detail.value })}
                  />
                  {fieldError('name')}
                </View>
                <View className="field">
                  <View className="field__label">手机号码（供工作人员联系；窗口登记的预约不归任何微信用户）</View>
                  <Input
                    className="input t-walkin-phone"
                    type="number"
                    value={form.phone}
                    maxlength={11}
                    onInput={(e) => set({ phone: e.detail.value })}
                  />
                  {fieldError('phone')}
                </View>
                <View className="field">
                  <View className="field__label">办理事项类别</View>
                  <View className="chips">
                    {CATEGORIES.map((c) => (
                      <View
                        key={c.value}
                        className={`chip t-walkin-category-${c.value}${form.category === c.value ? ' chip--on' : ''}`}
                        onClick={() =>
                          set({
                            category: c.value,
                            ...(c.value !== 'livelihood'
                              ? { homeVisit: false, slotId: form.homeVisit ? '' : form.slotId }
                              : {}),
                          })
                        }
                        {...a11yRole('radio')}
                        aria-checked={form.category === c.value ? 'true' : 'false'}
                      >
                        {form.category === c.value ? '✓ ' : ''}
                        {c.label}
                      </View>
                    ))}
                  </View>
                  {fieldError('category')}
                </View>
              </View>
            ) : null}
            {form.category === 'livelihood' ? (
              <View
                className={`check t-walkin-home${form.homeVisit ? ' check--on' : ''}`}
                onClick={() => set({ homeVisit: !form.homeVisit, slotId: '' })}
                {...a11yRole('checkbox')}
                aria-checked={form.homeVisit ? 'true' : 'false'}
              >
                <View className="check__mark" aria-hidden="true">
                  {form.homeVisit ? '☑' : '☐'}
                </View>
                <View>请工作人员上门（行动不便等特殊群众）</View>
              </View>
            ) : null}
            {form.homeVisit ? (
              <View className="field">
                <View className="field__label">上门地址</View>
                <Input
                  className="input t-walkin-address"
                  value={form.address}
                  maxlength={200}
                  onInput={(e) => set({ address: e.detail.value })}
                />
                {fieldError('homeAddress')}
              </View>
            ) : null}
            <View className="field">
              <View className="field__label">预约时段（{dayLabel(date, offset)}，可在上方换日期）</View>
              {slots.status === 'loading' ? <Notice kind="loading">正在查询可预约时段…</Notice> : null}
              {slots.status === 'error' ? <LoadError error={slots.error} onRetry={slots.reload} /> : null}
              {slots.status === 'ok' && pickable.length === 0 ? (
                <View className="muted t-walkin-noslots">
                  这一天没有可预约的时段
                  {otherDays.length
                    ? `；可选：${otherDays
                        .slice(0, 3)
                        .map((x) => x.date.slice(5))
                        .join('、')}`
                    : ''}
                  。
                </View>
              ) : null}
              <View className="chips">
                {pickable.map((s) => (
                  <View
                    key={s.slotId}
                    className={`chip t-walkin-slot t-walkin-slot-${s.kind}${form.slotId === s.slotId ? ' chip--on' : ''}${s.remaining === 0 ? ' btn--disabled' : ''}`}
                    onClick={() => (s.remaining > 0 ? set({ slotId: s.slotId }) : undefined)}
                    {...a11yRole('radio')}
                    aria-checked={form.slotId === s.slotId ? 'true' : 'false'}
                    aria-disabled={s.remaining === 0 ? 'true' : 'false'}
                  >
                    {form.slotId === s.slotId ? '✓ ' : ''}
                    {s.start} {s.kindLabel} {s.remaining > 0 ? `剩${s.remaining}` : '约满'}
                  </View>
                ))}
              </View>
              {fieldError('slotId')}
            </View>
            <ActionButton className="t-walkin-submit" disabled={busy} onClick={bookWalkIn}>
              {busy ? '正在预约…' : '确认预约'}
            </ActionButton>
            <ActionButton kind="secondary" className="t-walkin-cancel" onClick={() => setForm(null)}>
              取消
            </ActionButton>
          </View>
        ) : (
          <ActionButton
            className="t-walkin-open desk__open"
            onClick={() => {
              setError(null);
              setDone('');
              setForm(EMPTY);
            }}
          >
            代客预约（来人、来电）
          </ActionButton>
        )
      ) : null}

      {day.status === 'loading' && !d ? <Notice kind="loading">正在加载预约名单…</Notice> : null}
      {d ? (
        <View className="t-desk-list">
          {d.slots.length === 0 ? (
            <Notice kind="empty">{dayLabel(date, offset)} 不开放预约（休息日或节假日）。</Notice>
          ) : null}
          {d.slots.length > 0 && d.slots.every((s) => s.bookings.length === 0) ? (
            <Notice kind="empty">{dayLabel(date, offset)} 还没有人预约。</Notice>
          ) : null}
          {d.slots
            .filter((s) => s.bookings.length > 0)
            .map((s) => (
              <View key={s.slotId} className="card t-desk-slot">
                <View className="card__title">
                  {s.start}–{s.end} {windowTitle(s.kindLabel, s.label)}
                  {s.capacity
                    ? ` · 已约 ${s.bookings.filter((b) => b.status !== 'cancelled').length}/${s.capacity}`
                    : ''}
                </View>
                {s.bookings.map((b) => (
                  <View key={b.bookingId} className={`line t-desk-booking t-desk-booking-${b.status}`}>
                    <View className="case__head">
                      <View className="strong">
                        {b.contactName ?? '申请人'} {b.contactPhone ?? ''}
                      </View>
                      <View className={`status t-desk-status`}>{b.statusLabel}</View>
                    </View>
                    <View className="muted">
                      {b.categoryLabel}
                      {b.bookedByStaff ? ' · 工作人员代约' : ''}
                      {b.homeAddress ? ` · 上门地址：${b.homeAddress}` : ''}
                    </View>
                    {/* before a home visit or when someone is late: the full number on a recorded tap, then dial (the server decides who may) */}
                    {b.status === 'active' && b.contactPhone ? (
                      <RevealCall name={`booking-${b.bookingId}`} reveal={() => revealBookingContact(b.bookingId)} />
                    ) : null}
                    {b.status === 'cancelled' && b.cancelReason ? (
                      <View className="muted t-desk-cancel-reason">取消原因：{b.cancelReason}</View>
                    ) : null}
                    {b.canCheckIn ? (
                      <View className="chips">
                        <View className="chip t-checkin-yes" onClick={() => checkIn(b, true)} {...a11yRole('button')}>
                          ✓ 已到场
                        </View>
                        <View className="chip t-checkin-no" onClick={() => checkIn(b, false)} {...a11yRole('button')}>
                          未到场
                        </View>
                      </View>
                    ) : b.status === 'active' && d.canCheckIn ? (
                      <View className="muted">时段开始后可登记到场。</View>
                    ) : null}
                    {(b.canReschedule || b.canCancel) && change?.bookingId !== b.bookingId ? (
                      <View className="row-buttons t-desk-change">
                        {b.canReschedule ? (
                          <ActionButton
                            kind="secondary"
                            className={`t-desk-move t-desk-move-${b.bookingId}`}
                            onClick={() => openChange(b, s.slotId, 'move')}
                          >
                            改约
                          </ActionButton>
                        ) : null}
                        {b.canCancel ? (
                          <ActionButton
                            kind="secondary"
                            className={`t-desk-cancel t-desk-cancel-${b.bookingId}`}
                            onClick={() => openChange(b, s.slotId, 'cancel')}
                          >
                            取消预约
                          </ActionButton>
                        ) : null}
                      </View>
                    ) : null}
                    {renderChange(b)}
                  </View>
                ))}
              </View>
            ))}
        </View>
      ) : null}
    </PageShell>
  );
}
