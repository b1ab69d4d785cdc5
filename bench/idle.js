'use strict';
/**
 * Idle cost: database requests the timers make on a day nobody uses the service. Shared by the
 * bench and test/functions/idle-cost.test.ts.
 */
const IDLE_READS_GOAL = 6000;

/** values a cron field allows, within lo..hi */
function field(spec, lo, hi) {
  const out = new Set();
  for (const part of spec.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let [a, b] = range === '*' ? [lo, hi] : range.split('-').map(Number);
    if (b === undefined) b = stepText ? hi : a;
    for (let v = a; v <= b; v += step) out.add(v);
  }
  return out.size;
}

/** Runs a day of a seven-field CloudBase cron (second minute hour day month weekday year). */
function runsPerDay(cron) {
  const [s, m, h] = cron.trim().split(/\s+/);
  return field(s, 0, 59) * field(m, 0, 59) * field(h, 0, 23);
}

module.exports = { runsPerDay, IDLE_READS_GOAL };
