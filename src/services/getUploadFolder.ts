import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface UploadFolders {
  materials: string;
  signatures: string;
}

let asked: Promise<UploadFolders> | null = null;

/**
 * 本人的上传目录：the functions accept only files under the caller's own folder, so every upload
 * goes there. Asked once per launch (a failure is asked again next time).
 */
export function getUploadFolder(): Promise<UploadFolders> {
  if (!asked) {
    asked = callCloud<CloudAnswer<UploadFolders>>('cases', { action: 'uploadFolder', input: {} }).then(unwrap);
    asked.catch(() => {
      asked = null;
    });
  }
  return asked;
}
