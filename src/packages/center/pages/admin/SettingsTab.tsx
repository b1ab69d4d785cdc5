import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import { saveSettings } from '../../../../services/centerAdmin';
import CalendarCards from './CalendarCards';
import ItemsCard from './ItemsCard';
import type { SettingsProps } from './settingsKit';
import TemplatesCard from './TemplatesCard';
import UnitsCard from './UnitsCard';
import WindowsCard from './WindowsCard';

type Section = Parameters<typeof saveSettings>[0];

/** Numbers the administrator edits, by section; `nullable` ones may be switched off with an empty box. */
const NUMBERS: { section: Section; key: string; label: string; nullable?: boolean }[] = [
  { section: 'lifecycle', key: 'progressReportEveryWorkingDays', label: '定期反馈间隔（工作日）' },
  { section: 'lifecycle', key: 'maxExtensionWorkingDays', label: '累计延期上限（工作日）' },
  { section: 'lifecycle', key: 'maxCommittedWorkingDays', label: '窗口承诺时限上限（工作日）' },
  { section: 'calendar', key: 'dueSoonWithinWorkingDays', label: '即将到期提醒（剩余工作日）' },
  { section: 'applications', key: 'answerWithinWorkingDays', label: '新申请答复时限（工作日）' },
  { section: 'applications', key: 'maxOpenPerApplicant', label: '每人同时在办的申请上限' },
  { section: 'applications', key: 'maxSubmissionsPerDay', label: '每人每天提交申请上限' },
  { section: 'booking', key: 'maxAdvanceDays', label: '可提前预约天数' },
  { section: 'booking', key: 'bookingCutoffMinutes', label: '开始前多少分钟停止预约' },
  { section: 'booking', key: 'cancelCutoffMinutes', label: '开始前多少分钟停止改约、取消' },
];
const RATING: { key: string; label: string; nullable?: boolean }[] = [
  { key: 'followUpWithinDays', label: '追评期限（自然日，空为不限）', nullable: true },
  { key: 'defaultRatingAfterDays', label: '逾期未评视为默认评价（自然日，空为不启用）', nullable: true },
  { key: 'callBackWithinWorkingDays', label: '差评回访期限（工作日）' },
  { key: 'rectifyWithinWorkingDays', label: '差评整改期限（工作日）' },
  { key: 'appealWithinWorkingDays', label: '差评申诉期限（工作日）' },
  { key: 'reviewWithinWorkingDays', label: '申诉复核期限（工作日）' },
];

/**
 * 设置 (issue 6 §5): every item the administrator keeps — time limits, opening hours and the
 * 延时/错时 windows with their seats, holiday overrides, service items and their committed limits,
 * units and their industries, subscribe-message template ids, rating deadlines. Each save is one
 * audited call; the rules check the values and answer in words.
 */
export default function SettingsTab(props: SettingsProps) {
  const { d, form, run, text } = props;
  // read by section and key, as the rows below list them
  const settings: Record<Section, Record<string, unknown>> = d.settings.settings;
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const numberRow = (section: Section, key: string, label: string, nullable?: boolean) => {
    const k = `${section}.${key}`;
    const current = settings[section]?.[key];
    return (
      <View key={k} className="field">
        <View className="field__label">
          {label}（现为 {current === null || current === undefined ? '未启用' : String(current)}）
        </View>
        {text(k, '', key)}
        {form[k] !== undefined && (form[k] !== '' || nullable) ? (
          <ActionButton
            kind="secondary"
            className={`t-save-${key}`}
            onClick={() =>
              run(`${label.replace(/（.*$/, '')} 已保存`, () =>
                saveSettings(section, { [key]: nullable ? num(form[k]) : Number(form[k]) }),
              )
            }
          >
            保存
          </ActionButton>
        ) : null}
      </View>
    );
  };

  return (
    <View className="t-settings">
      <View className="card t-settings-limits">
        <View className="card__title">时限与预约规则</View>
        {NUMBERS.map((n) => numberRow(n.section, n.key, n.label, n.nullable))}
      </View>

      <View className="card t-settings-rating">
        <View className="card__title">好差评期限</View>
        {RATING.map((n) => numberRow('rating', n.key, n.label, n.nullable))}
      </View>

      <WindowsCard {...props} />
      <CalendarCards {...props} />
      <ItemsCard {...props} />

      <View className="card t-settings-location">
        <View className="card__title">中心地址与地图位置（申请人导航用）</View>
        <View className="muted">
          现为：{String(settings.location?.address ?? '')}（纬度 {String(settings.location?.latitude ?? '')}，经度{' '}
          {String(settings.location?.longitude ?? '')}）
        </View>
        {text('location.address', '地址')}
        {(form['location.address'] ?? '').trim() ? (
          <ActionButton
            kind="secondary"
            className="t-save-address"
            onClick={() =>
              run('中心地址已保存', () =>
                saveSettings('location', { address: (form['location.address'] ?? '').trim() }),
              )
            }
          >
            保存地址
          </ActionButton>
        ) : null}
        {numberRow('location', 'latitude', '纬度（腾讯地图坐标）')}
        {numberRow('location', 'longitude', '经度（腾讯地图坐标）')}
      </View>

      <UnitsCard {...props} />
      <TemplatesCard {...props} />
    </View>
  );
}
