import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { reportActions } from './report-actions';
import { rebuildActions } from './rebuild-actions';

export * from './common';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = { ...reportActions, ...rebuildActions } satisfies ActionTable<Database>;
