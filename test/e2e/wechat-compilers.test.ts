/**
 * Issue 18 item 2: the WeChat build's templates and styles through WeChat's own compilers (wcc,
 * wcsc; test/weapp-harness/wechat-compilers.ts), as the developer tools compile them before upload.
 * A style or template the compiler refuses would reach no phone; the broken fixtures show the
 * check fails, naming the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileWxml, compileWxss } from '../weapp-harness/wechat-compilers';

const DIST = path.join(__dirname, '..', '..', 'dist');

/** A throwaway build folder with these files. */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangban-wechat-compilers-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the weapp build (dist/) compiles with WeChat’s own compilers', () => {
  test('every .wxss through wcsc', () => {
    const r = compileWxss(DIST);
    expect(r.error).toBe('');
    expect(r.ok).toBe(true);
    expect(r.files).toContain('app.wxss');
    expect(r.files).toContain('packages/ledger/pages/index/index.wxss');
    expect(r.warnings).toEqual([]);
    // every stylesheet is in the output: the pages' own, and the shared ones they import
    for (const f of r.files) expect(r.output).toContain(f);
  });

  test('every .wxml and .wxs through wcc', () => {
    const r = compileWxml(DIST);
    expect(r.error).toBe('');
    expect(r.ok).toBe(true);
    expect(r.files).toContain('base.wxml');
    expect(r.files.some((f) => f.endsWith('.wxs'))).toBe(true);
    expect(r.output).toContain('$gwx');
    expect(r.output).toContain('base.wxml');
  });
});

describe('what WeChat’s compilers refuse fails the check, naming the file', () => {
  test('a style sheet with a broken rule', () => {
    const ok = compileWxss(folder({ 'app.wxss': '.btn { min-height: 96rpx; }\n' }));
    expect(ok.ok).toBe(true);
    const r = compileWxss(
      folder({ 'app.wxss': '.btn { min-height: 96rpx; }\n', 'pages/a/index.wxss': '.card { color: #333;\n' }),
    );
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/pages\/a\/index\.wxss/);
  });

  test('a tag selector in a custom component’s style sheet: accepted with a warning, as WeChat drops it', () => {
    const r = compileWxss(
      folder({
        'comp.json': '{"component": true}',
        'comp.wxss': '.a { color: red; }\nview { color: blue; }\n',
        'app.wxss': 'view { color: #333; }\n',
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([expect.stringMatching(/not allowed in component wxss.*\(comp\.wxss:\d+:\d+\)/)]);
  });

  test('a template left unclosed', () => {
    const ok = compileWxml(folder({ 'pages/a/index.wxml': '<view class="card">{{title}}</view>\n' }));
    expect(ok.ok).toBe(true);
    const r = compileWxml(folder({ 'pages/a/index.wxml': '<view class="card">{{title}}</view>\n<text>' }));
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/pages\/a\/index\.wxml/);
  });
});
