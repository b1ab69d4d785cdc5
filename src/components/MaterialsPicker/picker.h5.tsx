import { useRef, type ChangeEvent } from 'react'
import type { PickerProps } from './index'

/** H5: a real file input behind a large button (photos from the camera or gallery, PDF files). */
export default function PickerH5({ className, label, onPicked }: PickerProps) {
  const input = useRef<HTMLInputElement | null>(null)
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(e.target.files ?? [])
    e.target.value = ''
    if (list.length > 0) onPicked(list.map((f) => ({ name: f.name, size: f.size, mime: f.type, source: { blob: f } })))
  }
  return (
    <label className={`btn btn--secondary ${className}`}>
      {label}
      <input ref={input} type='file' multiple accept='image/jpeg,image/png,application/pdf' className='visually-hidden t-file-input' onChange={change} />
    </label>
  )
}
