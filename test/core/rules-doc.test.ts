import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CASE_ACTION_TYPES,
  CASE_STATUSES,
  DEFAULT_SETTINGS,
  ELIGIBILITY_REASONS,
  PERMISSION_ACTIONS,
} from '../../core';

/** docs/rules.md maps the rulebook to the code; it goes stale the moment the code grows a rule it does not name. */
const doc = readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8');

test('docs/rules.md names every state, transition, permission, eligibility reason and setting', () => {
  const settingKeys = Object.entries(DEFAULT_SETTINGS).flatMap(([group, values]) =>
    Object.keys(values).map((k) => `${group}.${k}`),
  );
  const names = [
    ...CASE_STATUSES,
    ...CASE_ACTION_TYPES,
    ...PERMISSION_ACTIONS,
    ...Object.keys(ELIGIBILITY_REASONS),
    ...settingKeys,
  ];
  expect(names.filter((n) => !doc.includes(`\`${n}\``) && !doc.includes(n))).toEqual([]);
});

test('docs/rules.md covers every clause of §二 to §五 of the rulebook', () => {
  const clauses = [
    '§二(一)',
    '§二(二)',
    '§二(三)',
    '§二(四)',
    '§三(一)',
    '§三(二)',
    '§三(三)',
    '§三(四)',
    '§四(一)',
    '§四(二)',
    '§四(三)',
    '§五(一)',
    '§五(二)',
    '§五(三)',
    '§五(四)',
    '§五(五)',
    '§五(六)',
  ];
  expect(clauses.filter((c) => !doc.includes(`| ${c}`))).toEqual([]);
});
