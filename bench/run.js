#!/usr/bin/env node
'use strict';
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
 * Each section is its own module under bench/; this file runs them in order and writes the summary.
 */
const { localCloudRun } = require('./local-cloud');
const { packageSizes } = require('./sizes');
const { appRun } = require('./functions');
const { schedulerRun } = require('./scheduler');
const { h5Run } = require('./h5');
const { summary } = require('./summary');
const { weappSetData } = require('./weapp');
const { out, results } = require('./lib');

/** The ledger's statistics over 100,000 cases (bench/ledger.js): the worst call of its queries. */
async function ledgerRun() {
  const r = await require('./ledger').run(out);
  results.ledger = r && typeof r.worstMs === 'number' ? { statsMs: r.worstMs } : null;
}

async function main() {
  await localCloudRun();
  packageSizes();
  await appRun();
  await schedulerRun();
  await ledgerRun();
  await h5Run();
  await weappSetData();
  summary();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
