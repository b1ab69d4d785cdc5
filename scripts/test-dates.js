#!/usr/bin/env node
'use strict';
/**
 * npm run test:dates — the suites that read the clock, run under libfaketime at the instants that
 * have broken this project (a booking "an hour ago" at 00:10, an empty month on the 3rd, deadlines
 * reaching into a year chinese-days lacks) or could: month and year boundaries, a Sunday, around a
 * 调休 working Saturday, the first day past the built-in holiday data.
 *
 * The instants are computed from today and from chinese-days, so they follow the calendar as it
 * moves (a newer chinese-days moves "the day the data runs out"). Each run starts its process tree at
 * the instant and lets the clock tick; the cloud, the functions and Chromium all see the same time.
 *
 *   npm run test:dates                  every instant, every group
 *   npm run test:dates -- --list        the instants, nothing run
 *   npm run test:dates -- --only year-end,sunday --groups core
 *   npm run test:dates -- --at '2027-03-01 00:05' (Beijing time; any instant, every group)
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { missingTools } = require('./preflight');

const ROOT = path.join(__dirname, '..');
const JEST = require.resolve('jest/bin/jest');
const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

/**
 * What runs at each instant, and why these:
 * - core: the rules take time as an argument, but their tests build dates from today (cheap, so all).
 * - functions: every action stamps now; deadlines, slots, reminders, ledger periods and the year
 *   calendar are computed from it (the 20-working-day window into 2027 broke here).
 * - journeys (H5 only): the screens that show dates — booking slots and the desk's today, the
 *   ledger's current month. Chromium has a clock of its own that must agree with the cloud's; the
 *   weapp harness runs the same journeys on the test process's clock, so it adds nothing here.
 */
const GROUPS = {
  core: { config: 'jest.config.js', files: ['test/core'] },
  functions: { config: 'jest.config.js', files: ['test/functions'] },
  journeys: {
    config: 'jest.e2e.config.js',
    files: ['test/e2e/applicant.test.ts', 'test/e2e/staff.test.ts', 'test/e2e/ledger.test.ts'],
  },
};

/** Beijing wall time → the UTC string faketime takes (run with TZ=UTC). */
function utcOf(beijingDay, hm) {
  const t = Date.parse(`${beijingDay}T${hm}:00Z`) - BEIJING;
  return new Date(t).toISOString().replace('T', ' ').slice(0, 19);
}
const dayOf = (t) => new Date(t + BEIJING).toISOString().slice(0, 10);
const plus = (day, n) => dayOf(Date.parse(`${day}T12:00:00Z`) - BEIJING + n * DAY);
const weekday = (day) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * The journeys run where what a screen calls today or this month changes (month and year
 * boundaries, a Sunday); around a 调休 Saturday and past the built-in data the screens show what
 * the functions computed, which the functions suite checks at those instants.
 */
const CALENDAR_ONLY = ['core', 'functions'];

function instants(now = Date.now()) {
  const statutory = require('chinese-days/dist/chinese-days.json');
  const today = dayOf(now);
  const y = Number(today.slice(0, 4));
  // the latest 1st of a month that is not 1 January (year-end has its own instant)
  let monthStart = `${today.slice(0, 7)}-01`;
  if (monthStart.endsWith('-01-01')) monthStart = `${y - 1}-12-01`;
  const lastOfMonth = plus(monthStart, -1);
  let sunday = plus(today, 1);
  while (weekday(sunday) !== 0) sunday = plus(sunday, 1);
  // the next 调休 working Saturday: chinese-days' own, else the test clouds' stand-in year's (a past
  // one would put the clock before fixtures written with fixed dates, a moment that never comes again)
  const standIns = Object.values(require('./seed').standInCalendars(new Date(now))).flatMap((y) =>
    y.makeupWorkdays.map((d) => d.date),
  );
  const saturdays = [...Object.keys(statutory.workdays), ...standIns]
    .filter((d) => weekday(d) === 6 && d > today)
    .sort();
  const makeup = saturdays[0];
  const lastYear = Math.max(...Object.keys(statutory.holidays).map((d) => Number(d.slice(0, 4))));
  return [
    {
      name: 'month-start',
      why: 'the 1st of a month, just past midnight: this month is empty, yesterday is last month',
      at: utcOf(monthStart, '00:05'),
    },
    {
      name: 'month-end',
      why: "a month's last day, just before midnight: the run crosses into the next month",
      at: utcOf(lastOfMonth, '23:55'),
    },
    { name: 'sunday', why: 'a Sunday: no working day today, the window closed', at: utcOf(sunday, '10:00') },
    {
      name: 'before-makeup',
      groups: CALENDAR_ONLY,
      why: `the day before the 调休 working Saturday ${makeup}`,
      at: utcOf(plus(makeup, -1), '10:00'),
    },
    {
      name: 'after-makeup',
      groups: CALENDAR_ONLY,
      why: `the day after the 调休 working Saturday ${makeup}`,
      at: utcOf(plus(makeup, 1), '10:00'),
    },
    {
      name: 'year-end',
      why: 'Dec 31 just before midnight: the run crosses into the next year',
      at: utcOf(`${y}-12-31`, '23:55'),
    },
    {
      name: 'data-runs-out',
      groups: CALENDAR_ONLY,
      why: `the first day past chinese-days' data (it ends with ${lastYear}): today itself is in a year only the center can enter`,
      at: utcOf(`${lastYear + 1}-01-01`, '12:00'),
    },
  ];
}

function args(argv) {
  const o = { list: false, only: null, groups: Object.keys(GROUPS), at: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--list') o.list = true;
    else if (argv[i] === '--only') o.only = argv[++i].split(',');
    else if (argv[i] === '--groups') o.groups = argv[++i].split(',');
    else if (argv[i] === '--at') o.at = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  for (const g of o.groups) if (!GROUPS[g]) throw new Error(`unknown group ${g} (${Object.keys(GROUPS).join(', ')})`);
  return o;
}

/** The journeys run on the builds `npm test` has just made; they are rebuilt only when src/ is newer. */
function buildsFresh() {
  const newest = (dir) => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const built = path.join(ROOT, '.build', 'h5-e2e', 'index.html');
  if (!fs.existsSync(built)) return false;
  const sources = Math.max(
    newest(path.join(ROOT, 'src')),
    newest(path.join(ROOT, 'core')),
    newest(path.join(ROOT, 'config')),
  );
  return fs.statSync(built).mtimeMs > sources;
}

function run(job) {
  return new Promise((resolve) => {
    const started = Date.now();
    const env = { ...process.env, TZ: 'UTC', NO_FAKE_STAT: '1', E2E_SKIP_BUILD: '1', FORCE_COLOR: '0' };
    const child = spawn(
      'faketime',
      [
        job.at,
        process.execPath,
        JEST,
        '-c',
        GROUPS[job.group].config,
        '--maxWorkers=1',
        '--ci',
        ...GROUPS[job.group].files,
      ],
      { cwd: ROOT, env },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ ...job, code, out, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

async function main() {
  const o = args(process.argv.slice(2));
  let list = o.at
    ? [
        {
          name: 'chosen',
          why: 'chosen on the command line',
          at: utcOf(o.at.slice(0, 10), o.at.slice(11, 16) || '12:00'),
        },
      ]
    : instants();
  if (o.only) list = list.filter((i) => o.only.includes(i.name));
  for (const i of list)
    console.log(
      `${i.name.padEnd(14)} ${(i.groups ?? Object.keys(GROUPS)).join('+').padEnd(23)} ${i.at} UTC = ${new Date(Date.parse(`${i.at.replace(' ', 'T')}Z`) + BEIJING).toISOString().slice(0, 16).replace('T', ' ')} Beijing · ${i.why}`,
    );
  if (o.list) return;
  const missing = missingTools({ faketime: true, chromium: o.groups.includes('journeys') });
  if (missing.length) {
    for (const m of missing) console.error(m);
    process.exit(1);
  }
  if (o.groups.includes('journeys') && !buildsFresh()) {
    console.log('building the functions and the apps for the journeys (real time)…');
    spawnSync(process.execPath, ['-e', "require('./test/e2e/global-setup.js')()"], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, E2E_SKIP_BUILD: '' },
    });
  }
  // two at a time: this machine has two cores and each jest runs one worker
  const jobs = list.flatMap((i) =>
    o.groups.filter((g) => !i.groups || i.groups.includes(g)).map((group) => ({ ...i, group })),
  );
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const r = await run(job);
      const summary = r.out.match(/^Tests:.*$/m)?.[0] ?? '(no summary)';
      console.log(
        `${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name.padEnd(14)} ${r.group.padEnd(10)} ${String(r.seconds).padStart(4)} s  ${summary}`,
      );
      if (r.code !== 0) {
        const log = path.join(ROOT, 'test-results', 'test-dates', `${r.name}-${r.group}.log`);
        fs.mkdirSync(path.dirname(log), { recursive: true });
        fs.writeFileSync(log, r.out);
        console.log(
          r.out
            .split('\n')
            .filter((l) => /✕|●|Error|expect|Received|waiting/.test(l))
            .slice(0, 60)
            .join('\n'),
        );
        console.log(`whole output: ${path.relative(ROOT, log)}`);
      }
      results.push(r);
    }
  };
  await Promise.all([worker(), worker()]);
  const failed = results.filter((r) => r.code !== 0);
  console.log(
    failed.length
      ? `test:dates: ${failed.length} of ${results.length} runs failed`
      : `test:dates: ${results.length} runs passed`,
  );
  process.exit(failed.length ? 1 : 0);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });

module.exports = { instants };
