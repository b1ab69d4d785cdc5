#!/usr/bin/env node
'use strict';
/*
 * npm run deploy -- --env <envId> [--dry-run] [--json] [--templates FILE]
 *
 * Provisions a CloudBase environment from cloudbase.json and the built function folders through
 * Tencent's management SDK: collections, indexes, ADMINONLY permissions, PRIVATE storage, functions
 * with timeout, memory, triggers and the environment variables their code reads. Idempotent.
 * Credentials come only from TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY; they are handed to
 * the SDK and never printed or written. --dry-run needs none and only prints the plan.
 */
const fs = require('node:fs');
const path = require('node:path');
const { envIdProblem, parseArgs } = require('./release-ids');
const { buildPlan, publicPlan, applyPlan, describePlan } = require('./deploy-plan');

async function main(argv) {
  const args = parseArgs(argv);
  const envId = typeof args.env === 'string' ? args.env : '';
  const fail = (msg) => {
    console.error(`✗ ${msg}`);
    return 1;
  };
  const bad = envIdProblem(envId);
  if (bad) return fail(bad);

  require('./build-functions').build();
  let templates;
  if (typeof args.templates === 'string') {
    try {
      templates = JSON.parse(fs.readFileSync(path.resolve(args.templates), 'utf8'));
    } catch (e) {
      return fail(`读不了模板文件 ${args.templates} / cannot read templates: ${e.message}`);
    }
  }
  const { plan, problems, warnings } = buildPlan({ templates });
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    return fail('计划有问题，未部署 / plan has problems; nothing deployed');
  }
  if (args.json && args['dry-run']) {
    console.log(JSON.stringify(publicPlan(plan), null, 2));
    return 0;
  }
  if (!args.json) {
    console.log(describePlan(plan, envId));
    for (const w of warnings) console.log(`! ${w}`);
  }
  if (args['dry-run']) return 0;

  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!secretId || !secretKey)
    return fail(
      '需要环境变量 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（腾讯云访问管理 › API 密钥）/ credentials missing',
    );
  const CloudBase = require('@cloudbase/manager-node');
  const manager = new CloudBase({ secretId, secretKey, envId });
  const log = args.json ? () => {} : (line) => console.log(line);
  log('\n部署 / applying:');
  const changes = await applyPlan(plan, manager, { log });
  if (args.json) console.log(JSON.stringify({ ...publicPlan(plan), changes }, null, 2));
  else console.log(changes.length ? `\n完成：${changes.length} 项变更。` : '\n环境已与计划一致，没有变更。');
  return 0;
}

module.exports = { main };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    // the SDK's errors carry request ids, never the credentials
    (e) => {
      console.error(`✗ 部署失败 / deploy failed: ${e.code ? `${e.code} ` : ''}${e.message}`);
      process.exit(1);
    },
  );
}
