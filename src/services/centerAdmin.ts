import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

/**
 * The center administrator's calls (function `center`), one exported function per action; only
 * the packages/center pages import this file, so it stays out of the main package.
 */
const center = async <T>(action: string, input: object): Promise<T> =>
  unwrap(await callCloud<CloudAnswer<T>>('center', { action, input }));

export type InviteRole = 'agent' | 'leader' | 'center' | 'admin';
export interface Invite {
  code: string;
  name: string;
  roleLabel: string;
  unitName: string;
  status: string;
  statusLabel: string;
  expiresAt: string;
}
export interface StaffMember {
  staffId: string;
  name: string;
  role: string;
  roleLabel: string;
  admin: boolean;
  unitId: string;
  unitName: string;
  onDuty: boolean;
  active: boolean;
}
export interface Unit {
  unitId: string;
  name: string;
  kind: string;
  industries: { industry: string; label: string }[];
}
export interface AuditEntry {
  at: string;
  by: string;
  what: string;
  whatLabel: string;
  target: { kind: string; id: string };
  before: unknown;
  after: unknown;
}
export interface ServiceItem {
  itemId: string;
  name: string;
  unitId: string;
  window: string;
  committedWorkingDays: number;
  /** 材料清单, one item a line */
  materials?: string[];
}
export interface BookingWindow {
  id: string;
  kind: string;
  label: string;
  start: string;
  end: string;
  capacity: number;
  slotMinutes: number;
  [k: string]: unknown;
}
export interface CenterSettings {
  settings: {
    calendar: Record<string, unknown>;
    lifecycle: Record<string, number>;
    booking: Record<string, unknown> & { windows: BookingWindow[] };
    rating: Record<string, unknown>;
    routing: Record<string, unknown>;
  };
  overrides: { date: string; working: boolean; name: string; regional?: boolean }[];
  /** this year and the next two: from chinese-days (built_in), entered here (center) or nobody's yet */
  calendarYears: {
    year: number;
    source: 'built_in' | 'center' | 'missing';
    periods: { name: string; from: string; to: string }[];
    makeupWorkdays: { date: string; name: string }[];
  }[];
  calendarWarnings: { code: string; year: number; message: string }[];
  serviceItems: ServiceItem[];
  subscribeTemplates: SubscribeTemplate[];
  canEdit: boolean;
}
export interface SubscribeTemplate {
  purpose: string;
  label: string;
  id: string | null;
  kind: string | null;
  keywords: Record<string, string>;
  /** env: the function environment; settings: set here; none: not configured */
  source: 'env' | 'settings' | 'none';
}
export type AuditKind =
  'settings' | 'calendar' | 'serviceItem' | 'unit' | 'staff' | 'invite' | 'subscribeTemplate' | 'case' | 'booking';

export const createInvite = (input: { name: string; role: InviteRole; unitId: string }) =>
  center<{ code: string; expiresAt: string; roleLabel: string; unitName: string; name: string }>('createInvite', input);
export const listInvites = () => center<{ items: Invite[]; total: number }>('listInvites', { limit: 20 });
export const revokeInvite = (code: string) => center<{ code: string }>('revokeInvite', { code });
export const listStaff = (input: { unitId?: string; limit?: number } = {}) =>
  center<{ items: StaffMember[]; total: number }>('listStaff', { limit: 100, ...input });
export const updateStaff = (input: {
  staffId: string;
  role?: InviteRole;
  unitId?: string;
  onDuty?: boolean;
  unbind?: boolean;
  reason: string;
}) => center<{ staff: StaffMember }>('updateStaff', input);
export const listUnits = () =>
  center<{ units: Unit[]; industries: { industry: string; label: string }[] }>('listUnits', {});
export const saveUnit = (input: { unitId: string; name: string; kind: string; industries: string[] }) =>
  center<{ unitId: string }>('saveUnit', input);
export const getCenterSettings = () => center<CenterSettings>('getSettings', {});
export const saveSettings = (section: string, value: Record<string, unknown>) =>
  center<{ section: string }>('saveSettings', { section, value });
export const saveHolidayOverride = (input: {
  date: string;
  working: boolean;
  name: string;
  regional?: boolean;
  remove?: boolean;
}) => center<{ overrides: CenterSettings['overrides'] }>('saveHolidayOverride', input);
export const saveYearCalendar = (input: {
  year: number;
  periods: { name: string; from: string; to: string }[];
  makeupWorkdays: { date: string; name: string }[];
}) => center<{ year: number; holidays: number; makeupWorkdays: number }>('saveYearCalendar', input);
export const saveServiceItem = (input: ServiceItem & { remove?: boolean }) =>
  center<{ items: ServiceItem[] }>('saveServiceItem', input);
export const listAudit = (input: { kind?: AuditKind; offset?: number } = {}) =>
  center<{ items: AuditEntry[]; total: number }>('listAudit', { limit: 20, ...input });
export const saveSubscribeTemplate = (input: {
  purpose: string;
  id?: string;
  keywords?: Record<string, string>;
  reset?: boolean;
}) => center<{ purpose: string }>('saveSubscribeTemplate', input);
