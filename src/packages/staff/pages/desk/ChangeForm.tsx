import { Textarea, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import type { DeskBooking } from '../../../../services/deskBookings';
import { a11yRole } from '../../../../utils/a11y';
import { md } from './dates';
import type { BookingChange } from './useBookingChange';

/** The 取消预约 / 改约 form open under one booking's row (nothing when another row's is open). */
export default function ChangeForm({ b, busy, ctl }: { b: DeskBooking; busy: boolean; ctl: BookingChange }) {
  const { change, moveSlots, edit, close, commit } = ctl;
  if (!change || change.bookingId !== b.bookingId) return null;
  const err = change.error ? (
    <View className="field-error t-change-error" {...a11yRole('alert')}>
      ⚠ {change.error.text}
    </View>
  ) : null;
  const closeButton = (
    <ActionButton kind="secondary" className="t-change-close" disabled={busy} onClick={close}>
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
              {closeButton}
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
        {closeButton}
      </View>
    </View>
  );
}
