/**
 * Function bundles stay small enough to start fast: minified, without zod's locales, and every
 * index.js at most 500 KB except the .xlsx export (exceljs), which has a function of its own.
 */
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require('../../scripts/build-functions');
const FUNCTIONS = path.join(__dirname, '..', '..', 'cloudfunctions');
const LIMIT = 500 * 1024;

let names: string[];
beforeAll(() => {
  names = build();
});

test('every bundle is at most 500 KB save ledgerExport', () => {
  const sizes = Object.fromEntries(names.map((n) => [n, fs.statSync(path.join(FUNCTIONS, n, 'index.js')).size]));
  expect(Object.keys(sizes).filter((n) => sizes[n] > LIMIT)).toEqual(['ledgerExport']);
});

test('zod keeps English only, and the ledger function does not carry exceljs', () => {
  for (const n of names) {
    const code = fs.readFileSync(path.join(FUNCTIONS, n, 'index.js'), 'utf8');
    // German and Chinese zod messages would be there with the locales
    expect(code).not.toContain('Ungültig');
    expect(code).not.toContain('无效输入');
    expect(code.includes('ExcelJS') || code.includes('exceljs')).toBe(n === 'ledgerExport');
  }
});
