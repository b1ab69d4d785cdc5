#!/usr/bin/env node
'use strict';
/*
 * npm start: the whole system on this machine, on demo data.
 *   1. builds the cloud functions (and rebuilds them on change: the host picks up new code),
 *   2. starts the local CloudBase (data in .cloudbase/, console at its URL),
 *   3. seeds the demo center, departments, staff (idempotent),
 *   4. serves the H5 build of the mini-program on http://127.0.0.1:10086.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const H5_PORT = 10086;
process.env.TZ = 'UTC';

async function main() {
  const { build } = require('./build-functions');
  const names = await build({ watch: true });
  console.log(`cloud functions built (watching): ${names.join(', ')}`);

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
  const { startCloudBase, loadProject } = require(out);
  const cloud = await startCloudBase({
    port: Number(process.env.BANGBAN_CLOUD_PORT || 9000),
    dataDir: path.join(ROOT, '.cloudbase'),
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: loadProject(path.join(ROOT, 'cloudbase.json')),
    log: (line) => console.log(`  ${line}`),
  });
  const seeded = await require('./seed').seed(cloud.sdkEnv);
  console.log(`CloudBase listening on ${cloud.url}  (console: ${cloud.url}/ ; ${seeded} demo documents seeded)`);

  const taro = spawn(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5', '--watch'], {
    cwd: ROOT,
    env: { ...process.env, BANGBAN_CLOUD_URL: cloud.url, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onOutput = (chunk) => {
    const text = chunk.toString();
    if (/error/i.test(text)) process.stderr.write(text);
  };
  taro.stdout.on('data', onOutput);
  taro.stderr.on('data', onOutput);
  console.log('building the H5 app (first build takes about half a minute)…');
  // announce once the dev server really answers, whatever Taro prints meanwhile
  // polls overlap while a slow first build answers late: announce once
  let announced = false;
  const poll = setInterval(async () => {
    try {
      const res = await fetch(`http://127.0.0.1:${H5_PORT}/`);
      if (res.ok && !announced) {
        announced = true;
        clearInterval(poll);
        announce(cloud.url);
      }
    } catch {
      // not up yet
    }
  }, 1000);
  taro.on('exit', (code) => {
    console.error(`H5 dev server exited (${code})`);
    shutdown(1);
  });

  let stopping = false;
  async function shutdown(code = 0) {
    if (stopping) return;
    stopping = true;
    taro.kill('SIGTERM');
    await cloud.stop();
    process.exit(code);
  }
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
}

function announce(cloudUrl) {
  const { identities } = require('./seed-data');
  console.log('');
  console.log(`  帮办代办 H5（本地）:  http://127.0.0.1:${H5_PORT}/`);
  console.log(`  本地 CloudBase 控制台: ${cloudUrl}/`);
  console.log('  演示身份（页面顶部切换，或在地址后加 ?as=<openid>）:');
  for (const i of identities) console.log(`    ${i.openid.padEnd(18)} ${i.label}`);
  console.log('');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
