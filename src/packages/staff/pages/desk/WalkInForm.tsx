import { Input, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import FieldError from '../../../../components/FieldError';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import { CATEGORIES } from '../../../../constants/categories';
import { a11yRole } from '../../../../utils/a11y';
import { dayLabel } from './dates';
import { EMPTY, type WalkIn, type WalkInControls } from './useWalkIn';

interface Props {
  form: WalkIn;
  ctl: WalkInControls;
  busy: boolean;
  /** what the desk said about each field */
  fields: Record<string, string> | undefined;
  /** the day shown above: its slots are offered */
  date: string;
  offset: number;
}

/** 代客预约（来人、来电）: for a case found by its number, or for a walk-in held on the desk. */
export default function WalkInForm({ form, ctl, busy, fields, date, offset }: Props) {
  const { set, slots } = ctl;
  const fieldError = (k: string) => <FieldError name={k} text={fields?.[k]} />;
  const pickable = slots.data?.days.find((x) => x.date === date)?.slots ?? [];
  const otherDays = (slots.data?.days ?? []).filter((x) => x.date !== date && x.slots.some((s) => s.remaining > 0));

  return (
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
            <ActionButton kind="secondary" className="t-walkin-find" disabled={busy} onClick={ctl.findCase}>
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
              className={[
                `chip t-walkin-slot t-walkin-slot-${s.kind}`,
                form.slotId === s.slotId ? ' chip--on' : '',
                s.remaining === 0 ? ' btn--disabled' : '',
              ].join('')}
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
      <ActionButton className="t-walkin-submit" disabled={busy} onClick={ctl.book}>
        {busy ? '正在预约…' : '确认预约'}
      </ActionButton>
      <ActionButton kind="secondary" className="t-walkin-cancel" onClick={() => ctl.setForm(null)}>
        取消
      </ActionButton>
    </View>
  );
}
