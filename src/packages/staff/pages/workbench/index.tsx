import { View } from '@tarojs/components'
import ActionButton from '../../../../components/ActionButton'
import Notice from '../../../../components/Notice'
import PageShell from '../../../../components/PageShell'
import { categoryLabel } from '../../../../constants/categories'
import { useAsync } from '../../../../hooks/useAsync'
import { describeError, isForbidden } from '../../../../services/errors'
import { getMyProfile, isStaff, type MyProfile } from '../../../../services/getMyProfile'
import { listWorkbenchCases, type WorkbenchCaseList } from '../../../../services/listWorkbenchCases'
import { formatChinaDateTime } from '../../../../utils/format'

type Workbench =
  | { allowed: false }
  | { allowed: true; profile: MyProfile; cases: WorkbenchCaseList }

/** Asks who the caller is first, so a citizen who lands here reads 无权访问, not an error. */
async function loadWorkbench(): Promise<Workbench> {
  const profile = await getMyProfile()
  if (!isStaff(profile)) return { allowed: false }
  const cases = await listWorkbenchCases()
  return { allowed: true, profile, cases }
}

export default function WorkbenchPage() {
  const wb = useAsync(loadWorkbench)
  const denied = (wb.status === 'ok' && !wb.data.allowed) || (wb.status === 'error' && isForbidden(wb.error))

  return (
    <PageShell>
      <View className='title'>工作台</View>

      {wb.status === 'loading' && !wb.data ? <Notice kind='loading'>正在加载…</Notice> : null}

      {denied ? (
        <Notice kind='forbidden'>无权访问：工作台只对帮代办员、责任领导和政务服务中心工作人员开放。</Notice>
      ) : null}

      {wb.status === 'error' && !denied ? (
        <Notice
          kind='error'
          action={
            <ActionButton kind='secondary' className='t-retry' onClick={wb.reload}>
              重新加载
            </ActionButton>
          }
        >
          {describeError(wb.error)}
        </Notice>
      ) : null}

      {wb.data?.allowed ? (
        <View>
          {wb.data.profile.staff ? (
            <View className='muted field t-staff'>
              {wb.data.profile.staff.name} · {wb.data.profile.staff.unitName}
            </View>
          ) : null}
          {wb.data.cases.items.length === 0 ? <Notice kind='empty'>目前没有需要处理的案件。</Notice> : null}
          {wb.data.cases.items.map((item) => (
            <View key={item.caseId} className='case t-case'>
              <View className='case__head'>
                <View className='case__no'>编号 {item.caseNo}</View>
                <View className={`status status--${item.status} t-status`}>{item.statusLabel}</View>
              </View>
              <View className='case__matter'>{item.matter}</View>
              <View className='muted'>类别：{categoryLabel(item.category)}</View>
              <View className='muted'>
                申请人：{item.applicantName}，电话：{item.contactPhone}
              </View>
              <View className='muted'>办理单位：{item.unitName}</View>
              <View className='muted'>提交时间：{formatChinaDateTime(item.submittedAt)}</View>
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
