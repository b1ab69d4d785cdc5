/** The WeChat build itself: pages and subpackages as declared, small main package, nothing local-only. */
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.join(__dirname, '..', '..', 'dist');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('app.json lists the applicant pages in the main package and the staff pages in a subpackage', () => {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/apply/index', 'pages/my/index']));
  expect(app.pages.some((p: string) => p.startsWith('packages/'))).toBe(false);
  expect(app.subPackages ?? app.subpackages).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ root: 'packages/staff', pages: expect.arrayContaining(['pages/workbench/index']) }),
    ]),
  );
  for (const page of app.pages) expect(fs.existsSync(path.join(DIST, `${page}.js`))).toBe(true);
});

test('the main package stays within the 600 KB budget of issue 20 (WeChat allows 2 MB)', () => {
  const main = files(DIST).filter((f) => !path.relative(DIST, f).startsWith('packages/'));
  const bytes = main.reduce((n, f) => n + fs.statSync(f).size, 0);
  expect(bytes).toBeLessThanOrEqual(600 * 1024);
});

test('nothing local-only reaches the WeChat build: no gateway, no demo identities, no localStorage', () => {
  for (const f of files(DIST).filter((x) => /\.(js|json|wxml)$/.test(x))) {
    const text = fs.readFileSync(f, 'utf8');
    const file = path.relative(DIST, f);
    expect({
      file,
      gateway: text.includes('/gateway/'),
      demo: /o_citizen_elder|o_agent_center/.test(text),
      storage: text.includes('localStorage'),
    }).toEqual({ file, gateway: false, demo: false, storage: false });
  }
});

test('the chart library (@antv/f2) ships only in the ledger subpackage: applicants and agents never download it', () => {
  const withCharts = files(DIST)
    .filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes('px2hd'))
    .map((f) => path.relative(DIST, f));
  expect(withCharts.length).toBeGreaterThan(0);
  expect(withCharts.filter((f) => !f.startsWith('packages/ledger/'))).toEqual([]);
});
