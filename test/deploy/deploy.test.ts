/**
 * `npm run deploy`: the plan is derived from cloudbase.json and the built bundles, covers every
 * collection, index and variable, and applying it to an environment (a recording stand-in of the
 * management API: the real one needs a Tencent Cloud account) is idempotent.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { standInManager } from '../support/manager-stand-in';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPlan, publicPlan, applyPlan, LIBRARY_OPTIONAL } = require('../../scripts/deploy-plan');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { envReads } = require('../../local-cloud/runtime/env-reads');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../scripts/build-functions');

const ROOT = path.join(__dirname, '..', '..');
const FUNCTIONS = path.join(ROOT, 'cloudfunctions');
const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbase.json'), 'utf8'));

type Plan = {
  collections: {
    name: string;
    permission: string;
    indexes: { name: string; keys: Record<string, number>; unique: boolean }[];
  }[];
  storage: { acl: string };
  functions: {
    name: string;
    timeout: number;
    memorySize: number;
    envVariables: Record<string, string>;
    triggers: { name: string; type: string; config: string }[];
    codeHash: string;
  }[];
};

beforeAll(() => build());

describe('the deploy plan', () => {
  test('covers every collection and index of cloudbase.json, functions-only permissions, private storage', () => {
    const { plan, problems } = buildPlan({ templates: {} }) as { plan: Plan; problems: string[] };
    expect(problems).toEqual([]);
    expect(plan.collections.map((c) => c.name).sort()).toEqual(Object.keys(project.collections).sort());
    for (const [name, c] of Object.entries(project.collections) as [
      string,
      { indexes?: { name: string; keys: Record<string, number>; unique?: boolean }[] },
    ][]) {
      const planned = plan.collections.find((p) => p.name === name)!;
      expect(planned.permission).toBe('ADMINONLY');
      expect(planned.indexes).toEqual(
        (c.indexes ?? []).map((i) => ({ name: i.name, keys: i.keys, unique: i.unique === true })),
      );
    }
    expect(
      plan.collections
        .flatMap((c) => c.indexes)
        .filter((i) => i.unique)
        .map((i) => i.name),
    ).toEqual(expect.arrayContaining(['seat_unique', 'holder_unique', 'requestKey_unique']));
    expect(plan.storage).toEqual({ acl: 'PRIVATE' });
  });

  test('every function folder with its config.json timeout and triggers', () => {
    const { plan } = buildPlan({ templates: {} }) as { plan: Plan };
    const folders = fs
      .readdirSync(FUNCTIONS)
      .filter((n) => fs.existsSync(path.join(FUNCTIONS, n, 'config.json')))
      .sort();
    expect(plan.functions.map((f) => f.name)).toEqual(folders);
    for (const f of plan.functions) {
      const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS, f.name, 'config.json'), 'utf8'));
      expect(f.timeout).toBe(config.timeout ?? 3);
      expect(f.triggers).toEqual(config.triggers ?? []);
      expect(f.memorySize).toBeGreaterThanOrEqual(128);
    }
  });

  test('sets every variable a function reads (a function reading one the plan does not set fails here)', () => {
    const { plan } = buildPlan({ templates: {} }) as { plan: Plan };
    for (const f of plan.functions) {
      const reads: string[] = envReads(fs.readFileSync(path.join(FUNCTIONS, f.name, 'index.js'), 'utf8'));
      const unset = reads.filter((v) => !(v in f.envVariables) && !LIBRARY_OPTIONAL.has(v));
      expect({ fn: f.name, unset }).toEqual({ fn: f.name, unset: [] });
      // and nothing the code does not read
      expect(Object.keys(f.envVariables).filter((v) => !reads.includes(v))).toEqual([]);
    }
    // the README used to name cases and workbench: the functions that read the templates are these
    const readers = plan.functions.filter((f) => 'BANGBAN_SUBSCRIBE_TEMPLATES' in f.envVariables).map((f) => f.name);
    expect(readers).toEqual(expect.arrayContaining(['applicant', 'center', 'notify', 'scheduler']));
  });

  test('a bundle that reads an unconfigured variable, or a sparse index, is a problem, not a silent gap', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-plan-'));
    try {
      fs.mkdirSync(path.join(dir, 'probe'));
      fs.writeFileSync(
        path.join(dir, 'probe', 'index.js'),
        'exports.main = async () => process.env.BANGBAN_NEW_SWITCH || process.env["BANGBAN_MP_STATE"]',
      );
      fs.writeFileSync(path.join(dir, 'probe', 'package.json'), '{}');
      fs.writeFileSync(path.join(dir, 'probe', 'config.json'), '{"timeout": 5}');
      const sparse = structuredClone(project);
      sparse.collections.bookings.indexes.push({
        name: 'maybe_unique',
        keys: { maybe: 1 },
        unique: true,
        sparse: true,
      });
      const { plan, problems } = buildPlan({ functionsDir: dir, project: sparse, templates: {} }) as {
        plan: Plan;
        problems: string[];
      };
      expect(problems).toEqual([
        expect.stringContaining('bookings.maybe_unique'),
        expect.stringContaining('probe reads BANGBAN_NEW_SWITCH'),
      ]);
      expect(plan.functions[0].envVariables).toEqual({ BANGBAN_MP_STATE: 'formal' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a real environment never gets the local placeholder template ids: the operator's, or none", () => {
    const none = buildPlan({}) as { plan: Plan; warnings: string[] };
    const notify = (p: Plan) => p.functions.find((f) => f.name === 'notify')!.envVariables.BANGBAN_SUBSCRIBE_TEMPLATES;
    expect(notify(none.plan)).toBe('{}');
    expect(none.warnings.join()).toMatch(/订阅消息模板/);
    const mine = { progress: { id: 'Xy12', kind: 'one-time', keywords: { caseNo: 'character_string1' } } };
    expect(JSON.parse(notify((buildPlan({ templates: mine }) as { plan: Plan }).plan))).toEqual(mine);
    expect(notify((buildPlan({ local: true }) as { plan: Plan }).plan)).toContain('_LOCAL');
  });

  test('--dry-run --json needs no credentials and prints exactly the plan shape', () => {
    const env = { ...process.env, TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' };
    const r = spawnSync(
      process.execPath,
      ['scripts/deploy.js', '--env', 'bangban-prod-7gq2x1c0', '--dry-run', '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env,
      },
    );
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(Object.keys(printed)).toEqual(['collections', 'storage', 'functions']);
    expect(Object.keys(printed.collections[0])).toEqual(['name', 'permission', 'indexes']);
    expect(Object.keys(printed.collections[1].indexes[0])).toEqual(['name', 'keys', 'unique']);
    expect(Object.keys(printed.storage)).toEqual(['acl']);
    expect(Object.keys(printed.functions[0])).toEqual(['name', 'timeout', 'memorySize', 'envVariables', 'triggers']);
    expect(printed).toEqual(publicPlan(buildPlan({}).plan));
  });

  test('refuses the local env id, and a real run without credentials, saying why; never echoes a secret', () => {
    const local = spawnSync(process.execPath, ['scripts/deploy.js', '--env', 'bangban-local', '--dry-run'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(local.status).not.toBe(0);
    expect(local.stderr).toMatch(/本地 CloudBase/);
    const noKey = spawnSync(process.execPath, ['scripts/deploy.js', '--env', 'bangban-prod-7gq2x1c0'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TENCENTCLOUD_SECRETID: 'AKIDsentinel0001', TENCENTCLOUD_SECRETKEY: '' },
    });
    expect(noKey.status).not.toBe(0);
    expect(noKey.stderr).toMatch(/TENCENTCLOUD_SECRETKEY/);
    expect(noKey.stdout + noKey.stderr).not.toContain('AKIDsentinel0001');
  });
});

describe('applying the plan', () => {
  test('provisions an empty environment, then a second run changes nothing', async () => {
    const { plan } = buildPlan({ templates: {} }) as { plan: Plan };
    const { state, manager } = standInManager();
    const first = await applyPlan(plan, manager);
    expect(first.length).toBeGreaterThan(0);

    for (const c of plan.collections) {
      expect(state.permissions.get(c.name)).toBe('ADMINONLY');
      const have = state.collections.get(c.name)!.filter((i) => i.Name !== '_id_');
      expect(
        have.map((i) => ({
          name: i.Name,
          keys: Object.fromEntries(i.Keys.map((k) => [k.Name, Number(k.Direction)])),
          unique: i.Unique,
        })),
      ).toEqual(c.indexes);
    }
    expect(state.storageAcl).toBe('PRIVATE');
    for (const f of plan.functions) {
      const fn = state.functions.get(f.name)!;
      expect(fn.Timeout).toBe(f.timeout);
      expect(Object.fromEntries(fn.Environment.Variables.map((v) => [v.Key, v.Value]))).toEqual(f.envVariables);
      expect(fn.Triggers.map((t) => t.TriggerDesc)).toEqual(f.triggers.map((t) => t.config));
    }

    state.calls.length = 0;
    expect(await applyPlan(plan, manager)).toEqual([]);
    expect(state.writes()).toEqual([]);
  });

  test('repairs exactly what drifted', async () => {
    const { plan } = buildPlan({ templates: {} }) as { plan: Plan };
    const { state, manager } = standInManager();
    await applyPlan(plan, manager);
    state.storageAcl = 'READONLY';
    state.permissions.set('cases', 'READONLY');
    state.functions.get('notify')!.Triggers = [];
    state.functions.get('cases')!.Timeout = 3;
    state.collections.set(
      'ratings',
      state.collections.get('ratings')!.filter((i) => i.Name !== 'rater'),
    );
    state.calls.length = 0;
    const changes: string[] = await applyPlan(plan, manager);
    expect(changes).toHaveLength(5);
    expect(
      state
        .writes()
        .map((c) => c.method)
        .sort(),
    ).toEqual([
      'database.updateCollection',
      'functions.createFunctionTriggers',
      'functions.updateFunctionConfig',
      'permission.modifyResourcePermission',
      'storage.setStorageAcl',
    ]);
    state.calls.length = 0;
    expect(await applyPlan(plan, manager)).toEqual([]);
  });

  test('new code is uploaded when the bundle changes, and only then', async () => {
    const { plan } = buildPlan({ templates: {} }) as { plan: Plan };
    const { state, manager } = standInManager();
    await applyPlan(plan, manager);
    const changed = {
      ...plan,
      functions: plan.functions.map((f) => (f.name === 'session' ? { ...f, codeHash: 'feedfacefeedface' } : f)),
    };
    state.calls.length = 0;
    await applyPlan(changed, manager);
    expect(
      state
        .writes()
        .map(
          (c) =>
            `${c.method} ${(c.args[0] as { func?: { name: string }; name?: string }).func?.name ?? (c.args[0] as { name: string }).name}`,
        ),
    ).toEqual(['functions.updateFunctionCode session', 'functions.updateFunctionConfig session']);
  });
});
