/**
 * Case lifecycle states (§五 帮办代办服务流程), named after the rulebook's steps. The transitions
 * between them live in lifecycle.ts.
 *  applied            申请: the 帮办代办申请表 is in, nobody has taken it up yet
 *  accepted           受理: mandate confirmed, materials checked, applicant signed (§五(一))
 *  refused            不予受理: out of scope or not acceptable, reasons told (§五(一))
 *  handling           办理: at the approval window, on its committed time limit (§五(二))
 *  awaiting_materials 补正: waiting for the applicant's materials, the clock stopped
 *  suspended          中止: put on hold (中止单), the clock stopped, until 续办
 *  finished           办结: result and originals handed over, applicant signed (§五(三))
 *  terminated         终止: mandate ended on request or because it cannot be finished (§五(三))
 */
export const CASE_STATUSES = [
  'applied',
  'accepted',
  'refused',
  'handling',
  'awaiting_materials',
  'suspended',
  'finished',
  'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  applied: '已提交，待受理',
  accepted: '已受理',
  refused: '不予受理',
  handling: '办理中',
  awaiting_materials: '待补正材料',
  suspended: '已中止',
  finished: '已办结',
  terminated: '已终止',
};

/** States in which a case still needs work from its agent. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'applied',
  'accepted',
  'handling',
  'awaiting_materials',
  'suspended',
];

/** The service has ended (§五(五): now it can be rated); nothing leaves these states. */
export const ENDED_STATUSES: readonly CaseStatus[] = ['refused', 'finished', 'terminated'];

export function isOpenStatus(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isEndedStatus(status: CaseStatus): boolean {
  return ENDED_STATUSES.includes(status);
}
