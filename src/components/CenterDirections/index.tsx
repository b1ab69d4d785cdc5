import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import ActionButton from '../ActionButton';
import { CENTER_TEXT } from '../../constants/center';
import { useAsync } from '../../hooks/useAsync';
import { getCenterLocation, type CenterLocation } from '../../services/center';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

/** A map page for the browser build, where there is no openLocation map. */
export const mapLink = (l: CenterLocation) =>
  `https://uri.amap.com/marker?position=${l.longitude},${l.latitude}&name=${encodeURIComponent(l.name)}&coordinate=gaode&callnative=1`;

/**
 * 到中心怎么走: the address and hours in words, and one tap to the map (WeChat: openLocation with
 * the center's point from its settings; H5: a map link). Nothing shows when the location cannot be read.
 */
export default function CenterDirections() {
  const loc = useAsync(getCenterLocation);
  const [failed, setFailed] = useState(false);
  const { t, lang } = useLang();
  const l = loc.data;
  if (!l) return null;
  const open = () => {
    setFailed(false);
    if (process.env.TARO_ENV === 'h5') {
      window.open(mapLink(l), '_blank');
      return;
    }
    Taro.openLocation({
      latitude: l.latitude,
      longitude: l.longitude,
      name: l.name,
      address: l.address,
      scale: 17,
    }).catch((e: { errMsg?: string }) => {
      if (!/cancel/i.test(e?.errMsg ?? '')) setFailed(true);
    });
  };
  return (
    <View className="card t-directions">
      <View className="card__title">{t('directions.title')}</View>
      <View className="t-center-address">
        {l.name}：{l.address}
      </View>
      <View className="muted">
        {t('directions.hours')}
        {/* the regular hours come first in each language's list */}
        {[CENTER_TEXT[lang].hours[0]].map((h) => `${h.days} ${h.periods.join(lang === 'zh' ? '；' : '؛ ')}`)}
      </View>
      <ActionButton kind="secondary" className="btn--small t-open-map" onClick={open}>
        {t('directions.go')}
      </ActionButton>
      {failed ? (
        <View className="field-error" {...a11yRole('alert')}>
          {t('directions.failed', { address: l.address })}
        </View>
      ) : null}
    </View>
  );
}
