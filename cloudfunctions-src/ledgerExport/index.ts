import { createMain } from '../shared/handler';
import { actions } from './actions';

export const main = createMain('ledgerExport', actions);
