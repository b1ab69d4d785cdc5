import fs from 'node:fs';
import path from 'node:path';
import { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { wxApisDoc } from './journeys/on-weapp';

const ROOT = path.join(__dirname, '..', '..');
let cloud: CloudBase;

beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud?.stop());

test('docs/wx-apis.md lists the wx APIs the weapp build uses (run `npm run docs:wx-apis` after changing them)', async () => {
  const file = fs.readFileSync(path.join(ROOT, 'docs', 'wx-apis.md'), 'utf8');
  expect(file).toBe(await wxApisDoc(path.join(ROOT, 'dist'), cloud));
});
