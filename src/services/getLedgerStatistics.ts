import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { LedgerDimension, LedgerQuery, LedgerStatistics } from './ledgerTypes';

/** 台账统计（责任领导本单位，政务服务中心全部） */
export async function getLedgerStatistics(input: LedgerQuery & { by: LedgerDimension }): Promise<LedgerStatistics> {
  return unwrap(await callCloud<CloudAnswer<LedgerStatistics>>('ledger', { action: 'statistics', input }));
}
