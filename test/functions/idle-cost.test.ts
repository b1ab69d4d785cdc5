/**
 * What the service costs before anyone uses it: the database requests its timers make on an idle
 * day (CloudBase bills reads). Counted, not timed: the host records each invocation's database
 * round trips, and the cron expressions in config.json say how often each timer runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CloudBase } from '../../local-cloud/src';
import { startAppCloud } from '../support/app';
import { IDLE_READS_GOAL, runsPerDay } from '../../bench/idle';

const FUNCTIONS = path.join(__dirname, '..', '..', 'cloudfunctions');
let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

/** database requests of one timer run of `fn` at `time` */
async function idleRun(fn: string, time: Date): Promise<number> {
  // the host keeps a bounded history: find this run by its trigger and start time, not by position
  const since = Date.now();
  const r = await cloud.triggers.fire(fn, { time });
  expect(r.ok).toBe(true);
  const runs = cloud.host.history.filter((h) => h.functionName === fn && h.trigger && h.startedAt >= since);
  expect(runs).toHaveLength(1);
  return runs.reduce((n, h) => n + h.dbRequests, 0);
}

test('runsPerDay reads seven-field cron as CloudBase does', () => {
  expect(runsPerDay('*/10 * 7-21 * * * *')).toBe(6 * 60 * 15);
  expect(runsPerDay('0 */10 * * * * *')).toBe(144);
  expect(runsPerDay('0 */2 7-21 * * * *')).toBe(30 * 15);
  expect(runsPerDay('0 0 2 * * * *')).toBe(1);
});

test('an idle day of timer runs stays within the read budget', async () => {
  // a weekday noon in Beijing, far from any seeded booking: nothing is due
  const noon = new Date('2031-03-12T04:00:00Z');
  // the first runs settle whatever the demo seed left; idle runs are the ones after
  for (let i = 0; i < 2; i++) for (const fn of ['notify', 'scheduler']) await idleRun(fn, noon);
  const perDay: Record<string, number> = {};
  for (const fn of ['notify', 'scheduler']) {
    const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS, fn, 'config.json'), 'utf8'));
    const reads = await idleRun(fn, new Date(noon.getTime() + 60_000));
    perDay[fn] = reads * runsPerDay(config.triggers[0].config);
    // an idle notify run: four pending scans, the outbox and due pushes; the templates only when needed
    if (fn === 'notify') expect(reads).toBeLessThanOrEqual(6);
  }
  const total = perDay.notify + perDay.scheduler;
  expect(total).toBeLessThanOrEqual(IDLE_READS_GOAL);
});
