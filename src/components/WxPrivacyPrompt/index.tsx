import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../ActionButton';
import PrivacyAgreeButton from '../PrivacyAgreeButton';
import { ROUTES } from '../../constants/routes';
import { answerPrivacy, watchPrivacyNeeded } from '../../utils/wxPrivacy';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

/**
 * Shown only when WeChat asks for consent before a privacy API (wx.onNeedPrivacyAuthorization):
 * the applicant agreed on our server, but not yet on this phone. A card over the bottom of the
 * screen, where they just tapped; the form under it keeps what was typed. Renders nothing otherwise.
 */
export default function WxPrivacyPrompt({ uses }: { uses: string }) {
  const [asked, setAsked] = useState(false);
  const { t } = useLang();
  useEffect(() => watchPrivacyNeeded(setAsked), []);
  if (!asked) return null;
  return (
    <View className="card privacy-over t-wx-privacy" {...a11yRole('dialog')}>
      <View className="card__title">{t('privacyGate.first')}</View>
      <View>{t('privacyGate.uses', { uses })}</View>
      <View
        className="link t-privacy-read"
        {...a11yRole('link')}
        onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}
      >
        {t('privacyGate.read')}
      </View>
      <PrivacyAgreeButton className="t-wx-privacy-agree" onAgree={() => answerPrivacy(true)}>
        {t('privacyGate.agree')}
      </PrivacyAgreeButton>
      <ActionButton kind="secondary" className="t-wx-privacy-decline" onClick={() => answerPrivacy(false)}>
        {t('privacyGate.refuse')}
      </ActionButton>
    </View>
  );
}
