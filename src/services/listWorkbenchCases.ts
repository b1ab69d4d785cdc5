import { callCloud } from './transport'
import { unwrap, type CloudAnswer } from './result'

export interface WorkbenchCase {
  caseId: string
  caseNo: string
  matter: string
  category: string
  status: string
  statusLabel: string
  /** ISO 8601 instant. */
  submittedAt: string
  /** Masked by the server, e.g. 张*兰. */
  applicantName: string
  /** Masked by the server, e.g. 138****5678. */
  contactPhone: string
  unitName: string
}

export interface WorkbenchCaseList {
  items: WorkbenchCase[]
}

/** 获取工作台待办案件列表 */
export async function listWorkbenchCases(): Promise<WorkbenchCaseList> {
  return unwrap(await callCloud<CloudAnswer<WorkbenchCaseList>>('workbench', { action: 'listCases', input: {} }))
}
