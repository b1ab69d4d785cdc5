/** Function host, triggers, client gateway and the loopback-only rule. */
import net from 'node:net';
import { CloudBase, startCloudBase } from '../../local-cloud/src';
import { FIXTURES, invoke, startTestCloud } from '../support/cloud';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startTestCloud({
    project: {
      envId: 'host-env',
      collections: { ticks: {}, people: {} },
      subscribeTemplates: { TPL: { title: '进度', keywords: ['thing1'] } },
    },
  });
});
afterAll(() => cloud.stop());

const gateway = (path: string, body: object) =>
  fetch(`${cloud.url}/gateway/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:10086' },
    body: JSON.stringify(body),
  });

describe('function host', () => {
  test('the config.json timeout stops a slow function with the cloud error, and the host lives on', async () => {
    await expect(cloud.host.invoke('slow', { ms: 1500 }, { source: 'wx_client' })).rejects.toMatchObject({
      code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
      message: 'Invoking task timed out after 1 seconds',
    });
    expect(JSON.parse((await cloud.host.invoke('slow', { ms: 10 }, { source: 'wx_client' })).json)).toEqual({
      slept: 10,
    });
  });

  test('a function that throws gives the caller the error; one that exits does not crash the host', async () => {
    await expect(invoke(cloud, 'conformance', { probe: 'throws' })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringContaining('deliberate failure'),
    });
    await expect(cloud.host.invoke('slow', { exit: true }, { source: 'wx_client' })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
    });
    expect(await invoke(cloud, 'conformance', { probe: 'log', text: 'still alive' })).toBe('logged');
  });

  test('a function gets only the configured variables its code reads, as npm run deploy sets them', async () => {
    const env = await startCloudBase({
      port: 0,
      dataDir: null,
      functionsDir: FIXTURES,
      project: { envId: 'env-env', functionEnv: { FIXTURE_READ: 'yes', FIXTURE_UNREAD: 'no' } },
    });
    try {
      expect(JSON.parse((await env.host.invoke('slow', { env: true }, { source: 'wx_client' })).json)).toEqual({
        read: 'yes',
        computed: null,
      });
    } finally {
      await env.stop();
    }
  });

  test('an unknown function is an error, not a crash', async () => {
    await expect(cloud.host.invoke('nope', {}, { source: 'wx_client' })).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
    });
    await expect(cloud.host.invoke('../etc', {}, { source: 'wx_client' })).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
    });
  });

  test('the pool grows under load and keeps callers apart', async () => {
    const callers = Array.from({ length: 12 }, (_, i) => `o_user_${i}`);
    const seen = await Promise.all(
      callers.map((o) => invoke<{ OPENID: string }>(cloud, 'conformance', { probe: 'context' }, o)),
    );
    expect(seen.map((c) => c.OPENID)).toEqual(callers);
    const slept = await Promise.all(
      [1, 2, 3, 4].map(() => cloud.host.invoke('slow', { ms: 300 }, { source: 'wx_client' })),
    );
    expect(slept.length).toBe(4);
    expect(cloud.host.instanceCounts().slow.total).toBeGreaterThanOrEqual(4);
  });

  test('invocations are recorded with logs, duration, cold start and database round trips', async () => {
    await invoke(cloud, 'conformance', { probe: 'log', text: 'hello console' });
    await invoke(cloud, 'conformance', { probe: 'count', coll: 'people' });
    const [log, count] = cloud.host.history.slice(-2);
    expect(log.logs.map((l) => l.text)).toContain('probe log hello console');
    expect(count.dbRequests).toBe(1);
    expect(count.durationMs).toBeGreaterThan(0);
    expect(count.cold).toBe(false);
  });

  test('writes are counted as atomic units: each plain write one, a committed transaction one', async () => {
    await invoke(cloud, 'conformance', { probe: 'addMany', coll: 'people', count: 120 });
    const many = cloud.host.history[cloud.host.history.length - 1];
    expect(many.dbRequests).toBe(120);
    expect(many.writeUnits).toHaveLength(120);
    // a transaction touching two documents commits as one unit; reads write nothing
    await invoke(cloud, 'conformance', { probe: 'docSet', coll: 'people', id: 'acc-a', data: { value: 10 } });
    await invoke(cloud, 'conformance', { probe: 'docSet', coll: 'people', id: 'acc-b', data: { value: 0 } });
    await invoke(cloud, 'conformance', { probe: 'transfer', coll: 'people', from: 'acc-a', to: 'acc-b', amount: 3 });
    const tx = cloud.host.history[cloud.host.history.length - 1];
    expect(tx.writeUnits).toEqual([['people']]);
    await invoke(cloud, 'conformance', { probe: 'count', coll: 'people' });
    expect(cloud.host.history[cloud.host.history.length - 1].writeUnits).toEqual([]);
  });
});

describe('timer triggers', () => {
  test('fire now runs the function with a timer event and no user', async () => {
    expect(cloud.triggers.list()).toEqual([
      expect.objectContaining({ functionName: 'ticker', name: 'everySecond', cron: '* * * * * * *' }),
    ]);
    const r = await fetch(`${cloud.url}/_/api/triggers/ticker/fire`, { method: 'POST' }).then((x) => x.json());
    expect(r).toEqual({ ok: true, result: { ticked: 'everySecond' } });
    const ticks = await invoke<any[]>(cloud, 'conformance', { probe: 'get', coll: 'ticks' });
    expect(ticks[0]).toMatchObject({
      event: { Type: 'Timer', TriggerName: 'everySecond' },
      source: 'wx_trigger',
      openid: null,
    });
  });

  test('scheduled triggers fire on their own', async () => {
    const scheduled = await startCloudBase({
      port: 0,
      dataDir: null,
      functionsDir: FIXTURES,
      project: { envId: 'tick-env', collections: { ticks: {} } },
    });
    try {
      await new Promise((r) => setTimeout(r, 2600));
      expect(scheduled.store.candidates('ticks', {}).docs.length).toBeGreaterThanOrEqual(1);
    } finally {
      await scheduled.stop();
    }
  });
});

describe('client gateway (the H5 stand-in for wx.cloud)', () => {
  test('callFunction runs as the chosen identity and adds userInfo', async () => {
    const res = await gateway('callFunction', { name: 'conformance', data: { probe: 'context' }, openid: 'o_h5_user' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:10086');
    const body = await res.json();
    expect(body).toMatchObject({
      errMsg: 'cloud.callFunction:ok',
      result: { OPENID: 'o_h5_user', SOURCE: 'wx_client' },
    });
  });

  test('a failing function gives the client errCode and errMsg', async () => {
    const res = await gateway('callFunction', { name: 'conformance', data: { probe: 'throws' }, openid: 'o_h5_user' });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ errCode: -504002, errMsg: expect.stringContaining('deliberate failure') });
  });

  test('payloads over 100 KB and missing identities are refused', async () => {
    const big = await gateway('callFunction', {
      name: 'conformance',
      data: { probe: 'context', pad: 'x'.repeat(120 * 1024) },
      openid: 'o_h5_user',
    });
    expect(big.status).toBe(400);
    expect((await big.json()).errMsg).toMatch(/exceeds/);
    const anon = await gateway('callFunction', { name: 'conformance', data: { probe: 'context' } });
    expect(anon.status).toBe(400);
  });

  test('requestSubscribeMessage records grants; uploadFile stores bytes', async () => {
    const res = await gateway('requestSubscribeMessage', { openid: 'o_h5_user', tmplIds: ['TPL', 'UNKNOWN'] });
    expect(await res.json()).toEqual({ TPL: 'accept', UNKNOWN: 'filter', errMsg: 'requestSubscribeMessage:ok' });
    expect(cloud.messages.remaining('o_h5_user', 'TPL')).toBe(1);
    const up = await fetch(`${cloud.url}/gateway/uploadFile?openid=o_h5_user&cloudPath=uploads/a.txt`, {
      method: 'POST',
      body: 'bytes',
    }).then((r) => r.json());
    expect(up.fileID).toBe('cloud://host-env.local/uploads/a.txt');
    expect(cloud.storage.get('uploads/a.txt')?.toString()).toBe('bytes');
    const escape = await fetch(`${cloud.url}/gateway/uploadFile?openid=o_h5_user&cloudPath=../../etc/x`, {
      method: 'POST',
      body: 'bytes',
    });
    expect(escape.status).toBe(400);
  });

  test('the console page and its API answer', async () => {
    expect(await fetch(`${cloud.url}/`).then((r) => r.text())).toContain('Local CloudBase');
    const state = await fetch(`${cloud.url}/_/api/state`).then((r) => r.json());
    expect(state.functions.map((f: { name: string }) => f.name)).toEqual(['conformance', 'slow', 'ticker']);
  });
});

describe('loopback only', () => {
  test('the server refuses a non-loopback bind address', async () => {
    await expect(startCloudBase({ port: 0, dataDir: null, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  test('the test guard refuses connections outside loopback', () => {
    expect(() => net.connect(80, '93.184.216.34')).toThrow(/loopback guard/);
    expect(() => net.connect({ host: 'example.com', port: 443 })).toThrow(/loopback guard/);
  });
});
