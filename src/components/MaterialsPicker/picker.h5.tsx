import type { ChangeEvent } from 'react';
import type { PickerProps } from './index';
import { useLang } from '../../i18n';

/**
 * H5: real file inputs behind large buttons, matching the WeChat build's two ways: photos (a phone's
 * browser offers the camera or the gallery) and PDF files.
 */
export default function PickerH5({ className, onPicked }: PickerProps) {
  const { t } = useLang();
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (list.length > 0) onPicked(list.map((f) => ({ name: f.name, size: f.size, mime: f.type, source: { blob: f } })));
  };
  return (
    <>
      <label className={`btn btn--secondary ${className}-photo`}>
        {t('files.photo')}
        <input
          type="file"
          multiple
          accept="image/jpeg,image/png"
          className="visually-hidden t-file-input"
          onChange={change}
        />
      </label>
      <label className={`btn btn--secondary ${className}-pdf`}>
        {t('files.pdf')}
        <input
          type="file"
          multiple
          accept="application/pdf"
          className="visually-hidden t-file-input"
          onChange={change}
        />
      </label>
    </>
  );
}
