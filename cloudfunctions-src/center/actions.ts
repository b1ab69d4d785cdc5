import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { staffActionsActions } from './staff-actions';
import { settingsActionsActions } from './settings-actions';
import { catalogueActionsActions } from './catalogue-actions';

export * from './common';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = {
  ...staffActionsActions,
  ...settingsActionsActions,
  ...catalogueActionsActions,
} satisfies ActionTable<Database>;
