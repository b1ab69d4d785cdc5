import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { isForbidden } from '../../../../services/errors';
import {
  listLedgerRows,
  type LedgerDimension,
  type LedgerMeasure,
  type LedgerPeriod,
  type LedgerRowView,
} from '../../../../services/ledger';
import '../../ledger.css';
import '../../../../styles/staffScreens.css';

const PAGE = 20;

/** The cases behind one figure of the ledger (drill-down); each opens the staff case page. */
export default function LedgerRowsPage() {
  const p = Taro.getCurrentInstance().router?.params ?? {};
  const dec = (v?: string) => (v === undefined ? undefined : decodeURIComponent(v));
  const query = {
    period: (p.period ?? 'month') as LedgerPeriod,
    ...(p.key ? { key: dec(p.key) } : {}),
    ...(p.unitId ? { unitId: dec(p.unitId) } : {}),
    measure: (p.measure ?? 'received') as LedgerMeasure,
    ...(p.by
      ? { by: p.by as LedgerDimension, dimKey: p.dimKey === undefined || p.dimKey === 'null' ? null : dec(p.dimKey) }
      : {}),
  };
  const title = dec(p.title) ?? '';
  const rows = useAsync(() => listLedgerRows({ ...query, limit: PAGE, offset: 0 }));
  const [more, setMore] = useState<LedgerRowView[]>([]);
  const [busy, setBusy] = useState(false);
  const denied = rows.status === 'error' && isForbidden(rows.error);
  const items = [...(rows.data?.items ?? []), ...more];
  async function loadMore() {
    setBusy(true);
    try {
      const next = await listLedgerRows({ ...query, limit: PAGE, offset: items.length });
      setMore((m) => [...m, ...next.items]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <PageShell>
      <View className="title t-drill-title">
        {rows.data ? `${rows.data.label} · ${title}：${rows.data.total}件` : title}
      </View>
      {rows.status === 'loading' && !rows.data ? <Notice kind="loading">正在加载案件…</Notice> : null}
      {denied ? <Notice kind="forbidden">无权访问：台账只对责任领导和政务服务中心开放。</Notice> : null}
      {rows.status === 'error' && !denied ? <LoadError error={rows.error} onRetry={rows.reload} /> : null}
      {rows.data && items.length === 0 ? <Notice kind="empty">没有案件。</Notice> : null}
      <View className="card t-drill">
        {items.map((r) => (
          <View
            key={r.caseId}
            className={`ledger-row t-row t-row-${r.caseNo}`}
            onClick={() => Taro.navigateTo({ url: `/packages/staff/pages/case/index?caseId=${r.caseId}` })}
          >
            <View className="strong">
              {r.caseNo} · {r.outcomeLabel}
              {r.onTimeLabel ? `（${r.onTimeLabel}）` : ''} ›
            </View>
            <View>{r.matter}</View>
            <View className="muted">
              {r.categoryLabel} · 申请人 {r.applicant} · {r.unitName} · {r.agentName}
            </View>
            <View className="muted">
              申请 {r.receivedOn}
              {r.endedOn ? ` · 结束 ${r.endedOn}` : ''}
              {r.limitDays !== null ? ` · 时限 ${r.limitDays} 个工作日` : ''}
              {r.usedDays !== null ? `，用时 ${r.usedDays}` : ''}
            </View>
            {r.departments.length ? <View className="muted">并联审批：{r.departments.join('、')}</View> : null}
            <View className="muted t-row-rating">
              评价：{r.ratingLabel}
              {r.badLabel ? ` · 差评：${r.badLabel}` : ''}
            </View>
          </View>
        ))}
      </View>
      {rows.data && items.length < rows.data.total ? (
        <ActionButton kind="secondary" className="t-more" disabled={busy} onClick={loadMore}>
          {busy ? '正在加载…' : `加载更多（还有${rows.data.total - items.length}件）`}
        </ActionButton>
      ) : null}
    </PageShell>
  );
}
