import { View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import { saveUnit } from '../../../../services/centerAdmin';
import { a11yRole } from '../../../../utils/a11y';
import type { AdminData } from './index';
import { Chips, type SettingsProps } from './settingsKit';

/** 单位及归口行业: tap a unit to edit it; industries are picked from the list the server keeps. */
export default function UnitsCard({ d, form, set, run, text }: SettingsProps) {
  function editUnit(u: AdminData['units']['units'][number]) {
    set('uId', u.unitId);
    set('uName', u.name);
    set('uKind', u.kind);
    set('uInd', u.industries.map((i) => i.industry).join(','));
  }
  const unitIndustries = (form.uInd ?? '').split(',').filter(Boolean);
  const toggleIndustry = (i: string) =>
    set(
      'uInd',
      (unitIndustries.includes(i) ? unitIndustries.filter((x) => x !== i) : [...unitIndustries, i]).join(','),
    );

  return (
    <View className="card t-settings-units">
      <View className="card__title">单位及归口行业</View>
      {d.units.units.map((u) => (
        <View key={u.unitId} className="line t-unit" onClick={() => editUnit(u)} {...a11yRole('button')}>
          {u.name}：{u.industries.map((i) => i.label).join('、') || '—'}{' '}
          <View className="link" style={{ display: 'inline-flex' }}>
            修改
          </View>
        </View>
      ))}
      {text('uId', '单位编号（新增时填写）')}
      {text('uName', '单位名称')}
      <Chips
        form={form}
        set={set}
        name="uKind"
        options={[
          { value: 'department', label: '审批部门' },
          { value: 'center', label: '政务服务中心' },
        ]}
      />
      <View className="field__label">归口行业（点选）</View>
      <View className="chips">
        {d.units.industries.map((i) => (
          <View
            key={i.industry}
            className={`chip t-industry-${i.industry}${unitIndustries.includes(i.industry) ? ' chip--on' : ''}`}
            onClick={() => toggleIndustry(i.industry)}
            {...a11yRole('checkbox')}
            aria-checked={unitIndustries.includes(i.industry) ? 'true' : 'false'}
          >
            {unitIndustries.includes(i.industry) ? '✓ ' : ''}
            {i.label}
          </View>
        ))}
      </View>
      <ActionButton
        kind="secondary"
        className="t-save-unit"
        onClick={() =>
          run(`${form.uName ?? ''} 已保存`, () =>
            saveUnit({
              unitId: (form.uId ?? '').trim(),
              name: (form.uName ?? '').trim(),
              kind: form.uKind === 'center' ? 'center' : 'department',
              // in the order tapped, each one of the industries the server lists
              industries: unitIndustries.flatMap((x) =>
                d.units.industries.filter((i) => i.industry === x).map((i) => i.industry),
              ),
            }),
          )
        }
      >
        保存单位
      </ActionButton>
    </View>
  );
}
