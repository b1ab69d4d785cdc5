import type { CaseProgress } from '../../core/progress';

export type Need =
  | { kind: 'materials'; missing: string[] }
  | { kind: 'materials_sent'; missing: string[] }
  | { kind: 'receipt' }
  | { kind: 'extension'; seq: number; extraWorkingDays: number; due: string; explanation: string };

export interface CaseDetail {
  caseId: string;
  caseNo: string;
  version: number;
  matter: string;
  category: string;
  categoryLabel: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  mode?: string;
  modeLabel: string;
  applicantName: string;
  due: {
    date: string | null;
    level: 'on_track' | 'due_soon' | 'overdue';
    levelLabel: string;
    remainingWorkingDays: number;
    paused: boolean;
  } | null;
  contacts: {
    unitName: string;
    agentName: string | null;
    agentPhone: string | null;
    firstAgentName: string | null;
    firstAgentPhone: string | null;
    unitPhone: string | null;
  };
  needs: Need[];
  /** 申请 → 受理 → 办理 → 办结, where the case is; a case that ended short of 办结 says where and why */
  progress: CaseProgress;
  /** the words in Chinese, and the codes the phone says them by (absent from older servers) */
  timeline: {
    at: string;
    label: string;
    statusLabel: string;
    by: string;
    note: string | null;
    action?: string;
    to?: string;
    byRole?: string;
    byName?: string | null;
  }[];
  result: { outcome?: string; outcomeLabel: string; decidedBy: string; documentNo: string | null } | null;
  refusalReasons: { code: string; message: string }[];
  termination: { reason: string } | null;
  materials: { name: string; size: number; type: string; supplement: boolean }[];
  receipt: { signedAt: string } | null;
  terminationRequest: { reason: string; at: string } | null;
  canWithdraw: boolean;
  canRequestTermination: boolean;
  canRate: boolean;
}
