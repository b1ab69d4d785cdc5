/**
 * The environment every e2e file sets up around its journeys, one helper per build. Each call
 * registers the file's beforeAll/afterAll and returns getters: read them inside tests and hooks
 * (they exist once beforeAll has run).
 *   h5Env():    the local CloudBase, the H5 build served on one origin with it, Chromium, an H5Driver
 *   weappEnv(): the local CloudBase and a WeappDriver on the WeChat build in dist/
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { launchBrowser, serveApp } from '../support/browser';
import { H5Driver } from './drivers/h5';
import { WeappDriver } from './drivers/weapp';

const ROOT = path.join(__dirname, '..', '..');

export interface H5Env {
  readonly cloud: CloudBase;
  /** the H5 build served with /gateway proxied to the cloud */
  readonly app: Awaited<ReturnType<typeof serveApp>>;
  readonly browser: BrowserContext;
  readonly driver: H5Driver;
}

export interface WeappEnv {
  readonly cloud: CloudBase;
  readonly driver: WeappDriver;
}

function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`e2e env: ${name} is read before beforeAll has set it up`);
  return value;
}

export function h5Env(): H5Env {
  let cloud: CloudBase | undefined;
  let app: H5Env['app'] | undefined;
  let browser: BrowserContext | undefined;
  let driver: H5Driver | undefined;
  beforeAll(async () => {
    cloud = await startAppCloud();
    app = await serveApp(cloud.url);
    browser = await launchBrowser();
    driver = new H5Driver(browser, app.url, cloud.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await cloud?.stop();
  });
  return {
    get cloud() {
      return ready(cloud, 'cloud');
    },
    get app() {
      return ready(app, 'app');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get driver() {
      return ready(driver, 'driver');
    },
  };
}

export function weappEnv(): WeappEnv {
  let cloud: CloudBase | undefined;
  let driver: WeappDriver | undefined;
  beforeAll(async () => {
    cloud = await startAppCloud();
    driver = new WeappDriver({
      dist: path.join(ROOT, 'dist'),
      cloud,
      snapshots: path.join(ROOT, 'test-results', 'weapp'),
    });
  });
  afterAll(async () => {
    await driver?.close();
    await cloud?.stop();
  });
  return {
    get cloud() {
      return ready(cloud, 'cloud');
    },
    get driver() {
      return ready(driver, 'driver');
    },
  };
}
