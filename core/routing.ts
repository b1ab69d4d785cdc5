import { CASE_TRANSITIONS, caseViewTarget, type CaseRecord, type Recipient, type TimelineEvent } from './lifecycle';
import { authorize, type Actor } from './permissions';
import { allow, filled, refuse, type Decision } from './result';
import type { Category } from './scope';
import { DEFAULT_SETTINGS, type RoutingSettings } from './settings';

/**
 * 四、帮办代办职责 as routing: which unit answers for a matter (§四(一)) and which of its agents
 * takes it (§四(三) 帮代办员, chosen for skill, load and being on duty).
 */

/** 按照项目产业类型归口管理: the industries a project is filed under; the center maps each to a department. */
export const INDUSTRIES = [
  'agriculture',
  'manufacturing',
  'energy',
  'mining',
  'construction',
  'transport',
  'water',
  'tourism',
  'commerce',
  'social',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Record<Industry, string> = {
  agriculture: '农林牧渔',
  manufacturing: '工业制造',
  energy: '能源',
  mining: '矿产资源',
  construction: '城乡建设与房地产',
  transport: '交通运输',
  water: '水利',
  tourism: '文化旅游',
  commerce: '商贸物流',
  social: '教育卫生等社会事业',
  other: '其他',
};

export type UnitRule = 'center_finishes' | 'industry_department' | 'fallback_department';

export interface UnitRoute {
  unitId: string;
  rule: UnitRule;
  clause: '§四(一)';
}

export interface RoutingMatter {
  category: Category;
  /** the agent's judgement for this matter; defaults to the category's setting */
  finishableInCenter?: boolean;
  industry?: Industry | null;
}

/**
 * §四(一) 对于能在政务服务中心直接办结的，由政务服务中心直接提供帮办或者代办服务。不能在政务服务中心
 * 直接办结的，按照项目产业类型归口管理原则，确定相关部门为帮办代办责任单位.
 */
export function routeResponsibleUnit(
  matter: RoutingMatter,
  settings: RoutingSettings = DEFAULT_SETTINGS.routing,
): UnitRoute {
  const inCenter = matter.finishableInCenter ?? settings.finishableInCenter[matter.category];
  if (inCenter) return { unitId: settings.centerUnitId, rule: 'center_finishes', clause: '§四(一)' };
  const department = matter.industry ? settings.industryDepartments[matter.industry] : undefined;
  if (department) return { unitId: department, rule: 'industry_department', clause: '§四(一)' };
  return { unitId: settings.fallbackDepartment, rule: 'fallback_department', clause: '§四(一)' };
}

/** The responsible unit of a category with default settings (the first slice's submit uses this). */
export function responsibleUnit(category: Category): string {
  return routeResponsibleUnit({ category }).unitId;
}

export interface AgentCandidate {
  id: string;
  name: string;
  unitId: string;
  active: boolean;
  onDuty: boolean;
  /** categories (or finer matter kinds) the agent knows: 熟悉政策、精通项目 */
  skills: string[];
  /** cases the agent works now (OPEN_STATUSES) */
  openCases: number;
}

export type AgentRule = 'skilled' | 'any_on_duty';

export const ROUTING_MESSAGES = {
  NO_AGENT_ON_DUTY: '该单位暂无当班的帮代办员，申请已转责任领导分派。',
} as const;

/**
 * The agent for a new case: active, on duty, of the responsible unit, knowing the matter, with the
 * fewest open cases; ties go by name then id so the answer never depends on database order. When no
 * on-duty agent has the skill, the least busy on-duty agent of the unit takes it (a setting), since
 * an applicant waiting for a specialist is worse than a generalist who asks a colleague.
 */
export function pickAgent(
  candidates: AgentCandidate[],
  need: { unitId: string; skill: string },
  settings: RoutingSettings = DEFAULT_SETTINGS.routing,
): Decision<{ agentId: string; name: string; rule: AgentRule }, 'NO_AGENT_ON_DUTY'> {
  const onDuty = candidates.filter((a) => a.active && a.onDuty && a.unitId === need.unitId);
  const skilled = onDuty.filter((a) => a.skills.includes(need.skill));
  const pool = skilled.length > 0 ? skilled : settings.fallbackToAnyOnDutyAgent ? onDuty : [];
  if (pool.length === 0) return refuse('NO_AGENT_ON_DUTY', ROUTING_MESSAGES.NO_AGENT_ON_DUTY, { unitId: need.unitId });
  const [best] = [...pool].sort(
    (a, b) =>
      a.openCases - b.openCases || a.name.localeCompare(b.name, 'zh') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return allow({ agentId: best.id, name: best.name, rule: skilled.length > 0 ? 'skilled' : 'any_on_duty' });
}

// ─── Reassignment when an agent leaves or goes off duty (§四(三), 首问负责 §二(四)) ──────────────────

export interface CaseToMove {
  caseId: string;
  unitId: string;
  /** the skill the case needs: its category */
  skill: string;
}

/**
 * Where each open case of an agent who was unbound or went off duty goes: to an eligible agent of
 * its unit by `pickAgent`, counting every case already placed in this plan, so ten cases spread
 * over the least busy colleagues instead of all landing on the one who was least busy at the start.
 * A case nobody eligible can take gets `agentId: null` and waits for the unit's leader.
 */
export function planReassignments(
  cases: CaseToMove[],
  candidates: AgentCandidate[],
  settings: RoutingSettings = DEFAULT_SETTINGS.routing,
): { caseId: string; agentId: string | null; name: string | null }[] {
  const pool = candidates.map((c) => ({ ...c }));
  return cases.map((c) => {
    const picked = pickAgent(pool, { unitId: c.unitId, skill: c.skill }, settings);
    if (!picked.ok) return { caseId: c.caseId, agentId: null, name: null };
    pool.find((a) => a.id === picked.value.agentId)!.openCases++;
    return { caseId: c.caseId, agentId: picked.value.agentId, name: picked.value.name };
  });
}

export const RELEASE_MESSAGES = {
  NOTHING_TO_RELEASE: '该案件当前没有经办帮代办员。',
  REASON_REQUIRED: '请说明原因。',
} as const;

/**
 * 待分派: the case's agent is gone (unbound, off duty) and nobody eligible is on duty. The case
 * keeps its state and its first agent (首问负责), loses its current agent, records why on the
 * timeline (as a 转派 with no one to take it), and the unit's leader is alerted to assign it —
 * the same place a new case goes when nobody is on duty at submission.
 */
export function releaseCase(
  c: CaseRecord,
  actor: Actor,
  at: Date,
  reason: string,
): Decision<
  { case: CaseRecord; event: TimelineEvent; notifications: { kind: 'case_waiting_assignment'; to: Recipient }[] },
  'NOTHING_TO_RELEASE' | 'REASON_REQUIRED' | string
> {
  if (!CASE_TRANSITIONS.reassign.from.includes(c.status))
    return refuse('ILLEGAL_TRANSITION', '案件已结束。', { status: c.status });
  const permitted = authorize(actor, 'case.reassign', caseViewTarget(c));
  if (!permitted.ok) return permitted;
  if (!c.agentId) return refuse('NOTHING_TO_RELEASE', RELEASE_MESSAGES.NOTHING_TO_RELEASE);
  if (!filled(reason)) return refuse('REASON_REQUIRED', RELEASE_MESSAGES.REASON_REQUIRED);
  const event: TimelineEvent = {
    seq: c.timeline.length + 1,
    action: 'reassign',
    from: c.status,
    to: c.status,
    actor: { id: actor.id, role: actor.role },
    at,
    note: reason.trim(),
    data: { fromAgentId: c.agentId, toAgentId: null, fromUnitId: c.unitId, toUnitId: c.unitId, waiting: true },
  };
  return allow({
    case: { ...c, agentId: null, timeline: [...c.timeline, event] },
    event,
    notifications: [{ kind: 'case_waiting_assignment', to: { kind: 'unit_leader', unitId: c.unitId } }],
  });
}
