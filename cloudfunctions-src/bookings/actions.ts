import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { applicantActions } from './applicant-actions';
import { staffActions } from './staff-actions';
import { deskActions } from './desk-actions';

export * from './common';
export * from './views';
export * from './changes';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = {
  ...applicantActions,
  ...staffActions,
  ...deskActions,
} satisfies ActionTable<Database>;
