'use strict';
const { results } = require('./lib');

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
    `largest single setData: ${bytes(largest ? largest.bytes : 0)} (${largest ? largest.label : 'none'}); ` +
      `${calls} calls in ${all.length} interactions; ` +
      `WeChat advises ≤ ${bytes(tools.SETDATA_ADVISED_BYTES)} a call, fails over ${bytes(tools.SETDATA_LIMIT_BYTES)}`,
  );
}

module.exports = { weappSetData };
