#!/usr/bin/env node
'use strict';
// Writes docs/api.md from the functions' zod schemas (see cloudfunctions-src/api-docs.ts).
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const out = path.join(ROOT, '.build', 'api-docs.js');
esbuild.buildSync({
  entryPoints: [path.join(ROOT, 'cloudfunctions-src/api-docs.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  format: 'cjs',
  logLevel: 'warning',
});
fs.writeFileSync(path.join(ROOT, 'docs', 'api.md'), require(out).renderApiDocs());
console.log('docs/api.md written');
