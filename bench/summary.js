'use strict';
const path = require('node:path');
const { results } = require('./lib');

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

module.exports = { summary };
