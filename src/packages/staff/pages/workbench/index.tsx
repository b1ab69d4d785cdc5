import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { categoryLabel } from '../../../../constants/categories';
import { useAsync } from '../../../../hooks/useAsync';
import { isForbidden } from '../../../../services/errors';
import { getMyProfile, isStaff, type MyProfile } from '../../../../services/session';
import {
  listWorkbenchCases,
  type WorkbenchCase,
  type WorkbenchCaseList,
  type WorkbenchQueue,
} from '../../../../services/workbench';
import { formatChinaDateTime } from '../../../../utils/format';
import '../../../../styles/staffScreens.css';
import '../../staff.css';
import LoadError from '../../../../components/LoadError';
import { a11yRole } from '../../../../utils/a11y';

type Workbench = { allowed: false } | { allowed: true; profile: MyProfile; cases: WorkbenchCaseList };

const PAGE = 20;
const QUEUES: { q: WorkbenchQueue; label: string; alert?: boolean }[] = [
  { q: 'open', label: '全部在办' },
  { q: 'new', label: '新申请' },
  { q: 'handling', label: '办理中' },
  { q: 'waiting', label: '等申请人' },
  { q: 'dueSoon', label: '即将到期', alert: true },
  { q: 'overdue', label: '已超期', alert: true },
  { q: 'ended', label: '已结束' },
];
const ROLE_TITLE: Record<string, string> = { agent: '我的案件', leader: '本单位案件', center: '全部案件' };

/** Asks who the caller is first, so a citizen who lands here reads 无权访问 (and can bind an invite code). */
async function loadWorkbench(queue: WorkbenchQueue, agentId?: string): Promise<Workbench> {
  const profile = await getMyProfile();
  if (!isStaff(profile)) return { allowed: false };
  const cases = await listWorkbenchCases({ queue, limit: PAGE, offset: 0, ...(agentId ? { agentId } : {}) });
  return { allowed: true, profile, cases };
}

const go = (url: string) => Taro.navigateTo({ url });

export default function WorkbenchPage() {
  // a leader or the center opens one agent's cases from the team page (filtered on the server)
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const agentId = params.agentId || undefined;
  const agentName = params.agentName ? decodeURIComponent(params.agentName) : '';
  const [queue, setQueue] = useState<WorkbenchQueue>('open');
  const [more, setMore] = useState<WorkbenchCase[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const wb = useAsync(() => loadWorkbench(queue, agentId));
  const denied = (wb.status === 'ok' && !wb.data.allowed) || (wb.status === 'error' && isForbidden(wb.error));

  function pick(q: WorkbenchQueue) {
    setQueue(q);
    setMore([]);
    // useAsync keeps the loader in a ref; reload after the state change is applied
    setTimeout(() => wb.reload(), 0);
  }

  const data = wb.data?.allowed ? wb.data : null;
  const items = data ? [...data.cases.items, ...more] : [];
  const total = data?.cases.total ?? items.length;

  async function loadMore() {
    setLoadingMore(true);
    try {
      const next = await listWorkbenchCases({
        queue,
        limit: PAGE,
        offset: items.length,
        ...(agentId ? { agentId } : {}),
      });
      setMore((m) => [...m, ...next.items]);
    } finally {
      setLoadingMore(false);
    }
  }

  const staff = data?.profile.staff;
  return (
    <PageShell>
      <View className="title">{staff ? (ROLE_TITLE[staff.role] ?? '工作台') : '工作台'}</View>

      {wb.status === 'loading' && !wb.data ? <Notice kind="loading">正在加载…</Notice> : null}

      {denied ? (
        <Notice
          kind="forbidden"
          action={
            <ActionButton kind="secondary" className="t-go-bind" onClick={() => go('/packages/staff/pages/bind/index')}>
              我有邀请码，绑定工作人员身份
            </ActionButton>
          }
        >
          无权访问：工作台只对帮代办员、责任领导和政务服务中心工作人员开放。
        </Notice>
      ) : null}

      {wb.status === 'error' && !denied ? <LoadError error={wb.error} onRetry={wb.reload} /> : null}

      {data ? (
        <View>
          {staff ? (
            <View className="muted field t-staff">
              {staff.name} · {staff.unitName}
            </View>
          ) : null}
          <View className="links">
            <View className="link t-go-desk" onClick={() => go('/packages/staff/pages/desk/index')}>
              预约签到与代客预约
            </View>
            {staff?.role === 'leader' || staff?.role === 'center' ? (
              <View className="link t-go-team" onClick={() => go('/packages/staff/pages/team/index')}>
                帮代办员工作量
              </View>
            ) : null}
            <View className="link t-go-bad-ratings" onClick={() => go('/packages/staff/pages/bad-ratings/index')}>
              差评回访整改
            </View>
            {staff?.role === 'leader' || staff?.role === 'center' ? (
              <View className="link t-go-ledger" onClick={() => go('/packages/ledger/pages/index/index')}>
                台账统计
              </View>
            ) : null}
            {staff?.role === 'center' && staff.admin ? (
              <View className="link t-go-admin" onClick={() => go('/packages/center/pages/admin/index')}>
                人员与设置
              </View>
            ) : null}
          </View>
          {agentId ? <View className="ok t-agent-filter">只看帮代办员 {agentName || agentId} 经办的案件</View> : null}
          <View className="queues">
            {QUEUES.map(({ q, label, alert }) => {
              const n = data.cases.counts?.[q];
              return (
                <View
                  key={q}
                  className={`queue t-queue-${q}${queue === q ? ' queue--on' : ''}${alert && n ? ' queue--alert' : ''}`}
                  onClick={() => pick(q)}
                  {...a11yRole('tab')}
                  aria-selected={queue === q ? 'true' : 'false'}
                >
                  {label}
                  {n !== undefined ? ` ${n}` : ''}
                </View>
              );
            })}
          </View>
          {items.length === 0 ? <Notice kind="empty">这个队列里没有案件。</Notice> : null}
          {items.map((item) => (
            <View
              key={item.caseId}
              className={`case t-case t-case-${item.caseNo}`}
              onClick={() => go(`/packages/staff/pages/case/index?caseId=${item.caseId}`)}
            >
              <View className="case__head">
                <View className="case__no">编号 {item.caseNo}</View>
                <View className={`status status--${item.status} t-status`}>{item.statusLabel}</View>
              </View>
              <View className="case__matter">{item.matter}</View>
              <View className="muted">类别：{categoryLabel(item.category)}</View>
              <View className="muted">
                申请人：{item.applicantName}，电话：{item.contactPhone}
              </View>
              <View className="muted">
                办理单位：{item.unitName}
                {item.agentName ? ` · ${item.agentName}` : ' · 未分派'}
                {item.firstAgentName && item.firstAgentName !== item.agentName ? `（首问 ${item.firstAgentName}）` : ''}
              </View>
              {item.deadline?.label ? (
                <View className={`deadline deadline--${item.deadline.level}`}>{item.deadline.label}</View>
              ) : null}
              {(item.applicantAsks ?? []).map((a) => (
                <View key={a} className="warn t-applicant-ask">
                  ⚠ {a}
                </View>
              ))}
              <View className="muted">提交时间：{formatChinaDateTime(item.submittedAt)}</View>
            </View>
          ))}
          {items.length < total ? (
            <ActionButton kind="secondary" className="t-more" disabled={loadingMore} onClick={loadMore}>
              {loadingMore ? '正在加载…' : `加载更多（还有${total - items.length}件）`}
            </ActionButton>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
