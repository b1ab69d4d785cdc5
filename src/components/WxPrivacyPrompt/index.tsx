import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../ActionButton';
import PrivacyAgreeButton from '../PrivacyAgreeButton';
import { ROUTES } from '../../constants/routes';
import { answerPrivacy, watchPrivacyNeeded } from '../../utils/wxPrivacy';
import { a11yRole } from '../../utils/a11y';

/**
 * Shown only when WeChat asks for consent before a privacy API (wx.onNeedPrivacyAuthorization):
 * the applicant agreed on our server, but not yet on this phone. A card over the bottom of the
 * screen, where they just tapped; the form under it keeps what was typed. Renders nothing otherwise.
 */
export default function WxPrivacyPrompt({ uses }: { uses: string }) {
  const [asked, setAsked] = useState(false);
  useEffect(() => watchPrivacyNeeded(setAsked), []);
  if (!asked) return null;
  return (
    <View className="card privacy-over t-wx-privacy" {...a11yRole('dialog')}>
      <View className="card__title">请先同意《用户隐私保护指引》</View>
      <View>{uses}。这些只用于帮办代办服务，不会用于其他用途。</View>
      <View
        className="link t-privacy-read"
        {...a11yRole('link')}
        onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}
      >
        阅读《用户隐私保护指引》全文 ›
      </View>
      <PrivacyAgreeButton className="t-wx-privacy-agree" onAgree={() => answerPrivacy(true)}>
        我已阅读并同意
      </PrivacyAgreeButton>
      <ActionButton kind="secondary" className="t-wx-privacy-decline" onClick={() => answerPrivacy(false)}>
        不同意
      </ActionButton>
    </View>
  );
}
