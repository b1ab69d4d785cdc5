'use strict';
const path = require('node:path');
const { EJSON } = require('bson');
const { ROOT, startCloudBase, pct, ms, results, now } = require('./lib');

/** The local CloudBase itself: cold start, warm invocations, inserts and queries over 10,000 documents. */
async function localCloudRun() {
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'test/cloud/fixtures/functions'),
    triggers: false,
    project: {
      envId: 'bench-env',
      collections: { items: { indexes: [{ name: 'group_1', keys: { group: 1 } }] }, people: {} },
    },
  });
  const caller = { openid: 'o_bench', appid: 'wx_bench', source: 'wx_client' };
  const rows = [];
  try {
    // cold starts
    const cold = [];
    for (let i = 0; i < 5; i++) {
      cloud.host.recycle('conformance');
      const t = now();
      await cloud.host.invoke('conformance', { probe: 'context' }, caller);
      cold.push(now() - t);
    }
    rows.push(['cold start (instance + SDK load + first call), median of 5', ms(pct(cold, 50))]);
    results.localCloud.coldStartMs = pct(cold, 50);

    await cloud.host.invoke(
      'conformance',
      { probe: 'add', coll: 'people', data: { _id: 'p1', name: 'bench' } },
      caller,
    );
    for (const [label, event] of [
      ['warm invocation, no database', { probe: 'context' }],
      ['warm invocation, one doc().get()', { probe: 'docGet', coll: 'people', id: 'p1' }],
    ]) {
      const times = [];
      for (let i = 0; i < 300; i++) {
        const t = now();
        await cloud.host.invoke('conformance', event, caller);
        times.push(now() - t);
      }
      rows.push([`${label}: p50 / p95 (300 calls)`, `${ms(pct(times, 50))} / ${ms(pct(times, 95))}`]);
      results.localCloud[label] = { p50Ms: pct(times, 50), p95Ms: pct(times, 95) };
    }

    // 10,000 documents over the wire, 100 per insert
    const wire = async (body) =>
      (
        await fetch(`${cloud.url}/admin?env=bench-env`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    let t = now();
    for (let b = 0; b < 100; b++) {
      const data = [];
      for (let i = 0; i < 100; i++) {
        const n = b * 100 + i;
        data.push(EJSON.stringify({ n, group: n % 1000, other: n % 1000, at: new Date(n * 1000) }, { relaxed: false }));
      }
      const r = await wire({ action: 'database.insertDocument', collectionName: 'items', data });
      if (r.code) throw new Error(r.message);
    }
    rows.push(['insert 10,000 documents (100 per request)', `${((10000 / (now() - t)) * 1000).toFixed(0)} docs/s`]);

    for (const [label, field] of [
      ['query by indexed field (group = k), 10 matches of 10,000', 'group'],
      ['query by unindexed field (other = k), full scan of 10,000', 'other'],
    ]) {
      const n = 300;
      t = now();
      for (let i = 0; i < n; i++) {
        const r = await wire({
          action: 'database.getDocument',
          collectionName: 'items',
          queryType: 'WHERE',
          query: EJSON.stringify({ [field]: i % 1000 }, { relaxed: false }),
          limit: 100,
        });
        if (r.data.list.length !== 10) throw new Error(`expected 10 matches, got ${r.data.list.length}`);
      }
      rows.push([label, `${((n / (now() - t)) * 1000).toFixed(0)} queries/s`]);
    }
    t = now();
    for (let i = 0; i < 50; i++) {
      const r = await wire({
        action: 'database.getDocument',
        collectionName: 'items',
        queryType: 'WHERE',
        query: EJSON.stringify({ n: { $gte: 5000 } }, { relaxed: false }),
        order: EJSON.stringify({ at: -1 }),
        limit: 100,
      });
      if (r.data.list.length !== 100) throw new Error('range query failed');
    }
    rows.push(['range + sort over 10,000, first 100', `${((50 / (now() - t)) * 1000).toFixed(0)} queries/s`]);
  } finally {
    await cloud.stop();
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Local CloudBase benchmark (node ${process.version}, ${require('node:os').cpus().length} cores)`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

module.exports = { localCloudRun };
