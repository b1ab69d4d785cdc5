/** Case lifecycle states (§五), named; the full state machine grows here in the core issue. */
export const CASE_STATUSES = ['submitted', 'accepted', 'in_progress', 'suspended', 'finished', 'terminated', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '已提交，待受理',
  accepted: '已受理',
  in_progress: '办理中',
  suspended: '已中止',
  finished: '已办结',
  terminated: '已终止',
  rejected: '不予受理',
};

/** States in which a case still needs work from its agent. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'in_progress', 'suspended'];
