import type { CaseStatus } from '../../core/case-status';
import type { Category } from '../constants/categories';
import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface MyApplication {
  caseId: string;
  caseNo: string;
  matter: string;
  category: Category;
  status: CaseStatus;
  statusLabel: string;
  /** ISO 8601 instant. */
  submittedAt: string;
  unitName?: string;
  agentName?: string;
}

export interface MyApplicationList {
  items: MyApplication[];
}

/** 获取我的申请列表 */
export async function listMyApplications(): Promise<MyApplicationList> {
  return unwrap(await callCloud<CloudAnswer<MyApplicationList>>('cases', { action: 'listMine', input: {} }));
}
