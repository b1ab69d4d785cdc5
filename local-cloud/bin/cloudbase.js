#!/usr/bin/env node
'use strict';
// Bundles the TypeScript sources with esbuild (≈50 ms) and runs them; dependencies stay external.
const path = require('node:path');
const esbuild = require('esbuild');
const root = path.join(__dirname, '..');
const outfile = path.join(root, '..', '.build', 'local-cloud', 'cli.js');
esbuild.buildSync({
  entryPoints: [path.join(root, 'src', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.env.TZ = process.env.TZ || 'UTC';
require(outfile)
  .main(process.argv.slice(2))
  .catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
