import { View } from '@tarojs/components'

/** An error said in words with a marker, never by a red border alone. */
export default function FieldError({ name, text }: { name: string; text?: string }) {
  if (!text) return null
  return (
    <View className={`field-error t-error-${name}`} role='alert'>
      ⚠ {text}
    </View>
  )
}
