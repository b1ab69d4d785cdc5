'use strict';
/*
 * The ids a release and a deploy are made for. A weapp built for the local env id or for
 * `touristappid` installs fine and then never reaches a cloud, so both are refused up front.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const LOCAL_ENV_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbase.json'), 'utf8')).envId;

// CloudBase env ids: lowercase letters, digits and '-', e.g. `bangban-7gq2x1c0a9d3e5f6`.
const ENV_ID = /^[a-z][a-z0-9-]{2,38}[a-z0-9]$/;
// A registered mini-program's AppID: `wx` and 16 hex digits.
const APP_ID = /^wx[0-9a-f]{16}$/;

/** @returns {string|null} why the env id cannot be released to, or null */
function envIdProblem(envId) {
  if (!envId) return '缺少 --env <环境ID> / missing --env <envId> (云开发控制台 › 环境 ID)';
  if (envId === LOCAL_ENV_ID) {
    return `“${envId}” 是本地 CloudBase 的环境 ID，真实环境里不存在 / "${envId}" is the local CloudBase env id; use the real environment's id`;
  }
  if (!ENV_ID.test(envId)) {
    return `环境 ID “${envId}” 格式不对（小写字母、数字和 -，4–40 位）/ malformed env id "${envId}" (lowercase letters, digits and '-', 4–40 characters)`;
  }
  return null;
}

/** @returns {string|null} why the AppID cannot be released to, or null */
function appIdProblem(appId) {
  if (!appId) return '缺少 --appid <AppID> / missing --appid <AppID> (微信公众平台 › 开发管理 › 开发设置)';
  if (appId === 'touristappid') {
    return '“touristappid” 是开发者工具的游客 AppID，不能使用云开发 / "touristappid" is DevTools\' tourist id and cannot use CloudBase';
  }
  if (!APP_ID.test(appId)) {
    return `AppID “${appId}” 格式不对（wx 加 16 位十六进制）/ malformed AppID "${appId}" (wx followed by 16 hex digits)`;
  }
  return null;
}

/** `--name value` and `--flag` arguments; a repeated name keeps the last value. */
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = true;
  }
  return out;
}

module.exports = { LOCAL_ENV_ID, envIdProblem, appIdProblem, parseArgs };
