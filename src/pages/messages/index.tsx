import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../components/ActionButton'
import Notice from '../../components/Notice'
import PageShell from '../../components/PageShell'
import { useAsync } from '../../hooks/useAsync'
import { listMessages } from '../../services/listMessages'
import { markMessagesRead } from '../../services/markMessagesRead'
import LoadError from '../../components/LoadError'

/**
 * 消息: everything the system told me, whether or not WeChat delivered the push, so a refused
 * subscription or a lost push never leaves anyone uninformed.
 */
export default function Messages() {
  const list = useAsync(() => listMessages())
  const items = list.data?.items ?? []

  const open = (page: string, id: string) => {
    void markMessagesRead([id]).catch(() => undefined)
    void Taro.navigateTo({ url: `/${page}` })
  }

  return (
    <PageShell>
      <View className='title'>消息</View>
      {list.data && list.data.unread > 0 ? (
        <View className='muted'>
          {list.data.unread} 条未读
          <ActionButton kind='secondary' className='t-mark-all-read' onClick={() => void markMessagesRead().then(list.reload)}>
            全部标为已读
          </ActionButton>
        </View>
      ) : null}

      {list.status === 'loading' && !list.data ? <Notice kind='loading'>正在加载…</Notice> : null}
      {list.status === 'error' ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : null}
      {list.status === 'ok' && items.length === 0 ? <Notice kind='empty'>还没有消息。申请受理、办理进度、办结时都会在这里通知您。</Notice> : null}

      {items.map((m) => (
        <View key={m.id} className={`case t-message ${m.read ? '' : 'case--unread'}`} onClick={() => open(m.page, m.id)}>
          <View className='case__head'>
            <View className='case__no'>
              {m.read ? '' : '【未读】'}
              {m.title}
            </View>
          </View>
          <View className='case__matter'>{m.note}</View>
          <View className='muted'>编号：{m.caseNo}</View>
          <View className='muted'>事项：{m.matter}</View>
          <View className='muted'>时间：{m.time}</View>
          <View className='muted'>微信通知：{m.pushLabel}</View>
        </View>
      ))}
    </PageShell>
  )
}
