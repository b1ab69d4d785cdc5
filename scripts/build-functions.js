#!/usr/bin/env node
'use strict';
/*
 * Bundles each cloudfunctions-src/<name>/index.ts into cloudfunctions/<name>/index.js, the folder
 * WeChat DevTools uploads. wx-server-sdk stays external: the cloud installs it from the folder's
 * package.json. Everything else (zod, core/) is bundled in, so a function needs nothing else.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'cloudfunctions-src');

/**
 * zod re-exports all of its ~50 locales as `z.locales`; nothing here uses them (our messages are
 * Chinese, shared/handler.ts), and English (the default, imported by zod's schemas directly) stays.
 * Resolving the namespace to English alone drops ~100 KB from every bundle.
 */
const zodLocalesOnlyEnglish = {
  name: 'zod-locales-only-english',
  setup(b) {
    b.onResolve({ filter: /[\\/]locales[\\/]index\.c?js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      const cjs = args.path.endsWith('.cjs');
      return {
        path: path.join(path.dirname(args.importer), cjs ? '../locales/index.cjs' : '../locales/index.js'),
        namespace: 'zod-locales',
        pluginData: { dir: path.join(path.dirname(args.importer), '..', 'locales'), cjs },
      };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, ({ pluginData: { dir, cjs } }) => ({
      contents: cjs
        ? `exports.en = require(${JSON.stringify(path.join(dir, 'en.cjs'))}).default;`
        : `export { default as en } from ${JSON.stringify(path.join(dir, 'en.js'))};`,
      resolveDir: dir,
      loader: 'js',
    }));
  },
};

function build({ watch = false, write = null } = {}) {
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
    // smaller bundles load faster at a cold start; names are kept so stack traces in logs still read
    minify: true,
    keepNames: true,
    plugins: [zodLocalesOnlyEnglish],
    logLevel: 'warning',
  };
  if (write) return write(options).then(() => names);
  if (watch) return esbuild.context(options).then((ctx) => ctx.watch().then(() => names));
  // esbuild's synchronous API takes no plugins: the build runs in a child process (async API),
  // and callers (tests, scripts) keep a synchronous build()
  execFileSync(process.execPath, [__filename, '--write'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return names;
}

/** Builds in memory, then replaces each file in one rename, and only when it changed. */
async function buildAndWrite(options) {
  // every test file builds once, and suites running side by side (test:dates runs two) must never
  // load a half-written index.js
  const { outputFiles } = await esbuild.build({ ...options, write: false });
  for (const f of outputFiles) {
    if (fs.existsSync(f.path) && fs.readFileSync(f.path).equals(Buffer.from(f.contents))) continue;
    const tmp = `${f.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
}

module.exports = { build };

if (require.main === module) {
  if (process.argv.includes('--write')) {
    build({ write: buildAndWrite }).catch((e) => {
      console.error(e);
      process.exit(1);
    });
  } else {
    const names = build();
    console.log(`built ${names.length} functions: ${names.join(', ')}`);
  }
}
