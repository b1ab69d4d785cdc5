import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../components/ActionButton'
import Notice from '../../components/Notice'
import PageShell from '../../components/PageShell'
import { categoryLabel } from '../../constants/categories'
import { ROUTES } from '../../constants/routes'
import { useAsync } from '../../hooks/useAsync'
import { listMyApplications } from '../../services/listMyApplications'
import { formatChinaDateTime } from '../../utils/format'
import LoadError from '../../components/LoadError'
import { a11yRole } from '../../utils/a11y'

export default function My() {
  const list = useAsync(listMyApplications)
  const items = list.data?.items ?? []

  return (
    <PageShell>
      <View className='title'>我的申请</View>
      <ActionButton kind='secondary' className='t-go-my-bookings' onClick={() => Taro.navigateTo({ url: ROUTES.book })}>
        我的预约
      </ActionButton>

      {list.status === 'loading' && !list.data ? <Notice kind='loading'>正在加载…</Notice> : null}

      {list.status === 'error' ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : null}

      {list.status === 'ok' && items.length === 0 ? (
        <Notice
          kind='empty'
          action={
            <ActionButton className='t-go-apply' onClick={() => Taro.navigateTo({ url: ROUTES.apply })}>
              申请帮办代办
            </ActionButton>
          }
        >
          您还没有提交过帮办代办申请。
        </Notice>
      ) : null}

      {items.map((item) => (
        <View key={item.caseId} className='case t-case' {...a11yRole('link')} onClick={() => Taro.navigateTo({ url: `${ROUTES.caseDetail}?id=${item.caseId}` })}>
          <View className='case__head'>
            <View className='case__no'>编号 {item.caseNo}</View>
            <View className={`status status--${item.status} t-status`}>{item.statusLabel}</View>
          </View>
          <View className='case__matter'>{item.matter}</View>
          <View className='muted'>类别：{categoryLabel(item.category)}</View>
          <View className='muted'>提交时间：{formatChinaDateTime(item.submittedAt)}</View>
          {item.unitName ? <View className='muted'>办理单位：{item.unitName}</View> : null}
          {item.agentName ? <View className='muted'>帮代办员：{item.agentName}</View> : null}
          <View className='link'>查看详情与办理进度 ›</View>
        </View>
      ))}
    </PageShell>
  )
}
