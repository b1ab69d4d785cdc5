'use strict';
const path = require('node:path');
const { ROOT, results } = require('./lib');

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

module.exports = { packageSizes };
