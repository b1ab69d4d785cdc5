import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import type { Category } from '../../constants/categories';
import { ROUTES } from '../../constants/routes';
import { useLang } from '../../i18n';
import type { SubmittedApplication } from '../../services/cases';

/** After sending: the case number, and where to go next (follow it, book a visit, apply again). */
export default function Submitted({ done }: { done: SubmittedApplication & { category?: Category } }) {
  const { t } = useLang();
  return (
    <View>
      <View className="card t-submitted">
        <View className="title">{t('apply.done.title')}</View>
        <View>
          {t('apply.done.caseNo')}
          <Text className="strong t-case-no ltr">{done.caseNo}</Text>
        </View>
        <View className="muted">{t('apply.done.next')}</View>
      </View>
      <ActionButton
        className="t-go-case"
        onClick={() => Taro.redirectTo({ url: `${ROUTES.caseDetail}?id=${done.caseId}` })}
      >
        {t('apply.done.view')}
      </ActionButton>
      <ActionButton
        kind="secondary"
        className="t-go-book"
        onClick={() => Taro.redirectTo({ url: `${ROUTES.book}?caseId=${done.caseId}&category=${done.category ?? ''}` })}
      >
        {done.category === 'livelihood' ? t('apply.done.bookHome') : t('apply.done.book')}
      </ActionButton>
      <ActionButton kind="secondary" className="t-go-my" onClick={() => Taro.redirectTo({ url: ROUTES.my })}>
        {t('apply.done.my')}
      </ActionButton>
      <ActionButton kind="secondary" className="t-apply-again" onClick={() => Taro.redirectTo({ url: ROUTES.apply })}>
        {t('apply.done.again')}
      </ActionButton>
    </View>
  );
}
