'use strict';
/* The shared part of the bench sections: the local CloudBase bundle, timing helpers, and the results object they fill. */
const path = require('node:path');
const esbuild = require('esbuild');

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

module.exports = { ROOT, out, startCloudBase, pct, ms, results, now };
