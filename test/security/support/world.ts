import crypto from 'node:crypto';
import type { CloudBase } from '../../../local-cloud/src';
import { stringifyEJSON } from '../../../local-cloud/src/ejson';
import type { Actor, Role } from '../../../core';
import { call, deliver as notifyTimer, startAppCloud, type Answer } from '../../support/app';
import { agreePrivacy, deskSignature, PDF_BYTES, submitAs } from '../../support/applicant';
import { uploadKeyOf } from '../../../cloudfunctions-src/shared/uploads';
import project from '../../../cloudbase.json';

/**
 * The security suites' world: the demo data plus the people the issue names (applicant, another
 * applicant, agents and leaders of two units, center staff, the administrator, an unbound user),
 * cases walked through the real functions into every open and ended state, bookings and a rating.
 * Documents are snapshotted per state so a test can clone a fresh copy for each attempt.
 */

export interface Persona {
  key: string;
  label: string;
  openid: string;
  staff: { id: string; role: 'agent' | 'leader' | 'center'; unitId: string; admin?: boolean } | null;
}

export const PERSONAS: Persona[] = [
  { key: 'applicant', label: '申请人', openid: 'o_sec_applicant', staff: null },
  { key: 'otherApplicant', label: '另一申请人', openid: 'o_sec_other', staff: null },
  {
    key: 'agent',
    label: '帮代办员（中心）',
    openid: 'o_agent_center',
    staff: { id: 'st-agent-center', role: 'agent', unitId: 'center' },
  },
  {
    key: 'otherAgent',
    label: '他单位帮代办员（发改委）',
    openid: 'o_agent_fgw',
    staff: { id: 'st-agent-fgw', role: 'agent', unitId: 'fgw' },
  },
  {
    key: 'leader',
    label: '责任领导（中心）',
    openid: 'o_sec_leader_center',
    staff: { id: 'st-sec-leader-center', role: 'leader', unitId: 'center' },
  },
  {
    key: 'otherLeader',
    label: '他单位责任领导（发改委）',
    openid: 'o_leader_fgw',
    staff: { id: 'st-leader-fgw', role: 'leader', unitId: 'fgw' },
  },
  {
    key: 'centerStaff',
    label: '中心工作人员',
    openid: 'o_sec_center_staff',
    staff: { id: 'st-sec-center-staff', role: 'center', unitId: 'center', admin: false },
  },
  {
    key: 'admin',
    label: '中心管理员',
    openid: 'o_center_admin',
    staff: { id: 'st-center-admin', role: 'center', unitId: 'center', admin: true },
  },
  { key: 'unbound', label: '已解绑的前工作人员', openid: 'o_sec_unbound', staff: null },
];
export const persona = (key: string) => PERSONAS.find((p) => p.key === key)!;

/** Where each world case's one material lies: a PDF in its applicant's upload folder (the same name for every applicant). */
const materialPath = (openid: string) => `materials/${uploadKeyOf(openid)}/security-sample.pdf`;
/**
 * The fileID of the material every case of the applicant persona carries (line A): the sample for
 * actions that open a file of a case (workbench.fileLink), so related staff really get a link.
 */
export const worldCaseFile = (key = 'applicant') =>
  `cloud://${(project as { envId: string }).envId}.local/${materialPath(persona(key).openid)}`;

/** The roles the handler gives a persona: every WeChat user is an applicant, staff add theirs. */
export const rolesOf = (p: Persona): Role[] => ['applicant', ...(p.staff ? [p.staff.role] : [])];

/** The core actor a persona acts as for an action open to these roles (staff act as staff when the action lets them). */
export function actorFor(p: Persona, roles: readonly Role[]): Actor {
  if (p.staff && roles.includes(p.staff.role)) return { id: p.staff.id, role: p.staff.role, unitId: p.staff.unitId };
  return { id: p.openid, role: 'applicant' };
}

type Doc = Record<string, unknown> & { _id: string };

export interface CaseTemplate {
  owner: 'A' | 'B' | 'C';
  status: string;
  doc: Doc;
  rating: Doc | null;
  /** the 差评 records the rating opened (`<caseId>-0`) */
  badRatings: Doc[];
}

export interface BookingTemplate {
  owner: string;
  doc: Doc;
}

export interface World {
  cloud: CloudBase;
  cases: CaseTemplate[];
  bookings: BookingTemplate[];
  /** a free slot far enough ahead to book or move to */
  freeSlots: string[];
  /** the seed's personal data, to search logs and exports for */
  secrets: { idNumbers: string[]; phones: string[]; names: string[] };
  /** every line the functions wrote (console.log/error), as the CloudBase log shows them */
  logs: string[];
}

/** Owners of the three case lines: A the applicant's case at the center; B the other applicant's at 发改委; C the other applicant's at the center, with the second center agent. */
export const CASE_LINES = {
  A: {
    applicant: 'applicant',
    agent: 'o_agent_center',
    form: {
      category: 'livelihood',
      applicantType: 'person',
      mode: 'help',
      matter: '高龄津贴申领（安全测试）',
      contactName: '古丽娜尔',
      contactPhone: '13912345601',
    },
  },
  B: {
    applicant: 'otherApplicant',
    agent: 'o_agent_fgw',
    form: {
      category: 'investment',
      applicantType: 'enterprise',
      mode: 'help',
      matter: '番茄酱加工项目备案（安全测试）',
      contactName: '买买提',
      contactPhone: '13912345602',
      details: {
        projectName: '番茄酱加工项目',
        investmentWan: 12000,
        approvalLevel: 'county',
        fitsIndustrialPolicy: true,
        industry: 'manufacturing',
      },
    },
  },
  C: {
    applicant: 'otherApplicant',
    agent: 'o_agent_center_2',
    form: {
      category: 'livelihood',
      applicantType: 'person',
      mode: 'help',
      matter: '残疾人两项补贴申请（安全测试）',
      contactName: '阿依古丽',
      contactPhone: '13912345603',
    },
  },
} as const;

const accept = {
  type: 'accept',
  mandateConfirmed: true,
  processExplained: true,
  materialsChecked: true,
  applicantSigned: true,
  mandateLetterSigned: true,
};
const deliver = { type: 'deliver', window: '综合窗口', committedWorkingDays: 5 };
const finish = {
  type: 'finish',
  result: { outcome: 'approved', decidedBy: '和硕县政务服务中心' },
  resultHandedOver: true,
  originalsReturned: true,
  applicantSigned: true,
};

/** The steps that walk a case through the states; the state reached after each is snapshotted. */
const WALK: [object, string][] = [
  [accept, 'accepted'],
  [deliver, 'handling'],
  [{ type: 'requestMaterials', missing: ['营业执照复印件'] }, 'awaiting_materials'],
  [{ type: 'receiveMaterials' }, 'handling'],
  [{ type: 'suspend', reason: '申请人外出，暂缓办理' }, 'suspended'],
  [{ type: 'resume', applicantConfirmed: true }, 'handling'],
  [finish, 'finished'],
];

function must<T>(r: Answer<T>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.code} ${r.message} ${JSON.stringify(r.fields ?? {})}`);
  return r.data;
}

export const docOf = (cloud: CloudBase, coll: string, id: string) =>
  structuredClone(cloud.store.get(coll, id)?.doc ?? null) as Doc | null;

export async function buildWorld(options: { maxInstances?: number } = {}): Promise<World> {
  // a few instances per function: on two cores more only add cold starts (each loads the SDK)
  const logs: string[] = [];
  const cloud = await startAppCloud({ maxInstances: options.maxInstances ?? 4, log: (line) => logs.push(line) });
  // the people the seed lacks: a center leader, a center staff member without admin rights, and a
  // former staff member whose binding was removed (as center.updateStaff unbinds: openid released)
  cloud.store.apply([
    {
      collection: 'staff',
      id: 'st-sec-leader-center',
      doc: {
        _id: 'st-sec-leader-center',
        openid: 'o_sec_leader_center',
        name: '吾买尔',
        role: 'leader',
        unitId: 'center',
        unitName: '和硕县政务服务中心',
        onDuty: true,
        active: true,
      },
    },
    {
      collection: 'staff',
      id: 'st-sec-center-staff',
      doc: {
        _id: 'st-sec-center-staff',
        openid: 'o_sec_center_staff',
        name: '周丽',
        role: 'center',
        admin: false,
        unitId: 'center',
        unitName: '和硕县政务服务中心',
        onDuty: true,
        active: true,
      },
    },
    {
      collection: 'staff',
      id: 'st-sec-unbound',
      doc: {
        _id: 'st-sec-unbound',
        openid: 'unbound:st-sec-unbound:1',
        name: '前员工',
        role: 'agent',
        unitId: 'center',
        unitName: '和硕县政务服务中心',
        onDuty: false,
        active: false,
        unboundAt: new Date(),
      },
    },
  ]);
  const secrets = { idNumbers: [] as string[], phones: [] as string[], names: [] as string[] };

  const cases: CaseTemplate[] = [];
  for (const [owner, line] of Object.entries(CASE_LINES) as [
    CaseTemplate['owner'],
    (typeof CASE_LINES)[keyof typeof CASE_LINES],
  ][]) {
    const applicant = persona(line.applicant).openid;
    // one material per case, so staff actions on a case's files have something to open
    cloud.storage.put(materialPath(applicant), PDF_BYTES);
    const material = {
      fileID: cloud.storage.fileId(materialPath(applicant)),
      name: '营业执照.pdf',
      size: PDF_BYTES.length,
      type: 'application/pdf',
    };
    const submitted = must(
      await submitAs(cloud, applicant, { ...line.form, materials: [material] }),
      `submit ${owner}`,
    );
    const caseId = submitted.caseId as string;
    const stored = docOf(cloud, 'cases', caseId)!;
    if (stored.idNumber) secrets.idNumbers.push(String(stored.idNumber));
    secrets.phones.push(line.form.contactPhone);
    secrets.names.push(line.form.contactName);
    // the line's agent takes it when routing picked someone else (C: the second center agent)
    if (stored.agentId !== staffIdOf(line.agent))
      must(
        await call(
          cloud,
          'workbench',
          { action: 'act', input: { caseId, version: stored.version, action: { type: 'take' } } },
          line.agent,
        ),
        `take ${owner}`,
      );
    cases.push({ owner, status: 'applied', doc: docOf(cloud, 'cases', caseId)!, rating: null, badRatings: [] });
    for (const [step, status] of WALK) {
      const version = docOf(cloud, 'cases', caseId)!.version as number;
      // 帮办 cases: 受理 rests on the applicant's signature drawn on the agent's device (workbench.act signatureFileID)
      const signature = step === accept ? { signatureFileID: await deskSignature(cloud, line.agent) } : {};
      must(
        await call(
          cloud,
          'workbench',
          { action: 'act', input: { caseId, version, action: step, ...signature } },
          line.agent,
        ),
        `${owner} ${JSON.stringify(step)}`,
      );
      cases.push({ owner, status, doc: docOf(cloud, 'cases', caseId)!, rating: null, badRatings: [] });
    }
    // A and B get a 差评 (its handling is a resource of its own), C a good rating
    const rating =
      owner === 'C'
        ? { level: 'satisfied', comment: '办事很顺利' }
        : { level: 'very_dissatisfied', comment: '等了很久才有人联系' };
    must(await call(cloud, 'ratings', { action: 'submit', input: { caseId, ...rating } }, applicant), `rate ${owner}`);
    // the 差评 record, 台账 row and messages follow the rating on the notify timer
    await notifyTimer(cloud);
    const bad = docOf(cloud, 'badRatings', `${caseId}-0`);
    cases.push({
      owner,
      status: 'finished+rated',
      doc: docOf(cloud, 'cases', caseId)!,
      rating: docOf(cloud, 'ratings', caseId),
      badRatings: bad ? [bad] : [],
    });
  }

  // bookings: one active booking of each applicant, on the first free regular slots
  const listed = must(
    await call(cloud, 'bookings', { action: 'listSlots', input: {} }, persona('applicant').openid),
    'listSlots',
  ) as {
    days: { slots: { slotId: string; remaining: number; kind: string }[] }[];
  };
  const free = listed.days.flatMap((d) => d.slots).filter((s) => s.remaining > 0 && s.kind === 'regular');
  const bookings: BookingTemplate[] = [];
  for (const [i, owner] of ['applicant', 'otherApplicant'].entries()) {
    const b = must(
      await call(
        cloud,
        'bookings',
        { action: 'book', input: { slotId: free[i].slotId, category: 'enterprise' } },
        persona(owner).openid,
      ),
      `book ${owner}`,
    ) as { booking: { bookingId: string } };
    bookings.push({ owner, doc: docOf(cloud, 'bookings', b.booking.bookingId)! });
  }
  for (const p of PERSONAS) if (!p.staff) await agreePrivacy(cloud, p.openid);
  return { cloud, cases, bookings, freeSlots: free.slice(5).map((s) => s.slotId), secrets, logs };
}

function staffIdOf(openid: string): string {
  return (
    { o_agent_center: 'st-agent-center', o_agent_fgw: 'st-agent-fgw', o_agent_center_2: 'st-agent-center-2' }[openid] ??
    openid
  );
}

let cloneSeq = 0;
/** A fresh copy of a case (and its rating) under new ids, so one attempt cannot disturb another. */
export function cloneCase(cloud: CloudBase, t: CaseTemplate): Doc {
  const n = ++cloneSeq;
  const id = `sec-case-${n}-${crypto.randomBytes(3).toString('hex')}`;
  const doc = {
    ...structuredClone(t.doc),
    _id: id,
    caseNo: `BB20991231-${String(n).padStart(6, '0')}`,
    requestKey: `clone:${id}`,
  };
  // a copy of a settled case: the template's unsettled effects (outbox ids of its own) stay with it
  delete (doc as { pending?: unknown }).pending;
  const writes = [{ collection: 'cases', id, doc }];
  if (t.rating)
    writes.push({ collection: 'ratings', id, doc: { ...structuredClone(t.rating), _id: id, caseId: id } as never });
  for (const b of t.badRatings) {
    const badId = `${id}${String(b._id).slice(String(t.doc._id).length)}`;
    writes.push({
      collection: 'badRatings',
      id: badId,
      doc: { ...structuredClone(b), _id: badId, caseId: id } as never,
    });
  }
  cloud.store.apply(writes as never);
  return doc;
}

export function cloneBooking(cloud: CloudBase, t: BookingTemplate): Doc {
  const id = `bk_sec_${++cloneSeq}_${crypto.randomBytes(3).toString('hex')}`;
  // a seat and a place of its own: the unique indexes of bookings would refuse the template's
  const doc = {
    ...structuredClone(t.doc),
    _id: id,
    seat: `${t.doc.slotId}#clone-${id}`,
    holder: `${t.doc.slotId}|clone-${id}`,
  };
  cloud.store.apply([{ collection: 'bookings', id, doc: doc as never }]);
  return doc;
}

/** Every document of every collection, as canonical text: equal snapshots mean nothing was written. */
export function snapshot(cloud: CloudBase): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of cloud.store.collectionNames())
    for (const d of cloud.store.candidates(c, {}).docs) out.set(`${c}/${d._id}`, stringifyEJSON(d));
  return out;
}

/** What changed between two snapshots: added, removed or modified document paths. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(before.has(k) ? `changed ${k}` : `added ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out;
}
