import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../ActionButton';
import Notice from '../Notice';
import { ROUTES } from '../../constants/routes';
import { useAsync } from '../../hooks/useAsync';
import { agreePrivacy, getPrivacyStatus } from '../../services/applicant';
import { describeError } from '../../services/errors';
import LoadError from '../LoadError';
import { a11yRole } from '../../utils/a11y';
import PrivacyAgreeButton from '../PrivacyAgreeButton';
import { useLang } from '../../i18n';

/**
 * Nothing personal is asked before the applicant has agreed to the 用户隐私保护指引: the children
 * (a form) appear only after consent, which is stored per WeChat user on the server. On WeChat the
 * agree button is also WeChat's own consent record, so WeChat's popup never asks a second time.
 */
export default function PrivacyGate({ purpose, children }: { purpose: string; children: ReactNode }) {
  const status = useAsync(getPrivacyStatus);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { t, lang } = useLang();

  if (agreed || (status.status === 'ok' && status.data.agreed)) return <>{children}</>;
  if (status.status === 'loading') return <Notice kind="loading">{t('common.loading')}</Notice>;
  if (status.status === 'error') return <LoadError error={status.error} onRetry={status.reload} />;
  const agree = async () => {
    setBusy(true);
    setError('');
    try {
      await agreePrivacy(status.data.version);
      setAgreed(true);
    } catch (e) {
      setError(describeError(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card t-privacy">
      <View className="card__title">{t('privacyGate.title')}</View>
      <View>
        {purpose}
        {lang === 'zh' ? '' : ': '}
        {t('privacyGate.body')}
      </View>
      <View
        className="link t-privacy-read"
        {...a11yRole('link')}
        onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}
      >
        {t('privacyGate.read')}
      </View>
      {error ? (
        <View className="form-error" {...a11yRole('alert')}>
          ⚠ {error}
        </View>
      ) : null}
      <PrivacyAgreeButton className="t-privacy-agree" disabled={busy} onAgree={agree}>
        {busy ? t('privacyGate.saving') : t('privacyGate.agree')}
      </PrivacyAgreeButton>
      <ActionButton
        kind="secondary"
        className="t-privacy-decline"
        onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: ROUTES.home }))}
      >
        {t('privacyGate.back')}
      </ActionButton>
    </View>
  );
}
