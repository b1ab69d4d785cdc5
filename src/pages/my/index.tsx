import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import Notice from '../../components/Notice';
import PageShell from '../../components/PageShell';
import { ROUTES } from '../../constants/routes';
import { useAsync } from '../../hooks/useAsync';
import { listMyApplications } from '../../services/cases';
import { formatChinaDateTime } from '../../utils/format';
import LoadError from '../../components/LoadError';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

export default function My() {
  const list = useAsync(listMyApplications);
  const items = list.data?.items ?? [];
  const { t } = useLang();

  return (
    <PageShell>
      <View className="title">{t('my.title')}</View>
      <ActionButton kind="secondary" className="t-go-my-bookings" onClick={() => Taro.navigateTo({ url: ROUTES.book })}>
        {t('my.bookings')}
      </ActionButton>

      {list.status === 'loading' && !list.data ? <Notice kind="loading">{t('common.loading')}</Notice> : null}

      {list.status === 'error' ? <LoadError error={list.error} onRetry={list.reload} /> : null}

      {list.status === 'ok' && items.length === 0 ? (
        <Notice
          kind="empty"
          action={
            <ActionButton className="t-go-apply" onClick={() => Taro.navigateTo({ url: ROUTES.apply })}>
              {t('my.apply')}
            </ActionButton>
          }
        >
          {t('my.empty')}
        </Notice>
      ) : null}

      {items.map((item) => (
        <View
          key={item.caseId}
          className="case t-case"
          {...a11yRole('link')}
          onClick={() => Taro.navigateTo({ url: `${ROUTES.caseDetail}?id=${item.caseId}` })}
        >
          <View className="case__head">
            <View className="case__no">{t('my.caseNo', { caseNo: item.caseNo })}</View>
            <View className={`status status--${item.status} t-status`}>{t(`status.${item.status}`)}</View>
          </View>
          <View className="case__matter">{item.matter}</View>
          <View className="muted">{t('my.category', { category: t(`category.${item.category}`) })}</View>
          <View className="muted">{t('my.submittedAt', { time: formatChinaDateTime(item.submittedAt) })}</View>
          {item.unitName ? <View className="muted">{t('my.unit', { unit: item.unitName })}</View> : null}
          {item.agentName ? <View className="muted">{t('my.agent', { agent: item.agentName })}</View> : null}
          <View className="link">
            {t('common.more')} {t('common.moreArrow')}
          </View>
        </View>
      ))}
    </PageShell>
  );
}
