'use strict';
const path = require('node:path');
const { ROOT, out, startCloudBase, results, now } = require('./lib');

/**
 * The scheduler (cloudfunctions-src/scheduler) over 10,000 open cases with every job it has: due
 * soon/overdue/feedback, 预约提醒 a day and an hour ahead, 未到场, default ratings (switched on),
 * 差评 deadlines. Two runs: one with a working day's worth to say (100 due-soon cases, 120
 * appointment reminders, 60 no-shows, 100 default ratings, 50 overdue 差评 call-backs) and the same
 * run again, which must find everything already sent. Each job's own time is printed.
 */
async function schedulerRun() {
  require('../scripts/build-functions').build();
  const { loadProject } = require(out);
  const cloud = await startCloudBase({
    port: 0,
    dataDir: null,
    functionsDir: path.join(ROOT, 'cloudfunctions'),
    project: loadProject(path.join(ROOT, 'cloudbase.json')),
    triggers: false,
  });
  try {
    await require('../scripts/seed').seed(cloud.sdkEnv, { standInCalendars: true });
    const received = new Date('2026-11-02T02:00:00Z');
    const make = (i, limit) => ({
      _id: `bench-${i}`,
      caseNo: `BB20261102-${String(i).padStart(5, '0')}`,
      requestKey: `bench:${i}`,
      status: 'handling',
      category: 'enterprise',
      mode: 'help',
      applicantId: `o_bench_${i}`,
      unitId: 'center',
      agentId: 'st-agent-center',
      firstAgentId: 'st-agent-center',
      window: '综合窗口',
      clock: {
        receivedOn: '2026-11-02',
        receivedAt: received,
        limitWorkingDays: limit,
        extraWorkingDays: 0,
        pauses: [],
      },
      missingMaterials: [],
      refusalReasons: [],
      suspensionReason: null,
      result: null,
      termination: null,
      tasks: [],
      meetings: [],
      escalations: [],
      lastContactAt: new Date('2026-11-27T02:00:00Z'),
      endedAt: null,
      timeline: [
        {
          seq: 1,
          action: 'apply',
          from: null,
          to: 'applied',
          actor: { id: `o_bench_${i}`, role: 'applicant' },
          at: received,
          note: null,
        },
      ],
      applicantType: 'person',
      matter: '基准测试',
      contactName: '测试',
      contactPhone: '13900000000',
      unitName: '和硕县政务服务中心',
      agentName: '陈静',
      firstAgentName: '陈静',
      submittedAt: received,
      updatedAt: received,
      version: 3,
    });
    for (let b = 0; b < 10; b++) {
      cloud.store.apply(
        Array.from({ length: 1000 }, (_, j) => {
          const i = b * 1000 + j;
          // 100 cases have a 20-working-day limit (due soon on the bench day), the rest 30
          return { collection: 'cases', id: `bench-${i}`, doc: make(i, i < 100 ? 20 : 30) };
        }),
      );
    }
    const benchDay = new Date('2026-11-27T01:00:00Z'); // Fri 09:00 Beijing
    const HOUR = 3600_000;
    const bj = (d) => new Date(d.getTime() + 8 * HOUR).toISOString();
    const booking = (id, startsAt, minutes) => {
      const end = new Date(startsAt.getTime() + minutes * 60_000);
      return {
        _id: id,
        applicantId: `o_${id}`,
        slotId: `${bj(startsAt).slice(0, 10)}@am@${bj(startsAt).slice(11, 16)}`,
        seat: `bench#${id}`,
        holder: `bench|${id}`,
        kind: 'regular',
        startsAt,
        status: 'active',
        category: 'enterprise',
        caseId: null,
        homeAddress: null,
        bookedBy: { id: `o_${id}`, role: 'applicant' },
        bookedAt: new Date(startsAt.getTime() - 3 * 24 * HOUR),
        rescheduleCount: 0,
        cancelledAt: null,
        cancelReason: null,
        date: bj(startsAt).slice(0, 10),
        start: bj(startsAt).slice(11, 16),
        end: bj(end).slice(11, 16),
        windowLabel: '上午',
        contactName: '测试',
        contactPhone: '13900000000',
        checkedInAt: null,
      };
    };
    const bookings = [
      // tomorrow 08:00–: the day-before reminder is due
      ...Array.from({ length: 60 }, (_, i) => booking(`bk-day-${i}`, new Date(benchDay.getTime() + 23 * HOUR), 30)),
      // in 30 minutes: the hour-before reminder
      ...Array.from({ length: 60 }, (_, i) => booking(`bk-hour-${i}`, new Date(benchDay.getTime() + 30 * 60_000), 30)),
      // 07:30–08:00 today, nobody checked in: 未到场 after the 30-minute grace
      ...Array.from({ length: 60 }, (_, i) => booking(`bk-gone-${i}`, new Date(benchDay.getTime() - 90 * 60_000), 30)),
      // next week: nothing to say yet
      ...Array.from({ length: 800 }, (_, i) =>
        booking(`bk-later-${i}`, new Date(benchDay.getTime() + (4 + (i % 4)) * 24 * HOUR), 30),
      ),
    ];
    cloud.store.apply(bookings.map((b) => ({ collection: 'bookings', id: b._id, doc: b })));
    // default ratings on (7 days): 2,000 cases finished over the last 20 days, all rated (by the
    // applicant or an earlier default) except the 100 that reach 7 days today
    cloud.store.apply([
      { collection: 'settings', id: 'center', doc: { _id: 'center', rating: { defaultRatingAfterDays: 7 } } },
    ]);
    const ended = Array.from({ length: 2000 }, (_, i) => ({
      ...make(20000 + i, 20),
      _id: `bench-ended-${i}`,
      requestKey: `bench:ended:${i}`,
      caseNo: `BB20261101-${String(i).padStart(5, '0')}`,
      status: 'finished',
      endedAt: new Date(benchDay.getTime() - (i < 100 ? 7 : 8 + (i % 12)) * 24 * HOUR),
    }));
    cloud.store.apply(ended.map((c) => ({ collection: 'cases', id: c._id, doc: c })));
    cloud.store.apply(
      ended.slice(100).map((c) => ({
        collection: 'ratings',
        id: c._id,
        doc: {
          _id: c._id,
          caseId: c._id,
          raterId: c.applicantId,
          source: 'applicant',
          level: 'satisfied',
          dimensions: {},
          tags: [],
          comment: null,
          at: c.endedAt,
          followUp: null,
        },
      })),
    );
    // 差评 in handling: 300 being rectified (on track), 50 not called back since Wednesday (overdue)
    const bad = (i, status, openedOn) => ({
      _id: `bench-bad-${i}`,
      caseId: `bench-ended-${100 + i}`,
      followUp: false,
      level: 'dissatisfied',
      openedAt: new Date(`${openedOn}T02:00:00Z`),
      openedOn,
      status,
      owners: { agentIds: ['st-agent-center'], unitIds: ['center'] },
      appeal: null,
      history: [],
    });
    cloud.store.apply(
      [
        ...Array.from({ length: 300 }, (_, i) => bad(i, 'awaiting_rectification', '2026-11-20')),
        ...Array.from({ length: 50 }, (_, i) => bad(300 + i, 'awaiting_call_back', '2026-11-25')),
      ].map((d) => ({ collection: 'badRatings', id: d._id, doc: d })),
    );

    const fire = async (time) => {
      const t = now();
      const r = await cloud.triggers.fire('scheduler', { time });
      if (!r.ok || !r.result.ok) throw new Error(`scheduler failed: ${r.error ?? JSON.stringify(r.result)}`);
      return { ms: now() - t, counts: r.result.data };
    };
    const first = await fire(benchDay);
    const again = await fire(benchDay);
    const jobs = (c) =>
      ['cases', 'appointments', 'no_show', 'default_rating', 'bad_rating', 'reassign', 'dispatch']
        .map((j) => `${j} ${c[`ms_${j}`] ?? 0}`)
        .join(', ');
    const said = (c) =>
      [
        'due_soon',
        'appointment_day_before',
        'appointment_hour_before',
        'no_show',
        'default_rating',
        'bad_rating_call_back_overdue',
      ]
        .map((k) => `${k} ${c[k] ?? 0}`)
        .join(', ');
    console.log(
      '\nscheduler over 10,000 open cases, 920 bookings, 2,000 ended cases, 350 差评 ' +
        '(in-process database; in the cloud each round trip adds tens of ms)',
    );
    console.log(
      `  a working day's run: ${first.ms.toFixed(0)} ms  ` +
        `(${first.counts.scanned} cases scanned; ${said(first.counts)}; ${first.counts.expanded} messages delivered)`,
    );
    console.log(`    per job, ms: ${jobs(first.counts)}`);
    console.log(
      `  the same run again (nothing new to say, everything sent once): ${again.ms.toFixed(0)} ms  (${said(again.counts)})`,
    );
    console.log(`    per job, ms: ${jobs(again.counts)}`);
    results.scheduler = { firstRunMs: first.ms, againMs: again.ms, counts: first.counts };
  } finally {
    await cloud.stop();
  }
}

module.exports = { schedulerRun };
