import { COLL, isDuplicateKey } from '../shared/db';
import {
  appointmentReminderDue,
  badRatingReminder,
  beijingDate,
  calendarWarnings,
  clockStatus,
  CoreError,
  defaultRatingIfDue,
  ratingAttribution,
  ENDED_STATUSES,
  noShowDue,
  OPEN_STATUSES,
  progressReportDue,
  type BadRatingCase,
  type Recipient,
  type Settings,
  type WorkCalendar,
} from '../../core';
import type { ActionContext } from '../shared/action';
import { loadCenterConfig } from '../shared/config';
import { cloud, db, transaction, type Database } from '../shared/cloud';
import { caseFacts } from '../shared/cases';
import { reassignCasesOf } from '../shared/roster';
import { putLedgerRow } from '../shared/ledger';
import { enqueue } from '../shared/effects';
import { deliver } from '../shared/deliver';
import { bookingFacts, confirmedAt, endsAt } from '../shared/booking-facts';
import type { BookingDoc } from '../shared/db';
import {
  OPEN_WITH_CLOCK,
  PAGE,
  DEFAULT_RATING_LOOKBACK_DAYS,
  DISPATCH_BUDGET_MS,
  type Counts,
  type Due,
  remindAll,
  caseFactsByIds,
  pages,
} from './sweep';
import type { CaseDoc } from '../shared/db';

/**
 * 定时任务 (timer trigger, config.json): retries message delivery and raises what people forget —
 * due soon, overdue, regular feedback to the applicant (§五(二)), a missing holiday calendar,
 * 预约提醒 a day and an hour ahead, 未到场 after a slot, default ratings where the center enabled
 * them, 差评 call-back/rectification deadlines — and moves cases off agents who were unbound.
 * Each reminder has a key that names its outbox entries (written together in one transaction), so
 * a timer that runs twice or overlaps sends it once. "Now" is the trigger's own time.
 */

const CASE_FIELDS = {
  _id: true,
  caseNo: true,
  category: true,
  mode: true,
  status: true,
  clock: true,
  agentId: true,
  unitId: true,
  lastContactAt: true,
  submittedAt: true,
};

/** Due-soon, overdue and feedback reminders for one open case. */
function checkCase(c: CaseDoc, calendar: WorkCalendar, settings: Settings, now: Date, due: Due[]): void {
  const facts = caseFacts(c);
  const agent: Recipient[] = c.agentId
    ? [{ kind: 'staff', id: c.agentId }]
    : [{ kind: 'unit_leader', unitId: c.unitId }];
  if (c.clock) {
    // the center's own settings: how early "due soon" starts, how often feedback is due
    const status = clockStatus(calendar, c.clock, now, settings.calendar);
    if (status.level !== 'on_track' && !status.paused) {
      const to: Recipient[] =
        status.level === 'overdue' ? [...agent, { kind: 'unit_leader', unitId: c.unitId }] : agent;
      due.push({ key: `${c._id}:${status.level}:${status.due}`, kind: status.level, to, facts });
    }
  }
  // the scan reads no timeline; the submission is its first event
  const record = { ...c, timeline: [{ at: c.submittedAt }] } as CaseDoc;
  // one feedback reminder per silence: the key is the last contact (or the submission)
  if (progressReportDue(calendar, record, now, settings)) {
    const since = new Date(c.lastContactAt ?? c.submittedAt);
    due.push({ key: `${c._id}:feedback:${beijingDate(since)}`, kind: 'feedback_due', to: agent, facts });
  }
}

async function caseReminders(calendar: WorkCalendar, settings: Settings, now: Date, counts: Counts): Promise<void> {
  const _ = db.command;
  for await (const page of pages<CaseDoc>(COLL.cases, { status: _.in(OPEN_WITH_CLOCK) }, CASE_FIELDS)) {
    const due: Due[] = [];
    for (const c of page) {
      counts.scanned++;
      try {
        checkCase(c, calendar, settings, now, due);
      } catch (e) {
        // a deadline in a year nobody entered yet cannot be judged; the administrator is told
        // (calendar_missing) and every other case still gets its reminders
        if (e instanceof CoreError && e.code === 'CALENDAR_YEAR_MISSING')
          counts.calendar_unknown = (counts.calendar_unknown ?? 0) + 1;
        else throw e;
      }
    }
    await remindAll(due, now, counts);
  }
}

/** 预约提醒 a day and an hour ahead, to the applicant (core appointmentReminderDue). */
async function appointmentReminders(settings: Settings, now: Date, counts: Counts): Promise<void> {
  const _ = db.command;
  const horizon = new Date(now.getTime() + settings.booking.remindDayBeforeMinutes * 60_000);
  for await (const page of pages<BookingDoc>(COLL.bookings, {
    status: 'active',
    startsAt: _.and(_.gt(now), _.lte(horizon)),
  })) {
    const found = page.flatMap((b) => {
      const r = appointmentReminderDue(
        { id: b._id, status: b.status, startsAt: new Date(b.startsAt), confirmedAt: confirmedAt(b) },
        now,
        settings.booking,
      );
      return r ? [{ b, r }] : [];
    });
    const cases = await caseFactsByIds(found.flatMap(({ b }) => (b.caseId ? [b.caseId] : [])));
    await remindAll(
      found.map(({ b, r }) => ({
        key: r.key,
        kind: r.kind,
        to: [{ kind: 'applicant', id: b.applicantId }],
        facts: bookingFacts(b, b.caseId ? (cases.get(b.caseId)?.caseNo ?? null) : null),
      })),
      now,
      counts,
    );
  }
}

/**
 * 未到场: a booking nobody checked in by the end of its slot plus the grace is marked, once (the
 * transaction re-reads it: a check-in or another run that got there first wins), the applicant is
 * told, and the booking keeps the mark for the ledger (status no_show, noShowMarkedAt).
 */
async function noShows(settings: Settings, now: Date, counts: Counts): Promise<void> {
  const _ = db.command;
  // a slot ends after it starts, so anything due started at least the grace ago
  const startedBy = new Date(now.getTime() - settings.booking.noShowGraceMinutes * 60_000);
  for await (const page of pages<BookingDoc>(COLL.bookings, { status: 'active', startsAt: _.lte(startedBy) })) {
    const due = page.filter((b) => noShowDue({ status: b.status, endsAt: endsAt(b) }, now, settings.booking));
    const cases = await caseFactsByIds(due.flatMap((b) => (b.caseId ? [b.caseId] : [])));
    for (const b of due) {
      const marked = await transaction(async (t) => {
        const current = (await t
          .collection(COLL.bookings)
          .doc(b._id)
          .get()
          .then(
            (r) => r.data,
            () => null,
          )) as BookingDoc | null;
        if (!current || current.status !== 'active') return false;
        await t
          .collection(COLL.bookings)
          .doc(b._id)
          .update({ data: { status: 'no_show', noShowMarkedAt: now } });
        const facts = bookingFacts(
          { ...current, _id: b._id, status: 'no_show' },
          current.caseId ? (cases.get(current.caseId)?.caseNo ?? null) : null,
        );
        await enqueue(t, [{ kind: 'booking_no_show', to: { kind: 'applicant', id: current.applicantId } }], facts, now);
        return true;
      });
      if (marked) counts.no_show = (counts.no_show ?? 0) + 1;
    }
  }
}

/**
 * Default ratings (core defaultRatingIfDue, off unless the center set rating.defaultRatingAfterDays):
 * stored like the applicant's own, case id as document id, so whichever is written first stands
 * and the other is refused by the database.
 */
async function defaultRatings(calendar: WorkCalendar, settings: Settings, now: Date, counts: Counts): Promise<void> {
  const days = settings.rating.defaultRatingAfterDays;
  if (days === null) return;
  const _ = db.command;
  // a superset by instants; the core decides by Beijing days
  const latest = new Date(now.getTime() - (days - 1) * 86_400_000);
  const earliest = new Date(now.getTime() - (days + DEFAULT_RATING_LOOKBACK_DAYS) * 86_400_000);
  const fields = {
    _id: true,
    applicantId: true,
    status: true,
    endedAt: true,
    agentId: true,
    firstAgentId: true,
    unitId: true,
    timeline: true,
  };
  for await (const page of pages<CaseDoc>(
    COLL.cases,
    { status: _.in([...ENDED_STATUSES]), endedAt: _.and(_.gte(earliest), _.lte(latest)) },
    fields,
  )) {
    const { data } = await db
      .collection(COLL.ratings)
      .where({ _id: _.in(page.map((c) => c._id)) })
      .field({ _id: true })
      .limit(PAGE)
      .get();
    const rated = new Set(data.map((r) => String(r._id)));
    for (const c of page.filter((x) => !rated.has(x._id))) {
      // a withdrawal nobody had acted on gets no rating, not even a default one
      const served = ratingAttribution(c, calendar, settings).ok;
      const rating = defaultRatingIfDue(
        {
          caseId: c._id,
          applicantId: c.applicantId,
          status: c.status,
          endedAt: c.endedAt ? new Date(c.endedAt) : null,
          agentIds: [c.agentId, c.firstAgentId],
          unitId: c.unitId,
          serviceGiven: served,
        },
        null,
        now,
        settings,
      );
      if (!rating) continue;
      try {
        // the rating and the case's 台账 row together; the insert fails (a duplicate key, or a conflict and
        // then a duplicate key on the retry) if the applicant's own rating was written first
        const written = await transaction(async (t) => {
          const full = (await t
            .collection(COLL.cases)
            .doc(c._id)
            .get()
            .then(
              (r) => r.data,
              () => null,
            )) as CaseDoc | null;
          if (!full) return false;
          await t.collection(COLL.ratings).add({ data: { _id: c._id, ...rating } });
          // nobody rated, so there is no 差评 to count
          await putLedgerRow(t, full, rating, [], calendar, now, settings);
          return true;
        });
        if (written) counts.default_rating = (counts.default_rating ?? 0) + 1;
      } catch (e) {
        // the applicant rated in the meantime: theirs stands
        if (!isDuplicateKey(e)) throw e;
      }
    }
  }
}

/** 差评 call-back, rectification and appeal-review deadlines (core badRatingReminder). */
async function badRatingDeadlines(
  calendar: WorkCalendar,
  settings: Settings,
  now: Date,
  counts: Counts,
): Promise<void> {
  const _ = db.command;
  for await (const page of pages<BadRatingCase & { _id: string }>(COLL.badRatings, {
    status: _.in(['awaiting_call_back', 'awaiting_rectification', 'under_appeal']),
  })) {
    const found: { rec: BadRatingCase; r: NonNullable<ReturnType<typeof badRatingReminder>> }[] = [];
    for (const rec of page) {
      counts.bad_ratings_open = (counts.bad_ratings_open ?? 0) + 1;
      try {
        const r = badRatingReminder(calendar, rec, now, settings);
        if (r) found.push({ rec, r });
      } catch (e) {
        if (e instanceof CoreError && e.code === 'CALENDAR_YEAR_MISSING')
          counts.calendar_unknown = (counts.calendar_unknown ?? 0) + 1;
        else throw e;
      }
    }
    const cases = await caseFactsByIds(found.map((f) => f.rec.caseId));
    await remindAll(
      found.flatMap(({ rec, r }) => {
        const facts = cases.get(rec.caseId);
        return facts ? [{ key: r.key, kind: r.kind, to: r.to, facts }] : [];
      }),
      now,
      counts,
    );
  }
}

/**
 * A safety net for reassignment: the center's unbind moves an agent's cases at once, but a case
 * routed to the agent in the same instant, or a move cut short, would stay with someone who can no
 * longer open it. Unbound agents only — an agent briefly off duty keeps what a leader gave them.
 */
async function casesOfUnboundAgents(now: Date, counts: Counts): Promise<void> {
  const _ = db.command;
  const { data: gone } = await db
    .collection(COLL.staff)
    .where({ role: 'agent', active: false })
    .field({ _id: true })
    .limit(1000)
    .get();
  if (gone.length === 0) return;
  const { data } = await db
    .collection(COLL.cases)
    .where({ agentId: _.in(gone.map((s) => String(s._id))), status: _.in([...OPEN_STATUSES]) })
    .field({ agentId: true })
    .limit(1000)
    .get();
  const system: ActionContext<Database> = {
    caller: {
      openid: 'system',
      staff: { _id: 'system', openid: 'system', name: '系统', role: 'center', unitId: 'center', unitName: '' },
      roles: ['center'],
    },
    db,
    transaction,
    now,
  };
  for (const agentId of new Set(data.map((c) => String(c.agentId)))) {
    const r = await reassignCasesOf(system, agentId, '原帮代办员已解绑，按规则转派');
    counts.reassigned = (counts.reassigned ?? 0) + r.moved;
    counts.waiting_assignment = (counts.waiting_assignment ?? 0) + r.waiting;
    if (r.skipped) counts.reassign_skipped = (counts.reassign_skipped ?? 0) + r.skipped;
  }
}

export async function runScheduler(now: Date): Promise<Counts> {
  // settings and calendar live in one collection: one query for both
  const { calendar, settings } = await loadCenterConfig(db);
  const counts: Counts = { scanned: 0, due_soon: 0, overdue: 0, feedback_due: 0, calendar_missing: 0 };

  await remindAll(
    // the center's own horizon and regional-holiday setting, as the settings screen shows them
    calendarWarnings(calendar, now, settings.calendar).map((w) => ({
      key: `calendar:${w.code}:${w.year}`,
      kind: w.code === 'CALENDAR_YEAR_MISSING' ? 'calendar_missing' : 'regional_holidays_missing',
      to: [{ kind: 'center' }],
      facts: { caseId: '-', caseNo: `${w.year}年`, category: 'livelihood', mode: 'help', status: 'accepted' },
    })),
    now,
    counts,
  );
  // each job's time goes into the answer and the log line: which job grows slow is visible
  const timed = async (name: string, job: () => Promise<void>) => {
    const t = Date.now();
    await job();
    counts[`ms_${name}`] = Date.now() - t;
  };
  await timed('reassign', () => casesOfUnboundAgents(now, counts));
  await timed('cases', () => caseReminders(calendar, settings, now, counts));
  await timed('appointments', () => appointmentReminders(settings, now, counts));
  await timed('no_show', () => noShows(settings, now, counts));
  await timed('default_rating', () => defaultRatings(calendar, settings, now, counts));
  await timed('bad_rating', () => badRatingDeadlines(calendar, settings, now, counts));

  // deliver what this run raised (and retries due), and settle what the notify timer has not yet
  const delivered = await deliver(db, transaction, now, DISPATCH_BUDGET_MS);
  const { ms_deliver: msDeliver, ...rest } = delivered;
  counts.ms_dispatch = msDeliver;
  return { ...counts, ...rest };
}

export async function main(event: { Type?: string; Time?: string }) {
  const { SOURCE } = cloud.getWXContext();
  // a timer or another function may run it; a mini-program user may not
  if (SOURCE && String(SOURCE).split(',')[0] === 'wx_client')
    return { ok: false, code: 'FORBIDDEN', message: '当前身份无权执行此操作' };
  const now = event?.Time ? new Date(event.Time) : new Date();
  const started = Date.now();
  const counts = await runScheduler(now);
  console.log(JSON.stringify({ fn: 'scheduler', at: now.toISOString(), ms: Date.now() - started, ...counts }));
  return { ok: true, data: counts };
}
