#!/usr/bin/env node
'use strict';
/**
 * The first step of `npm test`: names what a fresh machine lacks that `npm ci` does not bring —
 * Debian's chromium (browser journeys) and faketime (test:dates) — and how to install it, instead
 * of a failure deep inside a browser suite ten minutes later.
 */
const fs = require('node:fs');
const path = require('node:path');

function onPath(bin) {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => {
    try {
      fs.accessSync(path.join(d, bin), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** One sentence per missing tool; empty when everything is there. */
function missingTools(need = { chromium: true, faketime: true }) {
  const missing = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (need.chromium && !fs.existsSync(chromium))
    missing.push(
      `缺少 Chromium（${chromium}，浏览器旅程用）：sudo apt-get install -y chromium   — or set CHROMIUM_PATH`,
    );
  if (need.faketime && !onPath('faketime'))
    missing.push(
      '缺少 faketime（npm run test:dates 用 libfaketime 把时钟拨到月初、年末等时刻）：sudo apt-get install -y faketime',
    );
  return missing;
}

module.exports = { missingTools };

if (require.main === module) {
  const missing = missingTools();
  if (missing.length) {
    console.error(
      'npm test 需要两个 npm ci 不会安装的 Debian 软件包 (npm test needs two Debian packages npm ci does not install):',
    );
    for (const m of missing) console.error(`  - ${m}`);
    console.error('一次装好 (all at once): sudo apt-get update && sudo apt-get install -y chromium faketime');
    process.exit(1);
  }
}
