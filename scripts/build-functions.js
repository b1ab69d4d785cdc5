#!/usr/bin/env node
'use strict';
/*
 * Bundles each cloudfunctions-src/<name>/index.ts into cloudfunctions/<name>/index.js, the folder
 * WeChat DevTools uploads. wx-server-sdk stays external: the cloud installs it from the folder's
 * package.json. Everything else (zod, core/) is bundled in, so a function needs nothing else.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'cloudfunctions-src');

function build({ watch = false } = {}) {
  const names = fs.readdirSync(SRC).filter((n) => fs.existsSync(path.join(SRC, n, 'index.ts')));
  for (const name of names) {
    const dir = path.join(ROOT, 'cloudfunctions', name);
    for (const f of ['package.json', 'config.json']) {
      if (!fs.existsSync(path.join(dir, f))) throw new Error(`cloudfunctions/${name}/${f} is missing`);
    }
  }
  const options = {
    entryPoints: Object.fromEntries(names.map((n) => [`${n}/index`, path.join(SRC, n, 'index.ts')])),
    outdir: path.join(ROOT, 'cloudfunctions'),
    bundle: true,
    platform: 'node',
    target: 'node16', // the oldest Node.js runtime CloudBase still offers
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning',
  };
  if (watch) return esbuild.context(options).then((ctx) => ctx.watch().then(() => names));
  // Each file replaced in one rename, and only when it changed: every test file builds once, and
  // suites running side by side (test:dates runs two) must never load a half-written index.js.
  const { outputFiles } = esbuild.buildSync({ ...options, write: false });
  for (const f of outputFiles) {
    if (fs.existsSync(f.path) && fs.readFileSync(f.path).equals(Buffer.from(f.contents))) continue;
    const tmp = `${f.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
  return names;
}

module.exports = { build };

if (require.main === module) {
  const names = build();
  console.log(`built ${names.length} functions: ${names.join(', ')}`);
}
