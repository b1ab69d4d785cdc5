import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.join(__dirname, '..', '..');
export const H5_DIR = path.join(ROOT, '.build', 'h5-e2e');
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serves the H5 build and forwards /gateway/* to the local CloudBase, so the app (built with a
 * same-origin gateway) works whatever port the test cloud got.
 */
export async function serveApp(cloudUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/gateway/')) {
      const upstream = http.request(
        `${cloudUrl}${url.pathname}${url.search}`,
        { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'application/json' });
          up.pipe(res);
        },
      );
      req.pipe(upstream);
      return;
    }
    let file = path.join(H5_DIR, decodeURIComponent(url.pathname));
    if (!file.startsWith(H5_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      file = path.join(H5_DIR, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Headless Debian Chromium with a phone-sized viewport (a mini-program is 375 wide). */
export async function launchBrowser(): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Taro H5 slides a newly opened page in from the right (300 ms); until the router marks it
 * stationed the document is wider than the screen, and a full-page shot shows that strip.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.taro_router > .taro_page.taro_page_show')].every((p) =>
        p.classList.contains('taro_page_stationed'),
      ),
    undefined,
    { timeout: 5000 },
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await pageSettled(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
