import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import { saveSettings, type BookingWindow } from '../../../../services/centerAdmin';
import { a11yRole } from '../../../../utils/a11y';
import { Chips, type SettingsProps } from './settingsKit';

const KINDS = [
  { value: 'regular', label: '常规' },
  { value: 'after_hours', label: '延时' },
  { value: 'off_peak', label: '错时' },
  { value: 'home_visit', label: '上门' },
];
const KIND_SHORT: Record<string, string> = Object.fromEntries(KINDS.map((k) => [k.value, k.label]));
const DAYS = [
  { value: 'working', label: '工作日' },
  { value: 'sat', label: '周六（休息日）' },
  { value: 'sun', label: '周日（休息日）' },
];
const daysText = (w: BookingWindow) => {
  const d = w.days as { type: string; weekdays?: number[]; dates?: string[] } | undefined;
  if (!d || d.type === 'working_days') return '工作日';
  if (d.type === 'rest_days') return (d.weekdays ?? []).map((n) => `周${'日一二三四五六'[n]}`).join('、');
  return (d.dates ?? []).join('、');
};
const season = (w: BookingWindow) => {
  const s = w.season as { from: string; to: string } | undefined;
  return s ? `（${s.from} 至 ${s.to}）` : '';
};

/** 开放时间、延时/错时窗口与名额: each window's seats one tap up or down, and a form to edit or add one. */
export default function WindowsCard({ d, form, set, run, text }: SettingsProps) {
  const windows = d.settings.settings.booking.windows;
  function editWindow(w: BookingWindow) {
    const dd = w.days as { type: string; weekdays?: number[] };
    set('winId', w.id);
    set('winLabel', w.label);
    set('winKind', w.kind);
    set('winStart', w.start);
    set('winEnd', w.end);
    set('winSlot', String(w.slotMinutes));
    set('winCap', String(w.capacity));
    set('winDays', dd?.type === 'rest_days' ? (dd.weekdays?.includes(0) ? 'sun' : 'sat') : 'working');
  }
  function saveWindow() {
    const id = (form.winId ?? '').trim();
    const existing = windows.find((w) => w.id === id);
    const days =
      form.winDays === 'sat'
        ? { type: 'rest_days', weekdays: [6] }
        : form.winDays === 'sun'
          ? { type: 'rest_days', weekdays: [0] }
          : existing && (existing.days as { type: string }).type === 'dates'
            ? existing.days
            : { type: 'working_days' };
    const next = {
      ...(existing ?? {}),
      id,
      label: (form.winLabel ?? '').trim(),
      kind: form.winKind || 'regular',
      days,
      start: (form.winStart ?? '').trim(),
      end: (form.winEnd ?? '').trim(),
      slotMinutes: Number(form.winSlot),
      capacity: Number(form.winCap),
    };
    const list = existing ? windows.map((w) => (w.id === id ? next : w)) : [...windows, next];
    return run(existing ? `${next.label} 已保存` : `已新增 ${next.label}`, () =>
      saveSettings('booking', { windows: list }),
    );
  }

  return (
    <View className="card t-settings-windows">
      <View className="card__title">开放时间、延时/错时窗口与名额</View>
      {windows.map((w, i) => (
        <View key={w.id} className="line t-window">
          <View>
            {w.label}（{KIND_SHORT[w.kind] ?? w.kind}）{daysText(w)}
            {season(w)} {w.start}–{w.end}，每{w.slotMinutes}分钟 {w.capacity} 人
          </View>
          <View className="chips">
            {[-1, 1].map((delta) => (
              <View
                key={delta}
                className={`chip t-cap-${w.id}-${delta > 0 ? 'up' : 'down'}`}
                onClick={() =>
                  run(`${w.label} 名额已改为 ${w.capacity + delta}`, () =>
                    saveSettings('booking', {
                      windows: windows.map((x, j) => (j === i ? { ...x, capacity: x.capacity + delta } : x)),
                    }),
                  )
                }
                {...a11yRole('button')}
              >
                名额{delta > 0 ? '+1' : '−1'}
              </View>
            ))}
            <View className={`chip t-edit-window-${w.id}`} onClick={() => editWindow(w)} {...a11yRole('button')}>
              修改
            </View>
          </View>
        </View>
      ))}
      <View className="card__title">
        {windows.some((w) => w.id === form.winId) ? `修改窗口 ${form.winId}` : '新增窗口（如延时、错时服务）'}
      </View>
      {text('winId', '窗口编号（小写字母、数字、连字符）')}
      {text('winLabel', '名称（申请人看到的，如 午间错时）')}
      <View className="field__label">类型</View>
      <Chips form={form} set={set} name="winKind" options={KINDS} />
      <View className="field__label">开放日</View>
      <Chips form={form} set={set} name="winDays" options={DAYS} />
      {text('winStart', '开始（HH:mm，北京时间）')}
      {text('winEnd', '结束（HH:mm）')}
      {text('winSlot', '每个时段分钟数')}
      {text('winCap', '每个时段名额')}
      <ActionButton kind="secondary" className="t-save-window" onClick={saveWindow}>
        保存窗口
      </ActionButton>
    </View>
  );
}
