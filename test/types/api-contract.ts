/**
 * The client/server contract checked by the compiler, not by jest: `npx tsc --noEmit -p .` (npm run
 * typecheck) compiles this file. Each `@ts-expect-error` line must fail to compile, and TypeScript
 * rejects an `@ts-expect-error` whose line compiles (TS2578), so a contract that stopped catching one
 * of these mistakes fails the typecheck. Nothing here runs: the calls sit in a function never called.
 */
import { getCase } from '../../src/services/cases';
import { callApi } from '../../src/services/transport';
import { actOnCase, type StaffAction } from '../../src/services/workbench';

export async function contract(): Promise<void> {
  // what compiles: a real action, its input, and the answer as the server declares it
  const { case: detail } = await callApi('cases', 'get', { caseId: 'c1' });
  const caseNo: string = detail.caseNo;
  const finished: boolean = detail.status === 'finished';
  const day = await callApi('bookings', 'listDay', { date: '2026-12-01' });
  const seats: number = day.slots[0].capacity;
  // an action whose input is all optional may leave it out
  await callApi('session', 'whoami');
  await callApi('bookings', 'listSlots');

  // a wrong function name
  // @ts-expect-error 'case' is not a cloud function ('cases' is)
  await callApi('case', 'get', { caseId: 'c1' });

  // a wrong action name
  // @ts-expect-error cases has no action 'fetch'
  await callApi('cases', 'fetch', { caseId: 'c1' });
  // @ts-expect-error listDay is a bookings action, not a cases one
  await callApi('cases', 'listDay', { date: '2026-12-01' });

  // a wrong input: missing, mistyped, unknown field, a value outside an enum
  // @ts-expect-error cases.get needs a caseId
  await callApi('cases', 'get');
  // @ts-expect-error caseId is a string
  await callApi('cases', 'get', { caseId: 42 });
  // @ts-expect-error cases.get takes no caseNo
  await callApi('cases', 'get', { caseId: 'c1', caseNo: 'BB1' });
  // @ts-expect-error a slot kind the server does not know
  await callApi('bookings', 'listSlots', { kind: 'night' });
  // @ts-expect-error a staff action without the fields its type asks for (受理 needs the four checks)
  await actOnCase('c1', 3, { type: 'accept' });
  // @ts-expect-error an action type the rules do not have
  const unknownStep: StaffAction = { type: 'approveEverything' };

  // a misuse of an answer
  // @ts-expect-error the answer is { case }, not the case itself
  const notThere: string = (await getCase('c1')).caseNo;
  // @ts-expect-error caseNo is a string, not a number
  const wrongType: number = detail.caseNo;
  // @ts-expect-error a status the server never answers
  const neverAnswered: boolean = detail.status === 'closed';
  // @ts-expect-error the desk's slots carry no `seatsLeft`
  const invented: number = day.slots[0].seatsLeft;

  void [caseNo, finished, seats, unknownStep, notThere, wrongType, neverAnswered, invented];
}
