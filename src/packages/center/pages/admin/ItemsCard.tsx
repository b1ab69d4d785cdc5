import { Textarea, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import { saveServiceItem } from '../../../../services/centerAdmin';
import { a11yRole } from '../../../../utils/a11y';
import { Chips, type SettingsProps } from './settingsKit';

/** 服务事项与承诺时限: tap an item to edit it, with its 材料清单. */
export default function ItemsCard({ d, form, set, run, text }: SettingsProps) {
  return (
    <View className="card t-settings-items">
      <View className="card__title">服务事项与承诺时限</View>
      {d.settings.serviceItems.length === 0 ? <View className="muted">还没有登记服务事项。</View> : null}
      {d.settings.serviceItems.map((s) => (
        <View
          key={s.itemId}
          className="line t-service-item"
          {...a11yRole('button')}
          onClick={() =>
            Object.entries({
              iId: s.itemId,
              iName: s.name,
              iUnit: s.unitId,
              iWindow: s.window,
              iDays: String(s.committedWorkingDays),
              iMaterials: (s.materials ?? []).join('\n'),
            }).forEach(([k, v]) => set(k, v))
          }
        >
          {s.name} · {d.units.units.find((u) => u.unitId === s.unitId)?.name ?? s.unitId} · {s.window} ·{' '}
          {s.committedWorkingDays}个工作日
          <View className="muted">材料清单：{s.materials?.length ? s.materials.join('；') : '未填写'}（点按修改）</View>
        </View>
      ))}
      {text('iId', '事项编号（小写字母、数字、连字符）')}
      {text('iName', '事项名称')}
      <View className="field__label">负责单位</View>
      <Chips
        form={form}
        set={set}
        name="iUnit"
        options={d.units.units.map((u) => ({ value: u.unitId, label: u.name }))}
      />
      {text('iWindow', '办理窗口')}
      {text('iDays', '承诺时限（工作日）')}
      <View className="field__label">材料清单（每行一项，申请人在申请表和申请详情看到）</View>
      <Textarea
        className="textarea t-s-iMaterials"
        value={form.iMaterials ?? ''}
        maxlength={2000}
        autoHeight
        placeholder={'申请人身份证\n户口簿'}
        aria-label="材料清单"
        onInput={(e) => set('iMaterials', e.detail.value)}
      />
      <ActionButton
        kind="secondary"
        className="t-save-item"
        onClick={() =>
          run('服务事项已保存', () =>
            saveServiceItem({
              itemId: form.iId ?? '',
              name: form.iName ?? '',
              unitId: form.iUnit || 'center',
              window: form.iWindow ?? '',
              committedWorkingDays: Number(form.iDays),
              materials: (form.iMaterials ?? '')
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean),
            }),
          )
        }
      >
        保存事项
      </ActionButton>
    </View>
  );
}
