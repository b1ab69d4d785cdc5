'use strict';
/*
 * One cloud-function instance: a worker thread that loads a function folder once (cold start) and
 * then serves one invocation at a time, like a CloudBase instance. Plain CommonJS because
 * worker_threads loads it directly. Per-invocation identity goes into process.env, which is this
 * worker's own copy, so concurrent instances never see each other's caller.
 */
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const util = require('node:util');

if (workerData.loopbackOnly) require('./loopback-guard').install();

let currentId = null;
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  // Logs travel on the same port as results, so they stay ordered with the invocation they belong to.
  console[level] = (...args) =>
    parentPort.postMessage({ type: 'log', id: currentId, level, text: util.format(...args) });
}
process.on('unhandledRejection', (reason) => {
  parentPort.postMessage({
    type: 'log',
    id: currentId,
    level: 'error',
    text: `Unhandled rejection: ${util.inspect(reason)}`,
  });
});

const errorInfo = (e) => ({
  name: (e && e.name) || 'Error',
  message: e && e.message !== undefined ? String(e.message) : String(e),
  stack: e && e.stack ? String(e.stack) : undefined,
  errCode: e && e.errCode !== undefined ? e.errCode : undefined,
});

const started = process.hrtime.bigint();
let main;
try {
  const mod = require(path.join(workerData.functionDir, 'index.js'));
  main = mod && typeof mod.main === 'function' ? mod.main : null;
  if (!main) throw new Error(`${workerData.functionDir}/index.js does not export a main function`);
  parentPort.postMessage({ type: 'ready', loadMs: Number(process.hrtime.bigint() - started) / 1e6 });
} catch (e) {
  parentPort.postMessage({ type: 'loadError', error: errorInfo(e) });
}

let previousKeys = [];
parentPort.on('message', async (msg) => {
  if (msg.type !== 'invoke' || !main) return;
  currentId = msg.id;
  for (const k of previousKeys) delete process.env[k];
  previousKeys = Object.keys(msg.env);
  Object.assign(process.env, msg.env);
  try {
    const value = await main(msg.event, msg.context);
    let json;
    try {
      json = JSON.stringify(value === undefined ? null : value);
    } catch (e) {
      throw new Error(`the function returned a value that is not JSON: ${e.message}`);
    }
    parentPort.postMessage({ type: 'result', id: msg.id, ok: true, json });
  } catch (e) {
    parentPort.postMessage({ type: 'result', id: msg.id, ok: false, error: errorInfo(e) });
  }
});
