import { useRef } from 'react';
import Taro from '@tarojs/taro';
import ActionButton from '../ActionButton';
import WxPrivacyPrompt from '../WxPrivacyPrompt';
import { FILE_LIMITS } from '../../services/uploads';
import type { PickedFile, PickerProps } from './index';
import { useLang } from '../../i18n';

/** Quality WeChat's compressImage is asked for when a photo is still over the limit. */
const RECOMPRESS_QUALITY = 60;

/**
 * WeChat: photos from the camera or the album (chooseMedia, compressed by WeChat; the usual way to
 * hand in an ID card or a licence on a phone), and PDF files from a chat (chooseMessageFile, which
 * filters by extension only with type 'file'). Both give temp paths that cloud.uploadFile takes.
 */
export default function PickerWeapp({ className, onPicked }: PickerProps) {
  // chooseMedia gives temp paths without a name: the applicant and staff see 照片1.jpg, 照片2.jpg…
  const taken = useRef(0);
  const { t } = useLang();

  const photos = async () => {
    let r: Taro.chooseMedia.SuccessCallbackResult;
    try {
      r = await Taro.chooseMedia({
        count: 9,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        sizeType: ['compressed'],
      });
    } catch {
      return; // the applicant closed the camera or the album
    }
    const files: PickedFile[] = [];
    for (const f of r.tempFiles) {
      const ext = /\.png$/i.test(f.tempFilePath) ? 'png' : 'jpg';
      let filePath = f.tempFilePath;
      let size = f.size;
      // a photo still over the server's limit: WeChat re-compresses it to a JPEG rather than refuse it
      if (size > FILE_LIMITS['image/jpeg']) {
        try {
          filePath = (await Taro.compressImage({ src: filePath, quality: RECOMPRESS_QUALITY })).tempFilePath;
          size = (await statSize(filePath)) ?? size;
        } catch {
          // keep the original: the size check names it as too big
        }
      }
      taken.current += 1;
      files.push({
        name: `${t('files.photoName', { n: taken.current })}.${filePath === f.tempFilePath ? ext : 'jpg'}`,
        size,
        source: { filePath },
      });
    }
    if (files.length > 0) onPicked(files);
  };

  const pdfs = async () => {
    try {
      const r = await Taro.chooseMessageFile({ count: 9, type: 'file', extension: ['pdf'] });
      onPicked(r.tempFiles.map((f) => ({ name: f.name, size: f.size, source: { filePath: f.path } })));
    } catch {
      // the applicant closed the picker: nothing to do
    }
  };

  return (
    <>
      <ActionButton kind="secondary" className={`${className}-photo`} onClick={photos}>
        {t('files.photo.weapp')}
      </ActionButton>
      <ActionButton kind="secondary" className={`${className}-pdf`} onClick={pdfs}>
        {t('files.pdf.weapp')}
      </ActionButton>
      <WxPrivacyPrompt uses={t('files.uses')} />
    </>
  );
}

/** The size of a temp file (after compressImage, which does not say it). */
function statSize(filePath: string): Promise<number | null> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath,
      success: (r) => resolve(r.size),
      fail: () => resolve(null),
    });
  });
}
