import { View } from '@tarojs/components';
import PageShell from '../../components/PageShell';
import { useLang } from '../../i18n';

/**
 * 用户隐私保护指引: what is collected, why, how it is kept, and the applicant's rights (PIPL). The
 * phone functions listed are what WeChat requires the guide to declare for the privacy APIs the app
 * calls (chooseMedia: 摄像头 and 选中的照片; chooseMessageFile: 选中的文件); the same list goes into the
 * mini-program's privacy settings on mp.weixin.qq.com.
 */
const SECTIONS = ['collect', 'device', 'use', 'protect', 'subscribe', 'rights'] as const;

export default function Privacy() {
  const { t } = useLang();
  return (
    <PageShell>
      <View className="title">{t('privacy.title')}</View>
      {SECTIONS.map((k) => (
        <View key={k} className="card">
          <View className="card__title">{t(`privacy.${k}`)}</View>
          <View>{t(`privacy.${k}.body`)}</View>
        </View>
      ))}
    </PageShell>
  );
}
