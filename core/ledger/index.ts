/**
 * §五(六) 台账: every case is one ledger row holding the facts a county reports (who, what, when,
 * how long against the limit, outcome, rating, 差评 handling). Rows are flat and small on purpose:
 * statistics are computed by the database (aggregate: match → group) over these rows, never by
 * loading cases into a function. Each row carries its 0/1 counters (`n`) so a `$group` only sums.
 */
export * from './periods';
export * from './rows';
export * from './statistics';
export * from './export';
