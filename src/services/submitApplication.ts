import type { ApplicantType, Category, ServiceMode } from '../constants/categories'
import { callCloud } from './transport'
import { unwrap, type CloudAnswer } from './result'

export interface ApplicationInput {
  category: Category
  applicantType: ApplicantType
  /** What the applicant needs done, in their own words (≤ 200 characters). */
  matter: string
  contactName: string
  contactPhone: string
  mode: ServiceMode
}

export interface SubmittedApplication {
  caseId: string
  caseNo: string
  status: string
}

/** 提交帮办代办申请 */
export async function submitApplication(input: ApplicationInput): Promise<SubmittedApplication> {
  return unwrap(await callCloud<CloudAnswer<SubmittedApplication>>('cases', { action: 'submit', input }))
}
