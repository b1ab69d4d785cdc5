import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { LedgerQuery } from './ledgerTypes';

export interface LedgerExport {
  fileID: string;
  url: string;
  fileName: string;
  rows: number;
}

/** 导出台账与统计（.xlsx，云存储临时链接） */
export async function exportLedger(input: LedgerQuery): Promise<LedgerExport> {
  return unwrap(await callCloud<CloudAnswer<LedgerExport>>('ledgerExport', { action: 'export', input }));
}
