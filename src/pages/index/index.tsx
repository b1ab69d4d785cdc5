import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../components/ActionButton'
import PageShell from '../../components/PageShell'
import { CATEGORIES } from '../../constants/categories'
import {
  CENTER_EXTRA_SERVICE_NOTE,
  CENTER_HOURS,
  CENTER_HOURS_ARE_DEMO,
  CENTER_NAME,
} from '../../constants/center'
import { ROUTES } from '../../constants/routes'
import { useAsync } from '../../hooks/useAsync'
import { useElderMode } from '../../hooks/useElderMode'
import { getMyProfile, isStaff } from '../../services/getMyProfile'

export default function Index() {
  const [elder, setElder] = useElderMode()
  // Only decides whether to offer the workbench; a failure just hides that button.
  const profile = useAsync(getMyProfile)
  const staff = profile.status === 'ok' && isStaff(profile.data)

  return (
    <PageShell>
      <View
        className={`toggle t-elder-toggle${elder ? ' toggle--on' : ''}`}
        onClick={() => setElder(!elder)}
        role='switch'
        aria-role='switch'
        aria-checked={elder ? 'true' : 'false'}
      >
        <View className='strong'>长辈版（大字大按钮）</View>
        <View className='toggle__state'>{elder ? '已开启' : '未开启'}</View>
      </View>

      <View className='title'>{CENTER_NAME}帮办代办</View>

      <View className='card'>
        <View className='card__title'>什么是帮办代办？</View>
        <View>
          办事遇到困难，可以请中心的工作人员帮您办（帮办），或者委托工作人员替您办（代办）。
        </View>
        <View className='muted'>
          <View className='tag'>免费</View>
          <View className='tag'>自愿</View>
        </View>
        <View className='muted'>全程不收任何费用；办不办、选帮办还是代办，都由您决定，可随时终止。</View>
      </View>

      <View className='card t-scope'>
        <View className='card__title'>哪些事可以申请</View>
        {CATEGORIES.map((c) => (
          <View key={c.value} className={`scope t-scope-${c.value}`}>
            <View className='scope__label'>{c.label}</View>
            <View className='muted'>{c.description}</View>
          </View>
        ))}
      </View>

      <View className='card t-hours'>
        <View className='card__title'>办公时间</View>
        {CENTER_HOURS.map((h) => (
          <View key={h.days}>
            {h.days}：{h.periods.join('，')}
          </View>
        ))}
        <View className='muted'>{CENTER_EXTRA_SERVICE_NOTE}</View>
        {CENTER_HOURS_ARE_DEMO ? <View className='muted'>（演示数据，以中心公告为准）</View> : null}
      </View>

      <ActionButton className='t-go-apply' onClick={() => Taro.navigateTo({ url: ROUTES.apply })}>
        申请帮办代办
      </ActionButton>
      <ActionButton kind='secondary' className='t-go-my' onClick={() => Taro.navigateTo({ url: ROUTES.my })}>
        我的申请
      </ActionButton>
      {staff ? (
        <ActionButton
          kind='secondary'
          className='t-go-workbench'
          onClick={() => Taro.navigateTo({ url: ROUTES.workbench })}
        >
          进入工作台
        </ActionButton>
      ) : null}
    </PageShell>
  )
}
