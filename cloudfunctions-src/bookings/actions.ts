import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { applicantActionsActions } from './applicant-actions';
import { staffActionsActions } from './staff-actions';
import { deskActionsActions } from './desk-actions';

export * from './common';
export * from './views';
export * from './changes';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = {
  ...applicantActionsActions,
  ...staffActionsActions,
  ...deskActionsActions,
} satisfies ActionTable<Database>;
