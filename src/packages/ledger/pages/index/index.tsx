import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { describeError, isForbidden } from '../../../../services/errors';
import {
  exportLedger,
  getLedgerStatistics,
  type LedgerExport,
  type LedgerDimension,
  type LedgerFigures,
  type LedgerMeasure,
  type LedgerPeriod,
} from '../../../../services/ledger';
import BarChart, { type Bar } from '../../components/BarChart';
import '../../ledger.css';
import '../../../../styles/staffScreens.css';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const PERIODS: { value: LedgerPeriod; label: string }[] = [
  { value: 'week', label: '周' },
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季度' },
  { value: 'year', label: '年' },
];

/** A short x-axis label: 11月, W48, Q4, 2026. */
function short(period: LedgerPeriod, key: string | null): string {
  if (!key) return '—';
  if (period === 'month') return `${Number(key.slice(5))}月`;
  if (period === 'week') return `第${Number(key.slice(6))}周`;
  if (period === 'quarter') return `${key.slice(5)}`;
  return key;
}

const CATEGORY_SHORT: Record<string, string> = {
  livelihood: '民生保障',
  enterprise: '企业开办',
  investment: '投资项目',
  major: '重大项目',
};
/** An axis label that fits under a bar: short category names, units without the county prefix. */
const partLabel = (l: LedgerFigures) => CATEGORY_SHORT[String(l.key)] ?? l.label.replace('和硕县', '').slice(0, 5);

function bars(lines: LedgerFigures[], label: (l: LedgerFigures) => string): Bar[] {
  return lines.flatMap((l) => [
    { x: label(l), type: '受理', value: l.received },
    { x: label(l), type: '办结', value: l.finished },
  ]);
}

interface Drill {
  measure: LedgerMeasure;
  by?: LedgerDimension;
  dimKey?: string | null;
  title: string;
}

/** §五(六) 台账: the leader's unit or (center) the whole county, by period and dimension, with the cases behind every figure. */
export default function LedgerPage() {
  const [period, setPeriod] = useState<LedgerPeriod>('month');
  const [key, setKey] = useState<string | undefined>();
  const [by, setBy] = useState<LedgerDimension>('category');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [exported, setExported] = useState<{
    state: 'busy' | 'ok' | 'error';
    data?: LedgerExport;
    error?: unknown;
  } | null>(null);
  const query = { period, ...(key ? { key } : {}), ...(unitId ? { unitId } : {}) };
  const stats = useAsync(() => getLedgerStatistics({ ...query, by }), `${period}|${key ?? ''}|${by}|${unitId ?? ''}`);
  const denied = stats.status === 'error' && isForbidden(stats.error);
  const s = stats.data;

  const trend = useMemo(() => (s ? bars(s.series, (l) => short(s.period, l.key)) : []), [s]);
  const parts = useMemo(() => (s && s.by !== 'period' ? bars(s.breakdown.slice(0, 8), partLabel) : []), [s]);

  function open(d: Drill) {
    if (!s) return;
    const q: Record<string, string> = {
      period: s.period,
      key: s.key,
      measure: d.measure,
      title: d.title,
      ...(unitId ? { unitId } : {}),
      ...(d.by ? { by: d.by, dimKey: d.dimKey === null || d.dimKey === undefined ? 'null' : d.dimKey } : {}),
    };
    Taro.navigateTo({
      url: `/packages/ledger/pages/rows/index?${Object.entries(q)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')}`,
    });
  }

  async function download() {
    setExported({ state: 'busy' });
    try {
      setExported({ state: 'ok', data: await exportLedger({ ...query, ...(s ? { key: s.key } : {}) }) });
    } catch (error) {
      setExported({ state: 'error', error });
    }
  }

  function openFile(url: string) {
    if (process.env.TARO_ENV === 'h5') {
      window.open(url, '_blank');
      return;
    }
    Taro.downloadFile({
      url,
      success: (r) => Taro.openDocument({ filePath: r.tempFilePath, fileType: 'xlsx', showMenu: true }),
    });
  }

  const fig = (cls: string, label: string, value: string | number, measure?: LedgerMeasure) => (
    <View
      className={`fig t-fig-${cls}${measure ? ' fig--tap' : ''}`}
      onClick={measure ? () => open({ measure, title: label }) : undefined}
    >
      <View className="fig__value">{value}</View>
      <View className="fig__label">
        {label}
        {measure ? ' ›' : ''}
      </View>
    </View>
  );

  return (
    <PageShell>
      <View className="title">台账统计</View>
      {stats.status === 'loading' && !s ? <Notice kind="loading">正在统计…</Notice> : null}
      {denied ? <Notice kind="forbidden">无权访问：台账只对责任领导和政务服务中心开放。</Notice> : null}
      {stats.status === 'error' && !denied ? <LoadError error={stats.error} onRetry={stats.reload} /> : null}
      {s ? (
        <View>
          <View className="muted t-ledger-scope">
            {s.unit ? s.unit.name : '全县（全部责任单位）'} · {s.range.from} 至 {s.range.to}
          </View>
          <View className="chips">
            {PERIODS.map((p) => (
              <View
                key={p.value}
                className={`chip t-period-${p.value}${period === p.value ? ' chip--on' : ''}`}
                onClick={() => {
                  setPeriod(p.value);
                  setKey(undefined);
                }}
              >
                按{p.label}
              </View>
            ))}
          </View>
          <View className="period-nav">
            <View className="link t-prev" onClick={() => s.prevKey && setKey(s.prevKey)}>
              ‹ 上一{PERIODS.find((p) => p.value === s.period)?.label}
            </View>
            <View className="period-nav__label t-period-label">{s.label}</View>
            {s.nextKey ? (
              <View className="link t-next" onClick={() => setKey(s.nextKey!)}>
                下一{PERIODS.find((p) => p.value === s.period)?.label} ›
              </View>
            ) : null}
          </View>
          {s.options.units.length ? (
            <View className="chips">
              <View className={`chip t-unit-all${!unitId ? ' chip--on' : ''}`} onClick={() => setUnitId(undefined)}>
                全部单位
              </View>
              {s.options.units.map((u) => (
                <View
                  key={u.unitId}
                  className={`chip t-unit-${u.unitId}${unitId === u.unitId ? ' chip--on' : ''}`}
                  onClick={() => setUnitId(u.unitId)}
                >
                  {u.name.replace('和硕县', '')}
                </View>
              ))}
            </View>
          ) : null}

          <View className="figs t-figures">
            {fig('received', '受理件数', s.total.received, 'received')}
            {fig('finished', '办结件数', s.total.finished, 'finished')}
            {fig('terminated', '终止件数', s.total.terminated, 'terminated')}
            {fig('refused', '不予受理', s.total.refused, 'refused')}
            {fig('on-time', '按时办结率', pct(s.total.onTimeRate), 'late')}
            {fig('days', '平均用时（工作日）', s.total.averageWorkingDays ?? '—')}
            {fig('satisfaction', `满意率（${s.total.rated}件评价）`, pct(s.total.satisfactionRate))}
            {fig('bad', '差评件数', s.total.bad, 'bad')}
            {fig('callback', '差评回访率', pct(s.total.callBackRate))}
            {fig('rectified', '差评整改率', pct(s.total.rectificationRate))}
          </View>

          <BarChart
            canvasId="ledger-trend"
            title={`近${s.series.length}${PERIODS.find((p) => p.value === s.period)?.label}受理与办结`}
            data={trend}
          />

          <View className="chips">
            {s.options.dimensions
              .filter((d) => d.value !== 'unit' || s.options.units.length > 0)
              .map((d) => (
                <View
                  key={d.value}
                  className={`chip t-by-${d.value}${by === d.value ? ' chip--on' : ''}`}
                  onClick={() => setBy(d.value)}
                >
                  {d.label}
                </View>
              ))}
          </View>
          {s.by !== 'period' && parts.length ? (
            <BarChart
              canvasId="ledger-parts"
              title={`${s.label} ${s.options.dimensions.find((d) => d.value === s.by)?.label ?? ''}`}
              data={parts}
            />
          ) : null}
          <View className="card t-breakdown">
            {s.breakdown.length === 0 ? <Notice kind="empty">这一期间没有案件。</Notice> : null}
            {s.breakdown.map((l) => (
              <View
                key={String(l.key)}
                className={`dim-row t-dim t-dim-${String(l.key)}`}
                onClick={() => open({ measure: 'received', by: s.by, dimKey: l.key, title: `${l.label} 受理` })}
              >
                <View className="strong">{l.label} ›</View>
                <View className="muted">
                  受理 {l.received} · 办结 {l.finished} · 终止 {l.terminated} · 不予受理 {l.refused} · 按时{' '}
                  {pct(l.onTimeRate)} · 满意率 {pct(l.satisfactionRate)} · 差评 {l.bad}
                </View>
              </View>
            ))}
          </View>

          <View className="card t-reasons">
            <View className="card__title">常见问题（{s.label}）</View>
            {(
              [
                ['refusal', '不予受理原因'],
                ['termination', '终止原因'],
                ['bad', '差评原因'],
              ] as const
            ).map(([k, label]) => (
              <View key={k} className={`t-reasons-${k}`}>
                <View className="strong">{label}</View>
                {s.reasons[k].length === 0 ? (
                  <View className="muted">无</View>
                ) : (
                  s.reasons[k].map((r) => (
                    <View key={r.reason}>
                      {r.reason}：{r.count}件
                    </View>
                  ))
                )}
              </View>
            ))}
          </View>

          <ActionButton className="t-export" disabled={exported?.state === 'busy'} onClick={download}>
            {exported?.state === 'busy' ? '正在生成表格…' : `导出${s.label}台账（Excel）`}
          </ActionButton>
          {exported?.state === 'ok' && exported.data ? (
            <View className="ok t-export-done">
              已生成《{exported.data.fileName}》，共{exported.data.rows}件案件，链接1小时内有效。
              <View className="link t-export-open" onClick={() => openFile(exported.data!.url)}>
                打开表格
              </View>
            </View>
          ) : null}
          {exported?.state === 'error' ? (
            <View className="form-error t-export-error">⚠ {describeError(exported.error)}</View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
