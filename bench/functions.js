'use strict';
const path = require('node:path');
const esbuild = require('esbuild');
const { ROOT, results } = require('./lib');

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

module.exports = { appRun };
