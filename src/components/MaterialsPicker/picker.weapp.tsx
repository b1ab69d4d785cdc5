import Taro from '@tarojs/taro'
import ActionButton from '../ActionButton'
import type { PickerProps } from './index'

/** WeChat: files from a chat (PDF) or photos; both give temp paths that cloud.uploadFile takes. */
export default function PickerWeapp({ className, label, onPicked }: PickerProps) {
  const pick = async () => {
    try {
      const r = await Taro.chooseMessageFile({ count: 9, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png'] })
      onPicked(r.tempFiles.map((f) => ({ name: f.name, size: f.size, source: { filePath: f.path } })))
    } catch {
      // the applicant closed the picker: nothing to do
    }
  }
  return (
    <ActionButton kind='secondary' className={className} onClick={pick}>
      {label}
    </ActionButton>
  )
}
