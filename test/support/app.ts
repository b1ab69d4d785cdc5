import path from 'node:path';
import { CloudBase, CloudBaseOptions, loadProject, startCloudBase } from '../../local-cloud/src';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../scripts/build-functions') as { build: () => string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seed } = require('../../scripts/seed') as {
  seed: (env: Record<string, string>, options?: { standInCalendars?: boolean }) => Promise<number>;
};

let built = false;

/** The product's real functions (built from cloudfunctions-src) on an in-memory CloudBase with demo data. */
export async function startAppCloud(options: Pick<CloudBaseOptions, 'maxInstances' | 'log'> = {}): Promise<CloudBase> {
  if (!built) {
    build();
    built = true;
  }
  const project = loadProject(path.join(ROOT, 'cloudbase.json'));
  // every answer is parsed with its action's output schema (shared/handler.ts): a wrong one fails the call
  project.functionEnv = { ...project.functionEnv, BANGBAN_CHECK_OUTPUTS: '1' };
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project,
    triggers: false,
    ...options,
  });
  await seed(cloud.sdkEnv, { standInCalendars: true });
  // suites and journeys submit dozens of applications as the same few demo users: the per-person
  // limits (settings.applications) are lifted here; the suite that tests them sets them back
  const center = cloud.store.get('settings', 'center')?.doc ?? { _id: 'center' };
  cloud.store.apply([
    { collection: 'settings', id: 'center', doc: { ...center, applications: TEST_APPLICATION_LIMITS } as never },
  ]);
  return cloud;
}

/** What startAppCloud sets instead of the defaults (5 open, 5 a day). */
export const TEST_APPLICATION_LIMITS = { maxOpenPerApplicant: 100, maxSubmissionsPerDay: 100 };

/** The center's stored settings, as a test wants them (null: the defaults), keeping the test cloud's lifted limits. */
export function centerSettingsDoc(settings: Record<string, unknown> | null) {
  return { _id: 'center', applications: TEST_APPLICATION_LIMITS, ...(settings ?? {}) } as never;
}

export type Answer<T = any> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

/** Calls a function the way the mini-program does: the caller is the openid, never the payload. */
export async function call<T = any>(cloud: CloudBase, name: string, data: object, openid: string): Promise<Answer<T>> {
  const { json } = await cloud.host.invoke(
    name,
    { ...data, userInfo: { openId: openid, appId: 'wx_test' } },
    { openid, appid: 'wx_test', source: 'wx_client' },
  );
  return JSON.parse(json) as Answer<T>;
}

/** The working calendar the functions count with: chinese-days plus what the center (or the test seed) entered. */
export function cloudCalendar(cloud: CloudBase) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createWorkCalendar } = require('../../core') as typeof import('../../core');
  const { _id, ...calendar } = (cloud.store.get('settings', 'calendar')?.doc ?? {}) as Record<string, unknown>;
  return createWorkCalendar(calendar as never);
}

/**
 * Takes one of the seed's stand-in years away (the product's state until the center enters that
 * year's notice); the returned function puts the seeded years back, keeping anything else written since.
 */
export function withoutYear(cloud: CloudBase, year: number): () => void {
  const calendarDoc = () =>
    cloud.store.get('settings', 'calendar')!.doc as { _id: string; years: Record<string, unknown> };
  const seededYears = calendarDoc().years;
  const { [String(year)]: _taken, ...others } = seededYears;
  cloud.store.apply([{ collection: 'settings', id: 'calendar', doc: { ...calendarDoc(), years: others } as never }]);
  return () =>
    cloud.store.apply([
      { collection: 'settings', id: 'calendar', doc: { ...calendarDoc(), years: seededYears } as never },
    ]);
}

const SEEDED_DETAILS = {
  livelihood: { specialGroups: ['mobility_impaired'], livelihoodPublicService: true },
  enterprise: { enterpriseMatter: 'establishment' },
  investment: {
    projectName: '农产品加工项目',
    investmentWan: 1200,
    approvalLevel: 'county',
    fitsIndustrialPolicy: true,
    excludedKinds: [],
  },
  major: { projectName: '重点项目', annualPlans: ['county'] },
};

let seeded = 0;
/**
 * Puts a freshly submitted case straight into the database (as `cases.submit` would store it), for
 * tests about what happens after submission; the submit form itself is tested in its own suite.
 */
export function seedCase(
  cloud: CloudBase,
  opts: {
    applicantId: string;
    category?: 'livelihood' | 'enterprise' | 'investment' | 'major';
    mode?: 'help' | 'proxy';
    unitId?: string;
    agentId?: string | null;
    at?: Date;
  },
) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openCase, CATEGORY_LABELS } = require('../../core') as typeof import('../../core');
  const at = opts.at ?? new Date();
  const category = opts.category ?? 'enterprise';
  const unitId = opts.unitId ?? (category === 'investment' || category === 'major' ? 'fgw' : 'center');
  const agentId = opts.agentId === undefined ? (unitId === 'fgw' ? 'st-agent-fgw' : 'st-agent-center') : opts.agentId;
  const record = openCase(
    { applicantId: opts.applicantId, category, mode: opts.mode ?? 'help', unitId, agentId },
    at,
  ).case;
  seeded++;
  const id = `seeded-case-${seeded}`;
  const caseNo = `BB20260101-${String(9000 + seeded)}`;
  const doc = {
    ...record,
    _id: id,
    caseNo,
    // cases carry the submit's idempotency key (unique index)
    requestKey: `seeded:${id}`,
    // within §三, as cases.submit now insists (受理 re-checks it)
    applicantType: category === 'livelihood' ? 'person' : 'enterprise',
    details: SEEDED_DETAILS[category],
    matter: `${CATEGORY_LABELS[category]}（测试）`,
    contactName: '王海',
    contactPhone: '13899001122',
    unitName: unitId === 'fgw' ? '和硕县发展和改革委员会' : '和硕县政务服务中心',
    agentName: agentId === 'st-agent-fgw' ? '马建军' : agentId ? '陈静' : null,
    firstAgentName: null,
    submittedAt: at,
    updatedAt: at,
    version: 1,
  };
  cloud.store.apply([{ collection: 'cases', id, doc: doc as never }]);
  return { caseId: id, caseNo, doc };
}

/**
 * What the notify function's timer does every few seconds: settles the effects answered calls left
 * (台账 rows, outbox entries) and delivers messages. Tests run it where a person would wait a moment.
 */
export async function deliver(cloud: CloudBase, time?: Date): Promise<Record<string, number>> {
  const r = await cloud.triggers.fire('notify', time ? { time } : {});
  if (!r.ok) throw new Error(`notify timer failed: ${r.error ?? JSON.stringify(r.result)}`);
  const answer = r.result as { ok: boolean; data: Record<string, number> };
  if (!answer?.ok) throw new Error(`notify timer answered ${JSON.stringify(answer)}`);
  return answer.data;
}
