'use strict';
// Builds what the journeys run: cloud functions, the H5 app (gateway on the same origin) and the
// weapp package. E2E_SKIP_BUILD=1 reuses the last build while iterating on a test.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const TARO = require.resolve('@tarojs/cli/bin/taro');

module.exports = async () => {
  require('../../scripts/build-functions').build();
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, [TARO, 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...env, BANGBAN_CLOUD_URL: '', BANGBAN_H5_OUT: '.build/h5-e2e' },
  });
  execFileSync(process.execPath, [TARO, 'build', '--type', 'weapp'], { cwd: ROOT, stdio: 'pipe', env });
};
