'use strict';
/**
 * The environment variables a function's code reads, found in its bundle (`process.env.NAME` or
 * `process.env['NAME']`). The local cloud hands a function only the configured variables it reads,
 * and `npm run deploy` sets exactly those on the real function: a variable missing from the
 * deployment is then missing locally too, and a test sees it. Plain JS: the deploy script uses it.
 */
const READ = /process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"`])([A-Za-z_$][\w$]*)\2\s*\])/g;

function envReads(code) {
  const names = new Set();
  for (const m of code.matchAll(READ)) names.add(m[1] ?? m[3]);
  return [...names].sort();
}

module.exports = { envReads };
