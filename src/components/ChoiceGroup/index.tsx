import { View } from '@tarojs/components';
import type { Choice } from '../../constants/categories';
import FieldError from '../FieldError';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

interface Props<V extends string> {
  /** Field name; also names the test hooks `t-<name>-<value>`. */
  name: string;
  label: string;
  options: ReadonlyArray<Choice<V>>;
  value?: V;
  onChange: (value: V) => void;
  error?: string;
}

/**
 * Radio-style choice where the whole row, description included, is the tap target; the
 * chosen row says 已选 in words as well as changing colour.
 */
export default function ChoiceGroup<V extends string>({ name, label, options, value, onChange, error }: Props<V>) {
  const { t } = useLang();
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <View className="field__label">{label}</View>
      <View className="choices" {...a11yRole('radiogroup')} aria-label={label}>
        {options.map((o) => {
          const on = o.value === value;
          return (
            <View
              key={o.value}
              className={`choice${on ? ' choice--on' : ''} t-${name}-${o.value}`}
              onClick={() => onChange(o.value)}
              {...a11yRole('radio')}
              aria-checked={on ? 'true' : 'false'}
            >
              <View className="choice__mark" aria-hidden="true">
                {on ? '●' : '○'}
              </View>
              <View className="choice__body">
                <View className="choice__label">
                  {o.label}
                  {on ? t('common.chosen') : ''}
                </View>
                <View className="choice__desc">{o.description}</View>
              </View>
            </View>
          );
        })}
      </View>
      <FieldError name={name} text={error} />
    </View>
  );
}
