/** Who may do what is decided by role; a role comes from the staff binding, never from the client. */
export const STAFF_ROLES = ['agent', 'leader', 'center'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = 'applicant' | StaffRole;

export const ROLE_LABELS: Record<Role, string> = {
  applicant: '申请人',
  agent: '帮代办员',
  leader: '责任领导',
  center: '政务服务中心',
};
