import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface ActResult {
  status: string;
  statusLabel: string;
  version: number;
  event: { label: string; at: string };
  notifications: { kind: string; label: string }[];
}

/** 执行一步办理操作（由规则核心判定）；受理时可附申请人在本机当面手写的签名 */
export async function actOnCase(
  caseId: string,
  version: number,
  action: Record<string, unknown>,
  signatureFileID?: string,
): Promise<ActResult> {
  return unwrap(
    await callCloud<CloudAnswer<ActResult>>('workbench', {
      action: 'act',
      input: { caseId, version, action, ...(signatureFileID ? { signatureFileID } : {}) },
    }),
  );
}
