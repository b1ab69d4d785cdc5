import { View } from '@tarojs/components';
import FieldError from '../FieldError';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

interface Props<V extends string> {
  name: string;
  label: string;
  hint?: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V[];
  onChange: (value: V[]) => void;
  error?: string;
}

/** Several answers may apply: each row is a large checkbox that says 已选 in words. */
export default function CheckGroup<V extends string>({ name, label, hint, options, value, onChange, error }: Props<V>) {
  const { t } = useLang();
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <View className="field__label">{label}</View>
      {hint ? <View className="field__hint">{hint}</View> : null}
      <View className="choices" {...a11yRole('group')} aria-label={label}>
        {options.map((o) => {
          const on = value.includes(o.value);
          return (
            <View
              key={o.value}
              className={`choice${on ? ' choice--on' : ''} t-${name}-${o.value}`}
              onClick={() => onChange(on ? value.filter((v) => v !== o.value) : [...value, o.value])}
              {...a11yRole('checkbox')}
              aria-checked={on ? 'true' : 'false'}
            >
              <View className="choice__mark" aria-hidden="true">
                {on ? '☑' : '☐'}
              </View>
              <View className="choice__body">
                <View className="choice__label">
                  {o.label}
                  {on ? t('common.chosen') : ''}
                </View>
              </View>
            </View>
          );
        })}
      </View>
      <FieldError name={name} text={error} />
    </View>
  );
}
