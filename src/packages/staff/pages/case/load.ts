import { getCenterSettings, listStaff } from '../../../../services/centerAdmin';
import { getMyProfile } from '../../../../services/session';
import { getStaffCase, getUnitLoad, type StaffCaseAnswer } from '../../../../services/workbench';
import type { Field } from '../../actionForms';

export const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

export type Options = Record<NonNullable<Field['from']>, { value: string; label: string }[]>;

/** The case, with what its action forms offer: service items for 送达, agents for 改派. */
export async function load(caseId: string) {
  const [detail, profile] = await Promise.all([getStaffCase(caseId), getMyProfile()]);
  // 送达: the service items the center keeps bring their window and committed time limit with one tap
  const items = detail.actions.some((a) => a.type === 'deliver')
    ? ((await getCenterSettings().catch(() => null))?.serviceItems.filter(
        (i) => i.unitId === detail.case.unitId || detail.case.unitId === 'center',
      ) ?? [])
    : [];
  const role = profile.staff?.role;
  let agents: { value: string; label: string }[] = [];
  if (detail.actions.some((a) => a.type === 'reassign')) {
    if (role === 'leader')
      agents = (await getUnitLoad()).agents.map((a) => ({
        value: a.staffId,
        label: `${a.name}（在办${a.open}件${a.onDuty ? '' : '，不在岗'}）`,
      }));
    else if (role === 'center')
      agents = (await listStaff()).items
        .filter((s) => s.role === 'agent')
        .map((s) => ({ value: s.staffId, label: `${s.name} · ${s.unitName}` }));
  }
  return { detail, agents, items };
}

/** The choices each action form field offers, from the case and the agents loaded with it. */
export function optionsFor(d: StaffCaseAnswer, agents: Options['agents']): Options {
  const c = d.case;
  return {
    agents,
    departments: d.units.map((u) => ({ value: u.unitId, label: u.name })),
    openTasks: c.tasks
      .filter((t) => t.status === 'handling')
      .map((t) => ({ value: t.taskId, label: `${t.departmentName}：${t.matter}` })),
    waitingTasks: c.tasks
      .filter((t) => t.status === 'awaiting_materials')
      .map((t) => ({ value: t.taskId, label: `${t.departmentName}：${t.matter}` })),
    scheduledMeetings: c.meetings
      .filter((m) => m.status === 'scheduled')
      .map((m) => ({ value: m.meetingId, label: m.topic })),
    openEscalations: c.escalations
      .filter((e) => e.status === 'open')
      .map((e) => ({ value: e.escalationId, label: e.issue })),
  };
}
