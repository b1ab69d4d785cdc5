import { useState } from 'react';
import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import { useAsync } from '../../../../hooks/useAsync';
import { listAudit, type AuditEntry, type AuditKind } from '../../../../services/centerAdmin';
import { formatChinaDateTime } from '../../../../utils/format';
import { a11yRole } from '../../../../utils/a11y';

const KINDS: { value: AuditKind | ''; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'settings', label: '设置' },
  { value: 'calendar', label: '节假日' },
  { value: 'serviceItem', label: '服务事项' },
  { value: 'unit', label: '单位' },
  { value: 'staff', label: '人员' },
  { value: 'invite', label: '邀请码' },
  { value: 'subscribeTemplate', label: '消息模板' },
  { value: 'case', label: '查看电话' },
  { value: 'booking', label: '查看电话（预约）' },
];

/** A value as the administrator reads it: "key：value；…" for a record, cut when long. */
function show(v: unknown): string {
  if (v === null || v === undefined) return '（无）';
  const t =
    typeof v === 'object' && !Array.isArray(v)
      ? Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .map(([k, x]) => `${k}：${typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)}`)
          .join('；')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

/** 审计记录: every change to settings, staff and roles — who, when, what, before and after; filtered and paged on the server. */
export default function AuditTab() {
  const [kind, setKind] = useState<AuditKind | ''>('');
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const page = useAsync(() => listAudit(kind ? { kind } : {}), kind);
  const items = page.data ? [...page.data.items, ...more] : [];
  const total = page.data?.total ?? 0;

  async function loadMore() {
    setLoadingMore(true);
    try {
      const next = await listAudit({ ...(kind ? { kind } : {}), offset: items.length });
      setMore((m) => [...m, ...next.items]);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <View className="t-audit-tab">
      <View className="chips">
        {KINDS.map((k) => (
          <View
            key={k.value || 'all'}
            className={`chip t-audit-kind-${k.value || 'all'}${kind === k.value ? ' chip--on' : ''}`}
            onClick={() => {
              setMore([]);
              setKind(k.value);
            }}
            {...a11yRole('radio')}
            aria-checked={kind === k.value ? 'true' : 'false'}
          >
            {k.label}
          </View>
        ))}
      </View>
      {page.status === 'loading' && !page.data ? <Notice kind="loading">正在加载审计记录…</Notice> : null}
      {page.status === 'error' ? <LoadError error={page.error} onRetry={page.reload} /> : null}
      {page.data && items.length === 0 ? <Notice kind="empty">没有这类变更记录。</Notice> : null}
      {items.map((a, i) => (
        <View key={i} className="case t-audit">
          <View className="case__head">
            <View className="strong">{a.whatLabel}</View>
            <View className="muted">{formatChinaDateTime(a.at)}</View>
          </View>
          <View className="muted">
            {/* a reveal names the case by its number, not its internal id */}
            {a.by} ·{' '}
            {a.target.kind === 'case' && a.after && typeof a.after === 'object' && 'caseNo' in a.after
              ? `案件 ${String((a.after as { caseNo: unknown }).caseNo)}`
              : a.target.id}
          </View>
          <View className="muted audit__value">之前：{show(a.before)}</View>
          <View className="audit__value">之后：{show(a.after)}</View>
        </View>
      ))}
      {items.length < total ? (
        <ActionButton kind="secondary" className="t-audit-more" disabled={loadingMore} onClick={loadMore}>
          {loadingMore ? '正在加载…' : `加载更多（还有${total - items.length}条）`}
        </ActionButton>
      ) : null}
    </View>
  );
}
