import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import ActionButton from '../../../../components/ActionButton'
import FieldError from '../../../../components/FieldError'
import LoadError from '../../../../components/LoadError'
import Notice from '../../../../components/Notice'
import PageShell from '../../../../components/PageShell'
import { CATEGORIES } from '../../../../constants/categories'
import { useAsync } from '../../../../hooks/useAsync'
import { bookForApplicant, checkInBooking, listDayBookings, type DeskBooking } from '../../../../services/deskBookings'
import { describeError, isForbidden } from '../../../../services/errors'
import { listSlots } from '../../../../services/listSlots'
import { AppError } from '../../../../services/result'
import '../../../../styles/staffScreens.css'
import '../../staff.css'

const DAY_MS = 86400_000
/** Beijing calendar day `offset` days from today, YYYY-MM-DD (the center keeps Beijing time). */
const beijingDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * DAY_MS).toISOString().slice(0, 10)
const WEEK = ['日', '一', '二', '三', '四', '五', '六']
const dayLabel = (date: string, offset: number) => `${offset === 0 ? '今天' : offset === 1 ? '明天' : `周${WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]}`} ${date.slice(5)}`

interface WalkIn {
  name: string
  phone: string
  category: string
  homeVisit: boolean
  address: string
  slotId: string
}
const EMPTY: WalkIn = { name: '', phone: '', category: '', homeVisit: false, address: '', slotId: '' }

/**
 * The desk (§二(四) 预约、延时、错时): the day's appointments per window with check-in once a slot
 * has begun, and booking on behalf of someone who walks in or calls. Agents and center staff act;
 * leaders see the list. Names and phones arrive masked from the server.
 */
export default function DeskPage() {
  const [offset, setOffset] = useState(0)
  const [windowId, setWindowId] = useState('')
  const date = beijingDay(offset)
  const day = useAsync(() => listDayBookings({ date, ...(windowId ? { windowId } : {}) }), `${date}|${windowId}`)
  const [form, setForm] = useState<WalkIn | null>(null)
  const slots = useAsync(() => (form ? listSlots(form.homeVisit ? { kind: 'home_visit' } : {}) : Promise.resolve(null)), `${form ? 'open' : 'closed'}|${form?.homeVisit ? 'home' : 'center'}`)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const [error, setError] = useState<{ text: string; fields: Record<string, string> } | null>(null)

  const d = day.data
  const denied = day.status === 'error' && isForbidden(day.error)
  const set = (patch: Partial<WalkIn>) => {
    setForm((f) => (f ? { ...f, ...patch } : f))
    // an answer given clears what was said about that field
    const cleared = Object.keys(patch).map((k) => (k === 'address' ? 'homeAddress' : k))
    setError((e) => (e ? { ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => !cleared.includes(k))) } : e))
  }

  async function run(what: () => Promise<string>) {
    if (busy) return
    setBusy(true)
    setError(null)
    setDone('')
    try {
      setDone(await what())
      day.reload()
    } catch (e) {
      setError({ text: describeError(e), fields: e instanceof AppError ? e.fields : {} })
    } finally {
      setBusy(false)
    }
  }

  const checkIn = (b: DeskBooking, attended: boolean) =>
    run(async () => {
      const r = await checkInBooking(b.bookingId, attended)
      return `${b.contactName ?? '申请人'}：${r.statusLabel}`
    })

  function bookWalkIn() {
    if (!form) return
    const missing: Record<string, string> = {}
    if (!form.name.trim()) missing.name = '请填写申请人姓名'
    if (!/^1\d{10}$/.test(form.phone.trim())) missing.phone = '请填写11位手机号码'
    if (!form.category) missing.category = '请选择办理事项的类别'
    if (!form.slotId) missing.slotId = '请选择预约时段'
    if (form.homeVisit && form.address.trim().length < 5) missing.homeAddress = '请填写详细地址（乡镇、村或小区、门牌号）'
    if (Object.keys(missing).length) return setError({ text: '请按提示补全', fields: missing })
    return run(async () => {
      const r = await bookForApplicant({ slotId: form.slotId, phone: form.phone.trim(), name: form.name.trim(), category: form.category, ...(form.homeVisit ? { homeAddress: form.address.trim() } : {}) })
      const b = r.booking
      const bookedDay = Math.round((Date.parse(`${b.date}T00:00:00Z`) - Date.parse(`${beijingDay(0)}T00:00:00Z`)) / DAY_MS)
      setForm(null)
      if (bookedDay >= 0 && bookedDay <= 6) setOffset(bookedDay)
      return `已为 ${form.name.trim()} 预约 ${b.date} ${b.start}–${b.end}（${b.kindLabel}），请告知申请人带上：${b.bring.join('、')}`
    })
  }

  const fieldError = (k: string) => <FieldError name={k} text={error?.fields[k]} />
  const pickable = slots.data?.days.find((x) => x.date === date)?.slots ?? []
  const otherDays = (slots.data?.days ?? []).filter((x) => x.date !== date && x.slots.some((s) => s.remaining > 0))

  return (
    <PageShell>
      <View className='title'>预约签到与代客预约</View>
      {denied ? <Notice kind='forbidden'>无权访问：只有帮代办员、责任领导和政务服务中心工作人员可以查看预约名单。</Notice> : null}
      {day.status === 'error' && !denied ? <LoadError error={day.error} onRetry={day.reload} /> : null}

      <View className='queues' role='tablist' aria-label='日期'>
        {Array.from({ length: 7 }, (_, i) => (
          <View key={i} className={`queue t-desk-day-${i}${offset === i ? ' queue--on' : ''}`} onClick={() => setOffset(i)} role='tab' aria-selected={offset === i ? 'true' : 'false'}>
            {dayLabel(beijingDay(i), i)}
          </View>
        ))}
      </View>
      {d && d.windows.length > 1 ? (
        <View className='chips t-desk-windows' aria-label='窗口'>
          <View className={`chip t-desk-window-all${windowId === '' ? ' chip--on' : ''}`} onClick={() => setWindowId('')} role='radio' aria-checked={windowId === '' ? 'true' : 'false'}>
            全部窗口
          </View>
          {d.windows.map((w) => (
            <View key={w.windowId} className={`chip t-desk-window-${w.windowId}${windowId === w.windowId ? ' chip--on' : ''}`} onClick={() => setWindowId(w.windowId)} role='radio' aria-checked={windowId === w.windowId ? 'true' : 'false'}>
              {w.label.includes(w.kindLabel) ? w.label : `${w.label}（${w.kindLabel}）`}
            </View>
          ))}
        </View>
      ) : null}

      {done ? <View className='ok t-desk-done' role='status'>✓ {done}</View> : null}
      {error ? <View className='field-error t-desk-error' role='alert'>⚠ {error.text}</View> : null}

      {d?.canCheckIn ? (
        form ? (
          <View className='card t-walkin-form'>
            <View className='card__title'>代客预约（来人、来电）</View>
            <View className='field'>
              <View className='field__label'>申请人姓名</View>
              <Input className='input t-walkin-name' value={form.name} maxlength={20} onInput={(e) => set({ name: e.detail.value })} />
              {fieldError('name')}
            </View>
            <View className='field'>
              <View className='field__label'>手机号码（用于通知和核对身份）</View>
              <Input className='input t-walkin-phone' type='number' value={form.phone} maxlength={11} onInput={(e) => set({ phone: e.detail.value })} />
              {fieldError('phone')}
            </View>
            <View className='field'>
              <View className='field__label'>办理事项类别</View>
              <View className='chips'>
                {CATEGORIES.map((c) => (
                  <View key={c.value} className={`chip t-walkin-category-${c.value}${form.category === c.value ? ' chip--on' : ''}`} onClick={() => set({ category: c.value, ...(c.value !== 'livelihood' ? { homeVisit: false, slotId: form.homeVisit ? '' : form.slotId } : {}) })} role='radio' aria-checked={form.category === c.value ? 'true' : 'false'}>
                    {form.category === c.value ? '✓ ' : ''}
                    {c.label}
                  </View>
                ))}
              </View>
              {fieldError('category')}
            </View>
            {form.category === 'livelihood' ? (
              <View className={`check t-walkin-home${form.homeVisit ? ' check--on' : ''}`} onClick={() => set({ homeVisit: !form.homeVisit, slotId: '' })} role='checkbox' aria-checked={form.homeVisit ? 'true' : 'false'}>
                <View className='check__mark'>{form.homeVisit ? '☑' : '☐'}</View>
                <View>请工作人员上门（行动不便等特殊群众）</View>
              </View>
            ) : null}
            {form.homeVisit ? (
              <View className='field'>
                <View className='field__label'>上门地址</View>
                <Input className='input t-walkin-address' value={form.address} maxlength={200} onInput={(e) => set({ address: e.detail.value })} />
                {fieldError('homeAddress')}
              </View>
            ) : null}
            <View className='field'>
              <View className='field__label'>预约时段（{dayLabel(date, offset)}，可在上方换日期）</View>
              {slots.status === 'loading' ? <Notice kind='loading'>正在查询可预约时段…</Notice> : null}
              {slots.status === 'error' ? <LoadError error={slots.error} onRetry={slots.reload} /> : null}
              {slots.status === 'ok' && pickable.length === 0 ? (
                <View className='muted t-walkin-noslots'>这一天没有可预约的时段{otherDays.length ? `；可选：${otherDays.slice(0, 3).map((x) => x.date.slice(5)).join('、')}` : ''}。</View>
              ) : null}
              <View className='chips'>
                {pickable.map((s) => (
                  <View
                    key={s.slotId}
                    className={`chip t-walkin-slot t-walkin-slot-${s.kind}${form.slotId === s.slotId ? ' chip--on' : ''}${s.remaining === 0 ? ' btn--disabled' : ''}`}
                    onClick={() => (s.remaining > 0 ? set({ slotId: s.slotId }) : undefined)}
                    role='radio'
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
            <ActionButton className='t-walkin-submit' disabled={busy} onClick={bookWalkIn}>
              {busy ? '正在预约…' : '确认预约'}
            </ActionButton>
            <ActionButton kind='secondary' className='t-walkin-cancel' onClick={() => setForm(null)}>
              取消
            </ActionButton>
          </View>
        ) : (
          <ActionButton className='t-walkin-open desk__open' onClick={() => { setError(null); setDone(''); setForm(EMPTY) }}>
            代客预约（来人、来电）
          </ActionButton>
        )
      ) : null}

      {day.status === 'loading' && !d ? <Notice kind='loading'>正在加载预约名单…</Notice> : null}
      {d ? (
        <View className='t-desk-list'>
          {d.slots.length === 0 ? <Notice kind='empty'>{dayLabel(date, offset)} 不开放预约（休息日或节假日）。</Notice> : null}
          {d.slots.length > 0 && d.slots.every((s) => s.bookings.length === 0) ? <Notice kind='empty'>{dayLabel(date, offset)} 还没有人预约。</Notice> : null}
          {d.slots
            .filter((s) => s.bookings.length > 0)
            .map((s) => (
              <View key={s.slotId} className='card t-desk-slot'>
                <View className='card__title'>
                  {s.start}–{s.end} {s.label.includes(s.kindLabel) ? s.label : `${s.label}（${s.kindLabel}）`}
                  {s.capacity ? ` · 已约 ${s.bookings.filter((b) => b.status !== 'cancelled').length}/${s.capacity}` : ''}
                </View>
                {s.bookings.map((b) => (
                  <View key={b.bookingId} className={`line t-desk-booking t-desk-booking-${b.status}`}>
                    <View className='case__head'>
                      <View className='strong'>
                        {b.contactName ?? '申请人'} {b.contactPhone ?? ''}
                      </View>
                      <View className={`status t-desk-status`}>{b.statusLabel}</View>
                    </View>
                    <View className='muted'>
                      {b.categoryLabel}
                      {b.bookedByStaff ? ' · 工作人员代约' : ''}
                      {b.homeAddress ? ` · 上门地址：${b.homeAddress}` : ''}
                    </View>
                    {b.canCheckIn ? (
                      <View className='chips'>
                        <View className='chip t-checkin-yes' onClick={() => checkIn(b, true)} role='button'>
                          ✓ 已到场
                        </View>
                        <View className='chip t-checkin-no' onClick={() => checkIn(b, false)} role='button'>
                          未到场
                        </View>
                      </View>
                    ) : b.status === 'active' && d.canCheckIn ? (
                      <View className='muted'>时段开始后可登记到场。</View>
                    ) : null}
                  </View>
                ))}
              </View>
            ))}
        </View>
      ) : null}
    </PageShell>
  )
}
