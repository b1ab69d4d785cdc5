/**
 * The app half of `npm run bench` (bundled by bench/run.js with esbuild): the real Bangban functions
 * on an in-process local CloudBase with the security suite's world (test/security/support/world.ts).
 * Measured, never asserted: bundle sizes, cold and warm latency of the main actions, database round
 * trips per action (every action in the registry, from a successful call where one can be made),
 * sustained submissions per second, and 200 people racing for a 5-seat slot.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CloudBase } from '../local-cloud/src';
import { IDLE_READS_GOAL, runsPerDay } from './idle';
import { startAppCloud } from '../test/support/app';
import { fullApplication, agreePrivacy } from '../test/support/applicant';
import { buildWorld, cloneCase, persona, PERSONAS } from '../test/security/support/world';
import { actionVariants, resourceKind } from '../test/security/support/registry';
import { applicantScenarios } from '../test/security/support/scenarios';

// bundled to .build/bench/app.js by bench/run.js: the repository is two levels up from there
const ROOT = path.join(__dirname, '..', '..');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export interface ActionLatency {
  action: string;
  by: string;
  coldMs: number;
  p50Ms: number;
  p95Ms: number;
  dbRoundTrips: number;
}

export interface AppResults {
  functionBytes: Record<string, number>;
  actions: ActionLatency[];
  roundTrips: { action: string; applicantFacing: boolean; dbRoundTrips: number; answered: string }[];
  submissionsPerSecond: number;
  booking: { attempts: number; seats: number; booked: number; ms: number };
  /** cold start of every function: a new instance answering an unknown action (load + first call) */
  coldStartMs: Record<string, number>;
  /** database requests the timers make on a day nobody uses the service */
  idle: { readsPerRun: Record<string, number>; runsPerDay: Record<string, number>; readsPerDay: number; goal: number };
}

async function invoke(cloud: CloudBase, fn: string, action: string, input: object, openid: string) {
  const t = now();
  const { json, record } = await cloud.host.invoke(
    fn,
    { action, input, userInfo: { openId: openid, appId: 'wx_bench' } },
    { openid, appid: 'wx_bench', source: 'wx_client' },
  );
  const ms = now() - t;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const answer = JSON.parse(json) as { ok: boolean; code?: string; data?: any };
  return { ms, answer, dbRequests: record.dbRequests, cold: record.cold };
}

export async function appBench(log: (line: string) => void): Promise<AppResults> {
  const functionsDir = path.join(ROOT, 'cloudfunctions');
  const world = await buildWorld({ maxInstances: 8 });
  const { cloud } = world;
  const functionBytes = Object.fromEntries(
    fs
      .readdirSync(functionsDir)
      .filter((d) => fs.existsSync(path.join(functionsDir, d, 'index.js')))
      .map((d) => [d, fs.statSync(path.join(functionsDir, d, 'index.js')).size]),
  );
  try {
    const applicant = persona('applicant').openid;
    const agent = persona('agent').openid;
    const handling = () =>
      cloneCase(
        cloud,
        world.cases.find((t) => t.owner === 'A' && t.status === 'handling')!,
      );
    const finished = cloneCase(
      cloud,
      world.cases.find((t) => t.owner === 'A' && t.status === 'finished+rated')!,
    );
    const own = handling();
    let submitted = 0;
    const main: { fn: string; action: string; by: string; input: () => object }[] = [
      { fn: 'session', action: 'whoami', by: applicant, input: () => ({}) },
      { fn: 'applicant', action: 'privacyStatus', by: applicant, input: () => ({}) },
      {
        fn: 'cases',
        action: 'submit',
        by: applicant,
        input: () =>
          fullApplication({
            category: 'enterprise',
            applicantType: 'enterprise',
            mode: 'help',
            matter: `基准测试申请 ${submitted++}`,
            contactName: '基准',
            contactPhone: '13800138000',
          }),
      },
      { fn: 'cases', action: 'listMine', by: applicant, input: () => ({}) },
      { fn: 'cases', action: 'get', by: applicant, input: () => ({ caseId: own._id }) },
      { fn: 'bookings', action: 'listSlots', by: applicant, input: () => ({}) },
      { fn: 'bookings', action: 'listMine', by: applicant, input: () => ({}) },
      { fn: 'notify', action: 'inbox', by: applicant, input: () => ({}) },
      { fn: 'ratings', action: 'getForCase', by: applicant, input: () => ({ caseId: finished._id }) },
      { fn: 'workbench', action: 'listCases', by: agent, input: () => ({}) },
      { fn: 'workbench', action: 'get', by: agent, input: () => ({ caseId: own._id }) },
      {
        fn: 'workbench',
        action: 'act',
        by: agent,
        input: () => ({
          caseId: own._id,
          version: Number(cloud.store.get('cases', own._id)!.doc.version),
          action: { type: 'reportProgress', note: '电话告知办理进度' },
        }),
      },
      { fn: 'center', action: 'getSettings', by: agent, input: () => ({}) },
    ];
    const actions: ActionLatency[] = [];
    for (const m of main) {
      cloud.host.recycle(m.fn);
      const cold = await invoke(cloud, m.fn, m.action, m.input(), m.by);
      if (!cold.answer.ok) throw new Error(`${m.fn}.${m.action}: ${JSON.stringify(cold.answer)}`);
      const times: number[] = [];
      let trips = 0;
      for (let i = 0; i < 60; i++) {
        const r = await invoke(cloud, m.fn, m.action, m.input(), m.by);
        if (!r.answer.ok) throw new Error(`${m.fn}.${m.action}: ${JSON.stringify(r.answer)}`);
        times.push(r.ms);
        trips = Math.max(trips, r.dbRequests);
      }
      actions.push({
        action: `${m.fn}.${m.action}`,
        by: m.by === agent ? 'agent' : 'applicant',
        coldMs: cold.ms,
        p50Ms: pct(times, 50),
        p95Ms: pct(times, 95),
        dbRoundTrips: trips,
      });
      log(
        `  ${m.fn}.${m.action}: cold ${cold.ms.toFixed(0)} ms, warm p50 ${pct(times, 50).toFixed(1)} ms / p95 ${pct(times, 95).toFixed(1)} ms, ${trips} round trips`,
      );
    }

    // every applicant-facing action on its successful path (the round-trip test's scenarios), and
    // every staff action with its registry sample by someone allowed, on a fresh case
    const roundTrips: AppResults['roundTrips'] = [];
    const scenarios = applicantScenarios(world);
    const applicantKeys = new Set<string>();
    for (const v of actionVariants()) {
      const key = `${v.fn}.${v.action}`;
      if (v.spec.roles.includes('applicant')) {
        if (applicantKeys.has(key) || !scenarios[key]) continue;
        applicantKeys.add(key);
        const { input, by } = await scenarios[key]();
        await invoke(cloud, v.fn, '-', {}, by);
        const r = await invoke(cloud, v.fn, v.action, input, by);
        roundTrips.push({
          action: key,
          applicantFacing: true,
          dbRoundTrips: r.dbRequests,
          answered: r.answer.ok ? 'ok' : String(r.answer.code),
        });
        continue;
      }
      const callerFor = () => {
        for (const [role, k] of [
          ['agent', 'agent'],
          ['leader', 'leader'],
          ['center', 'admin'],
        ] as const)
          if (v.spec.roles.includes(role)) return PERSONAS.find((p) => p.key === k)!;
        return persona('admin');
      };
      const c = resourceKind(v) === 'case' ? handling() : null;
      const input = c
        ? { ...v.sample, caseId: c._id, ...('version' in v.sample ? { version: c.version } : {}) }
        : v.sample;
      const r = await invoke(cloud, v.fn, v.action, input, callerFor().openid);
      roundTrips.push({
        action: v.key,
        applicantFacing: false,
        dbRoundTrips: r.dbRequests,
        answered: r.answer.ok ? 'ok' : String(r.answer.code),
      });
    }

    // sustained submissions: 8 applicants submitting back to back for 5 seconds
    const submitters = Array.from({ length: 8 }, (_, i) => `o_bench_submit_${i}`);
    for (const s of submitters) await agreePrivacy(cloud, s);
    // every instance started first: sustained throughput, not cold starts
    await Promise.all(
      submitters.map((s) =>
        invoke(
          cloud,
          'cases',
          'submit',
          fullApplication({
            category: 'enterprise',
            applicantType: 'enterprise',
            mode: 'help',
            matter: '预热',
            contactName: '基准',
            contactPhone: '13800138000',
          }),
          s,
        ),
      ),
    );
    let done = 0;
    const end = now() + 5000;
    const t0 = now();
    await Promise.all(
      submitters.map(async (s) => {
        while (now() < end) {
          const r = await invoke(
            cloud,
            'cases',
            'submit',
            fullApplication({
              category: 'enterprise',
              applicantType: 'enterprise',
              mode: 'help',
              matter: '持续提交',
              contactName: '基准',
              contactPhone: '13800138000',
            }),
            s,
          );
          if (r.answer.ok) done++;
        }
      }),
    );
    const submissionsPerSecond = (done / (now() - t0)) * 1000;

    // 200 people, one 5-seat slot
    const admin = persona('admin').openid;
    const settings = await invoke(cloud, 'center', 'getSettings', {}, admin);
    const windows = settings.answer.data.settings.booking.windows.map((w: { id: string }) =>
      w.id === 'am' ? { ...w, capacity: 5 } : w,
    );
    await invoke(cloud, 'center', 'saveSettings', { section: 'booking', value: { windows } }, admin);
    const listed = await invoke(cloud, 'bookings', 'listSlots', {}, 'o_bench_probe');
    const slot = listed.answer.data.days
      .flatMap((d: { slots: { slotId: string; capacity: number; remaining: number }[] }) => d.slots)
      .find(
        (s: { slotId: string; capacity: number; remaining: number }) =>
          s.slotId.includes('@am@') && s.capacity === 5 && s.remaining === 5,
      );
    // warm instances first (all eight at once): the race is about the database, not cold starts
    await Promise.all(Array.from({ length: 16 }, () => invoke(cloud, 'bookings', 'listMine', {}, 'o_bench_probe')));
    const tb = now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        invoke(cloud, 'bookings', 'book', { slotId: slot.slotId, category: 'enterprise' }, `o_bench_rush_${i}`),
      ),
    );
    const booking = { attempts: 200, seats: 5, booked: answers.filter((a) => a.answer.ok).length, ms: now() - tb };
    const coldStartMs: Record<string, number> = {};
    for (const fn of Object.keys(functionBytes)) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        cloud.host.recycle(fn);
        times.push((await invoke(cloud, fn, '__bench_cold__', {}, applicant)).ms);
      }
      coldStartMs[fn] = pct(times, 50);
    }
    log(
      '  cold start per function (median of 3): ' +
        Object.entries(coldStartMs)
          .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
          .join(', '),
    );

    // idle: a fresh seeded environment nobody uses (this bench world is busy with what it just
    // did); the timers run until nothing is left, then one more run of each is what an idle day repeats
    const idleCloud = await startAppCloud();
    const readsPerRun: Record<string, number> = {};
    const perDay: Record<string, number> = {};
    try {
      const quiet = new Date(Date.now() + 60_000);
      const run = async (fn: string) => {
        // the host keeps a bounded history: find this run by its trigger and start time, not by position
        const since = Date.now();
        const fired = await idleCloud.triggers.fire(fn, { time: quiet });
        if (!fired.ok) throw new Error(`${fn} timer: ${fired.error}`);
        return idleCloud.host.history
          .filter((h) => h.functionName === fn && h.trigger && h.startedAt >= since)
          .reduce((n, h) => n + h.dbRequests, 0);
      };
      for (let i = 0; i < 2; i++) for (const fn of ['notify', 'scheduler']) await run(fn);
      for (const fn of ['notify', 'scheduler']) {
        readsPerRun[fn] = await run(fn);
        const config = JSON.parse(fs.readFileSync(path.join(functionsDir, fn, 'config.json'), 'utf8'));
        perDay[fn] = runsPerDay(config.triggers[0].config);
      }
    } finally {
      await idleCloud.stop();
    }
    const readsPerDay = Object.keys(readsPerRun).reduce((n, fn) => n + readsPerRun[fn] * perDay[fn], 0);
    const idle = { readsPerRun, runsPerDay: perDay, readsPerDay, goal: IDLE_READS_GOAL };
    log(
      `  idle day: ${Object.keys(readsPerRun)
        .map((fn) => `${fn} ${readsPerRun[fn]} reads × ${perDay[fn]} runs`)
        .join(' + ')} = ${readsPerDay} reads (goal ≤ 6,000)`,
    );
    return { functionBytes, actions, roundTrips, submissionsPerSecond, booking, coldStartMs, idle };
  } finally {
    await cloud.stop();
  }
}
