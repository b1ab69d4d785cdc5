'use strict';
/*
 * For scripts that run the journeys on the weapp build outside jest (gen-wx-apis.js, bench/run.js):
 * bundles the TypeScript harness, journeys and local CloudBase with esbuild, and starts the app's
 * CloudBase with demo data the way test/support/app.ts does.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

function loadWeappTools() {
  if (!fs.existsSync(path.join(DIST, 'app.json')))
    throw new Error('dist/ holds no weapp build: run `npm run build:weapp` first');
  const out = path.join(ROOT, '.build', 'weapp-tools.js');
  esbuild.buildSync({
    stdin: {
      contents: [
        "export * from './test/e2e/journeys/on-weapp';",
        "export * from './test/weapp-harness';",
        "export { startCloudBase, loadProject } from './local-cloud/src';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'cjs',
    logLevel: 'warning',
  });
  return require(out);
}

async function startAppCloud(tools) {
  require('./build-functions').build();
  const cloud = await tools.startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: tools.loadProject(path.join(ROOT, 'cloudbase.json')),
    triggers: false,
  });
  await require('./seed').seed(cloud.sdkEnv, { standInCalendars: true });
  return cloud;
}

module.exports = { ROOT, DIST, loadWeappTools, startAppCloud };
