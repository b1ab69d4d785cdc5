import { beijingDate, daysBetween } from '../beijing-time';
import { addWorkingDays, type WorkCalendar } from '../calendar';
import { ENDED_STATUSES } from '../case-status';
import type { OwnershipTarget } from '../permissions';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { CASE_TRANSITIONS } from './transitions';
import type { CaseRecord, TimelineEvent } from './types';

/** 首问负责: the applicant's accountable contact is the first agent, whoever works the case now. */
export function accountableAgent(c: CaseRecord): string | null {
  return c.firstAgentId ?? c.agentId;
}

/** Who may see a case: the applicant, its agents, its unit and the departments with a task, the center. */
export function caseViewTarget(c: CaseRecord): OwnershipTarget {
  return {
    applicantId: c.applicantId,
    agentIds: [c.agentId, c.firstAgentId],
    unitIds: [c.unitId, ...c.tasks.map((t) => t.departmentId)],
  };
}

export function isEnded(c: CaseRecord): boolean {
  return ENDED_STATUSES.includes(c.status);
}

/** §五(二) 定期向申请人反馈: true once the setting's working days have passed since the last contact. */
export function progressReportDue(
  cal: WorkCalendar,
  c: CaseRecord,
  now: Date,
  settings: Settings = DEFAULT_SETTINGS,
): boolean {
  if (!CASE_TRANSITIONS.reportProgress.from.includes(c.status)) return false;
  const since = beijingDate(c.lastContactAt ?? c.timeline[0].at);
  return (
    daysBetween(addWorkingDays(cal, since, settings.lifecycle.progressReportEveryWorkingDays), beijingDate(now)) >= 0
  );
}

/** When the current 补正 was asked for: kept on the record, or (older records) the last such step. */
export function materialsRequestedAt(
  c: Pick<CaseRecord, 'materialsRequestedAt'> & { timeline?: TimelineEvent[] },
): Date | null {
  if (c.materialsRequestedAt) return new Date(c.materialsRequestedAt);
  const e = c.timeline ? [...c.timeline].reverse().find((x) => x.action === 'requestMaterials') : undefined;
  return e ? new Date(e.at) : null;
}
