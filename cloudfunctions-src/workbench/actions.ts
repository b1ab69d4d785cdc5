import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { caseActions } from './case-actions';
import { contactActions } from './contact-actions';

export * from './common';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = { ...caseActions, ...contactActions } satisfies ActionTable<Database>;
