import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface WorkbenchCase {
  caseId: string;
  caseNo: string;
  version?: number;
  matter: string;
  category: string;
  status: string;
  statusLabel: string;
  /** ISO 8601 instant. */
  submittedAt: string;
  /** Masked by the server, e.g. 张*兰. */
  applicantName: string;
  /** Masked by the server, e.g. 138****5678. */
  contactPhone: string;
  unitName: string;
  agentName?: string | null;
  firstAgentName?: string | null;
  dueOn?: string | null;
  deadline?: { level: string; label: string };
  /** what the applicant did from the phone that waits for the staff (补正 uploads, asking to terminate) */
  applicantAsks?: string[];
}

export type WorkbenchQueue = 'open' | 'new' | 'handling' | 'waiting' | 'dueSoon' | 'overdue' | 'ended' | 'all';

export interface WorkbenchQuery {
  queue?: WorkbenchQueue;
  agentId?: string;
  unitId?: string;
  limit?: number;
  offset?: number;
}

export interface WorkbenchCaseList {
  items: WorkbenchCase[];
  total?: number;
  counts?: Partial<Record<WorkbenchQueue, number>>;
  today?: string;
}

/** 获取工作台案件列表（服务端按队列筛选、分页） */
export async function listWorkbenchCases(query: WorkbenchQuery = {}): Promise<WorkbenchCaseList> {
  return unwrap(await callCloud<CloudAnswer<WorkbenchCaseList>>('workbench', { action: 'listCases', input: query }));
}
