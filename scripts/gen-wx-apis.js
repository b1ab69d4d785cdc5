#!/usr/bin/env node
'use strict';
// Writes docs/wx-apis.md: the wx APIs the weapp build in dist/ calls while every journey runs in the
// weapp harness (against a fresh local CloudBase with demo data), plus those referenced in dist/.
// Build first: npm run build:weapp.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, DIST, loadWeappTools, startAppCloud } = require('./weapp-tools');

async function main() {
  process.env.TZ = 'UTC';
  const tools = loadWeappTools();
  const cloud = await startAppCloud(tools);
  try {
    fs.writeFileSync(path.join(ROOT, 'docs', 'wx-apis.md'), await tools.wxApisDoc(DIST, cloud));
  } finally {
    await cloud.stop();
  }
  console.log('docs/wx-apis.md written');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
