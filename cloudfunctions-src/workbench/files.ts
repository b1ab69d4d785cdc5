import { cloud } from '../shared/cloud';
import type { ApplicantCaseFields, CaseDoc } from '../shared/db';

/** How long a link to an applicant's file stays valid: long enough to look, short enough not to be passed on. */
export const FILE_LINK_MAX_AGE_S = 600;

export type CaseFileKind = 'image' | 'pdf';
export interface CaseFile {
  kind: CaseFileKind;
  name: string;
}

type StoredCase = CaseDoc &
  ApplicantCaseFields & { acceptSignature?: { source: 'desk' | 'phone'; fileID?: string } | null };

/**
 * Every file a case refers to, by fileID: the materials (application and 补正), the signature on
 * the 代办 mandate, the receipt signature and a signature drawn at the desk for 受理. Nothing else
 * may be opened through a case.
 */
export function caseFiles(c: StoredCase): Map<string, CaseFile> {
  const out = new Map<string, CaseFile>();
  for (const m of c.materials ?? [])
    if (m.fileID) out.set(m.fileID, { kind: m.type === 'application/pdf' ? 'pdf' : 'image', name: m.name });
  if (c.mandate?.signatureFileID) out.set(c.mandate.signatureFileID, { kind: 'image', name: '代办委托书签名' });
  if (c.receipt?.signatureFileID) out.set(c.receipt.signatureFileID, { kind: 'image', name: '签收签名' });
  const accept = c.acceptSignature;
  if (accept?.fileID && !out.has(accept.fileID)) out.set(accept.fileID, { kind: 'image', name: '受理确认签字' });
  return out;
}

/** Temporary download URLs from storage, in order; null for a file storage no longer has. */
export async function signFileLinks(fileIDs: string[]): Promise<(string | null)[]> {
  const { fileList } = await cloud.getTempFileURL({
    fileList: fileIDs.map((fileID) => ({ fileID, maxAge: FILE_LINK_MAX_AGE_S })),
  });
  return fileIDs.map((id) => {
    const f = fileList.find((x) => x.fileID === id);
    return f && f.status === 0 && f.tempFileURL ? f.tempFileURL : null;
  });
}
