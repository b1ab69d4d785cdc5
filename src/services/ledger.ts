import { callApi, type ApiInput, type ApiOutput } from './transport';

/** 台账 (functions `ledger` and `ledgerExport`); only the ledger subpackage imports this file. */
type RowsQuery = ApiInput<'ledger', 'rows'>;
export type LedgerPeriod = NonNullable<RowsQuery['period']>;
export type LedgerDimension = NonNullable<RowsQuery['by']>;
export type LedgerMeasure = NonNullable<RowsQuery['measure']>;
export type LedgerStatistics = ApiOutput<'ledger', 'statistics'>;
export type LedgerFigures = LedgerStatistics['total'];
export type LedgerRowView = ApiOutput<'ledger', 'rows'>['items'][number];
export type LedgerExport = ApiOutput<'ledgerExport', 'export'>;

/** 台账统计（责任领导本单位，政务服务中心全部） */
export const getLedgerStatistics = (input: ApiInput<'ledger', 'statistics'>) => callApi('ledger', 'statistics', input);
/** 台账明细：某统计数字背后的案件 */
export const listLedgerRows = (input: RowsQuery) => callApi('ledger', 'rows', input);
/** 导出台账与统计（.xlsx，云存储临时链接） */
export const exportLedger = (input: ApiInput<'ledgerExport', 'export'>) => callApi('ledgerExport', 'export', input);
