import { Textarea, View } from '@tarojs/components';
import { parseYearCalendarText } from '../../../../../core/holiday-notice';
import ActionButton from '../../../../components/ActionButton';
import { saveHolidayOverride, saveYearCalendar } from '../../../../services/centerAdmin';
import { a11yRole } from '../../../../utils/a11y';
import { md, periodText, type SettingsProps } from './settingsKit';

const YEAR_SOURCE = { built_in: '已内置（国务院办公厅通知）', center: '已由中心录入', missing: '尚未录入' } as const;

/** 法定节假日与调休 year by year, and the center's own 节假日调整. */
export default function CalendarCards({ d, form, set, run, text }: SettingsProps) {
  /** The notice pasted or typed line by line; what it will save is shown before saving, with what it could not read. */
  function yearForm(year: number) {
    const parsed = parseYearCalendarText(year, form.yText ?? '');
    const ready = parsed.errors.length === 0 && parsed.periods.length > 0;
    return (
      <View className="t-year-form">
        <View className="field__label">{year}年放假安排：每行一个节日，可直接粘贴通知正文</View>
        <Textarea
          className="textarea t-a-yText"
          value={form.yText ?? ''}
          maxlength={3000}
          autoHeight
          placeholder={'元旦：1月1日至3日放假\n春节：2月6日至14日放假调休，2月20日（周六）上班'}
          aria-label={`${year}年放假安排`}
          onInput={(e) => set('yText', e.detail.value)}
        />
        {parsed.errors.map((e) => (
          <View key={e.line} className="field-error t-year-error">
            {e.message}
          </View>
        ))}
        {parsed.periods.length > 0 ? (
          <View className="muted t-year-preview">
            将保存：{parsed.periods.map(periodText).join('；')}
            {parsed.makeupWorkdays.length > 0
              ? `；调休上班 ${parsed.makeupWorkdays.map((m) => md(m.date)).join('、')}`
              : '；无调休上班日'}
          </View>
        ) : null}
        <ActionButton
          kind="secondary"
          className="t-save-year"
          disabled={!ready}
          onClick={() =>
            run(`${year}年节假日安排已保存`, async () => {
              await saveYearCalendar({ year, periods: parsed.periods, makeupWorkdays: parsed.makeupWorkdays });
              set('yYear', '');
              set('yText', '');
            })
          }
        >
          保存{year}年安排
        </ActionButton>
      </View>
    );
  }

  return (
    <>
      <View className="card t-settings-years">
        <View className="card__title">法定节假日与调休（全年）</View>
        <View className="muted">
          服务时限按工作日计算。某年的安排没有内置时，请按国务院办公厅通知录入，录入前跨入该年的时限无法计算。
        </View>
        {d.settings.calendarWarnings.map((w) => (
          <View key={`${w.code}-${w.year}`} className="form-error t-calendar-warning">
            ⚠ {w.message}
          </View>
        ))}
        {d.settings.calendarYears.map((y) => (
          <View key={y.year} className={`line t-calendar-year t-calendar-year-${y.year}`}>
            <View className="strong">
              {y.year}年：{YEAR_SOURCE[y.source]}
            </View>
            {y.periods.length > 0 ? <View className="muted">放假：{y.periods.map(periodText).join('；')}</View> : null}
            {y.makeupWorkdays.length > 0 ? (
              <View className="muted">调休上班：{y.makeupWorkdays.map((m) => md(m.date)).join('、')}</View>
            ) : null}
            {y.source !== 'built_in' && d.settings.canEdit ? (
              <View className="chips">
                <View
                  className={`chip t-enter-year-${y.year}`}
                  onClick={() => set('yYear', String(y.year))}
                  {...a11yRole('button')}
                >
                  {y.source === 'center' ? '重新录入（更正）' : `录入${y.year}年安排`}
                </View>
              </View>
            ) : null}
          </View>
        ))}
        {form.yYear ? yearForm(Number(form.yYear)) : null}
      </View>

      <View className="card t-settings-holidays">
        <View className="card__title">节假日调整</View>
        {d.settings.overrides.length === 0 ? <View className="muted">还没有调整（按国家法定节假日安排）。</View> : null}
        {d.settings.overrides.map((o) => (
          <View key={o.date} className="line t-holiday">
            {o.date} {o.name} · {o.working ? '上班' : '放假'}
            {o.regional ? '（自治区）' : ''}
          </View>
        ))}
        {text('hDate', '日期（YYYY-MM-DD）')}
        {text('hName', '名称（如 古尔邦节）')}
        <View className="chips">
          <View
            className="chip t-holiday-off"
            onClick={() =>
              run('已设为放假', () =>
                saveHolidayOverride({ date: form.hDate ?? '', working: false, name: form.hName ?? '', regional: true }),
              )
            }
            {...a11yRole('button')}
          >
            设为放假
          </View>
          <View
            className="chip t-holiday-on"
            onClick={() =>
              run('已设为上班', () =>
                saveHolidayOverride({ date: form.hDate ?? '', working: true, name: form.hName ?? '' }),
              )
            }
            {...a11yRole('button')}
          >
            设为上班
          </View>
          <View
            className="chip t-holiday-remove"
            onClick={() =>
              run('已删除调整', () =>
                saveHolidayOverride({ date: form.hDate ?? '', working: false, name: '', remove: true }),
              )
            }
            {...a11yRole('button')}
          >
            删除
          </View>
        </View>
      </View>
    </>
  );
}
