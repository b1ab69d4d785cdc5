/**
 * core/ is the one pure rules engine (issue 17): the lint rule that keeps it so must bite.
 * Each probe is linted as if it were a file in core/, with the project's own ESLint config.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function lintAs(filePath: string, code: string): string[] {
  try {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '-f', 'json'],
      {
        cwd: root,
        input: code,
        encoding: 'utf8',
      },
    );
    return [];
  } catch (err) {
    const out = (err as { stdout?: string }).stdout ?? '[]';
    const [result] = JSON.parse(out) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }
}

describe('core/ stays pure (lint rule)', () => {
  const probes: [string, string, RegExp][] = [
    ['clock', 'export const now = (): Date => new Date();\n', /reads no clock/],
    ['Date.now', 'export const now = (): number => Date.now();\n', /reads no clock/],
    ['randomness', 'export const id = (): number => Math.random();\n', /no randomness/],
    ['wx-server-sdk', "import cloud from 'wx-server-sdk';\nexport default cloud;\n", /talk to CloudBase/],
    ['Taro', "import Taro from '@tarojs/taro';\nexport default Taro;\n", /pages import core/],
    ['wx global', 'export const f = (): unknown => wx.getStorageSync("x");\n', /no WeChat API/],
    ['environment', 'export const f = (): unknown => process.env.X;\n', /configuration comes from the caller/],
  ];

  it.each(probes)('refuses %s in core/', (_name, code, expected) => {
    const messages = lintAs('core/probe.ts', code);
    expect(messages.join('\n')).toMatch(expected);
  });

  it('lets the same code stand outside core/ and lets core convert given times', () => {
    expect(lintAs('cloudfunctions-src/shared/probe.ts', 'export const now = (): Date => new Date();\n')).toEqual([]);
    expect(lintAs('core/probe.ts', 'export const at = (iso: string): Date => new Date(iso);\n')).toEqual([]);
  });
});
