import type { ApplicantType, Category, ServiceMode } from '../constants/categories';
import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { MaterialMeta } from './uploadMaterial';

export interface ApplicationInput {
  category: Category;
  applicantType: ApplicantType;
  /** What the applicant needs done, in their own words (≤ 200 characters). */
  matter: string;
  contactName: string;
  contactPhone: string;
  mode: ServiceMode;
  /** generated once per form (幂等): a double tap or a retry gets the same case */
  requestId: string;
  applicantName: string;
  idNumber?: string;
  uscc?: string;
  details: Record<string, unknown>;
  materials: MaterialMeta[];
  mandate?: { text: string; signatureFileID: string };
  commitment?: boolean;
}

export interface SubmittedApplication {
  caseId: string;
  caseNo: string;
  status: string;
  repeated?: boolean;
}

/** 提交帮办代办申请 */
export async function submitApplication(input: ApplicationInput): Promise<SubmittedApplication> {
  return unwrap(await callCloud<CloudAnswer<SubmittedApplication>>('cases', { action: 'submit', input }));
}
