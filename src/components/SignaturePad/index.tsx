import { useImperativeHandle, useState, type ComponentType, type Ref } from 'react';
import { View } from '@tarojs/components';
import ActionButton from '../ActionButton';
import FieldError from '../FieldError';
import { describeError } from '../../services/errors';
import { uploadSignature } from '../../services/uploads';
import type { UploadSource } from '../../services/transport';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

/** What a platform's drawing surface offers: it draws, says whether anything was drawn, exports. */
export interface SurfaceProps {
  canvasId: string;
  onStroke: () => void;
  /** registers the export and clear functions of the surface */
  bind: (api: { exportImage: () => Promise<UploadSource>; clear: () => void }) => void;
}

// Resolved at build time like services/transport: each build carries only its own surface.
const Surface: ComponentType<SurfaceProps> =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./surface.h5') as typeof import('./surface.h5')).default
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./surface.weapp') as typeof import('./surface.weapp')).default;

/** Lets the form's own submit button save the drawing: no separate 确认签名 tap. */
export interface PadControl {
  /** uploads what is drawn and answers its fileID; null (with the reason shown) when the pad is empty or the upload failed */
  save: () => Promise<string | null>;
}

interface Props {
  name: string;
  label: string;
  hint?: string;
  signed: boolean;
  error?: string;
  /** called with the uploaded signature image's fileID */
  onSigned: (fileID: string) => void;
  onReset?: () => void;
  /** given: the pad has no 确认签名 button, the form's submit calls controlRef.current.save() */
  controlRef?: Ref<PadControl>;
}

/**
 * 手写签名: draw with a finger in the box, then 确认签名 (or the form's own submit, through
 * `controlRef`) saves the drawing as an image in cloud storage (H5: canvas → Blob → gateway;
 * WeChat: canvasToTempFilePath → cloud.uploadFile).
 */
export default function SignaturePad({ name, label, hint, signed, error, onSigned, onReset, controlRef }: Props) {
  const [drawn, setDrawn] = useState(false);
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [api, setApi] = useState<{ exportImage: () => Promise<UploadSource>; clear: () => void } | null>(null);

  const save = async (): Promise<string | null> => {
    if (!drawn || !api) {
      setProblem(t('sign.empty'));
      return null;
    }
    setBusy(true);
    setProblem('');
    try {
      const fileID = await uploadSignature(await api.exportImage());
      onSigned(fileID);
      return fileID;
    } catch (e) {
      setProblem(t('sign.failed', { error: describeError(e, lang) }));
      return null;
    } finally {
      setBusy(false);
    }
  };
  useImperativeHandle(controlRef, () => ({ save }));
  const again = () => {
    api?.clear();
    setDrawn(false);
    onReset?.();
  };

  return (
    <View className={`field signature t-signature-${name}${error ? ' field--invalid' : ''}`}>
      <View className="field__label">{label}</View>
      {hint ? <View className="field__hint">{hint}</View> : null}
      {signed ? (
        <View className="signature__done t-signature-done" {...a11yRole('status')}>
          {t('sign.done')}
        </View>
      ) : null}
      <View
        className={signed ? 'signature__pad signature__pad--hidden' : 'signature__pad'}
        aria-label={t('sign.area', { label })}
      >
        <Surface canvasId={`sig-${name}`} onStroke={() => setDrawn(true)} bind={(a) => setApi(() => a)} />
      </View>
      {signed ? (
        <ActionButton kind="secondary" className={`t-signature-again-${name}`} onClick={again}>
          {t('sign.again')}
        </ActionButton>
      ) : controlRef ? (
        <View className="row-buttons">
          <ActionButton kind="secondary" className={`t-signature-clear-${name}`} onClick={again}>
            {t('sign.clear')}
          </ActionButton>
        </View>
      ) : (
        <View className="row-buttons">
          <ActionButton kind="secondary" className={`t-signature-clear-${name}`} onClick={again}>
            {t('sign.clear')}
          </ActionButton>
          <ActionButton className={`t-signature-confirm-${name}`} disabled={busy} onClick={() => void save()}>
            {busy ? t('sign.saving') : t('sign.confirm')}
          </ActionButton>
        </View>
      )}
      <FieldError name={`signature-${name}`} text={problem || error} />
    </View>
  );
}
