/** Bad input on the wire gets the cloud's kind of error and never corrupts stored data. */
import { EJSON } from 'bson';
import { CloudBase } from '../../local-cloud/src';
import { startTestCloud } from '../support/cloud';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startTestCloud({
    project: {
      envId: 'wire-env',
      collections: {
        staff: {
          indexes: [
            { name: 'openid_unique', keys: { openid: 1 }, unique: true },
            { name: 'unit_1', keys: { unit: 1 } },
          ],
        },
      },
    },
  });
});
afterAll(() => cloud.stop());

const post = async (body: unknown, raw?: string) => {
  const res = await fetch(`${cloud.url}/admin?env=wire-env`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
};
const ej = (v: unknown) => EJSON.stringify(v as never, { relaxed: false });
const insert = (...docs: object[]) =>
  post({ action: 'database.insertDocument', collectionName: 'staff', data: docs.map(ej) });
const all = async () =>
  (
    await post({ action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', limit: 1000 })
  ).data.list.map((s: string) => EJSON.parse(s));

test('unique indexes declared in the project file are enforced, atomically', async () => {
  expect((await insert({ _id: 's1', openid: 'o1', unit: 'fgw' })).data.insertedIds).toEqual(['s1']);
  const dup = await insert({ _id: 's2', openid: 'o2', unit: 'fgw' }, { _id: 's3', openid: 'o1', unit: 'zx' });
  expect(dup).toMatchObject({
    code: 'DATABASE_DUPLICATE_WRITE',
    message: expect.stringContaining('E11000 duplicate key error collection: staff index: openid_unique'),
  });
  // the whole batch failed: s2 was not written either
  expect((await all()).map((d: { _id: string }) => d._id)).toEqual(['s1']);
  const clash = await post({
    action: 'database.modifyDocument',
    collectionName: 'staff',
    query: ej({}),
    data: ej({ $set: { openid: 'o1' } }),
    multi: true,
    merge: true,
  });
  expect(clash.code).toBeUndefined();
  // an update moving a key onto another document's is refused too
  await insert({ _id: 's4', openid: 'o4', unit: 'zx' });
  const move = await post({
    action: 'database.modifyDocument',
    collectionName: 'staff',
    query: ej({ _id: 's4' }),
    data: ej({ $set: { openid: 'o1' } }),
    multi: false,
    merge: true,
  });
  expect(move.code).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await all()).find((d: { _id: string }) => d._id === 's4').openid).toBe('o4');
});

test.each([
  ['malformed JSON body', undefined, '{"action": "database.getDocument",', 'INVALID_PARAM'],
  ['unknown action', { action: 'database.dropEverything', collectionName: 'staff' }, undefined, 'INVALID_ACTION'],
  ['no action', { collectionName: 'staff' }, undefined, 'INVALID_ACTION'],
  [
    'malformed EJSON query',
    { action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', query: '{"a": {"$numberInt": "x"}' },
    undefined,
    'INVALID_PARAM',
  ],
  [
    'query that is not an object',
    { action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', query: '[1]' },
    undefined,
    'INVALID_PARAM',
  ],
  [
    'unknown query operator',
    { action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', query: '{"a": {"$frobnicate": 1}}' },
    undefined,
    'DATABASE_INVALID_OPERRATOR',
  ],
  [
    'unknown update operator',
    {
      action: 'database.modifyDocument',
      collectionName: 'staff',
      query: '{}',
      data: '{"$frobnicate": {"a": 1}}',
      multi: true,
    },
    undefined,
    'DATABASE_INVALID_OPERRATOR',
  ],
  [
    'bad collection name',
    { action: 'database.getDocument', collectionName: '../x', queryType: 'WHERE' },
    undefined,
    'INVALID_PARAM',
  ],
  [
    'missing collection',
    { action: 'database.getDocument', collectionName: 'ghosts', queryType: 'WHERE' },
    undefined,
    'DATABASE_COLLECTION_NOT_EXIST',
  ],
  [
    'negative limit',
    { action: 'database.getDocument', collectionName: 'staff', queryType: 'WHERE', limit: -1 },
    undefined,
    'INVALID_PARAM',
  ],
  [
    'changing _id',
    {
      action: 'database.modifyDocument',
      collectionName: 'staff',
      query: '{}',
      data: '{"$set": {"_id": "x"}}',
      multi: true,
    },
    undefined,
    'INVALID_PARAM',
  ],
  [
    'unknown transaction',
    { action: 'database.commitTransaction', transactionId: 'tx-nope' },
    undefined,
    'DATABASE_TRANSACTION_FAIL',
  ],
  [
    'another environment',
    { action: 'database.getDocument', collectionName: 'staff', envName: 'prod-env-123' },
    undefined,
    'INVALID_ENV',
  ],
])('%s → %s', async (_label, body, raw, code) => {
  const before = JSON.stringify(await all());
  const reply = await post(body, raw);
  expect(reply.code).toBe(code);
  expect(reply.message).toEqual(expect.any(String));
  expect(JSON.stringify(await all())).toBe(before);
});

test('an oversized payload is refused and stores nothing', async () => {
  const before = JSON.stringify(await all());
  const reply = await insert({ _id: 'huge', blob: 'x'.repeat(6 * 1024 * 1024) });
  expect(reply.code).toBe('INVALID_PARAM');
  expect(reply.message).toMatch(/exceeds/);
  expect(JSON.stringify(await all())).toBe(before);
});

test('queries on an indexed field use the index instead of scanning', async () => {
  for (let i = 0; i < 200; i++) await insert({ _id: `bulk${i}`, openid: `ob${i}`, unit: i % 2 ? 'fgw' : 'zx' });
  const plan = cloud.store.candidates('staff', { unit: 'fgw', active: true });
  expect(plan.index).toBe('unit_1');
  expect(plan.docs.length).toBeLessThan(150);
  expect(cloud.store.candidates('staff', { _id: { $in: ['bulk1', 'bulk2'] } })).toMatchObject({ index: '_id_' });
  expect(cloud.store.candidates('staff', { other: 1 }).index).toBeNull();
  // an $or whose every branch is indexed: the union of the branches (an agent's own and first-asked cases)
  const either = cloud.store.candidates('staff', {
    $and: [{ $or: [{ openid: 'ob3' }, { unit: 'zx' }] }, { other: { $ne: 1 } }],
  });
  expect(either.index).toBe('$or(openid_unique,unit_1)');
  const scanned = cloud.store.candidates('staff', {}).docs.filter((d) => d.openid === 'ob3' || d.unit === 'zx');
  expect(scanned.length).toBeGreaterThan(100);
  expect(either.docs.map((d) => d._id).sort()).toEqual(scanned.map((d) => d._id).sort());
  // one branch without an index: everything is scanned, or documents matching that branch would be lost
  expect(cloud.store.candidates('staff', { $or: [{ openid: 'ob3' }, { other: 1 }] }).index).toBeNull();
  // and what the wire answers is what a scan answers
  const found = await post({
    action: 'database.getDocument',
    collectionName: 'staff',
    query: JSON.stringify({ $or: [{ openid: 'ob3' }, { unit: 'zx', openid: { $in: ['ob4', 'ob5', 'ob6'] } }] }),
    limit: 100,
  });
  expect(found.data.list.map((d: string) => JSON.parse(d)._id).sort()).toEqual(['bulk3', 'bulk4', 'bulk6']);
});

test('the same query text asked again answers from the data as it is now (only the compiled query is kept)', async () => {
  const query = JSON.stringify({ unit: 'kept', n: { $gte: 1 } });
  const ask = async () =>
    (await post({ action: 'database.getDocument', collectionName: 'staff', query, limit: 100 })).data.list
      .map((d: string) => JSON.parse(d)._id)
      .sort();
  expect(await ask()).toEqual([]);
  await insert({ _id: 'kept1', openid: 'ok1', unit: 'kept', n: 1 });
  expect(await ask()).toEqual(['kept1']);
  await insert({ _id: 'kept2', openid: 'ok2', unit: 'kept', n: 2 });
  await post({ action: 'database.removeDocument', collectionName: 'staff', query: JSON.stringify({ _id: 'kept1' }) });
  expect(await ask()).toEqual(['kept2']);
});
