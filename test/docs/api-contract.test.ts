import type { Api, ApiInput, ApiOutput } from '../../cloudfunctions-src/api';
import { FUNCTIONS } from '../../cloudfunctions-src/api-docs';

/**
 * The contract inferred from the action tables (cloudfunctions-src/api.ts). The type checks are
 * done by `tsc` over this file (npm run typecheck): a wrong function or action name, a wrong input
 * or a misused answer does not compile. The test itself checks the contract covers every action.
 */

// a wrong action name, a wrong input field and a misread answer are compile errors
// @ts-expect-error no such action
type _WrongAction = ApiInput<'cases', 'noSuchAction'>;
// @ts-expect-error no such function
type _WrongFunction = ApiOutput<'nobody', 'get'>;
const _input: ApiInput<'cases', 'withdraw'> = { caseId: 'c1', version: 2 };
// @ts-expect-error version is a number
const _badInput: ApiInput<'cases', 'withdraw'> = { caseId: 'c1', version: '2' };
const readAnswer = (a: ApiOutput<'session', 'whoami'>): string | null => {
  // @ts-expect-error the answer has no such field
  void a.openid;
  return a.staff?.unitName ?? null;
};

test('every action of every function is in the typed contract', () => {
  const contract: Record<keyof Api, readonly string[]> = {
    applicant: ['privacyStatus', 'agreePrivacy', 'subscribeTemplates'] satisfies (keyof Api['applicant'])[],
    session: ['whoami'] satisfies (keyof Api['session'])[],
    notify: ['inbox', 'markRead', 'recordGrants'] satisfies (keyof Api['notify'])[],
    ledgerExport: ['export'] satisfies (keyof Api['ledgerExport'])[],
    ledger: ['statistics', 'rows', 'rebuild'] satisfies (keyof Api['ledger'])[],
    ratings: ['getForCase', 'submit', 'followUp', 'listBad', 'handleBad'] satisfies (keyof Api['ratings'])[],
    cases: Object.keys(FUNCTIONS.cases),
    center: Object.keys(FUNCTIONS.center),
    bookings: Object.keys(FUNCTIONS.bookings),
    workbench: Object.keys(FUNCTIONS.workbench),
  };
  for (const [fn, actions] of Object.entries(contract))
    expect([...actions].sort()).toEqual(Object.keys(FUNCTIONS[fn]).sort());
  expect(Object.keys(contract).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  expect(readAnswer({ roles: ['applicant'], staff: null })).toBeNull();
  expect(_input.version).toBe(2);
});
