import { beijingDate, calendarWarnings, clockStatus, CoreError, progressReportDue, type Recipient, type ReminderKind, type WorkCalendar } from '../../core';
import { cloud, db, transaction } from '../shared/cloud';
import { caseFacts, loadCalendar, type CaseDoc } from '../shared/cases';
import { dispatch, enqueue } from '../shared/outbox';

/**
 * 定时任务 (timer trigger, config.json): retries message delivery and raises the reminders people
 * forget — due soon, overdue, regular feedback to the applicant (§五(二)), a missing holiday
 * calendar. Each reminder has a key written with its messages in one transaction, so a timer that
 * runs twice or overlaps sends it once. "Now" is the trigger's own time.
 */
const OPEN_WITH_CLOCK = ['accepted', 'handling', 'awaiting_materials', 'suspended'];
const PAGE = 500;

async function remind(key: string, kind: ReminderKind, to: Recipient[], facts: Parameters<typeof enqueue>[2], now: Date): Promise<boolean> {
  try {
    await transaction(async (t) => {
      await t.collection('reminders').add({ data: { _id: key, kind, at: now } });
      await enqueue(t, to.map((r) => ({ kind, to: r })), facts, now);
    });
    return true;
  } catch (e) {
    // the key exists: this reminder went out already
    if (/E11000|duplicate/i.test(String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e))) return false;
    throw e;
  }
}

export async function runScheduler(now: Date): Promise<Record<string, number>> {
  const _ = db.command;
  const calendar = await loadCalendar(db);
  const counts: Record<string, number> = { scanned: 0, due_soon: 0, overdue: 0, feedback_due: 0, calendar_missing: 0 };

  for (const w of calendarWarnings(calendar, now)) {
    if (await remind(`calendar:${w.code}:${w.year}`, 'calendar_missing', [{ kind: 'center' }], { caseId: '-', caseNo: `${w.year}年`, category: 'livelihood', mode: 'help', status: 'accepted' }, now)) counts.calendar_missing++;
  }

  // keyset paging: every open case once, whatever their number (a get returns at most 1000)
  let after = '';
  for (;;) {
    const { data } = await db
      .collection('cases')
      .where({ status: _.in(OPEN_WITH_CLOCK), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    const page = data as unknown as CaseDoc[];
    for (const c of page) {
      counts.scanned++;
      try {
        await checkCase(c, calendar, now, counts);
      } catch (e) {
        // a deadline in a year nobody entered yet cannot be judged; the administrator is told
        // (calendar_missing) and every other case still gets its reminders
        if (e instanceof CoreError && e.code === 'CALENDAR_YEAR_MISSING') counts.calendar_unknown = (counts.calendar_unknown ?? 0) + 1;
        else throw e;
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]._id;
  }

  const delivered = await dispatch(db, now);
  return { ...counts, expanded: delivered.expanded, ...Object.fromEntries(Object.entries(delivered.pushed).map(([k, v]) => [`push_${k}`, v])) };
}

/** Due-soon, overdue and feedback reminders for one open case. */
async function checkCase(c: CaseDoc, calendar: WorkCalendar, now: Date, counts: Record<string, number>): Promise<void> {
  const facts = caseFacts(c);
  const agent: Recipient[] = c.agentId ? [{ kind: 'staff', id: c.agentId }] : [{ kind: 'unit_leader', unitId: c.unitId }];
  if (c.clock) {
    const status = clockStatus(calendar, c.clock, now);
    if (status.level !== 'on_track' && !status.paused) {
      const to: Recipient[] = status.level === 'overdue' ? [...agent, { kind: 'unit_leader', unitId: c.unitId }] : agent;
      if (await remind(`${c._id}:${status.level}:${status.due}`, status.level, to, facts, now)) counts[status.level]++;
    }
  }
  // one feedback reminder per silence: the key is the last contact (or the submission)
  if (progressReportDue(calendar, c, now)) {
    const since = new Date(c.lastContactAt ?? c.timeline[0].at);
    if (await remind(`${c._id}:feedback:${beijingDate(since)}`, 'feedback_due', agent, facts, now)) counts.feedback_due++;
  }
}

export async function main(event: { Type?: string; Time?: string }) {
  const { SOURCE } = cloud.getWXContext();
  // a timer or another function may run it; a mini-program user may not
  if (SOURCE && String(SOURCE).split(',')[0] === 'wx_client') return { ok: false, code: 'FORBIDDEN', message: '当前身份无权执行此操作' };
  const now = event?.Time ? new Date(event.Time) : new Date();
  const started = Date.now();
  const counts = await runScheduler(now);
  console.log(JSON.stringify({ fn: 'scheduler', at: now.toISOString(), ms: Date.now() - started, ...counts }));
  return { ok: true, data: counts };
}
