import { useState } from 'react';
import { View } from '@tarojs/components';
import { useAsync } from '../../hooks/useAsync';
import { getServiceCatalogue, itemForMatter, type CatalogueItem } from '../../services/center';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

function List({ item }: { item: CatalogueItem }) {
  const { t } = useLang();
  return (
    <View className="t-matter-materials-list">
      <View className="strong">{t('materials.for', { name: item.name })}</View>
      {item.materials.map((m, i) => (
        <View key={i}>
          {i + 1}. {m}
        </View>
      ))}
      <View className="muted">
        {item.unitName ? `${item.unitName} · ` : ''}
        {t('materials.promise', { window: item.window, days: item.committedWorkingDays })}
      </View>
    </View>
  );
}

/**
 * 材料清单 from the center's catalogue of matters: the list for the matter the applicant names, and
 * (on the application form, `browse`) every matter's list one tap away. Says nothing when the
 * catalogue cannot be read: it is a help, never a step in the way.
 */
export default function MatterMaterials({ matter, browse = false }: { matter: string; browse?: boolean }) {
  const catalogue = useAsync(getServiceCatalogue);
  const [picked, setPicked] = useState<string | null>(null);
  const { t } = useLang();
  const items = (catalogue.data?.items ?? []).filter((i) => i.materials.length > 0);
  if (items.length === 0) return null;
  const named = itemForMatter(items, matter);
  const shown = items.find((i) => i.itemId === picked) ?? named;
  if (!browse && !named) return null;
  return (
    <View className="card t-matter-materials">
      <View className="card__title">{t('materials.title')}</View>
      {shown ? <List item={shown} /> : <View className="muted">{t('materials.pick')}</View>}
      {browse ? (
        <View className="chips">
          {items.map((i) => (
            <View
              key={i.itemId}
              className={`chip t-matter-item t-matter-item-${i.itemId}${shown?.itemId === i.itemId ? ' chip--on' : ''}`}
              onClick={() => setPicked(i.itemId)}
              {...a11yRole('radio')}
              aria-checked={shown?.itemId === i.itemId ? 'true' : 'false'}
            >
              {shown?.itemId === i.itemId ? '✓ ' : ''}
              {i.name}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
