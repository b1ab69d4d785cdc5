/**
 * Messages and timers (issue 7) through the real functions and the local CloudBase's WeChat inbox:
 * the right message to the right person with valid keywords, nothing pushed without a grant, a
 * transient failure retried and delivered once, reminders once however often the timer runs, and a
 * simulated month across the National Day holiday and its 调休 Saturday.
 */
import { applyCaseAction, beijingDate, createWorkCalendar, openBadRating, openCase, type CaseRecord } from '../../core';
import { CloudBase } from '../../local-cloud/src';
import { call, deliver, seedCase, startAppCloud, centerSettingsDoc } from '../support/app';
import { deskSignature } from '../support/applicant';

let cloud: CloudBase;
beforeAll(async () => {
  cloud = await startAppCloud();
});
afterAll(() => cloud.stop());

// a 帮办 case: the applicant signs on the agent's device at the desk (deskSignature)
const accept = {
  type: 'accept',
  mandateConfirmed: true,
  processExplained: true,
  materialsChecked: true,
  applicantSigned: true,
};
const TPL_ACCEPT = 'TPL_ACCEPT_RESULT_LOCAL';

const submit = async (openid: string) => seedCase(cloud, { applicantId: openid });
/** What a tap on "allow" does: WeChat records the grant, the app reports it. */
async function allow(openid: string, templateId: string) {
  cloud.messages.grant(openid, [templateId]);
  expect(
    await call(cloud, 'notify', { action: 'recordGrants', input: { accepted: [templateId] } }, openid),
  ).toMatchObject({
    ok: true,
    data: { recorded: 1 },
  });
}
const inbox = async (openid: string) => {
  const r = await call(cloud, 'notify', { action: 'inbox', input: {} }, openid);
  if (!r.ok) throw new Error(r.message);
  return r.data.items as any[];
};
const fire = (time: Date) => cloud.triggers.fire('scheduler', { time });

test('acceptance is pushed to the applicant with WeChat-valid keywords and no personal data', async () => {
  await allow('o_grant_user', TPL_ACCEPT);
  const c = await submit('o_grant_user');
  expect(
    await call(
      cloud,
      'workbench',
      {
        action: 'act',
        input: {
          caseId: c.caseId,
          version: 1,
          action: accept,
          signatureFileID: await deskSignature(cloud, 'o_agent_center'),
        },
      },
      'o_agent_center',
    ),
  ).toMatchObject({ ok: true });
  await deliver(cloud);
  const [pushed] = cloud.messages.inbox({ touser: 'o_grant_user' });
  expect(pushed).toMatchObject({
    templateId: TPL_ACCEPT,
    templateTitle: '受理结果通知',
    page: `pages/case/index?id=${c.caseId}`,
  });
  expect(pushed.data).toEqual({
    character_string1: c.caseNo,
    thing2: '企业开办与变更·帮办',
    phrase3: '已受理',
    thing4: '已受理，帮代办员将全程跟进',
    time5: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/),
  });
  expect(JSON.stringify(pushed)).not.toMatch(/王海|13899001122/);
  const [mine] = await inbox('o_grant_user');
  expect(mine).toMatchObject({ title: '受理结果通知', caseNo: c.caseNo, push: 'sent', read: false });
  // the same message by code, so the inbox can follow the reader's language (issue 20)
  expect(mine).toMatchObject({
    purpose: 'accept_result',
    kind: 'case_accepted',
    audience: 'applicant',
    facts: { category: 'enterprise', mode: 'help', status: 'accepted' },
    at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  });
  // the grant was one-time: it is spent
  expect(cloud.messages.remaining('o_grant_user', TPL_ACCEPT)).toBe(0);
});

test('no grant: nothing is pushed, the reason is recorded, the in-app message is there', async () => {
  const c = await submit('o_no_grant');
  await call(
    cloud,
    'workbench',
    {
      action: 'act',
      input: {
        caseId: c.caseId,
        version: 1,
        action: accept,
        signatureFileID: await deskSignature(cloud, 'o_agent_center'),
      },
    },
    'o_agent_center',
  );
  await deliver(cloud);
  expect(cloud.messages.inbox({ touser: 'o_no_grant' })).toEqual([]);
  expect(await inbox('o_no_grant')).toEqual([
    expect.objectContaining({ title: '受理结果通知', push: 'no_grant', pushLabel: '未推送（未授权订阅）' }),
  ]);
});

test('a transient send failure is retried by the timer and delivered exactly once', async () => {
  await allow('o_flaky', TPL_ACCEPT);
  const c = await submit('o_flaky');
  await fetch(`${cloud.url}/_/api/faults`, { method: 'POST', body: JSON.stringify({ times: 1, errcode: -1 }) });
  await call(
    cloud,
    'workbench',
    {
      action: 'act',
      input: {
        caseId: c.caseId,
        version: 1,
        action: accept,
        signatureFileID: await deskSignature(cloud, 'o_agent_center'),
      },
    },
    'o_agent_center',
  );
  await deliver(cloud);
  expect(cloud.messages.inbox({ touser: 'o_flaky' })).toEqual([]);
  expect((await inbox('o_flaky'))[0].push).toBe('pending');
  // too early: the backoff has not passed
  await fire(new Date());
  expect(cloud.messages.inbox({ touser: 'o_flaky' })).toHaveLength(0);
  const later = new Date(Date.now() + 2 * 60_000);
  await fire(later);
  await fire(later);
  expect(cloud.messages.inbox({ touser: 'o_flaky' })).toHaveLength(1);
  expect((await inbox('o_flaky'))[0].push).toBe('sent');
});

test('recordGrants ignores template ids this environment does not use; clients cannot run the scheduler', async () => {
  expect(
    await call(cloud, 'notify', { action: 'recordGrants', input: { accepted: ['SOMEONE_ELSES'] } }, 'o_x'),
  ).toMatchObject({
    ok: true,
    data: { recorded: 0 },
  });
  expect(await call(cloud, 'applicant', { action: 'subscribeTemplates', input: {} }, 'o_x')).toMatchObject({
    ok: true,
    data: { acceptResult: TPL_ACCEPT, progress: 'TPL_PROGRESS_LOCAL' },
  });
  const res = await fetch(`${cloud.url}/gateway/callFunction`, {
    method: 'POST',
    body: JSON.stringify({ name: 'scheduler', data: { Time: '2030-01-01T00:00:00Z' }, openid: 'o_x' }),
  }).then((r) => r.json());
  expect(res.result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

describe('a simulated month of timer runs (中秋 Sep 25 and National Day Oct 1–7 2026 off, Sat Oct 10 worked)', () => {
  const at = (isoBeijing: string) => new Date(`${isoBeijing}+08:00`);
  const inboxAll = async (openid: string) => {
    const r = await call(cloud, 'notify', { action: 'inbox', input: { limit: 50 } }, openid);
    if (!r.ok) throw new Error(r.message);
    return r.data.items as any[];
  };
  /** A booking as the bookings function stores it (the month is in the past, so it is put in directly). */
  const booking = (id: string, date: string, start: string, end: string, bookedAt: string) => ({
    _id: id,
    applicantId: 'o_sim_booker',
    slotId: `${date}@am@${start}`,
    kind: 'regular',
    startsAt: at(`${date}T${start}:00`),
    status: 'active',
    category: 'livelihood',
    caseId: null,
    homeAddress: null,
    bookedBy: { id: 'o_sim_booker', role: 'applicant' },
    bookedAt: at(bookedAt),
    rescheduleCount: 0,
    cancelledAt: null,
    cancelReason: null,
    date,
    start,
    end,
    windowLabel: '上午',
    contactName: '阿依古丽',
    contactPhone: '13900001234',
    checkedInAt: null,
    seat: `${date}@am@${start}#1`,
    holder: `${date}@am@${start}|o_sim_booker`,
  });
  const ended = (id: string, caseNo: string, endedAt: string) => {
    const base = openCase(
      { applicantId: `o_${id}`, category: 'investment', mode: 'help', unitId: 'fgw', agentId: 'st-agent-fgw' },
      at('2026-09-01T10:00:00'),
    ).case;
    return {
      ...base,
      status: 'finished',
      firstAgentId: 'st-agent-fgw',
      endedAt: at(endedAt),
      _id: id,
      caseNo,
      requestKey: `seeded:${id}`,
      applicantType: 'enterprise',
      matter: '项目备案',
      contactName: '周强',
      contactPhone: '13900000000',
      unitName: '和硕县发展和改革委员会',
      agentName: '马建军',
      firstAgentName: '马建军',
      submittedAt: at('2026-09-01T10:00:00'),
      updatedAt: at(endedAt),
      version: 6,
    };
  };

  test('every warning and reminder comes exactly once, on the right day: deadlines, feedback, 预约提醒, 未到场, default rating, 差评 call-back', async () => {
    const calendar = createWorkCalendar();
    const agent = { id: 'st-agent-fgw', role: 'agent' as const, unitId: 'fgw' };
    let record: CaseRecord = openCase(
      { applicantId: 'o_sim', category: 'investment', mode: 'proxy', unitId: 'fgw', agentId: 'st-agent-fgw' },
      at('2026-09-22T10:00:00'),
    ).case;
    for (const [action, when] of [
      [{ ...accept, mandateLetterSigned: true }, '2026-09-23T10:00:00'],
      [{ type: 'deliver', window: '发改委窗口', committedWorkingDays: 5 }, '2026-09-24T10:00:00'],
    ] as const) {
      const d = applyCaseAction(record, action as never, { actor: agent, at: at(when), calendar });
      if (!d.ok) throw new Error(d.message);
      record = d.value.case;
    }
    const doc = {
      ...record,
      _id: 'sim-case',
      caseNo: 'BB20260922-0099',
      requestKey: 'seeded:sim-case',
      applicantType: 'enterprise',
      matter: '项目备案',
      contactName: '周强',
      contactPhone: '13900000000',
      unitName: '和硕县发展和改革委员会',
      agentName: '马建军',
      firstAgentName: '马建军',
      submittedAt: at('2026-09-22T10:00:00'),
      updatedAt: at('2026-09-24T10:00:00'),
      version: 3,
    };
    cloud.store.apply([
      { collection: 'cases', id: 'sim-case', doc },
      // the center turned default ratings on: 7 natural days (Guangdong practice)
      { collection: 'settings', id: 'center', doc: centerSettingsDoc({ rating: { defaultRatingAfterDays: 7 } }) },
      // finished Mon Sep 28, never rated: rated by default 7 days later, Mon Oct 5, holiday or not
      {
        collection: 'cases',
        id: 'sim-unrated',
        doc: ended('sim-unrated', 'BB20260901-0097', '2026-09-28T16:00:00') as never,
      },
      // finished the same day and rated by the applicant: no default
      {
        collection: 'cases',
        id: 'sim-rated',
        doc: ended('sim-rated', 'BB20260901-0098', '2026-09-28T16:00:00') as never,
      },
      {
        collection: 'ratings',
        id: 'sim-rated',
        doc: {
          _id: 'sim-rated',
          caseId: 'sim-rated',
          raterId: 'o_sim-rated',
          source: 'applicant',
          level: 'satisfied',
          dimensions: {},
          tags: [],
          comment: null,
          at: at('2026-09-29T10:00:00'),
          followUp: null,
        } as never,
      },
      // Fri Oct 9 10:00, the first working day after the holiday, booked before it; checked in on the day
      {
        collection: 'bookings',
        id: 'bk_sim_a',
        doc: booking('bk_sim_a', '2026-10-09', '10:00', '10:30', '2026-09-28T11:00:00') as never,
      },
      // Sat Oct 10 10:30, a 调休 working day; nobody comes
      {
        collection: 'bookings',
        id: 'bk_sim_b',
        doc: booking('bk_sim_b', '2026-10-10', '10:30', '11:00', '2026-09-29T11:00:00') as never,
      },
    ]);

    const people = ['o_agent_fgw', 'o_leader_fgw', 'o_center_admin', 'o_sim_booker'];
    // a booking without a case goes by its day and time in its messages (YY…), not its internal id
    const ours = new Set(['BB20260922-0099', 'BB20260901-0096', 'YY20261009-1000', 'YY20261010-1030']);
    const seen: Record<string, string[]> = {};
    const known = new Set<string>();
    for (const p of people) for (const m of await inboxAll(p)) known.add(m.id);
    for (
      let day = at('2026-09-25T00:00:00');
      day < at('2026-10-21T00:00:00');
      day = new Date(day.getTime() + 86_400_000)
    ) {
      const date = beijingDate(day);
      // a 差评 on Wed Sep 30, before the holiday: call back within one working day, so by Thu Oct 8
      if (date === '2026-09-30') {
        cloud.store.apply([
          {
            collection: 'cases',
            id: 'sim-bad',
            doc: ended('sim-bad', 'BB20260901-0096', '2026-09-29T16:00:00') as never,
          },
          {
            collection: 'ratings',
            id: 'sim-bad',
            doc: {
              _id: 'sim-bad',
              caseId: 'sim-bad',
              raterId: 'o_sim-bad',
              source: 'applicant',
              level: 'dissatisfied',
              dimensions: {},
              tags: ['slow'],
              comment: null,
              at: at('2026-09-30T08:30:00'),
              followUp: null,
            } as never,
          },
          {
            collection: 'badRatings',
            id: 'sim-bad-0',
            doc: {
              _id: 'sim-bad-0',
              ...openBadRating(
                {
                  caseId: 'sim-bad',
                  applicantId: 'o_sim-bad',
                  status: 'finished',
                  endedAt: at('2026-09-29T16:00:00'),
                  agentIds: ['st-agent-fgw', 'st-agent-fgw'],
                  unitId: 'fgw',
                },
                'dissatisfied',
                false,
                at('2026-09-30T08:30:00'),
              ),
            } as never,
          },
        ]);
      }
      // the timer every day at 09:00, 09:45, 10:15 and 11:45 Beijing time, each run twice (an overlapping run)
      for (const time of ['09:00', '09:45', '10:15', '11:45']) {
        const when = at(`${date}T${time}:00`);
        await fire(when);
        await fire(when);
        if (date === '2026-10-09' && time === '10:15')
          expect(
            await call(
              cloud,
              'bookings',
              { action: 'checkIn', input: { bookingId: 'bk_sim_a', attended: true } },
              'o_agent_center',
            ),
          ).toMatchObject({ ok: true, data: { status: 'attended' } });
      }
      for (const p of people) {
        for (const m of (await inboxAll(p)).filter((x) => !known.has(x.id))) {
          known.add(m.id);
          if (ours.has(m.caseNo)) (seen[`${p} ${m.caseNo} ${m.note}`] ??= []).push(date);
        }
      }
    }
    expect(seen).toEqual({
      // received Thu Sep 24; Fri Sep 25 is 中秋, so the 5 working days are Sep 28, 29, 30, Oct 8, 9:
      // due Fri Oct 9, and two working days are left on Sep 30
      'o_agent_fgw BB20260922-0099 服务时限即将到期': ['2026-09-30'],
      // five working days after the last contact (acceptance, Wed Sep 23) is Thu Oct 8
      'o_agent_fgw BB20260922-0099 请向申请人反馈办理进度': ['2026-10-08'],
      // overdue on the next working day: Saturday Oct 10, a 调休 working day, not during the holiday
      'o_agent_fgw BB20260922-0099 服务时限已超期': ['2026-10-10'],
      'o_leader_fgw BB20260922-0099 服务时限已超期': ['2026-10-10'],
      // 差评 of Wed Sep 30: the call-back is due Thu Oct 8 (the holiday does not count); the leader is
      // warned the day it arrives, and told with the center on Fri Oct 9 that it is overdue
      'o_leader_fgw BB20260901-0096 差评回访即将到期': ['2026-09-30'],
      'o_leader_fgw BB20260901-0096 差评回访已超期': ['2026-10-09'],
      'o_center_admin BB20260901-0096 差评回访已超期': ['2026-10-09'],
      // booking A (Fri Oct 9 10:00): the day before at 10:00 → the 10:15 run; the hour before → 09:00
      'o_sim_booker YY20261009-1000 明天有预约，请按时到场办理': ['2026-10-08'],
      'o_sim_booker YY20261009-1000 一小时后有预约，请按时到场': ['2026-10-09'],
      // booking B (Sat Oct 10 10:30, 调休): the day before → the 11:45 run on Oct 9; the hour before →
      // 09:45; not checked in by 11:00 + 30 minutes → marked 未到场 by the 11:45 run
      'o_sim_booker YY20261010-1030 明天有预约，请按时到场办理': ['2026-10-09'],
      'o_sim_booker YY20261010-1030 一小时后有预约，请按时到场': ['2026-10-10'],
      'o_sim_booker YY20261010-1030 您未按预约到场，可重新预约': ['2026-10-10'],
    });
    // the bookings keep the marks for the 台账: B 未到场 by the system (and when), A attended
    expect(cloud.store.get('bookings', 'bk_sim_b')?.doc).toMatchObject({
      status: 'no_show',
      noShowMarkedAt: at('2026-10-10T11:45:00'),
    });
    expect(cloud.store.get('bookings', 'bk_sim_a')?.doc).toMatchObject({ status: 'attended' });
    const mine = await call(cloud, 'bookings', { action: 'listMine', input: {} }, 'o_sim_booker');
    expect(mine.ok && mine.data.items.map((b: any) => [b.bookingId, b.statusLabel])).toEqual([
      ['bk_sim_b', '未到场'],
      ['bk_sim_a', '已到场'],
    ]);
    // the person came late after all and was served: staff correct the system's mark; what staff record is final
    expect(
      await call(
        cloud,
        'bookings',
        { action: 'checkIn', input: { bookingId: 'bk_sim_b', attended: true } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: true, data: { status: 'attended' } });
    expect(cloud.store.get('bookings', 'bk_sim_b')?.doc).toMatchObject({ status: 'attended', noShowMarkedAt: null });
    expect(
      await call(
        cloud,
        'bookings',
        { action: 'checkIn', input: { bookingId: 'bk_sim_b', attended: false } },
        'o_agent_center',
      ),
    ).toMatchObject({ ok: false, fields: { BOOKING_NOT_ACTIVE: expect.any(String) } });
    // the default rating: once, on Oct 5, never over the applicant's own
    expect(cloud.store.get('ratings', 'sim-unrated')?.doc).toMatchObject({
      source: 'default',
      level: 'basically_satisfied',
      raterId: 'system',
      at: at('2026-10-05T09:00:00'),
    });
    expect(cloud.store.get('ratings', 'sim-rated')?.doc).toMatchObject({ source: 'applicant', level: 'satisfied' });
    expect(cloud.store.get('ratings', 'sim-bad')?.doc).toMatchObject({ source: 'applicant', level: 'dissatisfied' });
    cloud.store.apply([{ collection: 'settings', id: 'center', doc: centerSettingsDoc(null) }]);
  });
});

test('issue 16: the one progress grant is kept for the 补正 request, not spent on 送达窗口', async () => {
  const TPL_PROGRESS = 'TPL_PROGRESS_LOCAL';
  // at submit the applicant allowed 办理进度通知 once
  await allow('o_keep_grant', TPL_PROGRESS);
  const c = await submit('o_keep_grant');
  let version = 1;
  const step = async (action: object) => {
    const r = await call(
      cloud,
      'workbench',
      {
        action: 'act',
        input: {
          caseId: c.caseId,
          version,
          action,
          ...((action as { type: string }).type === 'accept'
            ? { signatureFileID: await deskSignature(cloud, 'o_agent_center') }
            : {}),
        },
      },
      'o_agent_center',
    );
    if (!r.ok) throw new Error(`${r.code} ${r.message}`);
    version = r.data.version;
    await deliver(cloud);
  };
  await step(accept);
  await step({ type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 });
  // informing: in the inbox, not pushed, the grant left for what needs the applicant
  expect((await inbox('o_keep_grant')).find((m) => m.status === '办理中')).toMatchObject({ push: 'no_grant' });
  expect(cloud.messages.remaining('o_keep_grant', TPL_PROGRESS)).toBe(1);
  await step({ type: 'requestMaterials', missing: ['经营场所使用证明'] });
  expect((await inbox('o_keep_grant')).find((m) => m.status === '待补正材料')).toMatchObject({ push: 'sent' });
  expect(cloud.messages.inbox({ touser: 'o_keep_grant' }).map((m) => JSON.stringify(m.data))).toEqual([
    expect.stringContaining('补正'),
  ]);
});
