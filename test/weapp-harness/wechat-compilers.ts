/**
 * WeChat's own template and style compilers, `wcc` (WXML, WXS) and `wcsc` (WXSS), from the
 * miniprogram-compiler package: the same binaries the developer tools run before a build reaches
 * a phone. What they reject would never render on a phone, whatever the harness makes of it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CompileResult {
  ok: boolean;
  /** the files handed to the compiler, relative to the build folder */
  files: string[];
  /** the compiler's output (JavaScript) when ok */
  output: string;
  /** what the compiler said when it refused */
  error: string;
  /** what it accepted with a complaint (wcsc: rules a phone drops) */
  warnings?: string[];
}

const PLATFORM_DIR: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'mac' };

/**
 * A runnable copy of a compiler. npm does not keep the files' execute bit, and the package's own
 * chmod would change a node_modules that other checkouts share through hard links: so the binary
 * is copied once into a temp folder of ours and made executable there.
 */
export function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const dir = PLATFORM_DIR[process.platform];
  if (!dir) throw new Error(`WeChat's ${name} is shipped for Linux and macOS only (this is ${process.platform})`);
  const pkg = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const version = (JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const source = path.join(pkg, 'bin', dir, name);
  const target = path.join(os.tmpdir(), `bangban-miniprogram-compiler-${version}-${process.getuid?.() ?? 0}`, name);
  if (!fs.existsSync(target) || fs.statSync(target).size !== fs.statSync(source).size) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // copy then rename: parallel test workers never run a half-written binary
    const partial = `${target}.${process.pid}`;
    fs.copyFileSync(source, partial);
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, target);
  }
  return target;
}

function listFiles(root: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(full);
      } else if (e.name.endsWith(ext)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const readJson = (file: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
};

const run = (binary: string, args: string[], cwd: string, files: string[]): CompileResult => {
  const r = spawnSync(binary, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const ok = r.status === 0;
  return {
    ok,
    files,
    output: ok ? r.stdout.toString() : '',
    error: ok ? '' : `${r.stderr.toString()}${r.stdout.toString()}`.trim() || `exit ${r.status}`,
  };
};

/** Every .wxss under `root` through wcsc, as the developer tools call it (components' styles first). */
export function compileWxss(root: string): CompileResult {
  const all = listFiles(root, '.wxss');
  // wcsc wants the styles of pages and components (a .json beside them) first, and their count, as
  // miniprogram-compiler passes them; app.wxss (beside app.json) is the app's, shared by all
  const isComponent = (f: string) =>
    f !== 'app.wxss' && readJson(path.join(root, f.replace(/\.wxss$/, '.json'))) !== null;
  const files = [...all.filter(isComponent), ...all.filter((f) => !isComponent(f))];
  const result = run(
    compilerBinary('wcsc'),
    ['-db', '-pc', String(all.filter(isComponent).length), ...files],
    root,
    files,
  );
  // what wcsc accepts with a complaint travels inside its output, e.g. "Some selectors are not allowed
  // in component wxss … (comp.wxss:1:40)": a rule WeChat drops on a phone
  const warnings = [...result.output.matchAll(/\\x22([^\\]+?\([\w./-]+\.wxss:\d+:\d+\))\\x22/g)].map((m) => m[1]);
  return { ...result, warnings };
}

/** Every .wxml and .wxs under `root` through wcc, with each page's usingComponents, as the developer tools call it. */
export function compileWxml(root: string): CompileResult {
  const wxml = listFiles(root, '.wxml');
  const wxs = listFiles(root, '.wxs');
  const using: string[] = [];
  let count = 0;
  for (const f of wxml) {
    const json = readJson(path.join(root, f.replace(/\.wxml$/, '.json')));
    const components =
      json && typeof json.usingComponents === 'object' && json.usingComponents ? Object.keys(json.usingComponents) : [];
    if (components.length === 0) continue;
    count++;
    using.push(f, String(components.length), ...components);
  }
  return run(compilerBinary('wcc'), ['-d', '-cc', [count, ...using].join(' '), ...wxml, ...wxs, '-gn', '$gwx'], root, [
    ...wxml,
    ...wxs,
  ]);
}
