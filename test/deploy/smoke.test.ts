/**
 * `npm run smoke` against the local cloud: the checks an operator runs on the real environment
 * after the first deploy pass here, and a missing unique index or a wrong timeout fails them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloudBase, loadProject, startCloudBase } from '../../local-cloud/src';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { smoke, report } = require('../../scripts/smoke');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../scripts/build-functions');

const ROOT = path.join(__dirname, '..', '..');
type Result = { name: string; ok: boolean | null; detail: string };

async function run(cloud: CloudBase, overrides: { timeout?: Record<string, number> } = {}): Promise<Result[]> {
  Object.assign(process.env, cloud.sdkEnv);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk');
  sdk.init({ env: cloud.sdkEnv.TCB_ENV });
  const functionConfig = async (name: string) => {
    const info = cloud.host.info(name)!;
    return { timeout: overrides.timeout?.[name] ?? info.timeoutMs / 1000, triggers: info.config.triggers ?? [] };
  };
  return smoke({ cloud: sdk, functionConfig });
}

beforeAll(() => build());

test('every automatic check passes on an environment provisioned from cloudbase.json', async () => {
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: loadProject(path.join(ROOT, 'cloudbase.json')),
    triggers: false,
  });
  try {
    const results = await run(cloud);
    expect(results.filter((r) => r.ok === false)).toEqual([]);
    const names = results.map((r) => r.name).join('\n');
    for (const expected of [
      /E11000/,
      /seat_unique/,
      /一次 add 多个文档/,
      /抛错时什么也不写入/,
      /notify 收到定时器事件/,
      /43101/,
      /云函数 cases：超时/,
    ])
      expect(names).toMatch(expected);
    // the smoke documents are gone again
    for (const coll of ['audit', 'bookings'])
      expect(cloud.store.candidates(coll, {}).docs.filter((d) => String(d._id).startsWith('smoke-'))).toEqual([]);
    expect(report(results)).toMatch(/全部自动检查通过/);
  } finally {
    await cloud.stop();
  }
}, 120_000);

test('an environment without the unique indexes, or with another timeout, fails with a plain reason', async () => {
  const project = loadProject(path.join(ROOT, 'cloudbase.json'));
  const bare = {
    ...project,
    collections: Object.fromEntries(Object.keys(project.collections ?? {}).map((n) => [n, {}])),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-smoke-'));
  const cloud = await startCloudBase({
    port: 0,
    dataDir: dir,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: bare,
    triggers: false,
  });
  try {
    const results = await run(cloud, { timeout: { ledger: 3 } });
    const failed = results.filter((r) => r.ok === false);
    expect(failed.map((r) => r.name)).toEqual([
      expect.stringContaining('seat_unique'),
      expect.stringContaining('云函数 ledger：超时'),
    ]);
    expect(failed[0].detail).toMatch(/唯一索引不存在/);
    expect(failed[1].detail).toMatch(/超时 3 s，config.json 为 60 s/);
    expect(report(results)).toMatch(/2 项未通过/);
  } finally {
    await cloud.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
