'use strict';
/* global document, window, MutationObserver -- the H5 measurement runs these inside the page */
const path = require('node:path');
const { ROOT, out, startCloudBase, pct, results } = require('./lib');

/**
 * The H5 build's home page in headless Chromium (phone viewport, the app's own gateway to a local
 * CloudBase): first contentful paint, and when the service list (§三 categories) and the apply
 * button are on screen and the page answers a tap. Median of 5 fresh loads.
 */
async function h5Run() {
  const fs = require('node:fs');
  const http = require('node:http');
  const h5 = path.join(ROOT, '.build', 'h5-e2e');
  if (!fs.existsSync(path.join(h5, 'index.html'))) {
    results.h5 = null;
    return console.log(
      '\nH5 home page: skipped (no H5 build in .build/h5-e2e: run the browser journeys once, or ' +
        '`BANGBAN_CLOUD_URL= BANGBAN_H5_OUT=.build/h5-e2e npm run build:h5`)',
    );
  }
  const { chromium } = require('playwright-core');
  const { loadProject } = require(out);
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: loadProject(path.join(ROOT, 'cloudbase.json')),
    triggers: false,
  });
  await require('../scripts/seed').seed(cloud.sdkEnv, { standInCalendars: true });
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/gateway/')) {
      const up = http.request(
        `${cloud.url}${url.pathname}${url.search}`,
        { method: req.method, headers: { 'content-type': req.headers['content-type'] || 'application/json' } },
        (r) => {
          res.writeHead(r.statusCode, { 'content-type': r.headers['content-type'] || 'application/json' });
          r.pipe(res);
        },
      );
      return void req.pipe(up);
    }
    let file = path.join(h5, decodeURIComponent(url.pathname));
    if (!file.startsWith(h5) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      file = path.join(h5, 'index.html');
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const fcp = [];
  const usable = [];
  try {
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 667 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      // the moment the §三 service list and the apply button are both on screen
      await page.addInitScript(() => {
        const check = () => {
          const list = document.querySelector('.t-scope-livelihood');
          const go = document.querySelector('.t-go-apply');
          if (list && go && list.getBoundingClientRect().height > 0 && go.getBoundingClientRect().height > 0) {
            window.__usableAt = performance.now();
            return true;
          }
          return false;
        };
        new MutationObserver((_, o) => check() && o.disconnect()).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${base}/?as=o_citizen_elder`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: 30_000 });
      // the page answers a tap (the apply form opens)
      await page.click('.t-go-apply');
      await page.waitForURL(/apply/, { timeout: 30_000 });
      const m = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        usable: window.__usableAt,
      }));
      await context.close();
      if (i === 0) continue; // the first load warms the server's file cache and the functions
      if (m.fcp !== null) fcp.push(m.fcp);
      usable.push(m.usable);
    }
  } finally {
    await browser.close();
    server.close();
    await cloud.stop();
  }
  results.h5 = { fcpMs: pct(fcp, 50), usableMs: pct(usable, 50), loads: usable.length };
  console.log(
    `\nH5 home page (headless Chromium, 375×667, median of ${usable.length} loads): ` +
      `first contentful paint ${results.h5.fcpMs.toFixed(0)} ms, service list usable ${results.h5.usableMs.toFixed(0)} ms`,
  );
}

module.exports = { h5Run };
