/**
 * The client/server contract, inferred from the action tables: for every function and action, the
 * input the client sends (zod input) and the data it gets back (zod output). Type-only: import it
 * with `import type` so no server code reaches the mini-program bundle.
 */
import type { z } from 'zod';
import type { ActionSpec } from './shared/action';
import type { actions as applicant } from './applicant/actions';
import type { actions as bookings } from './bookings/actions';
import type { actions as cases } from './cases/actions';
import type { actions as center } from './center/actions';
import type { actions as ledger } from './ledger/actions';
import type { actions as ledgerExport } from './ledgerExport/actions';
import type { actions as notify } from './notify/actions';
import type { actions as ratings } from './ratings/actions';
import type { actions as session } from './session/actions';
import type { actions as workbench } from './workbench/actions';

interface Tables {
  applicant: typeof applicant;
  bookings: typeof bookings;
  cases: typeof cases;
  center: typeof center;
  ledger: typeof ledger;
  ledgerExport: typeof ledgerExport;
  notify: typeof notify;
  ratings: typeof ratings;
  session: typeof session;
  workbench: typeof workbench;
}

type Contract<S> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  S extends ActionSpec<infer I, infer O, any> ? { input: z.input<I>; output: z.output<O> } : never;

/** Every callable function → action → { input, output }. */
export type Api = { [F in keyof Tables]: { [A in keyof Tables[F]]: Contract<Tables[F][A]> } };

export type ApiFunction = keyof Api;
export type ApiAction<F extends ApiFunction> = keyof Api[F] & string;
/** What `callFunction({ name: F, data: { action: A, input } })` takes as `input`. */
export type ApiInput<F extends ApiFunction, A extends ApiAction<F>> = Api[F][A] extends { input: infer I } ? I : never;
/** The `data` of a successful answer to F.A. */
export type ApiOutput<F extends ApiFunction, A extends ApiAction<F>> = Api[F][A] extends { output: infer O }
  ? O
  : never;
