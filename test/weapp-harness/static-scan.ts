/**
 * wx APIs a build references, found without running it. Two patterns:
 * - `wx.name` / `wx["name"]` anywhere (direct use, framework included);
 * - `.name(` / `.cloud.name(` where `name` is a real wx API, in the app's own chunks. Taro maps
 *   `Taro.name` 1:1 onto `wx.name`, and minified app code calls it as `x().name(…)`.
 * taro.js is skipped for the second pattern: it is Taro's API layer and names the whole surface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { wxApiList } from './api-list';

/** Framework bundles whose method calls are not the app's own API use. */
const FRAMEWORK_FILES = new Set(['taro.js', 'vendors.js', 'runtime.js']);

/** api name (`navigateTo`, `cloud.callFunction`) → dist files that reference it */
export function scanDistForWxApis(dist: string): Map<string, string[]> {
  const list = wxApiList();
  const out = new Map<string, Set<string>>();
  const add = (name: string, file: string) => {
    if (!out.has(name)) out.set(name, new Set());
    out.get(name)!.add(file);
  };
  for (const file of jsFiles(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /\bwx\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*["']([\w$]+)["']\s*\])(?:\s*\.\s*([A-Za-z_$][\w$]*))?/g,
    )) {
      const name = m[1] ?? m[2];
      if (name === 'webpackJsonp') continue;
      if (name === 'cloud' && m[3] && list.cloud.has(m[3])) add(`cloud.${m[3]}`, rel);
      else if (list.wx.has(name) && name !== 'cloud') add(name, rel);
    }
    if (FRAMEWORK_FILES.has(rel)) continue;
    for (const m of text.matchAll(/\.\s*(cloud\s*\.\s*)?([A-Za-z_$][\w$]*)\s*\(/g)) {
      if (m[1] ? list.cloud.has(m[2]) : list.wx.has(m[2]) && m[2] !== 'cloud') add(m[1] ? `cloud.${m[2]}` : m[2], rel);
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}

function jsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : [],
    )
    .sort();
}
