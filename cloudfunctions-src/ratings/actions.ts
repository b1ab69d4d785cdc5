import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { applicantActions } from './applicant-actions';
import { staffActions } from './staff-actions';

export * from './common';
export * from './staff-views';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = { ...applicantActions, ...staffActions } satisfies ActionTable<Database>;
