/**
 * The real `wx` API surface, read from WeChat's own type definitions (miniprogram-api-typings,
 * installed with Taro's webpack runner). The harness puts every one of these names on `wx`, as
 * WeChat does, so Taro wraps them all; those it does not model fail the test by name when called.
 * A regex-free scanner instead of the TypeScript compiler: parsing the 1.5 MB file with `ts`
 * takes ~2 s per process, this takes ~25 ms.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ApiInfo {
  /** minimum base library (需要基础库), when WeChat documents one */
  minLib?: string;
  deprecated: boolean;
  /** false for data members such as `wx.env` */
  callable: boolean;
}

export interface WxApiList {
  wx: ReadonlyMap<string, ApiInfo>;
  cloud: ReadonlyMap<string, ApiInfo>;
  /** e.g. "miniprogram-api-typings@3.12.3" */
  source: string;
}

let cached: WxApiList | null = null;

export function wxApiList(): WxApiList {
  if (cached) return cached;
  let pkgFile: string;
  try {
    pkgFile = require.resolve('miniprogram-api-typings/package.json');
  } catch {
    throw new Error(
      'weapp harness: miniprogram-api-typings is not installed (it comes with @tarojs/webpack5-runner); it is the list of real wx APIs',
    );
  }
  const dir = path.join(path.dirname(pkgFile), 'types', 'wx');
  const version = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version: string }).version;
  cached = {
    wx: interfaceMembers(fs.readFileSync(path.join(dir, 'lib.wx.api.d.ts'), 'utf8'), 'interface Wx {'),
    cloud: interfaceMembers(fs.readFileSync(path.join(dir, 'lib.wx.cloud.d.ts'), 'utf8'), 'interface WxCloud {'),
    source: `miniprogram-api-typings@${version}`,
  };
  return cached;
}

/** Members of one interface: names at brace depth 0 of its body, with the JSDoc just before each. */
export function interfaceMembers(text: string, header: string): Map<string, ApiInfo> {
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`weapp harness: "${header}" not found in the wx typings`);
  const out = new Map<string, ApiInfo>();
  let i = start + header.length;
  let depth = 0;
  let doc = '';
  let lineStart = true;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (depth === 0) doc = text.slice(i, end);
      i = end + 2;
      continue;
    }
    if (c === '/' && next === '/') {
      i = text.indexOf('\n', i);
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
      lineStart = false;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    } else if (lineStart && depth === 0) {
      const m = /^([A-Za-z_$][\w$]*)\s*\??\s*([(<:])\s*(\()?/.exec(text.slice(i, i + 200));
      if (m && !out.has(m[1])) {
        out.set(m[1], {
          minLib: /需要基础库[：:]\s*`([\d.]+)`/.exec(doc)?.[1],
          deprecated: /@deprecated/.test(doc),
          callable: m[2] !== ':' || m[3] === '(',
        });
      }
      doc = '';
    }
    lineStart = false;
    i++;
  }
  return out;
}
