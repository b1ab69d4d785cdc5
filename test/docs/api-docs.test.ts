import fs from 'node:fs';
import path from 'node:path';
import { renderApiDocs } from '../../cloudfunctions-src/api-docs';

test('docs/api.md matches the function schemas (run `npm run docs:api` after changing them)', () => {
  const file = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'api.md'), 'utf8');
  expect(file).toBe(renderApiDocs());
});
