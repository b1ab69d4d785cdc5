import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import {
  createInvite,
  getCenterSettings,
  listInvites,
  listStaff,
  listUnits,
  updateStaff,
  type InviteRole,
} from '../../../../services/centerAdmin';
import AuditTab from './AuditTab';
import SettingsTab from './SettingsTab';
import { describeError, isForbidden } from '../../../../services/errors';
import { AppError } from '../../../../services/result';
import { formatChinaDateTime } from '../../../../utils/format';
import '../../../../styles/staffScreens.css';
import '../../center.css';

type Tab = 'invites' | 'staff' | 'settings' | 'audit';
const TABS: { t: Tab; label: string }[] = [
  { t: 'invites', label: '邀请码' },
  { t: 'staff', label: '人员与角色' },
  { t: 'settings', label: '设置' },
  { t: 'audit', label: '审计记录' },
];
const ROLES: { value: InviteRole; label: string }[] = [
  { value: 'agent', label: '帮代办员' },
  { value: 'leader', label: '责任领导' },
  { value: 'center', label: '中心工作人员' },
  { value: 'admin', label: '中心管理员' },
];
async function loadAll() {
  const [units, invites, staff, settings] = await Promise.all([
    listUnits(),
    listInvites(),
    listStaff(),
    getCenterSettings(),
  ]);
  return { units, invites, staff, settings };
}
export type AdminData = Awaited<ReturnType<typeof loadAll>>;

export default function AdminPage() {
  const data = useAsync(loadAll);
  // the 节假日安排尚未录入 message opens ?tab=settings, where the year is entered
  const asked = useRouter().params.tab;
  const [tab, setTab] = useState<Tab>(TABS.some((x) => x.t === asked) ? (asked as Tab) : 'invites');
  const [form, setForm] = useState<Record<string, string>>({ role: 'agent', unitId: 'center' });
  const [msg, setMsg] = useState<string | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const set = (k: string, v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function run(label: string, fn: () => Promise<unknown>): Promise<boolean> {
    setErr(null);
    setMsg(null);
    try {
      await fn();
      setMsg(label);
      // the message at the top may be scrolled away on the long settings screen
      void Taro.showToast({ title: '已保存', icon: 'success' });
      data.reload();
      return true;
    } catch (e) {
      const fields = e instanceof AppError ? Object.values(e.fields).join('；') : '';
      setErr(`${describeError(e)}${fields ? `（${fields}）` : ''}`);
      void Taro.showToast({ title: '没有保存，请看页面顶部的说明', icon: 'none' });
      return false;
    }
  }

  const denied = data.status === 'error' && isForbidden(data.error);
  const d = data.data;
  const text = (key: string, label: string, cls = key) => (
    <View className="field">
      <View className="field__label">{label}</View>
      <Input className={`input t-a-${cls}`} value={form[key] ?? ''} onInput={(e) => set(key, e.detail.value)} />
    </View>
  );
  const chips = (key: string, options: { value: string; label: string }[]) => (
    <View className="chips">
      {options.map((o) => (
        <View
          key={o.value}
          className={`chip t-a-${key}-${o.value}${form[key] === o.value ? ' chip--on' : ''}`}
          onClick={() => set(key, o.value)}
        >
          {form[key] === o.value ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
    </View>
  );

  return (
    <PageShell>
      <View className="title">人员与设置</View>
      {data.status === 'loading' && !d ? <Notice kind="loading">正在加载…</Notice> : null}
      {denied ? <Notice kind="forbidden">无权访问：只有政务服务中心管理员可以管理人员和设置。</Notice> : null}
      {data.status === 'error' && !denied ? <Notice kind="error">{describeError(data.error)}</Notice> : null}
      {msg ? <View className="ok t-admin-done">✓ {msg}</View> : null}
      {err ? <View className="field-error t-admin-error">⚠ {err}</View> : null}
      {d ? (
        <View>
          <View className="queues">
            {TABS.map(({ t, label }) => (
              <View key={t} className={`queue t-tab-${t}${tab === t ? ' queue--on' : ''}`} onClick={() => setTab(t)}>
                {label}
              </View>
            ))}
          </View>

          {tab === 'invites' ? (
            <View>
              <View className="card">
                <View className="card__title">发放一次性邀请码</View>
                {text('name', '姓名')}
                <View className="field__label">角色</View>
                {chips('role', ROLES)}
                <View className="field__label">单位</View>
                {chips(
                  'unitId',
                  d.units.units.map((u) => ({ value: u.unitId, label: u.name })),
                )}
                <ActionButton
                  className="t-create-invite"
                  onClick={() =>
                    run('邀请码已生成，请当面或电话告知本人', () =>
                      createInvite({ name: form.name ?? '', role: form.role as InviteRole, unitId: form.unitId }),
                    )
                  }
                >
                  生成邀请码
                </ActionButton>
              </View>
              {d.invites.items.map((i) => (
                <View key={i.code} className="case t-invite">
                  <View className="case__head">
                    <View className="strong t-invite-code-value">{i.code}</View>
                    <View className="muted">{i.statusLabel}</View>
                  </View>
                  <View>
                    {i.name} · {i.roleLabel} · {i.unitName}
                  </View>
                  <View className="muted">有效期至 {formatChinaDateTime(i.expiresAt)}</View>
                </View>
              ))}
            </View>
          ) : null}

          {tab === 'staff' ? (
            <View>
              {text('reason', '调整原因（角色变更、解绑时必填）')}
              {d.staff.items.map((s) => (
                <View key={s.staffId} className="case t-staff-row">
                  <View className="case__head">
                    <View className="strong">{s.name}</View>
                    <View className="muted">{s.roleLabel}</View>
                  </View>
                  <View className="muted">
                    {s.unitName} · {s.onDuty ? '在岗' : '不在岗'}
                  </View>
                  <View className="chips">
                    {ROLES.filter((r) => r.label !== s.roleLabel).map((r) => (
                      <View
                        key={r.value}
                        className={`chip t-role-${s.staffId}-${r.value}`}
                        onClick={() =>
                          run(`${s.name} 已改为${r.label}`, () =>
                            updateStaff({ staffId: s.staffId, role: r.value, reason: form.reason ?? '' }),
                          )
                        }
                      >
                        改为{r.label}
                      </View>
                    ))}
                    <View
                      className="chip"
                      onClick={() =>
                        run(`${s.name} 已${s.onDuty ? '设为不在岗' : '设为在岗'}`, () =>
                          updateStaff({ staffId: s.staffId, onDuty: !s.onDuty, reason: form.reason || '在岗调整' }),
                        )
                      }
                    >
                      {s.onDuty ? '设为不在岗' : '设为在岗'}
                    </View>
                    <View
                      className={`chip warn t-unbind-${s.staffId}`}
                      onClick={() =>
                        run(`${s.name} 已解绑`, () =>
                          updateStaff({ staffId: s.staffId, unbind: true, reason: form.reason ?? '' }),
                        )
                      }
                    >
                      解绑
                    </View>
                  </View>
                </View>
              ))}
            </View>
          ) : null}

          {tab === 'settings' ? <SettingsTab d={d} form={form} set={set} run={run} text={text} /> : null}

          {tab === 'audit' ? <AuditTab /> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
