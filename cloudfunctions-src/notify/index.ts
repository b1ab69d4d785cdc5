import { cloud, db, transaction } from '../shared/cloud';
import { deliver } from '../shared/deliver';
import { createMain } from '../shared/handler';
import { actions } from './actions';

const handle = createMain('notify', actions);

/**
 * Calls from the mini-program go to the actions; the timer trigger (config.json, every 2 minutes
 * from 7:00 to 21:59 Beijing time; the scheduler covers the night every 10 minutes) delivers what
 * the answered calls left in the outbox. A mini-program user cannot pose as the timer.
 *
 * Every 2 minutes, not every 10 seconds: an idle run makes 6 database reads (four pending scans,
 * outbox, due pushes), and CloudBase bills reads. Every 10 s that was ~38,000 reads a day before
 * anyone used the service; every 2 min it is 2,700 (README 上线, test/functions/idle-cost.test.ts).
 * Delivering inside each command instead would put the settle transaction and the pushes on the
 * answer a person waits for (the ≤ 4 round-trip budget of test/security/roundtrips.test.ts).
 */
export async function main(event: { Type?: string; Time?: string } & Record<string, unknown>) {
  if (event?.Type !== 'Timer') return handle(event);
  const { SOURCE } = cloud.getWXContext();
  if (SOURCE && String(SOURCE).split(',')[0] === 'wx_client')
    return { ok: false, code: 'FORBIDDEN', message: '当前身份无权执行此操作' };
  const now = event.Time ? new Date(event.Time) : new Date();
  const started = Date.now();
  const counts = await deliver(db, transaction, now, 8_000);
  // an idle run (most of them) leaves no log line; one that did something does
  const busy = Object.entries(counts).some(([k, v]) => !k.startsWith('ms_') && v > 0);
  if (busy) console.log(JSON.stringify({ fn: 'notify', at: now.toISOString(), ms: Date.now() - started, ...counts }));
  return { ok: true, data: counts };
}
