import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../ActionButton';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

/** What the phone dials: digits (and a leading +) only, so "0996-5012345" dials as written. */
export const dialable = (phone: string) => phone.replace(/[^\d+]/g, '');

interface Props {
  phone: string;
  /** what the button says, e.g. "拨打帮代办员 陈静" */
  label: string;
  className?: string;
}

/**
 * One tap to call (wx.makePhoneCall opens the dialer with the number filled in). Cancelling the
 * dialer is not an error; a phone that cannot call says so in words, with the number to dial.
 */
export default function CallButton({ phone, label, className }: Props) {
  const [failed, setFailed] = useState(false);
  const { t } = useLang();
  const call = () => {
    setFailed(false);
    Taro.makePhoneCall({ phoneNumber: dialable(phone) }).catch((e: { errMsg?: string }) => {
      if (!/cancel/i.test(e?.errMsg ?? '')) setFailed(true);
    });
  };
  return (
    <View>
      <ActionButton kind="secondary" className={`btn--small${className ? ` ${className}` : ''}`} onClick={call}>
        ☎ {label}
      </ActionButton>
      {failed ? (
        <View className="field-error" {...a11yRole('alert')}>
          {t('call.failed', { phone })}
        </View>
      ) : null}
    </View>
  );
}
