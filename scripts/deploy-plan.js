'use strict';
/*
 * What a CloudBase environment must hold for Bangban, derived from cloudbase.json and the built
 * function folders (never a hand list), and how to bring an environment there through Tencent's
 * management SDK (@cloudbase/manager-node) — changing only what differs, so a second run changes
 * nothing.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { envReads } = require('../local-cloud/runtime/env-reads');

const ROOT = path.join(__dirname, '..');
const DEFAULT_TIMEOUT_S = 3; // CloudBase's default when config.json names none
const DEFAULT_MEMORY_MB = 256;
const RUNTIME = 'Nodejs16.13'; // the bundles target node16 (scripts/build-functions.js)

/**
 * Variables that libraries bundled into a function read when present and do without otherwise
 * (graceful-fs and readable-stream inside exceljs, Node's debug switch). The plan sets none of
 * them; any other variable a bundle reads must be configured in cloudbase.json `functionEnv`.
 */
const LIBRARY_OPTIONAL = new Set([
  'NODE_DEBUG',
  'GRACEFUL_FS_PLATFORM',
  'TEST_GRACEFUL_FS_GLOBAL_PATCH',
  'READABLE_STREAM',
  'NODE_ENV',
]);

function loadProject(root = ROOT) {
  return JSON.parse(fs.readFileSync(path.join(root, 'cloudbase.json'), 'utf8'));
}

function functionFolders(functionsDir) {
  return fs
    .readdirSync(functionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(functionsDir, d.name, 'config.json')))
    .map((d) => d.name)
    .sort();
}

/** sha256 of what is uploaded: the bundle and its package.json (the cloud installs wx-server-sdk) */
function codeHash(dir) {
  const h = createHash('sha256');
  for (const f of ['index.js', 'package.json']) h.update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * The plan for one environment.
 * `templates` (the operator's subscribe-message template registry, see README 上线) replaces the
 * local placeholder ids of cloudbase.json; a real environment without it gets `{}` and the center
 * enters the ids in 设置 › 订阅消息模板编号 instead.
 */
function buildPlan({
  root = ROOT,
  functionsDir = path.join(root, 'cloudfunctions'),
  project = loadProject(root),
  local = false,
  templates,
} = {}) {
  const problems = [];
  const warnings = [];
  const collections = Object.entries(project.collections ?? {}).map(([name, c]) => ({
    name,
    permission: 'ADMINONLY', // every read and write goes through a function
    indexes: (c.indexes ?? []).map((ix) => {
      // CloudBase's index API (CreateIndex.MgoKeySchema) has no sparse option
      if (ix.sparse)
        problems.push(`${name}.${ix.name}: CloudBase 索引不支持 sparse / CloudBase indexes cannot be sparse`);
      return { name: ix.name, keys: ix.keys, unique: ix.unique === true };
    }),
  }));

  const configured = { ...(project.functionEnv ?? {}) };
  if (!local) {
    configured.BANGBAN_SUBSCRIBE_TEMPLATES = templates ?? {};
    if (!templates)
      warnings.push(
        '未提供订阅消息模板（--templates FILE）：部署后由中心在「设置 › 订阅消息模板编号」填写，否则只发站内消息',
      );
  }
  const asString = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

  const functions = functionFolders(functionsDir)
    .map((name) => {
      const dir = path.join(functionsDir, name);
      const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
      const bundle = path.join(dir, 'index.js');
      if (!fs.existsSync(bundle)) {
        problems.push(`${name}: index.js 不存在，先 npm run build:functions / not built`);
        return null;
      }
      const envVariables = {};
      for (const v of envReads(fs.readFileSync(bundle, 'utf8'))) {
        if (Object.hasOwn(configured, v)) envVariables[v] = asString(configured[v]);
        else if (!LIBRARY_OPTIONAL.has(v))
          problems.push(
            `${name} 读取环境变量 ${v}，cloudbase.json functionEnv 中没有 / ${name} reads ${v}, which functionEnv does not set`,
          );
      }
      return {
        name,
        timeout: config.timeout ?? DEFAULT_TIMEOUT_S,
        memorySize: config.memorySize ?? DEFAULT_MEMORY_MB,
        envVariables,
        triggers: (config.triggers ?? []).map((t) => ({ name: t.name, type: t.type, config: t.config })),
        openapi: config.permissions?.openapi ?? [],
        codeHash: codeHash(dir),
      };
    })
    .filter(Boolean);

  return {
    plan: { collections, storage: { acl: 'PRIVATE' }, functions },
    problems,
    warnings,
  };
}

/** The plan as `--json` prints it: exactly the shape the issue names. */
function publicPlan(plan) {
  return {
    collections: plan.collections.map((c) => ({
      name: c.name,
      permission: c.permission,
      indexes: c.indexes.map((i) => ({ name: i.name, keys: i.keys, unique: i.unique })),
    })),
    storage: { acl: plan.storage.acl },
    functions: plan.functions.map((f) => ({
      name: f.name,
      timeout: f.timeout,
      memorySize: f.memorySize,
      envVariables: f.envVariables,
      triggers: f.triggers,
    })),
  };
}

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const DESCRIPTION = (hash) => `bangban ${hash}`;

/**
 * Brings the environment behind `manager` (a @cloudbase/manager-node CloudBase) to `plan`.
 * Reads first, writes only what differs; answers the list of changes made.
 */
async function applyPlan(plan, manager, { functionsDir = path.join(ROOT, 'cloudfunctions'), log = () => {} } = {}) {
  const changes = [];
  const change = (what) => {
    changes.push(what);
    log(`  ✎ ${what}`);
  };

  for (const c of plan.collections) {
    const exists = await manager.database.checkCollectionExists(c.name);
    if (!exists.Exists) {
      await manager.database.createCollection(c.name);
      change(`创建集合 ${c.name}`);
    }
    const have = exists.Exists ? ((await manager.database.describeCollection(c.name)).Indexes ?? []) : [];
    const byName = new Map(have.map((i) => [i.Name, i]));
    const create = [];
    const drop = [];
    for (const ix of c.indexes) {
      const keys = Object.entries(ix.keys).map(([Name, d]) => ({ Name, Direction: String(d) }));
      const cur = byName.get(ix.name);
      const curKeys = cur ? (cur.Keys ?? []).map((k) => ({ Name: k.Name, Direction: String(k.Direction) })) : null;
      if (cur && sameJson(curKeys, keys) && Boolean(cur.Unique) === ix.unique) continue;
      if (cur) drop.push({ IndexName: ix.name });
      create.push({ IndexName: ix.name, MgoKeySchema: { MgoIsUnique: ix.unique, MgoIndexKeys: keys } });
    }
    if (drop.length) {
      await manager.database.updateCollection(c.name, { DropIndexes: drop });
      change(`删除与计划不同的索引 ${c.name}: ${drop.map((d) => d.IndexName).join(', ')}`);
    }
    if (create.length) {
      await manager.database.updateCollection(c.name, { CreateIndexes: create });
      change(`建立索引 ${c.name}: ${create.map((d) => d.IndexName).join(', ')}`);
    }
    const perm = await manager.permission.describeResourcePermission({
      resourceType: 'collection',
      resources: [c.name],
    });
    if ((perm.PermissionList ?? [])[0]?.Permission !== c.permission) {
      await manager.permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: c.name,
        permission: c.permission,
      });
      change(`集合权限 ${c.name} → ${c.permission}`);
    }
  }

  if ((await manager.storage.getStorageAcl()) !== plan.storage.acl) {
    await manager.storage.setStorageAcl(plan.storage.acl);
    change(`云存储权限 → ${plan.storage.acl}`);
  }

  for (const f of plan.functions) {
    let detail = null;
    try {
      detail = await manager.functions.getFunctionDetail(f.name);
    } catch (e) {
      if (!/ResourceNotFound|not exist|不存在/i.test(String(e?.code ?? '') + String(e?.message ?? ''))) throw e;
    }
    const func = {
      name: f.name,
      timeout: f.timeout,
      memorySize: f.memorySize,
      envVariables: f.envVariables,
      runtime: RUNTIME,
      installDependency: true,
      description: DESCRIPTION(f.codeHash),
      ignore: ['*.tmp'],
    };
    if (!detail) {
      await manager.functions.createFunction({
        func: { ...func, triggers: f.triggers },
        functionRootPath: functionsDir,
        force: false,
      });
      change(`创建云函数 ${f.name}`);
      continue;
    }
    if (detail.Description !== DESCRIPTION(f.codeHash)) {
      await manager.functions.updateFunctionCode({ func, functionRootPath: functionsDir });
      change(`更新云函数代码 ${f.name}`);
    }
    const vars = Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
    if (
      detail.Timeout !== f.timeout ||
      detail.MemorySize !== f.memorySize ||
      detail.Description !== DESCRIPTION(f.codeHash) ||
      !sameJson(Object.entries(vars).sort(), Object.entries(f.envVariables).sort())
    ) {
      await manager.functions.updateFunctionConfig(func);
      change(`更新云函数配置 ${f.name}（超时、内存、环境变量）`);
    }
    const haveTriggers = (detail.Triggers ?? []).map((t) => ({
      name: t.TriggerName,
      type: t.Type,
      config: t.TriggerDesc,
    }));
    const key = (t) => `${t.name}|${t.type}|${t.config}`;
    const want = new Set(f.triggers.map(key));
    const stale = haveTriggers.filter((t) => !want.has(key(t)));
    const missing = f.triggers.filter((t) => !haveTriggers.some((h) => key(h) === key(t)));
    for (const t of stale) {
      await manager.functions.deleteFunctionTrigger(f.name, t.name);
      change(`删除触发器 ${f.name}.${t.name}`);
    }
    if (missing.length) {
      await manager.functions.createFunctionTriggers(f.name, missing);
      change(`创建触发器 ${f.name}: ${missing.map((t) => `${t.name} (${t.config})`).join(', ')}`);
    }
  }
  return changes;
}

/** The plan in words, for the terminal. */
function describePlan(plan, envId) {
  const lines = [`环境 ${envId} 的部署计划 / deploy plan`, ''];
  const indexes = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  lines.push(`集合 ${plan.collections.length} 个、索引 ${indexes} 个，权限一律 ADMINONLY（只经云函数读写）：`);
  for (const c of plan.collections)
    lines.push(
      `  ${c.name}: ${c.indexes.map((i) => `${i.name}${i.unique ? '（唯一）' : ''}`).join(', ') || '（无索引）'}`,
    );
  lines.push(`云存储：${plan.storage.acl}（身份证、签名等只经云函数发临时链接）`);
  lines.push('', `云函数 ${plan.functions.length} 个：`);
  for (const f of plan.functions) {
    const vars = Object.keys(f.envVariables);
    lines.push(
      `  ${f.name}: 超时 ${f.timeout} s，内存 ${f.memorySize} MB${f.triggers.length ? `，触发器 ${f.triggers.map((t) => `${t.name} ${t.config}`).join('; ')}` : ''}${vars.length ? `，环境变量 ${vars.join(', ')}` : ''}`,
    );
  }
  lines.push(
    '',
    '唯一索引都不是 sparse：预约的 seat/holder 在每次新建时写入，取消时改为 `x:<预约ID>`（仍唯一、释放名额），',
    '没有缺字段的预约，所以云端的普通唯一索引与本地一致。',
  );
  return lines.join('\n');
}

module.exports = { buildPlan, publicPlan, applyPlan, describePlan, LIBRARY_OPTIONAL, RUNTIME };
