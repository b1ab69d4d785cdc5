#!/usr/bin/env node
'use strict';
/*
 * Writes the demo data through the unmodified wx-server-sdk, as an admin script would against a
 * real environment. Idempotent: doc(id).set() replaces each seeded document.
 * Usage: npm run seed [-- http://127.0.0.1:9000]   (the local CloudBase must be running)
 */
const data = require('./seed-data');

/** sdkEnv: the environment block the local CloudBase prints (or CloudBase.sdkEnv in-process). */
async function seed(sdkEnv) {
  Object.assign(process.env, sdkEnv);
  const cloud = require('wx-server-sdk');
  cloud.init({ env: sdkEnv.TCB_ENV });
  const db = cloud.database();
  let n = 0;
  for (const [name, docs] of Object.entries(data.collections)) {
    for (const { _id, ...rest } of docs) {
      await db.collection(name).doc(_id).set({ data: rest });
      n++;
    }
  }
  return n;
}

module.exports = { seed };

if (require.main === module) {
  const url = process.argv[2] || process.env.BANGBAN_CLOUD_URL || 'http://127.0.0.1:9000';
  const envId = require('../cloudbase.json').envId;
  seed({
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
  }).then(
    (n) => console.log(`seeded ${n} documents into ${url}`),
    (e) => {
      console.error(`seed failed (is the local CloudBase running at ${url}?): ${e.message}`);
      process.exit(1);
    },
  );
}
