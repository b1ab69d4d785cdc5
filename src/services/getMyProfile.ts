import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export type Role = 'applicant' | 'agent' | 'leader' | 'center';

export interface StaffInfo {
  name: string;
  unitName: string;
  role: string;
  /** 中心管理员 (a center binding that may change settings and staff) */
  admin?: boolean;
}

export interface MyProfile {
  /** Masked by the server when present. */
  openid?: string;
  roles: Role[];
  staff?: StaffInfo | null;
}

const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(['agent', 'leader', 'center']);

/** Whether the workbench is open to this caller; the server still checks every call. */
export function isStaff(profile: MyProfile | undefined): boolean {
  return !!profile && (profile.roles ?? []).some((r) => STAFF_ROLES.has(r));
}

/** 获取当前用户身份 */
export async function getMyProfile(): Promise<MyProfile> {
  return unwrap(await callCloud<CloudAnswer<MyProfile>>('session', { action: 'whoami', input: {} }));
}
