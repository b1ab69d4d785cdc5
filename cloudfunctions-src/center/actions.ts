import type { Database } from '../shared/cloud';
import type { ActionTable } from '../shared/action';
import { staffActions } from './staff-actions';
import { settingsActions } from './settings-actions';
import { catalogueActions } from './catalogue-actions';

export * from './common';

/** The function's action table, composed from its groups (order kept: docs/api.md lists them so). */
export const actions = {
  ...staffActions,
  ...settingsActions,
  ...catalogueActions,
} satisfies ActionTable<Database>;
