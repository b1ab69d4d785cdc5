import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { describeError, isForbidden } from '../../../../services/errors';
import { formatChinaDateTime } from '../../../../utils/format';
import '../../../../styles/staffScreens.css';
import '../../staff.css';
import ActionPanel from './ActionPanel';
import { Coordination, Materials, SupplementSent, Timeline } from './CaseSections';
import CaseSummary from './CaseSummary';
import { load } from './load';
import { useFileViewer } from './useFileViewer';

/** One case for the staff: what was asked, what happened, and the actions the rules allow now. */
export default function StaffCasePage() {
  const caseId = Taro.getCurrentInstance().router?.params?.caseId ?? '';
  const state = useAsync(() => load(caseId));
  const d = state.data?.detail;
  const c = d?.case;
  const { viewButton, fileError } = useFileViewer(c);

  const denied = state.status === 'error' && isForbidden(state.error);
  return (
    <PageShell>
      {state.status === 'loading' && !c ? <Notice kind="loading">正在加载…</Notice> : null}
      {denied ? <Notice kind="forbidden">无权访问：只有工作人员可以办理案件。</Notice> : null}
      {state.status === 'error' && !denied && !c ? <Notice kind="error">{describeError(state.error)}</Notice> : null}
      {c && d ? (
        <View>
          <CaseSummary c={c} />

          <View className="card t-application">
            <View className="card__title">申请内容</View>
            {c.application.rows.map((r) => (
              <View key={r.key} className={`app-row t-app-${r.key}`}>
                <View className="app-row__label">{r.label}</View>
                <View className="app-row__value">{r.value}</View>
              </View>
            ))}
          </View>

          {c.terminationRequest && !c.termination ? (
            <View className="card card--warn t-termination-request">
              <View className="card__title">申请人申请终止委托</View>
              <View>
                {formatChinaDateTime(c.terminationRequest.at)}：{c.terminationRequest.reason}
              </View>
              <View className="muted">请联系申请人，办理终止手续：注明原因、移交资料并确认签字（点“终止委托”）。</View>
            </View>
          ) : null}
          <SupplementSent c={c} viewButton={viewButton} />

          {c.supervisions.length ? (
            <View className="card card--warn t-supervisions">
              <View className="card__title">责任领导督办</View>
              {c.supervisions.map((s) => (
                <View key={s.at}>
                  {formatChinaDateTime(s.at)}：{s.note}
                </View>
              ))}
            </View>
          ) : null}

          <ActionPanel d={d} agents={state.data?.agents ?? []} items={state.data?.items ?? []} reload={state.reload} />

          <Coordination c={c} />

          <Materials c={c} viewButton={viewButton} fileError={fileError} />
          {c.receipt ? (
            <View className={`${c.receipt.signed ? 'muted' : 'strong'} t-receipt-state`}>
              签收：{c.receipt.sourceLabel}
              {c.receipt.at ? `（${formatChinaDateTime(c.receipt.at)}）` : ''}
            </View>
          ) : null}
          {c.acceptSignature ? (
            <View className="muted t-accept-signature">
              受理签字：{c.acceptSignature.sourceLabel}（{formatChinaDateTime(c.acceptSignature.at)}）
            </View>
          ) : null}

          <Timeline c={c} />
        </View>
      ) : null}
    </PageShell>
  );
}
