import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import ActionButton from '../../../../components/ActionButton'
import Notice from '../../../../components/Notice'
import PageShell from '../../../../components/PageShell'
import { useAsync } from '../../../../hooks/useAsync'
import {
  createInvite,
  getCenterSettings,
  listAudit,
  listInvites,
  listStaff,
  listUnits,
  saveHolidayOverride,
  saveServiceItem,
  saveSettings,
  updateStaff,
  type InviteRole,
} from '../../../../services/centerAdmin'
import { describeError, isForbidden } from '../../../../services/errors'
import { AppError } from '../../../../services/result'
import { formatChinaDateTime } from '../../../../utils/format'
import '../../center.css'

type Tab = 'invites' | 'staff' | 'settings' | 'audit'
const TABS: { t: Tab; label: string }[] = [
  { t: 'invites', label: '邀请码' },
  { t: 'staff', label: '人员与角色' },
  { t: 'settings', label: '设置' },
  { t: 'audit', label: '审计记录' },
]
const ROLES: { value: InviteRole; label: string }[] = [
  { value: 'agent', label: '帮代办员' },
  { value: 'leader', label: '责任领导' },
  { value: 'center', label: '中心工作人员' },
  { value: 'admin', label: '中心管理员' },
]
/** Scalar settings the administrator edits here, by section (the full list is in docs/rules.md). */
const NUMBERS: { section: string; key: string; label: string }[] = [
  { section: 'lifecycle', key: 'progressReportEveryWorkingDays', label: '定期反馈间隔（工作日）' },
  { section: 'lifecycle', key: 'maxExtensionWorkingDays', label: '累计延期上限（工作日）' },
  { section: 'calendar', key: 'dueSoonWithinWorkingDays', label: '即将到期提醒（剩余工作日）' },
  { section: 'booking', key: 'maxAdvanceDays', label: '可提前预约天数' },
  { section: 'rating', key: 'callBackWithinWorkingDays', label: '差评回访期限（工作日）' },
  { section: 'rating', key: 'rectifyWithinWorkingDays', label: '差评整改期限（工作日）' },
  { section: 'rating', key: 'appealWithinWorkingDays', label: '差评申诉期限（工作日）' },
]

async function loadAll() {
  const [units, invites, staff, settings, audit] = await Promise.all([listUnits(), listInvites(), listStaff(), getCenterSettings(), listAudit()])
  return { units, invites, staff, settings, audit }
}

export default function AdminPage() {
  const data = useAsync(loadAll)
  const [tab, setTab] = useState<Tab>('invites')
  const [form, setForm] = useState<Record<string, string>>({ role: 'agent', unitId: 'center' })
  const [msg, setMsg] = useState<string | null>(null)
  const [err, setErr] = useState<string | null>(null)
  const set = (k: string, v: string) => setForm((f) => ({ ...f, [k]: v }))

  async function run(label: string, fn: () => Promise<unknown>) {
    setErr(null)
    setMsg(null)
    try {
      await fn()
      setMsg(label)
      data.reload()
    } catch (e) {
      const fields = e instanceof AppError ? Object.values(e.fields).join('；') : ''
      setErr(`${describeError(e)}${fields ? `（${fields}）` : ''}`)
    }
  }

  const denied = data.status === 'error' && isForbidden(data.error)
  const d = data.data
  const text = (key: string, label: string, cls = key) => (
    <View className='field'>
      <View className='field__label'>{label}</View>
      <Input className={`input t-a-${cls}`} value={form[key] ?? ''} onInput={(e) => set(key, e.detail.value)} />
    </View>
  )
  const chips = (key: string, options: { value: string; label: string }[]) => (
    <View className='chips'>
      {options.map((o) => (
        <View key={o.value} className={`chip t-a-${key}-${o.value}${form[key] === o.value ? ' chip--on' : ''}`} onClick={() => set(key, o.value)}>
          {form[key] === o.value ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
    </View>
  )

  return (
    <PageShell>
      <View className='title'>人员与设置</View>
      {data.status === 'loading' && !d ? <Notice kind='loading'>正在加载…</Notice> : null}
      {denied ? <Notice kind='forbidden'>无权访问：只有政务服务中心管理员可以管理人员和设置。</Notice> : null}
      {data.status === 'error' && !denied ? <Notice kind='error'>{describeError(data.error)}</Notice> : null}
      {msg ? <View className='ok t-admin-done'>✓ {msg}</View> : null}
      {err ? <View className='field-error t-admin-error'>⚠ {err}</View> : null}
      {d ? (
        <View>
          <View className='queues'>
            {TABS.map(({ t, label }) => (
              <View key={t} className={`queue t-tab-${t}${tab === t ? ' queue--on' : ''}`} onClick={() => setTab(t)}>
                {label}
              </View>
            ))}
          </View>

          {tab === 'invites' ? (
            <View>
              <View className='card'>
                <View className='card__title'>发放一次性邀请码</View>
                {text('name', '姓名')}
                <View className='field__label'>角色</View>
                {chips('role', ROLES)}
                <View className='field__label'>单位</View>
                {chips('unitId', d.units.units.map((u) => ({ value: u.unitId, label: u.name })))}
                <ActionButton className='t-create-invite' onClick={() => run('邀请码已生成，请当面或电话告知本人', () => createInvite({ name: form.name ?? '', role: form.role as InviteRole, unitId: form.unitId }))}>
                  生成邀请码
                </ActionButton>
              </View>
              {d.invites.items.map((i) => (
                <View key={i.code} className='case t-invite'>
                  <View className='case__head'>
                    <View className='strong t-invite-code-value'>{i.code}</View>
                    <View className='muted'>{i.statusLabel}</View>
                  </View>
                  <View>
                    {i.name} · {i.roleLabel} · {i.unitName}
                  </View>
                  <View className='muted'>有效期至 {formatChinaDateTime(i.expiresAt)}</View>
                </View>
              ))}
            </View>
          ) : null}

          {tab === 'staff' ? (
            <View>
              {text('reason', '调整原因（角色变更、解绑时必填）')}
              {d.staff.items.map((s) => (
                <View key={s.staffId} className='case t-staff-row'>
                  <View className='case__head'>
                    <View className='strong'>{s.name}</View>
                    <View className='muted'>{s.roleLabel}</View>
                  </View>
                  <View className='muted'>
                    {s.unitName} · {s.onDuty ? '在岗' : '不在岗'}
                  </View>
                  <View className='chips'>
                    {ROLES.filter((r) => r.label !== s.roleLabel).map((r) => (
                      <View key={r.value} className={`chip t-role-${s.staffId}-${r.value}`} onClick={() => run(`${s.name} 已改为${r.label}`, () => updateStaff({ staffId: s.staffId, role: r.value, reason: form.reason ?? '' }))}>
                        改为{r.label}
                      </View>
                    ))}
                    <View className='chip' onClick={() => run(`${s.name} 已${s.onDuty ? '设为不在岗' : '设为在岗'}`, () => updateStaff({ staffId: s.staffId, onDuty: !s.onDuty, reason: form.reason || '在岗调整' }))}>
                      {s.onDuty ? '设为不在岗' : '设为在岗'}
                    </View>
                    <View className={`chip warn t-unbind-${s.staffId}`} onClick={() => run(`${s.name} 已解绑`, () => updateStaff({ staffId: s.staffId, unbind: true, reason: form.reason ?? '' }))}>
                      解绑
                    </View>
                  </View>
                </View>
              ))}
            </View>
          ) : null}

          {tab === 'settings' ? (
            <View>
              <View className='card'>
                <View className='card__title'>时限与期限</View>
                {NUMBERS.map((n) => {
                  const current = (d.settings.settings as unknown as Record<string, Record<string, unknown>>)[n.section][n.key]
                  const k = `${n.section}.${n.key}`
                  return (
                    <View key={k} className='field'>
                      <View className='field__label'>
                        {n.label}（现为 {String(current ?? '未设')}）
                      </View>
                      <Input className={`input t-s-${n.key}`} type='number' value={form[k] ?? ''} onInput={(e) => set(k, e.detail.value)} />
                      {form[k] ? (
                        <ActionButton kind='secondary' className={`t-save-${n.key}`} onClick={() => run(`${n.label} 已保存`, () => saveSettings(n.section, { [n.key]: Number(form[k]) }))}>
                          保存
                        </ActionButton>
                      ) : null}
                    </View>
                  )
                })}
              </View>
              <View className='card'>
                <View className='card__title'>开放时间、延时/错时窗口与名额</View>
                {d.settings.settings.booking.windows.map((w, i) => (
                  <View key={w.id} className='line'>
                    <View>
                      {w.label}（{w.id}）{w.start}–{w.end}，每{w.slotMinutes}分钟 {w.capacity} 人
                    </View>
                    <View className='chips'>
                      {[-1, 1].map((delta) => (
                        <View
                          key={delta}
                          className={`chip t-cap-${w.id}-${delta > 0 ? 'up' : 'down'}`}
                          onClick={() => run(`${w.label} 名额已改为 ${w.capacity + delta}`, () => saveSettings('booking', { windows: d.settings.settings.booking.windows.map((x, j) => (j === i ? { ...x, capacity: x.capacity + delta } : x)) }))}
                        >
                          名额{delta > 0 ? '+1' : '−1'}
                        </View>
                      ))}
                    </View>
                  </View>
                ))}
                <View className='muted'>开放时段的起止时间请在下方按窗口编号修改：</View>
                {text('winId', '窗口编号')}
                {text('winStart', '开始（HH:mm）')}
                {text('winEnd', '结束（HH:mm）')}
                <ActionButton kind='secondary' onClick={() => run('开放时间已保存', () => saveSettings('booking', { windows: d.settings.settings.booking.windows.map((x) => (x.id === form.winId ? { ...x, start: form.winStart, end: form.winEnd } : x)) }))}>
                  保存开放时间
                </ActionButton>
              </View>
              <View className='card'>
                <View className='card__title'>节假日调整</View>
                {d.settings.overrides.map((o) => (
                  <View key={o.date} className='line'>
                    {o.date} {o.name} · {o.working ? '上班' : '放假'}
                  </View>
                ))}
                {text('hDate', '日期（YYYY-MM-DD）')}
                {text('hName', '名称（如 古尔邦节）')}
                <View className='chips'>
                  <View className='chip t-holiday-off' onClick={() => run('已设为放假', () => saveHolidayOverride({ date: form.hDate ?? '', working: false, name: form.hName ?? '', regional: true }))}>
                    设为放假
                  </View>
                  <View className='chip' onClick={() => run('已设为上班', () => saveHolidayOverride({ date: form.hDate ?? '', working: true, name: form.hName ?? '' }))}>
                    设为上班
                  </View>
                  <View className='chip' onClick={() => run('已删除调整', () => saveHolidayOverride({ date: form.hDate ?? '', working: false, name: '', remove: true }))}>
                    删除
                  </View>
                </View>
              </View>
              <View className='card'>
                <View className='card__title'>服务事项与承诺时限</View>
                {d.settings.serviceItems.map((s) => (
                  <View key={s.itemId} className='line'>
                    {s.name} · {s.window} · {s.committedWorkingDays}个工作日
                  </View>
                ))}
                {text('iId', '事项编号（小写字母、数字、连字符）')}
                {text('iName', '事项名称')}
                {text('iWindow', '办理窗口')}
                {text('iDays', '承诺时限（工作日）')}
                <ActionButton kind='secondary' onClick={() => run('服务事项已保存', () => saveServiceItem({ itemId: form.iId ?? '', name: form.iName ?? '', unitId: form.unitId || 'center', window: form.iWindow ?? '', committedWorkingDays: Number(form.iDays) }))}>
                  保存事项（单位按“邀请码”页所选）
                </ActionButton>
              </View>
              <View className='card'>
                <View className='card__title'>单位及归口行业</View>
                {d.units.units.map((u) => (
                  <View key={u.unitId} className='line'>
                    {u.name}：{u.industries.map((i) => i.label).join('、') || '—'}
                  </View>
                ))}
              </View>
            </View>
          ) : null}

          {tab === 'audit' ? (
            <View>
              {d.audit.items.map((a, i) => (
                <View key={i} className='case t-audit'>
                  <View className='case__head'>
                    <View className='strong'>{a.what}</View>
                    <View className='muted'>{formatChinaDateTime(a.at)}</View>
                  </View>
                  <View className='muted'>
                    {a.by} · {a.target.kind} {a.target.id}
                  </View>
                  <View className='muted'>之前：{JSON.stringify(a.before)}</View>
                  <View className='muted'>之后：{JSON.stringify(a.after)}</View>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}
