import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import PageShell from '../../components/PageShell';
import { CATEGORIES } from '../../constants/categories';
import { CENTER_HOTLINE, CENTER_HOURS_ARE_DEMO, CENTER_TEXT } from '../../constants/center';
import LangSwitch from '../../components/LangSwitch';
import { useLang } from '../../i18n';
import { ROUTES } from '../../constants/routes';
import { useAsync } from '../../hooks/useAsync';
import { elderModeFollowsSystem, useElderMode } from '../../hooks/useElderMode';
import { getMyProfile, isStaff } from '../../services/session';
import { a11yRole } from '../../utils/a11y';

export default function Index() {
  const [elder, setElder] = useElderMode();
  // Only decides whether to offer the workbench; a failure just hides that button.
  const profile = useAsync(getMyProfile);
  const staff = profile.status === 'ok' && isStaff(profile.data);
  const { lang, t } = useLang();
  const center = CENTER_TEXT[lang];

  const applyButton = (
    <ActionButton className="t-go-apply" onClick={() => Taro.navigateTo({ url: ROUTES.apply })}>
      {t('home.apply')}
    </ActionButton>
  );
  const myButton = (
    <ActionButton kind="secondary" className="t-go-my" onClick={() => Taro.navigateTo({ url: ROUTES.my })}>
      {t('home.my')}
    </ActionButton>
  );

  return (
    <PageShell>
      <LangSwitch />
      <View
        className={`toggle t-elder-toggle${elder ? ' toggle--on' : ''}`}
        onClick={() => setElder(!elder)}
        {...a11yRole('switch')}
        aria-checked={elder ? 'true' : 'false'}
      >
        <View className="strong">{t('home.elder')}</View>
        <View className="toggle__state">{elder ? t('home.elder.on') : t('home.elder.off')}</View>
      </View>
      {elderModeFollowsSystem() && elder ? (
        <View className="muted t-elder-follows">{t('home.elder.follows')}</View>
      ) : null}

      <View className="title">{t('home.title', { center: center.name })}</View>
      {/* 长辈版 text is large: what she came for goes on the first screen, the explanations below it */}
      {elder ? (
        <View className="home-first t-home-first">
          {applyButton}
          {myButton}
        </View>
      ) : null}

      <View className="card">
        <View className="card__title">{t('home.what')}</View>
        <View>{t('home.what.body')}</View>
        <View className="muted">
          <View className="tag">{t('home.free')}</View>
          <View className="tag">{t('home.voluntary')}</View>
        </View>
        <View className="muted">{t('home.free.body')}</View>
      </View>

      <View className="card t-scope">
        <View className="card__title">{t('home.scope')}</View>
        {CATEGORIES.map((c) => (
          <View key={c.value} className={`scope t-scope-${c.value}`}>
            <View className="scope__label">{t(`category.${c.value}`)}</View>
            <View className="muted">{t(`category.${c.value}.desc`)}</View>
          </View>
        ))}
      </View>

      <View className="card t-hours">
        <View className="card__title">{t('home.hours')}</View>
        {center.hours.map((h) => (
          <View key={h.kind + h.days} className="hours">
            <View className="tag tag--kind">{h.kind}</View>
            {h.days}
            {lang === 'zh' ? '：' : ': '}
            {h.periods.join(lang === 'zh' ? '；' : '؛ ')}
          </View>
        ))}
        <View className="t-hotline">{t('home.hotline', { phone: CENTER_HOTLINE })}</View>
        <View className="t-address">{t('home.address', { address: center.address })}</View>
        <View className="muted">{center.extraServiceNote}</View>
        {CENTER_HOURS_ARE_DEMO ? <View className="muted">{t('home.demo')}</View> : null}
      </View>

      {elder ? null : applyButton}
      <ActionButton
        kind="secondary"
        className="t-go-eligibility"
        onClick={() => Taro.navigateTo({ url: ROUTES.eligibility })}
      >
        {t('home.check')}
      </ActionButton>
      <ActionButton kind="secondary" className="t-go-book" onClick={() => Taro.navigateTo({ url: ROUTES.book })}>
        {t('home.book')}
      </ActionButton>
      {elder ? null : myButton}
      <ActionButton
        kind="secondary"
        className="t-go-messages"
        onClick={() => Taro.navigateTo({ url: ROUTES.messages })}
      >
        {t('home.messages')}
      </ActionButton>
      {staff ? (
        <ActionButton
          kind="secondary"
          className="t-go-workbench"
          onClick={() => Taro.navigateTo({ url: ROUTES.workbench })}
        >
          {t('home.workbench')}
        </ActionButton>
      ) : null}
    </PageShell>
  );
}
