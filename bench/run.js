#!/usr/bin/env node
'use strict';
/*
 * npm run bench: speed of the local CloudBase, measured, never asserted in tests.
 * - warm invocation latency (p50/p95) with and without a database round trip
 * - cold start of a function instance (worker + loading wx-server-sdk and the function)
 * - database query throughput over 10,000 documents, by index and by full scan
 * - the weapp build (dist/) in the weapp harness: setData calls and bytes per interaction over
 *   every journey (WeChat advises ≤ 256 KB a call and fails one over ~1 MB)
 */
const path = require('node:path');
const esbuild = require('esbuild');
const { EJSON } = require('bson');

const ROOT = path.join(__dirname, '..');
const out = path.join(ROOT, '.build', 'local-cloud', 'index.js');
esbuild.buildSync({ entryPoints: [path.join(ROOT, 'local-cloud/src/index.ts')], outfile: out, bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
process.env.TZ = 'UTC';
const { startCloudBase } = require(out);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(2)} ms`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'test/cloud/fixtures/functions'),
    triggers: false,
    project: { envId: 'bench-env', collections: { items: { indexes: [{ name: 'group_1', keys: { group: 1 } }] }, people: {} } },
  });
  const caller = { openid: 'o_bench', appid: 'wx_bench', source: 'wx_client' };
  const rows = [];
  try {
    // cold starts
    const cold = [];
    for (let i = 0; i < 5; i++) {
      cloud.host.recycle('conformance');
      const t = now();
      await cloud.host.invoke('conformance', { probe: 'context' }, caller);
      cold.push(now() - t);
    }
    rows.push(['cold start (instance + SDK load + first call), median of 5', ms(pct(cold, 50))]);

    await cloud.host.invoke('conformance', { probe: 'add', coll: 'people', data: { _id: 'p1', name: 'bench' } }, caller);
    for (const [label, event] of [
      ['warm invocation, no database', { probe: 'context' }],
      ['warm invocation, one doc().get()', { probe: 'docGet', coll: 'people', id: 'p1' }],
    ]) {
      const times = [];
      for (let i = 0; i < 300; i++) {
        const t = now();
        await cloud.host.invoke('conformance', event, caller);
        times.push(now() - t);
      }
      rows.push([`${label}: p50 / p95 (300 calls)`, `${ms(pct(times, 50))} / ${ms(pct(times, 95))}`]);
    }

    // 10,000 documents over the wire, 100 per insert
    const wire = async (body) => (await fetch(`${cloud.url}/admin?env=bench-env`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    let t = now();
    for (let b = 0; b < 100; b++) {
      const data = [];
      for (let i = 0; i < 100; i++) {
        const n = b * 100 + i;
        data.push(EJSON.stringify({ n, group: n % 1000, other: n % 1000, at: new Date(n * 1000) }, { relaxed: false }));
      }
      const r = await wire({ action: 'database.insertDocument', collectionName: 'items', data });
      if (r.code) throw new Error(r.message);
    }
    rows.push(['insert 10,000 documents (100 per request)', `${((10000 / (now() - t)) * 1000).toFixed(0)} docs/s`]);

    for (const [label, field] of [
      ['query by indexed field (group = k), 10 matches of 10,000', 'group'],
      ['query by unindexed field (other = k), full scan of 10,000', 'other'],
    ]) {
      const n = 300;
      t = now();
      for (let i = 0; i < n; i++) {
        const r = await wire({ action: 'database.getDocument', collectionName: 'items', queryType: 'WHERE', query: EJSON.stringify({ [field]: i % 1000 }, { relaxed: false }), limit: 100 });
        if (r.data.list.length !== 10) throw new Error(`expected 10 matches, got ${r.data.list.length}`);
      }
      rows.push([label, `${((n / (now() - t)) * 1000).toFixed(0)} queries/s`]);
    }
    t = now();
    for (let i = 0; i < 50; i++) {
      const r = await wire({ action: 'database.getDocument', collectionName: 'items', queryType: 'WHERE', query: EJSON.stringify({ n: { $gte: 5000 } }, { relaxed: false }), order: EJSON.stringify({ at: -1 }), limit: 100 });
      if (r.data.list.length !== 100) throw new Error('range query failed');
    }
    rows.push(['range + sort over 10,000, first 100', `${((50 / (now() - t)) * 1000).toFixed(0)} queries/s`]);
  } finally {
    await cloud.stop();
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Local CloudBase benchmark (node ${process.version}, ${require('node:os').cpus().length} cores)`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  packageSizes();
  await schedulerRun();
  await require('./ledger').run(out);
  await weappSetData();
}

/** Bytes of the weapp main package and each subpackage (WeChat: 2 MB each; our main budget 1 MB). */
function packageSizes() {
  const fs = require('node:fs');
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'app.json'))) return console.log('\nweapp package sizes: skipped (run `npm run build:weapp` first)');
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'));
  const roots = (app.subPackages || app.subpackages || []).map((p) => p.root.replace(/\/$/, ''));
  const size = (dir, skip = []) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
      const full = path.join(dir, e.name);
      if (skip.includes(path.relative(dist, full))) return n;
      return n + (e.isDirectory() ? size(full, skip) : fs.statSync(full).size);
    }, 0);
  console.log('\nweapp package sizes (limit 2 MB each)');
  console.log(`  main package: ${size(dist, roots).toLocaleString('en-US')} B (budget 1 MB)`);
  for (const r of roots) console.log(`  ${r}: ${size(path.join(dist, r)).toLocaleString('en-US')} B`);
}

// ─── scheduler (issue 7: timers) ─────────────────────────────────────────────────────────────────
/**
 * The scheduler (cloudfunctions-src/scheduler) over 10,000 open cases with every job it has: due
 * soon/overdue/feedback, 预约提醒 a day and an hour ahead, 未到场, default ratings (switched on),
 * 差评 deadlines. Two runs: one with a working day's worth to say (100 due-soon cases, 120
 * appointment reminders, 60 no-shows, 100 default ratings, 50 overdue 差评 call-backs) and the same
 * run again, which must find everything already sent. Each job's own time is printed.
 */
async function schedulerRun() {
  require('../scripts/build-functions').build();
  const { loadProject } = require(out);
  const cloud = await startCloudBase({ port: 0, dataDir: null, functionsDir: path.join(ROOT, 'cloudfunctions'), project: loadProject(path.join(ROOT, 'cloudbase.json')), triggers: false });
  try {
    await require('../scripts/seed').seed(cloud.sdkEnv);
    const received = new Date('2026-11-02T02:00:00Z');
    const make = (i, limit) => ({
      _id: `bench-${i}`,
      caseNo: `BB20261102-${String(i).padStart(5, '0')}`,
      requestKey: `bench:${i}`,
      status: 'handling',
      category: 'enterprise',
      mode: 'help',
      applicantId: `o_bench_${i}`,
      unitId: 'center',
      agentId: 'st-agent-center',
      firstAgentId: 'st-agent-center',
      window: '综合窗口',
      clock: { receivedOn: '2026-11-02', receivedAt: received, limitWorkingDays: limit, extraWorkingDays: 0, pauses: [] },
      missingMaterials: [], refusalReasons: [], suspensionReason: null, result: null, termination: null, tasks: [], meetings: [], escalations: [],
      lastContactAt: new Date('2026-11-27T02:00:00Z'),
      endedAt: null,
      timeline: [{ seq: 1, action: 'apply', from: null, to: 'applied', actor: { id: `o_bench_${i}`, role: 'applicant' }, at: received, note: null }],
      applicantType: 'person', matter: '基准测试', contactName: '测试', contactPhone: '13900000000', unitName: '和硕县政务服务中心', agentName: '陈静', firstAgentName: '陈静',
      submittedAt: received, updatedAt: received, version: 3,
    });
    for (let b = 0; b < 10; b++) {
      cloud.store.apply(Array.from({ length: 1000 }, (_, j) => {
        const i = b * 1000 + j;
        // 100 cases have a 20-working-day limit (due soon on the bench day), the rest 30
        return { collection: 'cases', id: `bench-${i}`, doc: make(i, i < 100 ? 20 : 30) };
      }));
    }
    const benchDay = new Date('2026-11-27T01:00:00Z'); // Fri 09:00 Beijing
    const HOUR = 3600_000;
    const bj = (d) => new Date(d.getTime() + 8 * HOUR).toISOString();
    const booking = (id, startsAt, minutes) => {
      const end = new Date(startsAt.getTime() + minutes * 60_000);
      return {
        _id: id, applicantId: `o_${id}`, slotId: `${bj(startsAt).slice(0, 10)}@am@${bj(startsAt).slice(11, 16)}`, kind: 'regular', startsAt, status: 'active', category: 'enterprise', caseId: null, homeAddress: null,
        bookedBy: { id: `o_${id}`, role: 'applicant' }, bookedAt: new Date(startsAt.getTime() - 3 * 24 * HOUR), rescheduleCount: 0, cancelledAt: null, cancelReason: null,
        date: bj(startsAt).slice(0, 10), start: bj(startsAt).slice(11, 16), end: bj(end).slice(11, 16), windowLabel: '上午', contactName: '测试', contactPhone: '13900000000', checkedInAt: null,
      };
    };
    const bookings = [
      // tomorrow 08:00–: the day-before reminder is due
      ...Array.from({ length: 60 }, (_, i) => booking(`bk-day-${i}`, new Date(benchDay.getTime() + 23 * HOUR), 30)),
      // in 30 minutes: the hour-before reminder
      ...Array.from({ length: 60 }, (_, i) => booking(`bk-hour-${i}`, new Date(benchDay.getTime() + 30 * 60_000), 30)),
      // 07:30–08:00 today, nobody checked in: 未到场 after the 30-minute grace
      ...Array.from({ length: 60 }, (_, i) => booking(`bk-gone-${i}`, new Date(benchDay.getTime() - 90 * 60_000), 30)),
      // next week: nothing to say yet
      ...Array.from({ length: 800 }, (_, i) => booking(`bk-later-${i}`, new Date(benchDay.getTime() + (4 + (i % 4)) * 24 * HOUR), 30)),
    ];
    cloud.store.apply(bookings.map((b) => ({ collection: 'bookings', id: b._id, doc: b })));
    // default ratings on (7 days): 2,000 cases finished over the last 20 days, all rated (by the
    // applicant or an earlier default) except the 100 that reach 7 days today
    cloud.store.apply([{ collection: 'settings', id: 'center', doc: { _id: 'center', rating: { defaultRatingAfterDays: 7 } } }]);
    const ended = Array.from({ length: 2000 }, (_, i) => ({ ...make(20000 + i, 20), _id: `bench-ended-${i}`, requestKey: `bench:ended:${i}`, caseNo: `BB20261101-${String(i).padStart(5, '0')}`, status: 'finished', endedAt: new Date(benchDay.getTime() - (i < 100 ? 7 : 8 + (i % 12)) * 24 * HOUR) }));
    cloud.store.apply(ended.map((c) => ({ collection: 'cases', id: c._id, doc: c })));
    cloud.store.apply(ended.slice(100).map((c) => ({ collection: 'ratings', id: c._id, doc: { _id: c._id, caseId: c._id, raterId: c.applicantId, source: 'applicant', level: 'satisfied', dimensions: {}, tags: [], comment: null, at: c.endedAt, followUp: null } })));
    // 差评 in handling: 300 being rectified (on track), 50 not called back since Wednesday (overdue)
    const bad = (i, status, openedOn) => ({ _id: `bench-bad-${i}`, caseId: `bench-ended-${100 + i}`, followUp: false, level: 'dissatisfied', openedAt: new Date(`${openedOn}T02:00:00Z`), openedOn, status, owners: { agentIds: ['st-agent-center'], unitIds: ['center'] }, appeal: null, history: [] });
    cloud.store.apply([...Array.from({ length: 300 }, (_, i) => bad(i, 'awaiting_rectification', '2026-11-20')), ...Array.from({ length: 50 }, (_, i) => bad(300 + i, 'awaiting_call_back', '2026-11-25'))].map((d) => ({ collection: 'badRatings', id: d._id, doc: d })));

    const fire = async (time) => {
      const t = now();
      const r = await cloud.triggers.fire('scheduler', { time });
      if (!r.ok || !r.result.ok) throw new Error(`scheduler failed: ${r.error ?? JSON.stringify(r.result)}`);
      return { ms: now() - t, counts: r.result.data };
    };
    const first = await fire(benchDay);
    const again = await fire(benchDay);
    const jobs = (c) => ['cases', 'appointments', 'no_show', 'default_rating', 'bad_rating', 'reassign', 'dispatch'].map((j) => `${j} ${c[`ms_${j}`] ?? 0}`).join(', ');
    const said = (c) => ['due_soon', 'appointment_day_before', 'appointment_hour_before', 'no_show', 'default_rating', 'bad_rating_call_back_overdue'].map((k) => `${k} ${c[k] ?? 0}`).join(', ');
    console.log(`\nscheduler over 10,000 open cases, 920 bookings, 2,000 ended cases, 350 差评 (in-process database; in the cloud each round trip adds tens of ms)`);
    console.log(`  a working day's run: ${first.ms.toFixed(0)} ms  (${first.counts.scanned} cases scanned; ${said(first.counts)}; ${first.counts.expanded} messages delivered)`);
    console.log(`    per job, ms: ${jobs(first.counts)}`);
    console.log(`  the same run again (nothing new to say, everything sent once): ${again.ms.toFixed(0)} ms  (${said(again.counts)})`);
    console.log(`    per job, ms: ${jobs(again.counts)}`);
  } finally {
    await cloud.stop();
  }
}

/** Every journey on the weapp build in the harness; setData per interaction and the largest call. */
async function weappSetData() {
  const { DIST, loadWeappTools, startAppCloud } = require('../scripts/weapp-tools');
  let tools;
  try {
    tools = loadWeappTools();
  } catch (e) {
    console.log(`\nweapp setData: skipped (${e.message})`);
    return;
  }
  const cloud = await startAppCloud(tools);
  let runs;
  try {
    runs = await tools.runJourneysOnWeapp(DIST, cloud);
  } finally {
    await cloud.stop();
  }
  const bytes = (n) => `${n.toLocaleString('en-US')} B`;
  const table = runs.flatMap((run) => tools.summarize(run.interactions).map((i) => [`${run.journey}  ${i.label}`, String(i.setDataCalls), bytes(i.largestBytes), bytes(i.totalBytes)]));
  const head = ['interaction (journey  user: action)', 'setData calls', 'largest', 'total'];
  const w = head.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)));
  console.log(`\nweapp build in the harness: setData per interaction (${runs.map((r) => r.journey).join(', ')})`);
  for (const r of [head, ...table]) console.log(r.map((x, c) => (c === 0 ? x.padEnd(w[c]) : x.padStart(w[c]))).join('  '));
  const all = runs.flatMap((r) => r.interactions.map((i) => ({ ...i, label: `${r.journey}  ${i.label}` })));
  const largest = tools.largestCall(all);
  const calls = all.reduce((n, i) => n + i.calls.length, 0);
  console.log(`largest single setData: ${bytes(largest ? largest.bytes : 0)} (${largest ? largest.label : 'none'}); ${calls} calls in ${all.length} interactions; WeChat advises ≤ ${bytes(tools.SETDATA_ADVISED_BYTES)} a call, fails over ${bytes(tools.SETDATA_LIMIT_BYTES)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
