import { allow, refuse, type Decision } from './result';
import { ROLE_LABELS, type Role } from './roles';

/**
 * Who may do what, as data: role × action → the ownership the actor needs on the target.
 *  - own      the applicant's own case or booking (§二(三) 自愿: only they decide for themselves)
 *  - assigned the agent handling it or the first agent (§二(四) 首问负责 keeps them responsible)
 *  - unit     a case of the actor's unit, or one where the unit has a department task (§四(二) the
 *             responsible leader 督办、协办、跟踪、办结 his department's matters)
 *  - all      any target (the center leads and coordinates, §五(四))
 * A role missing from an action's row may not take it at all.
 */
export const SCOPES = ['own', 'assigned', 'unit', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Record<Scope, string> = { own: '本人的', assigned: '经办的', unit: '本单位的', all: '全部' };

export const PERMISSIONS = {
  // cases (§五)
  'case.apply': { applicant: 'all' },
  'case.view': { applicant: 'own', agent: 'assigned', leader: 'unit', center: 'all' },
  // §五(二) 主动联系申请人: the full phone number, for those answerable for the case (contactRevealTarget)
  'case.revealContact': { agent: 'assigned', leader: 'unit', center: 'all' },
  'case.withdraw': { applicant: 'own' },
  'case.accept': { agent: 'unit' },
  'case.refuse': { agent: 'unit' },
  'case.deliver': { agent: 'assigned' },
  'case.requestMaterials': { agent: 'assigned' },
  'case.receiveMaterials': { agent: 'assigned' },
  'case.suspend': { agent: 'assigned' },
  'case.resume': { agent: 'assigned' },
  'case.extend': { agent: 'assigned' },
  'case.reportProgress': { agent: 'assigned' },
  'case.finish': { agent: 'assigned' },
  'case.terminate': { agent: 'assigned' },
  'case.reassign': { leader: 'unit', center: 'all' },
  'case.take': { agent: 'unit' },
  'case.supervise': { leader: 'unit', center: 'all' },
  // parallel approval (§五(四))
  'task.add': { agent: 'assigned', center: 'all' },
  'task.update': { agent: 'assigned', leader: 'unit', center: 'all' },
  'meeting.convene': { center: 'all' },
  'meeting.record': { center: 'all' },
  'case.escalate': { center: 'all' },
  'escalation.resolve': { center: 'all' },
  // 预约 booking (§二(四))
  'booking.create': { applicant: 'own', agent: 'all', center: 'all' },
  'booking.cancel': { applicant: 'own', agent: 'all', center: 'all' },
  'booking.reschedule': { applicant: 'own', agent: 'all', center: 'all' },
  'booking.viewAll': { agent: 'all', leader: 'all', center: 'all' },
  'booking.recordAttendance': { agent: 'all', center: 'all' },
  // 好差评 (§五(五))
  'rating.submit': { applicant: 'own' },
  'rating.followUp': { applicant: 'own' },
  'badRating.callBack': { agent: 'assigned', leader: 'unit', center: 'all' },
  'badRating.rectify': { agent: 'assigned', leader: 'unit', center: 'all' },
  'badRating.appeal': { agent: 'assigned', leader: 'unit' },
  'badRating.review': { center: 'all' },
  // 台账 and configuration (§五(六))
  'ledger.view': { leader: 'unit', center: 'all' },
  'settings.manage': { center: 'all' },
  'calendar.manage': { center: 'all' },
  'staff.manage': { center: 'all' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type PermissionAction = keyof typeof PERMISSIONS;
export const PERMISSION_ACTIONS = Object.keys(PERMISSIONS) as PermissionAction[];

export interface Actor {
  /** the applicant's openid, or the staff record's id */
  id: string;
  role: Role;
  /** staff only */
  unitId?: string | null;
}

/** What a target says about who owns it; each scope looks at one part. */
export interface OwnershipTarget {
  applicantId?: string | null;
  agentIds?: (string | null | undefined)[];
  unitIds?: (string | null | undefined)[];
}

export type PermissionCode = 'ROLE_NOT_PERMITTED' | 'NOT_OWN' | 'NOT_ASSIGNED' | 'NOT_OWN_UNIT';

export const PERMISSION_MESSAGES: Record<PermissionCode, string> = {
  ROLE_NOT_PERMITTED: '当前身份无权执行此操作。',
  NOT_OWN: '只能办理本人的申请或预约。',
  NOT_ASSIGNED: '只有经办此事项的帮代办员可以执行此操作。',
  NOT_OWN_UNIT: '只能处理本单位的事项。',
};

export function scopeOf(role: Role, action: PermissionAction): Scope | null {
  const row = PERMISSIONS[action] as Partial<Record<Role, Scope>> | undefined;
  return row?.[role] ?? null;
}

/** May this actor take this action on this target? Allowed with the scope that let them. */
export function authorize(
  actor: Actor,
  action: PermissionAction,
  target: OwnershipTarget = {},
): Decision<Scope, PermissionCode> {
  const scope = scopeOf(actor.role, action);
  if (!scope)
    return refuse('ROLE_NOT_PERMITTED', `${ROLE_LABELS[actor.role] ?? '当前身份'}无权执行此操作。`, {
      action,
      role: actor.role,
    });
  switch (scope) {
    case 'all':
      return allow(scope);
    case 'own':
      return target.applicantId && target.applicantId === actor.id
        ? allow(scope)
        : refuse('NOT_OWN', PERMISSION_MESSAGES.NOT_OWN);
    case 'assigned':
      return (target.agentIds ?? []).some((id) => id && id === actor.id)
        ? allow(scope)
        : refuse('NOT_ASSIGNED', PERMISSION_MESSAGES.NOT_ASSIGNED);
    case 'unit':
      return actor.unitId && (target.unitIds ?? []).some((u) => u && u === actor.unitId)
        ? allow(scope)
        : refuse('NOT_OWN_UNIT', PERMISSION_MESSAGES.NOT_OWN_UNIT);
  }
}

export function can(actor: Actor, action: PermissionAction, target?: OwnershipTarget): boolean {
  return authorize(actor, action, target).ok;
}

/**
 * What a list screen may show an actor, for the cloud function to turn into a query: own → cases
 * whose applicant is the actor; assigned → current or first agent is the actor; unit → the actor's
 * unit; all → everything; null → nothing.
 */
export function listScope(
  actor: Actor,
  action: PermissionAction = 'case.view',
): { scope: Scope; key: string | null } | null {
  const scope = scopeOf(actor.role, action);
  if (!scope) return null;
  if (scope === 'unit') return actor.unitId ? { scope, key: actor.unitId } : null;
  return { scope, key: scope === 'all' ? null : actor.id };
}
