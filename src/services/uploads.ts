import { getUploadFolder } from './cases';
import { uploadFile, type ApiInput, type UploadSource } from './transport';

/** What the functions store about an uploaded file (an application's or a 补正's materials). */
export type MaterialMeta = ApiInput<'cases', 'sendSupplement'>['materials'][number];

/** The same limits the functions enforce (cloudfunctions-src/shared/applicant.ts FILE_LIMITS). */
export const FILE_LIMITS: Record<MaterialMeta['type'], number> = {
  'image/jpeg': 5 * 1024 * 1024,
  'image/png': 5 * 1024 * 1024,
  'application/pdf': 10 * 1024 * 1024,
};
export const MAX_FILES = 20;

export function fileTypeOf(name: string, mime?: string): MaterialMeta['type'] | null {
  const m = (mime ?? '').toLowerCase();
  if (m === 'image/jpeg' || m === 'image/png' || m === 'application/pdf') return m;
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  if (ext === 'pdf') return 'application/pdf';
  return null;
}

/** Checks a picked file before uploading; answers a sentence for the applicant or null. */
export function checkFile(name: string, size: number, mime?: string): string | null {
  const type = fileTypeOf(name, mime);
  if (!type) return `“${name}”不是照片（JPG、PNG）或 PDF 文件，不能上传。`;
  if (size <= 0) return `“${name}”是空文件。`;
  if (size > FILE_LIMITS[type])
    return `“${name}”太大了：${type === 'application/pdf' ? 'PDF 文件' : '照片'}不能超过 ${FILE_LIMITS[type] / 1024 / 1024} MB。`;
  return null;
}

const randomPart = () => Math.random().toString(36).slice(2, 10);

/** 上传材料：把一个文件传到云存储中本人的 materials/ 目录下，答复要提交给函数的元数据。 */
export async function uploadMaterial(
  file: { name: string; size: number; mime?: string; source: UploadSource },
  onProgress?: (p: number) => void,
): Promise<MaterialMeta> {
  const type = fileTypeOf(file.name, file.mime);
  if (!type) throw new Error('unsupported type');
  const ext = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
  const folder = await getUploadFolder();
  const { fileID } = await uploadFile(
    `${folder.materials}${Date.now()}-${randomPart()}.${ext}`,
    file.source,
    onProgress,
  );
  return { fileID, name: file.name.slice(0, 100), size: file.size, type };
}

/** 上传签名：把手写签名图片传到云存储中本人的 signatures/ 目录下（工作人员当面签名时是工作人员的目录）。 */
export async function uploadSignature(source: UploadSource): Promise<string> {
  const folder = await getUploadFolder();
  const { fileID } = await uploadFile(`${folder.signatures}${Date.now()}-${randomPart()}.png`, source);
  return fileID;
}
