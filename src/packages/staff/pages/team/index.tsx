import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { describeError, isForbidden } from '../../../../services/errors';
import { getUnitLoad } from '../../../../services/workbench';
import '../../../../styles/staffScreens.css';
import '../../staff.css';
import { a11yRole } from '../../../../utils/a11y';

/** §四(二) 责任领导: each agent's load in the unit (open, waiting for the applicant, overdue). */
export default function TeamPage() {
  const unitId = Taro.getCurrentInstance().router?.params?.unitId;
  const load = useAsync(() => getUnitLoad(unitId));
  const denied = load.status === 'error' && isForbidden(load.error);
  return (
    <PageShell>
      <View className="title">帮代办员工作量</View>
      {load.status === 'loading' && !load.data ? <Notice kind="loading">正在加载…</Notice> : null}
      {denied ? <Notice kind="forbidden">无权访问：只有责任领导和政务服务中心可以查看。</Notice> : null}
      {load.status === 'error' && !denied ? <Notice kind="error">{describeError(load.error)}</Notice> : null}
      {load.data ? (
        <View>
          {load.data.unassigned ? <View className="warn">未分派的申请：{load.data.unassigned} 件</View> : null}
          {load.data.agents.map((a) => (
            <View
              key={a.staffId}
              className="case t-agent"
              {...a11yRole('link')}
              onClick={() =>
                Taro.navigateTo({
                  url: `/packages/staff/pages/workbench/index?agentId=${a.staffId}&agentName=${encodeURIComponent(a.name)}`,
                })
              }
            >
              <View className="case__head">
                <View className="strong">{a.name}</View>
                <View className="muted">{a.onDuty ? '在岗' : '不在岗'}</View>
              </View>
              <View>
                在办 {a.open} 件 · 等申请人 {a.waiting} 件 ·{' '}
                <View className={a.overdue ? 'warn' : ''} style={{ display: 'inline' }}>
                  已超期 {a.overdue} 件
                </View>
              </View>
              <View className="muted">点按查看他经办的案件 ›</View>
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
