/** 台账 answers (ledger function). Rates are shares in [0, 1], null when nothing to divide by. */
export interface LedgerFigures {
  key: string | null;
  label: string;
  received: number;
  finished: number;
  terminated: number;
  refused: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  rated: number;
  satisfactionRate: number | null;
  bad: number;
  callBackRate: number | null;
  rectificationRate: number | null;
}

export type LedgerPeriod = 'week' | 'month' | 'quarter' | 'year';
export type LedgerDimension = 'period' | 'category' | 'unit' | 'agent';
export type LedgerMeasure = 'received' | 'finished' | 'terminated' | 'refused' | 'late' | 'bad';

export interface LedgerStatistics {
  period: LedgerPeriod;
  key: string;
  label: string;
  by: LedgerDimension;
  range: { from: string; to: string };
  prevKey: string | null;
  nextKey: string | null;
  unit: { unitId: string; name: string } | null;
  total: LedgerFigures;
  breakdown: LedgerFigures[];
  series: LedgerFigures[];
  reasons: Record<'refusal' | 'termination' | 'bad', { reason: string; count: number }[]>;
  options: {
    periods: { value: LedgerPeriod; label: string }[];
    dimensions: { value: LedgerDimension; label: string }[];
    units: { unitId: string; name: string }[];
  };
}

export interface LedgerQuery {
  period: LedgerPeriod;
  key?: string;
  unitId?: string;
}

export interface LedgerRowView {
  caseId: string;
  caseNo: string;
  categoryLabel: string;
  matter: string;
  applicant: string;
  unitName: string;
  agentName: string;
  receivedOn: string;
  endedOn: string | null;
  limitDays: number | null;
  usedDays: number | null;
  onTimeLabel: string;
  departments: string[];
  outcomeLabel: string;
  ratingLabel: string;
  badLabel: string;
}

export interface LedgerRows {
  items: LedgerRowView[];
  total: number;
  measureLabel: string;
  label: string;
}
