import { useState, type ComponentType } from 'react';
import { View } from '@tarojs/components';
import ActionButton from '../ActionButton';
import FieldError from '../FieldError';
import { describeError } from '../../services/errors';
import { FILE_LIMITS, fileTypeOf, MAX_FILES, uploadMaterial, type MaterialMeta } from '../../services/uploads';
import type { UploadSource } from '../../services/transport';
import { a11yRole } from '../../utils/a11y';
import { useLang } from '../../i18n';

type T = ReturnType<typeof useLang>['t'];

export interface PickedFile {
  name: string;
  size: number;
  mime?: string;
  source: UploadSource;
}

export interface PickerProps {
  /** test-hook prefix: the photo picker gets `-photo`, the PDF picker `-pdf` */
  className: string;
  onPicked: (files: PickedFile[]) => void;
}

// Each build carries only its own way to pick files (H5: <input type=file>; WeChat: chooseMedia for
// photos, chooseMessageFile for PDFs).
const Picker: ComponentType<PickerProps> =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./picker.h5') as typeof import('./picker.h5')).default
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./picker.weapp') as typeof import('./picker.weapp')).default;

interface Props {
  name: string;
  label: string;
  hint?: string;
  files: MaterialMeta[];
  onChange: (files: MaterialMeta[]) => void;
  error?: string;
  /** files the server refused, by their index in `files`: shown on the file itself, by name */
  refused?: Record<number, string>;
}

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** The checks of services/uploadMaterial checkFile, said in the reader's language. */
function fileProblem(t: T, name: string, size: number, mime?: string): string | null {
  const type = fileTypeOf(name, mime);
  if (!type) return t('files.badType', { name });
  if (size <= 0) return t('files.empty', { name });
  const max = FILE_LIMITS[type] / 1024 / 1024;
  if (size > FILE_LIMITS[type])
    return t(type === 'application/pdf' ? 'files.pdfTooBig' : 'files.photoTooBig', { name, max });
  return null;
}

/**
 * 上传材料: photos (JPG, PNG ≤ 5 MB) and PDF files (≤ 10 MB), each uploaded to cloud storage at once
 * with its progress shown in words; a file that is too big or of another kind is refused by name.
 */
export default function MaterialsPicker({ name, label, hint, files, onChange, error, refused = {} }: Props) {
  const [progress, setProgress] = useState<{ name: string; percent: number }[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const { t, lang } = useLang();

  const picked = async (chosen: PickedFile[]) => {
    const errs: string[] = [];
    const ok = chosen.filter((f) => {
      const p = fileProblem(t, f.name, f.size, f.mime);
      if (p) errs.push(p);
      return !p;
    });
    const room = MAX_FILES - files.length;
    if (ok.length > room) errs.push(t('files.tooMany', { max: MAX_FILES }));
    const todo = ok.slice(0, Math.max(0, room));
    setProgress(todo.map((f) => ({ name: f.name, percent: 0 })));
    const done: MaterialMeta[] = [];
    for (const f of todo) {
      try {
        done.push(
          await uploadMaterial(f, (percent) =>
            setProgress((list) => list.map((x) => (x.name === f.name ? { ...x, percent } : x))),
          ),
        );
      } catch (e) {
        errs.push(t('files.failed', { name: f.name, error: describeError(e, lang) }));
      }
    }
    setProgress([]);
    setProblems(errs);
    if (done.length > 0) onChange([...files, ...done]);
  };

  return (
    <View className={`field t-materials-${name}${error ? ' field--invalid' : ''}`}>
      <View className="field__label">{label}</View>
      {hint ? <View className="field__hint">{hint}</View> : null}
      {files.length === 0 && progress.length === 0 ? <View className="muted">{t('files.none')}</View> : null}
      {files.map((f, i) => (
        <View key={f.fileID} className={`file t-file${refused[i] ? ' t-file-refused' : ''}`}>
          {/* uploaded is not accepted: a file the server refused says so, by name, instead of ✓ */}
          {refused[i] ? (
            <View className="file__name field-error" {...a11yRole('alert')}>
              {t('files.refused', { name: f.name, problem: refused[i] })}
            </View>
          ) : (
            <View className="file__name">{t('files.uploaded', { name: f.name, size: sizeText(f.size) })}</View>
          )}
          <ActionButton
            kind="secondary"
            className={`btn--small t-file-remove-${i}`}
            onClick={() => onChange(files.filter((x) => x.fileID !== f.fileID))}
          >
            {t('files.remove', { name: f.name })}
          </ActionButton>
        </View>
      ))}
      {progress.map((p) => (
        <View key={p.name} className="file t-upload-progress" {...a11yRole('status')}>
          {t('files.uploading', { name: p.name, percent: p.percent })}
          <View className="progress">
            <View className="progress__bar" style={{ width: `${p.percent}%` }} />
          </View>
        </View>
      ))}
      <Picker className={`t-pick-${name}`} onPicked={picked} />
      {problems.map((p, i) => (
        <FieldError key={i} name={`${name}-${i}`} text={p} />
      ))}
      <FieldError name={name} text={error} />
    </View>
  );
}
