import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface StaffTimelineEvent {
  at: string;
  label: string;
  statusLabel: string;
  by: string;
  note: string | null;
  action: string;
  channel: string | null;
}

export interface StaffCaseDetail {
  caseId: string;
  caseNo: string;
  version: number;
  matter: string;
  category: string;
  categoryLabel: string;
  status: string;
  statusLabel: string;
  mode: string;
  unitId: string;
  unitName: string;
  agentName: string | null;
  firstAgentName: string | null;
  /** the contact person's name in full (staff who may open the case handle it for this person) */
  contactName: string;
  /** masked: the full number only through revealContact, which is recorded */
  contactPhone: string;
  /** the viewer may reveal the number (assigned agent, the unit's leader, the center) */
  canRevealContact: boolean;
  /** the whole 申请表 in words: rows in form order; 身份证号 and phone masked */
  application: {
    applicantType: string | null;
    applicantName: string | null;
    rows: { key: string; label: string; value: string }[];
  };
  window: string | null;
  missingMaterials: string[];
  refusalReasons: { code: string; message: string }[];
  dueOn: string | null;
  deadline: { level: string; label: string };
  nextFeedbackOn: string | null;
  feedbackOverdue: boolean;
  suspensionReason: string | null;
  result: { outcomeLabel: string; decidedBy: string; documentNo: string | null } | null;
  termination: { groundLabel: string; reason: string } | null;
  tasks: {
    taskId: string;
    departmentId: string;
    departmentName: string;
    matter: string;
    status: string;
    statusLabel: string;
    dueOn: string | null;
    outcomeLabel: string | null;
    note: string | null;
  }[];
  meetings: {
    meetingId: string;
    departments: string[];
    topic: string;
    scheduledFor: string;
    place: string | null;
    status: string;
    statusLabel: string;
    minutes: string | null;
  }[];
  escalations: {
    escalationId: string;
    issue: string;
    raisedAt: string;
    status: string;
    statusLabel: string;
    resolution: string | null;
  }[];
  supervisions: { at: string; note: string | null }[];
  timeline: StaffTimelineEvent[];
  /** what the applicant uploaded (application and 补正), newest last */
  materials: { fileID: string; name: string; size: number; type: string; supplement: boolean; at: string }[];
  /** the applicant's handwritten signatures on the case: 代办 mandate, desk 受理, receipt */
  signatures: { kind: 'mandate' | 'accept' | 'receipt'; label: string; fileID: string; at: string }[];
  supplementSentAt: string | null;
  terminationRequest: { reason: string; at: string } | null;
  /** the applicant signed the 代办 mandate on the phone */
  phoneSignedAt: string | null;
  acceptSignature: { source: 'desk' | 'phone'; sourceLabel: string; at: string } | null;
  /** 签收 of a finished case: signed at the desk or on the phone, or still to be signed on the phone */
  receipt?: { signed: boolean; sourceLabel: string; at: string | null } | null;
}

/** §三 on the applicant's declarations: the verdict, and what to verify before 受理 */
export interface StaffScopeCheck {
  eligible: boolean;
  clause: string | null;
  reasons: { code: string; clause: string; message: string }[];
  verify: string[];
}

export interface StaffCaseAnswer {
  case: StaffCaseDetail;
  scope?: StaffScopeCheck;
  actions: { type: string; label: string; clause: string }[];
  units: { unitId: string; name: string }[];
}

/** 工作人员查看案件详情及可执行的操作 */
export async function getStaffCase(caseId: string): Promise<StaffCaseAnswer> {
  return unwrap(await callCloud<CloudAnswer<StaffCaseAnswer>>('workbench', { action: 'get', input: { caseId } }));
}
