/**
 * `npm run release`: the weapp built for a real CloudBase environment and AppID passes WeChat's own
 * code-quality check (miniprogram-ci, offline), and ids that cannot work are refused before anything
 * is built. The release builds into a scratch project folder so the journeys' dist/ stays as it is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'release.js');

function release(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('release refuses ids that cannot reach a cloud', () => {
  const out = path.join(os.tmpdir(), `bangban-release-refused-${process.pid}`);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test.each([
    [['--env', 'bangban-local', '--appid', 'wx0123456789abcdef'], /本地 CloudBase 的环境 ID/],
    [['--env', 'bangban-prod-7gq2x1c0', '--appid', 'touristappid'], /touristappid.*游客 AppID/],
    [['--env', 'Bangban Prod', '--appid', 'wx0123456789abcdef'], /环境 ID “Bangban Prod” 格式不对/],
    [['--env', 'bangban-prod-7gq2x1c0', '--appid', 'wx0123'], /AppID “wx0123” 格式不对/],
    [['--env', 'bangban-prod-7gq2x1c0'], /缺少 --appid/],
  ])('%j', (args, message) => {
    const r = release([...args, '--out', out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/release refused/);
    // refused before building: nothing was written
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('a release build', () => {
  const out = path.join(ROOT, '.release-check', `t${process.pid}`);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('passes every item of WeChat checkCodeQuality, carries the env id and the AppID', () => {
    const r = release(['--env', 'bangban-prod-7gq2x1c0', '--appid', 'wx0123456789abcdef', '--out', out, '--json']);
    const report = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      ok: boolean;
      problems: string[];
      checks: { name: string; success: boolean }[];
    };
    expect(report.problems).toEqual([]);
    expect(r.status).toBe(0);
    // the eleven items of miniprogram-ci 2.1.42, compression and lazyCodeLoading among them
    expect(report.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'JS_COMPRESS_OPEN',
        'WXML_COMPRESS_OPEN',
        'WXSS_COMPRESS_OPEN',
        'LAZYCODE_LOADING_OPEN',
        'PACKAGE_SIZE_LIMIT',
        'CONTAINS_UNUSED_CODES',
      ]),
    );
    expect(report.checks).toHaveLength(11);
    expect(report.checks.filter((c) => !c.success)).toEqual([]);

    const appJson = JSON.parse(fs.readFileSync(path.join(out, 'dist', 'app.json'), 'utf8'));
    expect(appJson.lazyCodeLoading).toBe('requiredComponents');
    expect(fs.existsSync(path.join(out, 'dist', appJson.sitemapLocation))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'project.config.json'), 'utf8')).libVersion).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    expect(JSON.parse(fs.readFileSync(path.join(out, 'project.private.config.json'), 'utf8')).appid).toBe(
      'wx0123456789abcdef',
    );
    const appJs = fs.readFileSync(path.join(out, 'dist', 'app.js'), 'utf8');
    expect(appJs).not.toMatch(/\n\s{2,}\S/); // minified: no indented lines
    const js = fs
      .readdirSync(path.join(out, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'));
    const all = js.map((f) => fs.readFileSync(path.join(out, 'dist', f), 'utf8')).join('\n');
    expect(all).toContain('"bangban-prod-7gq2x1c0"');
    expect(all).not.toContain('"bangban-local"');
  }, 600_000);
});
