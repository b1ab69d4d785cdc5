import path from 'node:path';
import { startCloudBase, CloudBase, CloudBaseOptions } from '../../local-cloud/src';

export const FIXTURES = path.join(__dirname, '..', 'cloud', 'fixtures', 'functions');

/** An in-memory local CloudBase on a free port, over the fixture functions unless told otherwise. */
export function startTestCloud(options: CloudBaseOptions = {}): Promise<CloudBase> {
  return startCloudBase({ port: 0, dataDir: null, functionsDir: FIXTURES, triggers: false, ...options });
}

/** Invokes a function as a mini-program user and parses its answer. */
export async function invoke<T = unknown>(
  cloud: CloudBase,
  name: string,
  event: object,
  openid = 'o_test_user',
): Promise<T> {
  const { json } = await cloud.host.invoke(name, event, { openid, appid: 'wx_test_app', source: 'wx_client' });
  return JSON.parse(json) as T;
}
