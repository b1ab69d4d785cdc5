import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface FileLink {
  fileID: string;
  /** a temporary download URL (valid about ten minutes) */
  url: string;
  kind: 'image' | 'pdf';
  name: string;
}

export interface FileLinks {
  files: FileLink[];
  expiresAt: string;
}

/** 工作人员查看申请人上传的文件：本案的材料与签名，换取短时有效的下载链接（按请求的顺序） */
export async function getFileLinks(caseId: string, fileIDs: string[]): Promise<FileLinks> {
  return unwrap(
    await callCloud<CloudAnswer<FileLinks>>('workbench', { action: 'fileLink', input: { caseId, fileIDs } }),
  );
}
