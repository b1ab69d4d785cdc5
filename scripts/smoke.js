#!/usr/bin/env node
'use strict';
/*
 * npm run smoke -- --env <envId>
 *
 * What an operator runs once after the first `npm run deploy`: every assumption the code makes about
 * CloudBase that the local cloud can only imitate, checked against the real environment, with a
 * plain report. Writes only documents whose ids start with `smoke-` and deletes them again.
 * Credentials: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (never printed). The test suite runs
 * the same checks against the local cloud (test/deploy/smoke.test.ts).
 */
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const FUNCTIONS = path.join(ROOT, 'cloudfunctions');
/** The test the functions themselves use on a refused write (cloudfunctions-src/shared/db/errors.ts). */
function loadIsDuplicateKey() {
  const out = path.join(ROOT, '.build', 'db-errors.js');
  require('esbuild').buildSync({
    entryPoints: [path.join(ROOT, 'cloudfunctions-src/shared/db/errors.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  return require(out).isDuplicateKey;
}

const errText = (e) => String(e?.errMsg ?? e?.message ?? e);
const functionNames = () =>
  fs
    .readdirSync(FUNCTIONS)
    .filter((n) => fs.existsSync(path.join(FUNCTIONS, n, 'config.json')))
    .sort();
const localConfig = (name) => JSON.parse(fs.readFileSync(path.join(FUNCTIONS, name, 'config.json'), 'utf8'));

/**
 * Runs the checks. `cloud` is an initialised wx-server-sdk; `functionConfig(name)` answers what the
 * platform holds for a function ({ timeout, triggers: [{ name, type, config }] }).
 * Answers [{ name, ok: true | false | null (checked by hand), detail }].
 */
async function smoke({ cloud, functionConfig }) {
  const db = cloud.database();
  const isDuplicateKey = loadIsDuplicateKey();
  const tag = `smoke-${randomBytes(4).toString('hex')}`;
  const results = [];
  const check = async (name, fn) => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, detail });
    } catch (e) {
      results.push({ name, ok: false, detail: errText(e) });
    }
  };
  const remove = (coll, ids) =>
    Promise.all(
      ids.map((id) =>
        db
          .collection(coll)
          .doc(id)
          .remove()
          .catch(() => null),
      ),
    );
  const exists = async (coll, id) => (await db.collection(coll).where({ _id: id }).count()).total === 1;

  await check('数据库：同一 _id 写两次，第二次被拒（E11000）', async () => {
    const id = `${tag}-dup`;
    try {
      await db.collection('audit').add({ data: { _id: id, kind: 'smoke', at: new Date() } });
      const second = await db
        .collection('audit')
        .add({ data: { _id: id, kind: 'smoke', at: new Date() } })
        .then(
          () => null,
          (e) => e,
        );
      if (!second || !isDuplicateKey(second))
        throw new Error(
          `第二次写入${second ? `的错误不是重复键（DATABASE_DUPLICATE_WRITE / E11000）：${errText(second)}` : '成功了'}`,
        );
      return errText(second).slice(0, 80);
    } finally {
      await remove('audit', [id]);
    }
  });

  await check('数据库：唯一索引 bookings.seat_unique 拒绝同一座位（名额靠它）', async () => {
    const ids = [`${tag}-seat-a`, `${tag}-seat-b`];
    const seat = `${tag}#1`;
    try {
      await db.collection('bookings').add({ data: { _id: ids[0], status: 'smoke', seat, holder: `${tag}|a` } });
      const second = await db
        .collection('bookings')
        .add({ data: { _id: ids[1], status: 'smoke', seat, holder: `${tag}|b` } })
        .then(
          () => null,
          (e) => e,
        );
      if (!second || !isDuplicateKey(second))
        throw new Error(
          `同一座位的第二个预约${second ? `被拒但不是重复键：${errText(second)}` : '写入成功：唯一索引不存在，先 npm run deploy'}`,
        );
      return 'E11000';
    } finally {
      await remove('bookings', ids);
    }
  });

  await check('事务：一次 add 多个文档（settle 把 outbox 一次写入）', async () => {
    const ids = [`${tag}-tx-a`, `${tag}-tx-b`];
    try {
      await db.runTransaction(async (t) => {
        await t.collection('audit').add({ data: ids.map((_id) => ({ _id, kind: 'smoke', at: new Date() })) });
      });
      const found = await Promise.all(ids.map((id) => exists('audit', id)));
      if (!found.every(Boolean)) throw new Error(`提交后只找到 ${found.filter(Boolean).length} 个`);
      return '2 个文档';
    } finally {
      await remove('audit', ids);
    }
  });

  await check('事务：函数抛错时什么也不写入', async () => {
    const id = `${tag}-tx-abort`;
    try {
      await db
        .runTransaction(async (t) => {
          await t.collection('audit').add({ data: { _id: id, kind: 'smoke', at: new Date() } });
          throw new Error('smoke abort');
        })
        .catch(() => null);
      if (await exists('audit', id)) throw new Error('回滚后文档仍在');
      return '已回滚';
    } finally {
      await remove('audit', [id]);
    }
  });

  for (const name of functionNames()) {
    await check(`云函数 ${name}：已部署并按统一格式答复`, async () => {
      // an unknown action is refused with a code; the scheduler, called by an admin, runs its
      // (idempotent) sweep instead and answers ok
      const r = await cloud.callFunction({ name, data: { action: '__smoke__', input: {} } });
      const answer = r.result;
      const uniform =
        answer &&
        ((answer.ok === false && typeof answer.code === 'string') || (answer.ok === true && 'data' in answer));
      if (!uniform) throw new Error(`答复不是 {ok, code | data}：${JSON.stringify(answer)?.slice(0, 120)}`);
      return answer.ok ? 'ok' : answer.code;
    });
    await check(`云函数 ${name}：超时与触发器与 config.json 一致`, async () => {
      const want = localConfig(name);
      const have = await functionConfig(name);
      const timeout = want.timeout ?? 3;
      if (have.timeout !== timeout) throw new Error(`超时 ${have.timeout} s，config.json 为 ${timeout} s`);
      const key = (t) => `${t.type}|${t.config}`;
      const wantTriggers = (want.triggers ?? []).map(key).sort();
      const haveTriggers = (have.triggers ?? []).map(key).sort();
      if (JSON.stringify(wantTriggers) !== JSON.stringify(haveTriggers))
        throw new Error(`触发器 ${haveTriggers.join('; ') || '无'}，应为 ${wantTriggers.join('; ') || '无'}`);
      return `${timeout} s${wantTriggers.length ? `，${(want.triggers ?? []).map((t) => t.config).join('; ')}` : ''}`;
    });
  }

  await check('定时触发：notify 收到定时器事件（Type: Timer）时投递并答复 ok', async () => {
    const r = await cloud.callFunction({
      name: 'notify',
      data: { Type: 'Timer', TriggerName: 'smoke', Time: new Date().toISOString() },
    });
    if (r.result?.ok !== true) throw new Error(`答复 ${JSON.stringify(r.result)?.slice(0, 120)}`);
    return JSON.stringify(r.result.data).slice(0, 80);
  });

  // these need a person's WeChat identity and cannot be made from an admin script
  results.push({
    name: '订阅消息：没有授权时发送答复 43101（代码据此记为“未授权”、不重试）',
    ok: null,
    detail: '用一个从未同意订阅的微信号提交一件申请，在「消息」里应看到“未推送（未授权订阅）”',
  });
  results.push({
    name: '定时触发：小程序用户不能冒充定时器（SOURCE wx_client 被拒）',
    ok: null,
    detail:
      '本地由 test/functions/timers.test.ts 覆盖；真实环境在云开发控制台 › 云函数 › notify › 日志 中看到每 2 分钟一次成功的定时调用',
  });
  return results;
}

function report(results) {
  const lines = results.map(
    (r) => `${r.ok === true ? '✓' : r.ok === false ? '✗' : '·'} ${r.name}${r.detail ? `  — ${r.detail}` : ''}`,
  );
  const failed = results.filter((r) => r.ok === false).length;
  const manual = results.filter((r) => r.ok === null).length;
  lines.push(
    '',
    failed ? `${failed} 项未通过。` : `全部自动检查通过${manual ? `；· 标记的 ${manual} 项请按说明手工确认` : ''}。`,
  );
  return lines.join('\n');
}

module.exports = { smoke, report };

if (require.main === module) {
  const { envIdProblem, parseArgs } = require('./release-ids');
  const args = parseArgs(process.argv.slice(2));
  const envId = typeof args.env === 'string' ? args.env : '';
  const bad = envIdProblem(envId);
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (bad || !secretId || !secretKey) {
    console.error(`✗ ${bad ?? '需要环境变量 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY / credentials missing'}`);
    process.exit(1);
  }
  const cloud = require('wx-server-sdk');
  cloud.init({ env: envId, secretId, secretKey });
  const CloudBase = require('@cloudbase/manager-node');
  const manager = new CloudBase({ secretId, secretKey, envId });
  const functionConfig = async (name) => {
    const d = await manager.functions.getFunctionDetail(name);
    return {
      timeout: d.Timeout,
      triggers: (d.Triggers ?? []).map((t) => ({ name: t.TriggerName, type: t.Type, config: t.TriggerDesc })),
    };
  };
  smoke({ cloud, functionConfig }).then(
    (results) => {
      console.log(`环境 ${envId} 上线检查\n`);
      console.log(report(results));
      process.exit(results.some((r) => r.ok === false) ? 1 : 0);
    },
    (e) => {
      console.error(`✗ ${errText(e)}`);
      process.exit(1);
    },
  );
}
