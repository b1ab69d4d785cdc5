import type {
  BadRatingCase,
  Booking,
  CaseRecord,
  LedgerRow,
  MessageDraft,
  MessageFacts,
  MessageKind,
  Notification,
  Rating,
  Recipient,
} from '../../../core';
import type { Material } from '../applicant';
import type { PendingEffects } from '../effects';
import type { CollectionName } from './collections';

/**
 * What each collection stores: the document types of every function, in one file. A read through
 * the typed database (shared/cloud.ts) answers the collection's type, so no cast is needed.
 */

/** A case as stored: the core's CaseRecord plus what the application form collected. */
export interface CaseDoc extends CaseRecord {
  _id: string;
  caseNo: string;
  applicantType: string;
  matter: string;
  contactName: string;
  contactPhone: string;
  unitName: string;
  agentName: string | null;
  firstAgentName: string | null;
  submittedAt: Date;
  updatedAt: Date;
  /** optimistic version: a screen sends the version it showed; a stale one gets CONFLICT */
  version: number;
  /** the case clock's due date (Beijing YYYY-MM-DD) after the last step, null while paused or before 送达; lists filter on it */
  dueOn?: string | null;
  /** effects of a one-write step still to be settled (shared/effects.ts) */
  pending?: PendingEffects;
  /** the last step's fingerprint and the messages it sent: a retry of it is answered, not refused (transitionCase) */
  lastStep?: { key: string; notifications: Notification[] };
}

/** What the applicant side adds to a stored case (the core's CaseRecord stays as it is). */
export interface ApplicantCaseFields {
  requestKey?: string;
  /** digest of the submitted body (shared/idempotency.ts): a reused requestId with another body is refused */
  requestFingerprint?: string;
  applicantName?: string;
  idNumber?: string | null;
  uscc?: string | null;
  details?: Record<string, unknown>;
  materials?: (Material & { at: Date; supplement: boolean })[];
  mandate?: { text: string; signatureFileID: string; signedAt: Date } | null;
  commitment?: boolean;
  /** §五(三) 签收: the applicant signed the receipt of result and originals on the phone */
  receipt?: { signatureFileID: string; signedAt: Date; source?: 'desk' | 'phone' } | null;
  /** timeline seq numbers of 延长服务时限 the applicant has confirmed reading */
  extensionConfirmations?: number[];
  /** the applicant asked to end the mandate; the agent then terminates it at the desk (§五(三)) */
  terminationRequest?: { reason: string; at: Date } | null;
  /** when the applicant last sent 补正 materials from the phone */
  supplementSentAt?: Date | null;
}

export type ApplicantCase = CaseDoc & ApplicantCaseFields;

/** A booking as stored in `bookings` (the core's Booking plus the slot's words and check-in). */
export interface BookingDoc extends Omit<Booking, 'id'> {
  _id: string;
  date: string;
  start: string;
  end: string;
  windowLabel: string;
  contactName: string | null;
  contactPhone: string | null;
  checkedInAt: Date | null;
  /** when it was last moved to another slot: its reminders count from the later confirmation */
  rescheduledAt?: Date | null;
  /** set when the scheduler, not a person, marked it 未到场 */
  noShowMarkedAt?: Date | null;
  /** the linked case's number, for messages (absent on bookings stored before it was kept) */
  caseNo?: string | null;
  /** `<slotId>#<n>` while it holds seat n of its slot, `x:<id>` once given up (unique index) */
  seat?: string;
  /** `<slotId>|<applicantId>` while it holds the applicant's place in the slot, `x:<id>` once given up (unique index) */
  holder?: string;
  /** 签到码 the applicant shows at the desk (absent on bookings stored before it was kept) */
  checkInCode?: string | null;
  /** effects not yet settled (shared/effects.ts) */
  pending?: PendingEffects;
}

export interface OutboxDoc {
  _id: string;
  kind: MessageKind;
  to: Recipient;
  facts: MessageFacts;
  at: Date;
  status: 'pending' | 'expanded';
  claimedUntil: Date;
  /** the dispatcher that holds the claim (claimEntries) */
  claimedBy?: string;
  createdAt: Date;
}

export const PUSH_STATUSES = ['pending', 'sent', 'no_grant', 'no_template', 'failed'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

export interface MessageDoc {
  _id: string;
  outboxId: string;
  caseId: string;
  openid: string;
  title: string;
  fields: MessageDraft['fields'];
  page: string;
  createdAt: Date;
  /** when what it tells of happened (its outbox entry's time, ms): orders messages delivered together */
  seq?: number;
  read: boolean;
  push: {
    status: PushStatus;
    purpose: string;
    attempts: number;
    nextAttemptAt: Date;
    claimedUntil: Date;
    lastError: string | null;
    msgid: string | null;
    sentAt: Date | null;
    /** one-time grants this message must leave unspent (core grantsToKeep) */ keep?: number;
  };
}

export interface StaffRecord {
  _id: string;
  openid: string;
  name: string;
  role: 'agent' | 'leader' | 'center';
  unitId: string;
  unitName: string;
  onDuty?: boolean;
  /** 中心管理员: a center binding that may change settings and staff */
  admin?: boolean;
  active?: boolean;
}

export interface InviteDoc {
  _id: string;
  role: 'agent' | 'leader' | 'center' | 'admin';
  unitId: string;
  unitName: string;
  name: string;
  status: 'open' | 'used' | 'revoked';
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  staffId: string | null;
}

export type StaffDoc = StaffRecord & { active: boolean; admin?: boolean; boundAt?: Date; unboundAt?: Date | null };

export interface AuditDoc {
  _id: string;
  at: Date;
  by: { staffId: string; name: string };
  what: string;
  target: { kind: string; id: string };
  before: unknown;
  after: unknown;
}

export type RatingDoc = Rating & { _id: string; pending?: PendingEffects };

export type BadRatingDoc = BadRatingCase & { _id: string; version?: number };

/** 隐私保护指引 consent, by openid. */
export interface ConsentDoc {
  _id: string;
  version: string;
  agreedAt: Date;
}

/** One-time subscribe grants per person (openid): counts by template id. */
export interface GrantsDoc {
  _id: string;
  counts: Record<string, number>;
}

export interface UnitDoc {
  _id: string;
  name: string;
  kind: string;
  officePhone?: string;
}

/** settings holds a few documents of different shapes (center, calendar, serviceItems, subscribeTemplates). */
export type SettingsDoc = { _id: string } & Record<string, unknown>;

export type LedgerDoc = LedgerRow & { _id: string };

/** A stored staff binding, as center and the handler read it. */
export type StaffDocument = StaffDoc & { officePhone?: string; skills?: string[]; pending?: PendingEffects };

/** Collection name → the type of its documents. */
export interface Documents {
  audit: AuditDoc;
  badRatings: BadRatingDoc;
  bookings: BookingDoc;
  cases: ApplicantCase;
  consents: ConsentDoc;
  grants: GrantsDoc;
  invites: InviteDoc;
  ledger: LedgerDoc;
  messages: MessageDoc;
  outbox: OutboxDoc;
  ratings: RatingDoc;
  settings: SettingsDoc;
  staff: StaffDocument;
  units: UnitDoc;
}
export type DocumentOf<N extends CollectionName> = Documents[N];
