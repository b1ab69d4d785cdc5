import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../components/ActionButton'
import PageShell from '../../components/PageShell'
import { CATEGORIES } from '../../constants/categories'
import {
  CENTER_EXTRA_SERVICE_NOTE,
  CENTER_HOURS,
  CENTER_ADDRESS,
  CENTER_HOTLINE,
  CENTER_HOURS_ARE_DEMO,
  CENTER_NAME,
} from '../../constants/center'
import { ROUTES } from '../../constants/routes'
import { useAsync } from '../../hooks/useAsync'
import { elderModeFollowsSystem, useElderMode } from '../../hooks/useElderMode'
import { getMyProfile, isStaff } from '../../services/getMyProfile'
import { a11yRole } from '../../utils/a11y'

export default function Index() {
  const [elder, setElder] = useElderMode()
  // Only decides whether to offer the workbench; a failure just hides that button.
  const profile = useAsync(getMyProfile)
  const staff = profile.status === 'ok' && isStaff(profile.data)

  const applyButton = (
    <ActionButton className='t-go-apply' onClick={() => Taro.navigateTo({ url: ROUTES.apply })}>
      申请帮办代办
    </ActionButton>
  )
  const myButton = (
    <ActionButton kind='secondary' className='t-go-my' onClick={() => Taro.navigateTo({ url: ROUTES.my })}>
      我的申请
    </ActionButton>
  )

  return (
    <PageShell>
      <View
        className={`toggle t-elder-toggle${elder ? ' toggle--on' : ''}`}
        onClick={() => setElder(!elder)}
        {...a11yRole('switch')}
        aria-checked={elder ? 'true' : 'false'}
      >
        <View className='strong'>长辈版（大字大按钮）</View>
        <View className='toggle__state'>{elder ? '已开启' : '未开启'}</View>
      </View>
      {elderModeFollowsSystem() && elder ? <View className='muted t-elder-follows'>已按您微信里的“字体大小”设置自动开启。</View> : null}

      <View className='title'>{CENTER_NAME}帮办代办</View>
      {/* 长辈版 text is large: what she came for goes on the first screen, the explanations below it */}
      {elder ? (
        <View className='home-first t-home-first'>
          {applyButton}
          {myButton}
        </View>
      ) : null}

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
        <View className='card__title'>服务时间（北京时间）</View>
        {CENTER_HOURS.map((h) => (
          <View key={h.kind + h.days} className='hours'>
            <View className='tag tag--kind'>{h.kind}</View>
            {h.days}：{h.periods.join('；')}
          </View>
        ))}
        <View className='t-hotline'>咨询热线：{CENTER_HOTLINE}</View>
        <View className='t-address'>地址：{CENTER_ADDRESS}</View>
        <View className='muted'>{CENTER_EXTRA_SERVICE_NOTE}</View>
        {CENTER_HOURS_ARE_DEMO ? <View className='muted'>（演示数据，以中心公告为准）</View> : null}
      </View>

      {elder ? null : applyButton}
      <ActionButton kind='secondary' className='t-go-eligibility' onClick={() => Taro.navigateTo({ url: ROUTES.eligibility })}>
        先测一测能不能申请
      </ActionButton>
      <ActionButton kind='secondary' className='t-go-book' onClick={() => Taro.navigateTo({ url: ROUTES.book })}>
        预约到中心办理（含延时、错时、上门）
      </ActionButton>
      {elder ? null : myButton}
      <ActionButton kind='secondary' className='t-go-messages' onClick={() => Taro.navigateTo({ url: ROUTES.messages })}>
        消息（受理、进度、办结通知）
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
