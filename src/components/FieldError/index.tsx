import { View } from '@tarojs/components';
import { a11yRole } from '../../utils/a11y';

/** An error said in words with a marker, never by a red border alone. */
export default function FieldError({ name, text }: { name: string; text?: string }) {
  if (!text) return null;
  return (
    <View className={`field-error t-error-${name}`} {...a11yRole('alert')}>
      ⚠ {text}
    </View>
  );
}
