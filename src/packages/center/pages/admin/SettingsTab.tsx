import type { ReactNode } from 'react';
import { Textarea, View } from '@tarojs/components';
import { parseYearCalendarText } from '../../../../../core/holiday-notice';
import ActionButton from '../../../../components/ActionButton';
import {
  saveHolidayOverride,
  saveServiceItem,
  saveYearCalendar,
  saveSettings,
  saveSubscribeTemplate,
  saveUnit,
  type BookingWindow,
} from '../../../../services/centerAdmin';
import type { AdminData } from './index';
import { a11yRole } from '../../../../utils/a11y';

interface Props {
  d: AdminData;
  form: Record<string, string>;
  set: (k: string, v: string) => void;
  run: (label: string, fn: () => Promise<unknown>) => Promise<boolean>;
  text: (key: string, label: string, cls?: string) => ReactNode;
}

/** Numbers the administrator edits, by section; `nullable` ones may be switched off with an empty box. */
const NUMBERS: { section: string; key: string; label: string; nullable?: boolean }[] = [
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
const YEAR_SOURCE = { built_in: '已内置（国务院办公厅通知）', center: '已由中心录入', missing: '尚未录入' } as const;
/** 2027-02-06 → 2月6日 */
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const periodText = (p: { name: string; from: string; to: string }) =>
  `${p.name} ${md(p.from)}${p.to === p.from ? '' : `至${md(p.to)}`}`;
const FIELD_NAMES: Record<string, string> = {
  caseNo: '编号',
  matter: '事项',
  status: '状态',
  note: '说明',
  time: '时间',
};

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
/** "caseNo=character_string1, status=phrase3" ⇄ { caseNo: 'character_string1', … } */
const keywordsText = (k: Record<string, string>) =>
  Object.entries(k)
    .map(([f, w]) => `${f}=${w}`)
    .join(', ');
const parseKeywords = (t: string) =>
  Object.fromEntries(
    t
      .split(/[,，\s]+/)
      .map((p) => p.split('='))
      .filter((p) => p.length === 2 && p[0] && p[1])
      .map(([f, w]) => [f.trim(), w.trim()]),
  );

/**
 * 设置 (issue 6 §5): every item the administrator keeps — time limits, opening hours and the
 * 延时/错时 windows with their seats, holiday overrides, service items and their committed limits,
 * units and their industries, subscribe-message template ids, rating deadlines. Each save is one
 * audited call; the rules check the values and answer in words.
 */
export default function SettingsTab({ d, form, set, run, text }: Props) {
  const settings = d.settings.settings as unknown as Record<string, Record<string, unknown>>;
  const windows = d.settings.settings.booking.windows;
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const chips = (key: string, options: { value: string; label: string }[], cls = key) => (
    <View className="chips">
      {options.map((o) => (
        <View
          key={o.value}
          className={`chip t-s-${cls}-${o.value}${form[key] === o.value ? ' chip--on' : ''}`}
          onClick={() => set(key, o.value)}
          {...a11yRole('radio')}
          aria-checked={form[key] === o.value ? 'true' : 'false'}
        >
          {form[key] === o.value ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
    </View>
  );
  const numberRow = (section: string, key: string, label: string, nullable?: boolean) => {
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

  function editUnit(u: AdminData['units']['units'][number]) {
    set('uId', u.unitId);
    set('uName', u.name);
    set('uKind', u.kind);
    set('uInd', u.industries.map((i) => i.industry).join(','));
  }
  const unitIndustries = (form.uInd ?? '').split(',').filter(Boolean);
  const toggleIndustry = (i: string) =>
    set(
      'uInd',
      (unitIndustries.includes(i) ? unitIndustries.filter((x) => x !== i) : [...unitIndustries, i]).join(','),
    );

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
    <View className="t-settings">
      <View className="card t-settings-limits">
        <View className="card__title">时限与预约规则</View>
        {NUMBERS.map((n) => numberRow(n.section, n.key, n.label, n.nullable))}
      </View>

      <View className="card t-settings-rating">
        <View className="card__title">好差评期限</View>
        {RATING.map((n) => numberRow('rating', n.key, n.label, n.nullable))}
      </View>

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
        {chips('winKind', KINDS)}
        <View className="field__label">开放日</View>
        {chips('winDays', DAYS)}
        {text('winStart', '开始（HH:mm，北京时间）')}
        {text('winEnd', '结束（HH:mm）')}
        {text('winSlot', '每个时段分钟数')}
        {text('winCap', '每个时段名额')}
        <ActionButton kind="secondary" className="t-save-window" onClick={saveWindow}>
          保存窗口
        </ActionButton>
      </View>

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

      <View className="card t-settings-items">
        <View className="card__title">服务事项与承诺时限</View>
        {d.settings.serviceItems.length === 0 ? <View className="muted">还没有登记服务事项。</View> : null}
        {d.settings.serviceItems.map((s) => (
          <View
            key={s.itemId}
            className="line t-service-item"
            {...a11yRole('button')}
            onClick={() =>
              Object.entries({
                iId: s.itemId,
                iName: s.name,
                iUnit: s.unitId,
                iWindow: s.window,
                iDays: String(s.committedWorkingDays),
                iMaterials: (s.materials ?? []).join('\n'),
              }).forEach(([k, v]) => set(k, v))
            }
          >
            {s.name} · {d.units.units.find((u) => u.unitId === s.unitId)?.name ?? s.unitId} · {s.window} ·{' '}
            {s.committedWorkingDays}个工作日
            <View className="muted">
              材料清单：{s.materials?.length ? s.materials.join('；') : '未填写'}（点按修改）
            </View>
          </View>
        ))}
        {text('iId', '事项编号（小写字母、数字、连字符）')}
        {text('iName', '事项名称')}
        <View className="field__label">负责单位</View>
        {chips(
          'iUnit',
          d.units.units.map((u) => ({ value: u.unitId, label: u.name })),
        )}
        {text('iWindow', '办理窗口')}
        {text('iDays', '承诺时限（工作日）')}
        <View className="field__label">材料清单（每行一项，申请人在申请表和申请详情看到）</View>
        <Textarea
          className="textarea t-s-iMaterials"
          value={form.iMaterials ?? ''}
          maxlength={2000}
          autoHeight
          placeholder={'申请人身份证\n户口簿'}
          aria-label="材料清单"
          onInput={(e) => set('iMaterials', e.detail.value)}
        />
        <ActionButton
          kind="secondary"
          className="t-save-item"
          onClick={() =>
            run('服务事项已保存', () =>
              saveServiceItem({
                itemId: form.iId ?? '',
                name: form.iName ?? '',
                unitId: form.iUnit || 'center',
                window: form.iWindow ?? '',
                committedWorkingDays: Number(form.iDays),
                materials: (form.iMaterials ?? '')
                  .split('\n')
                  .map((x) => x.trim())
                  .filter(Boolean),
              }),
            )
          }
        >
          保存事项
        </ActionButton>
      </View>

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

      <View className="card t-settings-units">
        <View className="card__title">单位及归口行业</View>
        {d.units.units.map((u) => (
          <View key={u.unitId} className="line t-unit" onClick={() => editUnit(u)} {...a11yRole('button')}>
            {u.name}：{u.industries.map((i) => i.label).join('、') || '—'}{' '}
            <View className="link" style={{ display: 'inline-flex' }}>
              修改
            </View>
          </View>
        ))}
        {text('uId', '单位编号（新增时填写）')}
        {text('uName', '单位名称')}
        {chips('uKind', [
          { value: 'department', label: '审批部门' },
          { value: 'center', label: '政务服务中心' },
        ])}
        <View className="field__label">归口行业（点选）</View>
        <View className="chips">
          {d.units.industries.map((i) => (
            <View
              key={i.industry}
              className={`chip t-industry-${i.industry}${unitIndustries.includes(i.industry) ? ' chip--on' : ''}`}
              onClick={() => toggleIndustry(i.industry)}
              {...a11yRole('checkbox')}
              aria-checked={unitIndustries.includes(i.industry) ? 'true' : 'false'}
            >
              {unitIndustries.includes(i.industry) ? '✓ ' : ''}
              {i.label}
            </View>
          ))}
        </View>
        <ActionButton
          kind="secondary"
          className="t-save-unit"
          onClick={() =>
            run(`${form.uName ?? ''} 已保存`, () =>
              saveUnit({
                unitId: (form.uId ?? '').trim(),
                name: (form.uName ?? '').trim(),
                kind: form.uKind || 'department',
                industries: unitIndustries,
              }),
            )
          }
        >
          保存单位
        </ActionButton>
      </View>

      <View className="card t-settings-templates">
        <View className="card__title">订阅消息模板</View>
        <View className="muted">
          在微信公众平台“订阅消息”中申请模板后，把模板编号和关键词填在这里；关键词写法：caseNo=character_string1,
          status=phrase3（
          {Object.entries(FIELD_NAMES)
            .map(([k, v]) => `${k} ${v}`)
            .join('，')}
          ）。
        </View>
        {d.settings.subscribeTemplates.map((t) => (
          <View key={t.purpose} className="line t-template">
            <View className="strong">{t.label}</View>
            <View className="muted t-template-current">
              {t.id
                ? `模板编号 ${t.id}（${t.source === 'settings' ? '在此设置' : '云函数环境变量'}）`
                : '未配置：不推送微信消息，只有小程序内消息'}
            </View>
            {t.id ? <View className="muted">关键词：{keywordsText(t.keywords)}</View> : null}
            {text(`tpl.${t.purpose}`, '新的模板编号', `tpl-${t.purpose}`)}
            {text(`kw.${t.purpose}`, '关键词（不填则沿用现有）', `kw-${t.purpose}`)}
            <View className="chips">
              <View
                className={`chip t-save-tpl-${t.purpose}`}
                onClick={() =>
                  run(`${t.label} 模板已保存`, () =>
                    saveSubscribeTemplate({
                      purpose: t.purpose,
                      id: (form[`tpl.${t.purpose}`] ?? '').trim(),
                      ...((form[`kw.${t.purpose}`] ?? '').trim()
                        ? { keywords: parseKeywords(form[`kw.${t.purpose}`]) }
                        : {}),
                    }),
                  )
                }
                {...a11yRole('button')}
              >
                保存
              </View>
              {t.source === 'settings' ? (
                <View
                  className={`chip t-reset-tpl-${t.purpose}`}
                  onClick={() =>
                    run(`${t.label} 已恢复为环境变量中的配置`, () =>
                      saveSubscribeTemplate({ purpose: t.purpose, reset: true }),
                    )
                  }
                  {...a11yRole('button')}
                >
                  恢复默认
                </View>
              ) : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
