import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import Notice from '../../components/Notice';
import PageShell from '../../components/PageShell';
import { useAsync } from '../../hooks/useAsync';
import { listMessages, markMessagesRead } from '../../services/notify';
import LoadError from '../../components/LoadError';
import { useLang } from '../../i18n';
import { messageWords } from './words';

/**
 * 消息: everything the system told me, whether or not WeChat delivered the push, so a refused
 * subscription or a lost push never leaves anyone uninformed.
 */
export default function Messages() {
  const list = useAsync(() => listMessages());
  const items = list.data?.items ?? [];
  const { t, lang } = useLang();

  const open = (page: string, id: string) => {
    void markMessagesRead([id]).catch(() => undefined);
    void Taro.navigateTo({ url: `/${page}` });
  };

  return (
    <PageShell>
      <View className="title">{t('messages.title')}</View>
      {list.data && list.data.unread > 0 ? (
        <View className="muted">
          {t('messages.unread', { n: list.data.unread })}
          <ActionButton
            kind="secondary"
            className="t-mark-all-read"
            onClick={() => void markMessagesRead().then(list.reload)}
          >
            {t('messages.markAllRead')}
          </ActionButton>
        </View>
      ) : null}

      {list.status === 'loading' && !list.data ? <Notice kind="loading">{t('common.loading')}</Notice> : null}
      {list.status === 'error' ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && items.length === 0 ? <Notice kind="empty">{t('messages.empty')}</Notice> : null}

      {items
        .map((m) => ({ m, w: messageWords(m, t, lang) }))
        .map(({ m, w }) => (
          <View
            key={m.id}
            className={`case t-message ${m.read ? '' : 'case--unread'}`}
            onClick={() => open(m.page, m.id)}
          >
            <View className="case__head">
              <View className="case__no">
                {m.read ? '' : t('messages.unreadTag')}
                {w.title}
              </View>
            </View>
            <View className="case__matter">{w.note}</View>
            <View className="muted">{t('messages.caseNo', { caseNo: m.caseNo })}</View>
            <View className="muted">{t('messages.matter', { matter: w.matter })}</View>
            <View className="muted">{t('messages.time', { time: w.time })}</View>
            <View className="muted">{t('messages.push', { push: t(`push.${m.push}`) })}</View>
          </View>
        ))}
    </PageShell>
  );
}
