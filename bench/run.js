#!/usr/bin/env node
'use strict';
/* global document, window, MutationObserver -- the H5 measurement runs these inside the page */
/*
 * npm run bench: speed, measured, never asserted in tests; every figure also goes to
 * bench/results.json and the summary table at the end (the README's bench section shows it).
 * - the weapp main package and each subpackage, each function bundle, in bytes
 * - the real functions (bench/app.ts): cold start and warm p50/p95 of the main actions, database
 *   round trips per action, submissions per second, 200 people racing for a 5-seat slot
 * - the ledger's statistics at 100,000 cases (bench/ledger.js)
 * - the H5 home page in headless Chromium: first contentful paint, service list usable
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
esbuild.buildSync({
  entryPoints: [path.join(ROOT, 'local-cloud/src/index.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
process.env.TZ = 'UTC';
const { startCloudBase } = require(out);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(2)} ms`;
/** Everything measured, written to bench/results.json at the end. */
const results = {
  at: new Date().toISOString(),
  node: process.version,
  cores: require('node:os').cpus().length,
  loadAverageAtStart: require('node:os').loadavg()[0],
  localCloud: {},
};
const now = () => Number(process.hrtime.bigint()) / 1e6;

async function main() {
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'test/cloud/fixtures/functions'),
    triggers: false,
    project: {
      envId: 'bench-env',
      collections: { items: { indexes: [{ name: 'group_1', keys: { group: 1 } }] }, people: {} },
    },
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
    results.localCloud.coldStartMs = pct(cold, 50);

    await cloud.host.invoke(
      'conformance',
      { probe: 'add', coll: 'people', data: { _id: 'p1', name: 'bench' } },
      caller,
    );
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
      results.localCloud[label] = { p50Ms: pct(times, 50), p95Ms: pct(times, 95) };
    }

    // 10,000 documents over the wire, 100 per insert
    const wire = async (body) =>
      (
        await fetch(`${cloud.url}/admin?env=bench-env`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
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
        const r = await wire({
          action: 'database.getDocument',
          collectionName: 'items',
          queryType: 'WHERE',
          query: EJSON.stringify({ [field]: i % 1000 }, { relaxed: false }),
          limit: 100,
        });
        if (r.data.list.length !== 10) throw new Error(`expected 10 matches, got ${r.data.list.length}`);
      }
      rows.push([label, `${((n / (now() - t)) * 1000).toFixed(0)} queries/s`]);
    }
    t = now();
    for (let i = 0; i < 50; i++) {
      const r = await wire({
        action: 'database.getDocument',
        collectionName: 'items',
        queryType: 'WHERE',
        query: EJSON.stringify({ n: { $gte: 5000 } }, { relaxed: false }),
        order: EJSON.stringify({ at: -1 }),
        limit: 100,
      });
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
  await appRun();
  await schedulerRun();
  await ledgerRun();
  await h5Run();
  await weappSetData();
  summary();
}

/** Bytes of the weapp main package and each subpackage (WeChat: 2 MB each; our main budget 1 MB). */
function packageSizes() {
  const fs = require('node:fs');
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'app.json')))
    return console.log('\nweapp package sizes: skipped (run `npm run build:weapp` first)');
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
  results.weapp = {
    mainBytes: size(dist, roots),
    subpackages: Object.fromEntries(roots.map((r) => [r, size(path.join(dist, r))])),
  };
}

/** The real functions through the local CloudBase (bench/app.ts, bundled with the test support it reuses). */
async function appRun() {
  require('../scripts/build-functions').build();
  const bundle = path.join(ROOT, '.build', 'bench', 'app.js');
  // the test support finds scripts/ and the repository from its own location: keep them outside the bundle
  const keepOut = {
    name: 'scripts',
    setup: (b) =>
      b.onResolve({ filter: /scripts\/(build-functions|seed)$/ }, (a) => ({
        path: path.join(a.resolveDir, a.path),
        external: true,
      })),
  };
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'app.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [keepOut],
    logLevel: 'warning',
  });
  console.log(
    '\nreal functions through the local CloudBase (in-process database; in the cloud each round trip adds tens of ms)',
  );
  const app = await require(bundle).appBench((line) => console.log(line));
  results.functions = app.functionBytes;
  results.actions = app.actions;
  results.roundTrips = app.roundTrips;
  results.submissionsPerSecond = app.submissionsPerSecond;
  results.booking = app.booking;
  results.coldStartMs = app.coldStartMs;
  results.idle = app.idle;
  console.log(
    '  function bundles: ' +
      Object.entries(app.functionBytes)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')} B`)
        .join(', '),
  );
  const over = app.roundTrips.filter((r) => r.applicantFacing && r.answered === 'ok' && r.dbRoundTrips > 4);
  console.log(
    `  database round trips, applicant actions (successful path): ${app.roundTrips
      .filter((r) => r.applicantFacing)
      .map((r) => `${r.action} ${r.dbRoundTrips}${r.answered === 'ok' ? '' : ` (${r.answered})`}`)
      .join(', ')}`,
  );
  console.log(
    `  database round trips, staff actions (sample call): ${app.roundTrips
      .filter((r) => !r.applicantFacing)
      .map((r) => `${r.action} ${r.dbRoundTrips}${r.answered === 'ok' ? '' : ` (${r.answered})`}`)
      .join(', ')}`,
  );
  console.log(`  applicant-facing actions over 4 round trips: ${over.map((r) => r.action).join(', ') || 'none'}`);
  console.log(`  submissions sustained: ${app.submissionsPerSecond.toFixed(1)}/s (8 applicants back to back for 5 s)`);
  console.log(
    `  200 concurrent bookings for a 5-seat slot: ${app.booking.booked} booked in ${app.booking.ms.toFixed(0)} ms`,
  );
}

/** The ledger's statistics over 100,000 cases (bench/ledger.js): the worst call of its queries. */
async function ledgerRun() {
  const r = await require('./ledger').run(out);
  results.ledger = r && typeof r.worstMs === 'number' ? { statsMs: r.worstMs } : null;
}

/**
 * The H5 build's home page in headless Chromium (phone viewport, the app's own gateway to a local
 * CloudBase): first contentful paint, and when the service list (§三 categories) and the apply
 * button are on screen and the page answers a tap. Median of 5 fresh loads.
 */
async function h5Run() {
  const fs = require('node:fs');
  const http = require('node:http');
  const h5 = path.join(ROOT, '.build', 'h5-e2e');
  if (!fs.existsSync(path.join(h5, 'index.html'))) {
    results.h5 = null;
    return console.log(
      '\nH5 home page: skipped (no H5 build in .build/h5-e2e: run the browser journeys once, or `BANGBAN_CLOUD_URL= BANGBAN_H5_OUT=.build/h5-e2e npm run build:h5`)',
    );
  }
  const { chromium } = require('playwright-core');
  const { loadProject } = require(out);
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: loadProject(path.join(ROOT, 'cloudbase.json')),
    triggers: false,
  });
  await require('../scripts/seed').seed(cloud.sdkEnv, { standInCalendars: true });
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/gateway/')) {
      const up = http.request(
        `${cloud.url}${url.pathname}${url.search}`,
        { method: req.method, headers: { 'content-type': req.headers['content-type'] || 'application/json' } },
        (r) => {
          res.writeHead(r.statusCode, { 'content-type': r.headers['content-type'] || 'application/json' });
          r.pipe(res);
        },
      );
      return void req.pipe(up);
    }
    let file = path.join(h5, decodeURIComponent(url.pathname));
    if (!file.startsWith(h5) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      file = path.join(h5, 'index.html');
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const fcp = [];
  const usable = [];
  try {
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 667 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      // the moment the §三 service list and the apply button are both on screen
      await page.addInitScript(() => {
        const check = () => {
          const list = document.querySelector('.t-scope-livelihood');
          const go = document.querySelector('.t-go-apply');
          if (list && go && list.getBoundingClientRect().height > 0 && go.getBoundingClientRect().height > 0) {
            window.__usableAt = performance.now();
            return true;
          }
          return false;
        };
        new MutationObserver((_, o) => check() && o.disconnect()).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${base}/?as=o_citizen_elder`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 30_000 });
      // the page answers a tap (the apply form opens)
      await page.click('.t-go-apply');
      await page.waitForURL(/apply/, { timeout: 30_000 });
      const m = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        usable: window.__usableAt,
      }));
      await context.close();
      if (i === 0) continue; // the first load warms the server's file cache and the functions
      if (m.fcp !== null) fcp.push(m.fcp);
      usable.push(m.usable);
    }
  } finally {
    await browser.close();
    server.close();
    await cloud.stop();
  }
  results.h5 = { fcpMs: pct(fcp, 50), usableMs: pct(usable, 50), loads: usable.length };
  console.log(
    `\nH5 home page (headless Chromium, 375×667, median of ${usable.length} loads): first contentful paint ${results.h5.fcpMs.toFixed(0)} ms, service list usable ${results.h5.usableMs.toFixed(0)} ms`,
  );
}

/** The table the README shows, and bench/results.json. */
function summary() {
  const kb = (b) => (b === undefined || b === null ? '—' : `${b.toLocaleString('en-US')} B`);
  const fmt = (x, d = 0) => (x === undefined || x === null ? '—' : `${x.toFixed(d)} ms`);
  const rows = [];
  if (results.weapp) {
    rows.push(['weapp main package', kb(results.weapp.mainBytes), '< 600 KB (2 MB limit)']);
    for (const [k, v] of Object.entries(results.weapp.subpackages)) rows.push([`weapp subpackage ${k}`, kb(v), '2 MB']);
  }
  for (const [k, v] of Object.entries(results.functions || {}))
    rows.push([`function ${k} (index.js)`, kb(v), k === 'ledgerExport' ? 'the one exception' : '≤ 500 KB']);
  for (const [k, v] of Object.entries(results.coldStartMs || {}))
    rows.push([
      `function ${k}: cold start`,
      fmt(v),
      ['applicant', 'bookings', 'cases', 'notify', 'ratings', 'session'].includes(k)
        ? '≤ 300 ms (applicant-facing)'
        : '',
    ]);
  if (results.idle)
    rows.push([
      'database reads on an idle day (timers)',
      `${results.idle.readsPerDay.toLocaleString('en-US')} (${Object.entries(results.idle.readsPerRun)
        .map(([k, v]) => `${k} ${v}×${results.idle.runsPerDay[k]}`)
        .join(' + ')})`,
      '≤ 6,000',
    ]);
  for (const a of results.actions || [])
    rows.push([
      `${a.action} (${a.by}): cold / warm p50 / p95`,
      `${fmt(a.coldMs)} / ${fmt(a.p50Ms, 1)} / ${fmt(a.p95Ms, 1)}`,
      'warm p95 < 30 ms',
    ]);
  for (const a of results.actions || [])
    rows.push([`${a.action}: database round trips`, String(a.dbRoundTrips), a.by === 'applicant' ? '≤ 4' : '']);
  const applicantTrips = (results.roundTrips || []).filter((r) => r.applicantFacing);
  if (applicantTrips.length) {
    const worst = applicantTrips.reduce((m, r) => (r.dbRoundTrips > m.dbRoundTrips ? r : m));
    const failed = applicantTrips.filter((r) => r.answered !== 'ok').length;
    rows.push([
      `all ${applicantTrips.length} applicant actions, successful path: most round trips`,
      `${worst.dbRoundTrips} (${worst.action})${failed ? `, ${failed} not successful` : ''}`,
      '≤ 4',
    ]);
  }
  if (results.submissionsPerSecond)
    rows.push(['submissions sustained', `${results.submissionsPerSecond.toFixed(1)} /s`, '']);
  if (results.booking)
    rows.push([
      `200 concurrent bookings, 5-seat slot`,
      `${results.booking.booked} booked, ${fmt(results.booking.ms)}`,
      'exactly 5, < 3 s',
    ]);
  rows.push([
    'ledger statistics, 100,000 cases (worst query)',
    results.ledger ? fmt(results.ledger.statsMs) : '—',
    '< 2 s',
  ]);
  if (results.h5)
    rows.push([
      'H5 home: first contentful paint / service list usable',
      `${fmt(results.h5.fcpMs)} / ${fmt(results.h5.usableMs)}`,
      'usable < 1.5 s',
    ]);
  const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\nsummary (bench/results.json)`);
  for (const r of rows) console.log(`  ${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2]}`);
  require('node:fs').writeFileSync(
    path.join(__dirname, 'results.json'),
    JSON.stringify({ ...results, summary: rows.map(([item, result, target]) => ({ item, result, target })) }, null, 2) +
      '\n',
  );
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
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: loadProject(path.join(ROOT, 'cloudbase.json')),
    triggers: false,
  });
  try {
    await require('../scripts/seed').seed(cloud.sdkEnv, { standInCalendars: true });
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
      clock: {
        receivedOn: '2026-11-02',
        receivedAt: received,
        limitWorkingDays: limit,
        extraWorkingDays: 0,
        pauses: [],
      },
      missingMaterials: [],
      refusalReasons: [],
      suspensionReason: null,
      result: null,
      termination: null,
      tasks: [],
      meetings: [],
      escalations: [],
      lastContactAt: new Date('2026-11-27T02:00:00Z'),
      endedAt: null,
      timeline: [
        {
          seq: 1,
          action: 'apply',
          from: null,
          to: 'applied',
          actor: { id: `o_bench_${i}`, role: 'applicant' },
          at: received,
          note: null,
        },
      ],
      applicantType: 'person',
      matter: '基准测试',
      contactName: '测试',
      contactPhone: '13900000000',
      unitName: '和硕县政务服务中心',
      agentName: '陈静',
      firstAgentName: '陈静',
      submittedAt: received,
      updatedAt: received,
      version: 3,
    });
    for (let b = 0; b < 10; b++) {
      cloud.store.apply(
        Array.from({ length: 1000 }, (_, j) => {
          const i = b * 1000 + j;
          // 100 cases have a 20-working-day limit (due soon on the bench day), the rest 30
          return { collection: 'cases', id: `bench-${i}`, doc: make(i, i < 100 ? 20 : 30) };
        }),
      );
    }
    const benchDay = new Date('2026-11-27T01:00:00Z'); // Fri 09:00 Beijing
    const HOUR = 3600_000;
    const bj = (d) => new Date(d.getTime() + 8 * HOUR).toISOString();
    const booking = (id, startsAt, minutes) => {
      const end = new Date(startsAt.getTime() + minutes * 60_000);
      return {
        _id: id,
        applicantId: `o_${id}`,
        slotId: `${bj(startsAt).slice(0, 10)}@am@${bj(startsAt).slice(11, 16)}`,
        seat: `bench#${id}`,
        holder: `bench|${id}`,
        kind: 'regular',
        startsAt,
        status: 'active',
        category: 'enterprise',
        caseId: null,
        homeAddress: null,
        bookedBy: { id: `o_${id}`, role: 'applicant' },
        bookedAt: new Date(startsAt.getTime() - 3 * 24 * HOUR),
        rescheduleCount: 0,
        cancelledAt: null,
        cancelReason: null,
        date: bj(startsAt).slice(0, 10),
        start: bj(startsAt).slice(11, 16),
        end: bj(end).slice(11, 16),
        windowLabel: '上午',
        contactName: '测试',
        contactPhone: '13900000000',
        checkedInAt: null,
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
      ...Array.from({ length: 800 }, (_, i) =>
        booking(`bk-later-${i}`, new Date(benchDay.getTime() + (4 + (i % 4)) * 24 * HOUR), 30),
      ),
    ];
    cloud.store.apply(bookings.map((b) => ({ collection: 'bookings', id: b._id, doc: b })));
    // default ratings on (7 days): 2,000 cases finished over the last 20 days, all rated (by the
    // applicant or an earlier default) except the 100 that reach 7 days today
    cloud.store.apply([
      { collection: 'settings', id: 'center', doc: { _id: 'center', rating: { defaultRatingAfterDays: 7 } } },
    ]);
    const ended = Array.from({ length: 2000 }, (_, i) => ({
      ...make(20000 + i, 20),
      _id: `bench-ended-${i}`,
      requestKey: `bench:ended:${i}`,
      caseNo: `BB20261101-${String(i).padStart(5, '0')}`,
      status: 'finished',
      endedAt: new Date(benchDay.getTime() - (i < 100 ? 7 : 8 + (i % 12)) * 24 * HOUR),
    }));
    cloud.store.apply(ended.map((c) => ({ collection: 'cases', id: c._id, doc: c })));
    cloud.store.apply(
      ended.slice(100).map((c) => ({
        collection: 'ratings',
        id: c._id,
        doc: {
          _id: c._id,
          caseId: c._id,
          raterId: c.applicantId,
          source: 'applicant',
          level: 'satisfied',
          dimensions: {},
          tags: [],
          comment: null,
          at: c.endedAt,
          followUp: null,
        },
      })),
    );
    // 差评 in handling: 300 being rectified (on track), 50 not called back since Wednesday (overdue)
    const bad = (i, status, openedOn) => ({
      _id: `bench-bad-${i}`,
      caseId: `bench-ended-${100 + i}`,
      followUp: false,
      level: 'dissatisfied',
      openedAt: new Date(`${openedOn}T02:00:00Z`),
      openedOn,
      status,
      owners: { agentIds: ['st-agent-center'], unitIds: ['center'] },
      appeal: null,
      history: [],
    });
    cloud.store.apply(
      [
        ...Array.from({ length: 300 }, (_, i) => bad(i, 'awaiting_rectification', '2026-11-20')),
        ...Array.from({ length: 50 }, (_, i) => bad(300 + i, 'awaiting_call_back', '2026-11-25')),
      ].map((d) => ({ collection: 'badRatings', id: d._id, doc: d })),
    );

    const fire = async (time) => {
      const t = now();
      const r = await cloud.triggers.fire('scheduler', { time });
      if (!r.ok || !r.result.ok) throw new Error(`scheduler failed: ${r.error ?? JSON.stringify(r.result)}`);
      return { ms: now() - t, counts: r.result.data };
    };
    const first = await fire(benchDay);
    const again = await fire(benchDay);
    const jobs = (c) =>
      ['cases', 'appointments', 'no_show', 'default_rating', 'bad_rating', 'reassign', 'dispatch']
        .map((j) => `${j} ${c[`ms_${j}`] ?? 0}`)
        .join(', ');
    const said = (c) =>
      [
        'due_soon',
        'appointment_day_before',
        'appointment_hour_before',
        'no_show',
        'default_rating',
        'bad_rating_call_back_overdue',
      ]
        .map((k) => `${k} ${c[k] ?? 0}`)
        .join(', ');
    console.log(
      `\nscheduler over 10,000 open cases, 920 bookings, 2,000 ended cases, 350 差评 (in-process database; in the cloud each round trip adds tens of ms)`,
    );
    console.log(
      `  a working day's run: ${first.ms.toFixed(0)} ms  (${first.counts.scanned} cases scanned; ${said(first.counts)}; ${first.counts.expanded} messages delivered)`,
    );
    console.log(`    per job, ms: ${jobs(first.counts)}`);
    console.log(
      `  the same run again (nothing new to say, everything sent once): ${again.ms.toFixed(0)} ms  (${said(again.counts)})`,
    );
    console.log(`    per job, ms: ${jobs(again.counts)}`);
    results.scheduler = { firstRunMs: first.ms, againMs: again.ms, counts: first.counts };
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
  const table = runs.flatMap((run) =>
    tools
      .summarize(run.interactions)
      .map((i) => [`${run.journey}  ${i.label}`, String(i.setDataCalls), bytes(i.largestBytes), bytes(i.totalBytes)]),
  );
  const head = ['interaction (journey  user: action)', 'setData calls', 'largest', 'total'];
  const w = head.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)));
  console.log(`\nweapp build in the harness: setData per interaction (${runs.map((r) => r.journey).join(', ')})`);
  for (const r of [head, ...table])
    console.log(r.map((x, c) => (c === 0 ? x.padEnd(w[c]) : x.padStart(w[c]))).join('  '));
  const all = runs.flatMap((r) => r.interactions.map((i) => ({ ...i, label: `${r.journey}  ${i.label}` })));
  const largest = tools.largestCall(all);
  const calls = all.reduce((n, i) => n + i.calls.length, 0);
  results.weappSetData = { largestBytes: largest ? largest.bytes : 0, calls, interactions: all.length };
  console.log(
    `largest single setData: ${bytes(largest ? largest.bytes : 0)} (${largest ? largest.label : 'none'}); ${calls} calls in ${all.length} interactions; WeChat advises ≤ ${bytes(tools.SETDATA_ADVISED_BYTES)} a call, fails over ${bytes(tools.SETDATA_LIMIT_BYTES)}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
