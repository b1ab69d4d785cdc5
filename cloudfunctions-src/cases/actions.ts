import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { submitActions } from './submit-actions';
import { ownCaseActions } from './own-case-actions';

export * from './common';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = { ...submitActions, ...ownCaseActions } satisfies ActionTable<Database>;
