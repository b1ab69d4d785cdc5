#!/usr/bin/env node
'use strict';
/*
 * Writes the demo data through the unmodified wx-server-sdk, as an admin script would against a
 * real environment. Idempotent: doc(id).set() replaces each seeded document.
 * Usage: npm run seed [-- http://127.0.0.1:9000]   (the local CloudBase must be running)
 */
const data = require('./seed-data');

/**
 * For tests and benchmarks only: a stand-in calendar for each year from the first one chinese-days
 * lacks to the year after next (元旦, 劳动节, 国庆节 and a 调休 Saturday; not the State Council's notice), entered the way
 * center.saveYearCalendar stores one. Without it every suite would start failing in December, when
 * a 20-working-day limit first reaches into a year nobody has entered (the product refuses to guess).
 * The demo (`npm start`) does not get it: there the administrator enters the real notice.
 */
function standInCalendars(now = new Date()) {
  const statutory = require('chinese-days/dist/chinese-days.json');
  const known = new Set(Object.keys(statutory.holidays).map((d) => Number(d.slice(0, 4))));
  const thisYear = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const years = {};
  for (let y = Math.max(...known) + 1; y <= thisYear + 2; y++) {
    if (known.has(y)) continue;
    const days = (name, month, from, to) =>
      Array.from({ length: to - from + 1 }, (_, i) => ({
        date: `${y}-${month}-${String(from + i).padStart(2, '0')}`,
        name,
      }));
    // and, as nearly every year has one, a 调休 working Saturday: the first after the National Day break
    let makeup = `${y}-10-08`;
    while (new Date(`${makeup}T00:00:00Z`).getUTCDay() !== 6)
      makeup = `${y}-10-${String(Number(makeup.slice(8)) + 1).padStart(2, '0')}`;
    years[y] = {
      holidays: [...days('元旦', '01', 1, 1), ...days('劳动节', '05', 1, 3), ...days('国庆节', '10', 1, 7)],
      makeupWorkdays: [{ date: makeup, name: '国庆节' }],
    };
  }
  return years;
}

/**
 * sdkEnv: the environment block the local CloudBase prints (or CloudBase.sdkEnv in-process).
 * options.standInCalendars: tests and benchmarks (see standInCalendars).
 */
async function seed(sdkEnv, options = {}) {
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
  if (options.standInCalendars) {
    await db
      .collection('settings')
      .doc('calendar')
      .set({ data: { years: standInCalendars() } });
    n++;
  }
  return n;
}

module.exports = { seed, standInCalendars };

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
