#!/usr/bin/env node
'use strict';
/*
 * npm run release -- --env <envId> --appid <appid> [--out <dir>]
 *
 * Builds the weapp for one real CloudBase environment, writes the AppID where WeChat DevTools and
 * miniprogram-ci read it (project.private.config.json, git-ignored: the AppID belongs to the center,
 * not to the repository), then runs WeChat's own code-quality check (miniprogram-ci, offline) and
 * fails unless every item passes. --out builds a separate project folder (the test uses it so it
 * never wipes a developer's dist/).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { envIdProblem, appIdProblem, parseArgs, LOCAL_ENV_ID } = require('./release-ids');

const ROOT = path.join(__dirname, '..');
const TARO = require.resolve('@tarojs/cli/bin/taro');

async function checkCodeQuality(projectDir, appid) {
  const ci = require('miniprogram-ci');
  // The check runs offline; the Project still insists on a key file, which it never reads for it.
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-ci-'));
  const keyPath = path.join(keyDir, 'unused.key');
  fs.writeFileSync(keyPath, '');
  try {
    const project = new ci.Project({
      appid,
      type: 'miniProgram',
      projectPath: projectDir,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
    });
    return await ci.checkCodeQuality(project);
  } finally {
    fs.rmSync(keyDir, { recursive: true, force: true });
  }
}

function listFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function release({ env, appid, out }) {
  const problems = [envIdProblem(env), appIdProblem(appid)].filter(Boolean);
  if (problems.length) return { ok: false, problems };

  const projectDir = out ? path.resolve(out) : ROOT;
  const distDir = path.join(projectDir, 'dist');
  if (out) {
    fs.mkdirSync(projectDir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'project.config.json'), path.join(projectDir, 'project.config.json'));
  }
  execFileSync(process.execPath, [TARO, 'build', '--type', 'weapp'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production', BANGBAN_CLOUD_ENV: env, BANGBAN_WEAPP_OUT: distDir },
  });

  // The env id is compiled in: make sure it is this one and the local one is gone.
  const js = listFiles(distDir).filter((f) => f.endsWith('.js'));
  const carries = (id) => js.filter((f) => fs.readFileSync(f, 'utf8').includes(JSON.stringify(id)));
  if (carries(LOCAL_ENV_ID).length || !carries(env).length) {
    return { ok: false, problems: [`构建结果中的环境 ID 不是 ${env} / the build does not carry env id ${env}`] };
  }

  const privatePath = path.join(projectDir, 'project.private.config.json');
  const previous = fs.existsSync(privatePath) ? JSON.parse(fs.readFileSync(privatePath, 'utf8')) : {};
  fs.writeFileSync(privatePath, `${JSON.stringify({ ...previous, appid, projectname: 'bangban' }, null, 2)}\n`);

  const checks = await checkCodeQuality(projectDir, appid);
  const failed = checks.filter((c) => !c.success);
  return {
    ok: failed.length === 0,
    checks,
    problems: failed.map((c) => `代码质量未通过 / code quality failed: ${c.name} ${c.text || ''}`.trim()),
    distDir,
  };
}

module.exports = { release };

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  release({ env: args.env === true ? '' : args.env, appid: args.appid === true ? '' : args.appid, out: args.out })
    .then((r) => {
      if (args.json) {
        console.log(
          JSON.stringify({
            ok: r.ok,
            problems: r.problems,
            checks: (r.checks || []).map((c) => ({ name: c.name, success: c.success })),
          }),
        );
        process.exit(r.ok ? 0 : 1);
      }
      for (const c of r.checks || []) console.log(`${c.success ? '✓' : '✗'} ${c.name}  ${c.title || ''}`);
      if (!r.ok) {
        for (const p of r.problems) console.error(`✗ ${p}`);
        console.error('未生成可上传的版本 / release refused');
        process.exit(1);
      }
      console.log(
        `\n已为环境 ${args.env}、AppID ${args.appid} 构建 ${path.relative(process.cwd(), r.distDir) || '.'}，微信代码质量检查全部通过。`,
      );
      console.log('用微信开发者工具打开项目根目录上传，或用 miniprogram-ci upload。');
      // miniprogram-ci leaves a file watcher running
      process.exit(0);
    })
    .catch((e) => {
      console.error(e.stderr ? String(e.stderr) : e);
      process.exit(1);
    });
}
