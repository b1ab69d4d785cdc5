import { callApi, type ApiOutput } from './transport';

/** Who is calling (function `session`): the roles, and the staff binding if any. */
export type MyProfile = ApiOutput<'session', 'whoami'>;
export type Role = MyProfile['roles'][number];

const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(['agent', 'leader', 'center']);

/** Whether the workbench is open to this caller; the server still checks every call. */
export function isStaff(profile: MyProfile | undefined): boolean {
  return !!profile && (profile.roles ?? []).some((r) => STAFF_ROLES.has(r));
}

/** 获取当前用户身份 */
export const getMyProfile = () => callApi('session', 'whoami');
