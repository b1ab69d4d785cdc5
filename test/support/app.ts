import path from 'node:path';
import { CloudBase, loadProject, startCloudBase } from '../../local-cloud/src';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../scripts/build-functions') as { build: () => string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seed } = require('../../scripts/seed') as { seed: (env: Record<string, string>) => Promise<number> };

let built = false;

/** The product's real functions (built from cloudfunctions-src) on an in-memory CloudBase with demo data. */
export async function startAppCloud(): Promise<CloudBase> {
  if (!built) {
    build();
    built = true;
  }
  const cloud = await startCloudBase({ port: 0, dataDir: null, functionsDir: path.join(ROOT, 'cloudfunctions'), project: loadProject(path.join(ROOT, 'cloudbase.json')), triggers: false });
  await seed(cloud.sdkEnv);
  return cloud;
}

export type Answer<T = any> = { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

/** Calls a function the way the mini-program does: the caller is the openid, never the payload. */
export async function call<T = any>(cloud: CloudBase, name: string, data: object, openid: string): Promise<Answer<T>> {
  const { json } = await cloud.host.invoke(name, { ...data, userInfo: { openId: openid, appId: 'wx_test' } }, { openid, appid: 'wx_test', source: 'wx_client' });
  return JSON.parse(json) as Answer<T>;
}
