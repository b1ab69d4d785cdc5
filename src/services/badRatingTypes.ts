/** 差评处理（ratings function, staff side） */
export interface BadRatingItem {
  id: string;
  version: number;
  raterHidden: boolean;
  caseId: string | null;
  caseNo: string | null;
  matter: string | null;
  unitName: string | null;
  agentName: string | null;
  followUp: boolean;
  level: string;
  levelLabel: string;
  tags: string[];
  comment: string | null;
  openedAt: string;
  status: string;
  statusLabel: string;
  dueOn: string | null;
  warning: { level: string; label: string } | null;
  appeal: { on: string; grounds: string } | null;
  history: { label: string; text: string; at: string; calledAt: string | null; by: string }[];
  actions: { type: BadRatingActionType; label: string }[];
}

export type BadRatingActionType = 'callBack' | 'rectify' | 'verify' | 'appeal' | 'reviewAppeal';
export type BadRatingFilter = 'open' | 'closed' | 'all';

export interface BadRatingList {
  items: BadRatingItem[];
  total: number;
  counts: { open: number; closed: number };
}
