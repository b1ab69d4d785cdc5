import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { LedgerDimension, LedgerMeasure, LedgerQuery, LedgerRows } from './ledgerTypes';

/** 台账明细：某统计数字背后的案件 */
export async function listLedgerRows(
  input: LedgerQuery & {
    measure: LedgerMeasure;
    by?: LedgerDimension;
    dimKey?: string | null;
    limit?: number;
    offset?: number;
  },
): Promise<LedgerRows> {
  return unwrap(await callCloud<CloudAnswer<LedgerRows>>('ledger', { action: 'rows', input }));
}
