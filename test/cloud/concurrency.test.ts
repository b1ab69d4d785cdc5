/**
 * No lost update: 100 read-modify-write transactions on one counter, each from its own
 * invocation, racing through the SDK's runTransaction.
 */
import { CloudBase } from '../../local-cloud/src';
import { invoke, startTestCloud } from '../support/cloud';

let cloud: CloudBase;
beforeAll(async () => {
  // 32 instances run at once; the other invocations queue for them, as at a cloud concurrency limit
  cloud = await startTestCloud({ maxInstances: 32, project: { envId: 'race-env', collections: { counters: {} } } });
});
afterAll(() => cloud.stop());

const attempt = (id: string) =>
  invoke<number>(cloud, 'conformance', { probe: 'increment', coll: 'counters', id, pauseMs: 2 }).then(
    () => true,
    () => false,
  );
const value = async (id: string) =>
  (await invoke<{ value: number }>(cloud, 'conformance', { probe: 'docGet', coll: 'counters', id })).value;

test('100 concurrent transactions: final value = number that succeeded', async () => {
  await invoke(cloud, 'conformance', { probe: 'add', coll: 'counters', data: { _id: 'c1', value: 0 } });
  const results = await Promise.all(Array.from({ length: 100 }, () => attempt('c1')));
  const succeeded = results.filter(Boolean).length;
  expect(succeeded).toBeGreaterThan(0);
  expect(await value('c1')).toBe(succeeded);
});

test('with callers retrying what failed, 100 increments end at exactly 100', async () => {
  await invoke(cloud, 'conformance', { probe: 'add', coll: 'counters', data: { _id: 'c2', value: 0 } });
  let failures = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      for (let i = 0; i < 100; i++) {
        if (await attempt('c2')) return;
        failures++;
        // back off a little, as a client retrying would
        await new Promise((r) => setTimeout(r, Math.random() * 50));
      }
      throw new Error('an increment never got through');
    }),
  );
  expect(await value('c2')).toBe(100);
  console.log(`retried ${failures} failed transactions`);
});

test('a plain write racing a transaction makes the transaction conflict, not overwrite it', async () => {
  await invoke(cloud, 'conformance', { probe: 'add', coll: 'counters', data: { _id: 'c3', value: 0 } });
  // the transaction pauses between its read and its write; meanwhile a plain update lands
  const tx = invoke(cloud, 'conformance', {
    probe: 'increment',
    coll: 'counters',
    id: 'c3',
    pauseMs: 300,
    retries: 0,
  }).then(
    () => 'committed',
    (e: Error) => e.message,
  );
  await new Promise((r) => setTimeout(r, 100));
  await invoke(cloud, 'conformance', { probe: 'docUpdate', coll: 'counters', id: 'c3', data: { value: 50 } });
  expect(await tx).toMatch(/conflict/i);
  expect(await value('c3')).toBe(50);
});
