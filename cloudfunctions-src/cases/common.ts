import { COLL } from '../shared/db';
import crypto from 'node:crypto';
import { z } from 'zod';
import { beijingDate, beijingInstant, OPEN_STATUSES, type CaseStatus, type Settings } from '../../core';
import { AppError, type ActionContext } from '../shared/action';
import type { Database } from '../shared/cloud';
import { PRIVACY_VERSION } from '../shared/applicant';
import { settingsOf } from '../shared/config';
import type { ApplicantCase } from '../shared/db';

/**
 * Case numbers read BB + Beijing date + six digits, e.g. BB20261128-073852: short enough to read out
 * on the phone. The digits are random, not a daily counter: a counter would need a transaction the
 * applicant would wait for; the unique index on caseNo refuses the rare repeat and the submission
 * draws again. Six digits, because with four a busy day (or a benchmark) drew a taken number often
 * enough to cost two more round trips (a county's 200 cases a day collide once in 5,000 with six).
 */
export function newCaseNo(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `BB${day}-${String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

export const newCaseId = () => `c${Date.now().toString(36)}${crypto.randomBytes(8).toString('hex')}`;

export const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });

export type OwnCase = { status: CaseStatus; submittedAt: Date; requestKey?: string };
export type SubPipeline = {
  match(q: object): SubPipeline;
  project(p: object): SubPipeline;
  limit(n: number): SubPipeline;
  done(): unknown;
};

/**
 * What a submission needs to know about its caller, in ONE request (issue 9: at most four): the
 * consent, with the center's settings and the caller's open cases and those submitted today
 * (Beijing) looked up beside it — what the per-person limits count. Open cases are few by the limit.
 */
export async function callerFacts(
  db: Database,
  openid: string,
  now: Date,
): Promise<{ consented: boolean; settings: Settings; mine: OwnCase[] }> {
  const _ = db.command;
  // a sub-pipeline (db.command.aggregate.pipeline()…done()): the SDK builds it, its shape is its business
  const pipeline = () => (_.aggregate as { pipeline(): SubPipeline }).pipeline();
  const dayStart = beijingInstant(beijingDate(now));
  const { list } = await db
    .collection(COLL.consents)
    .aggregate()
    .match({ _id: openid })
    .lookup({ from: COLL.settings, pipeline: pipeline().match({ _id: 'center' }).done(), as: 'settingsDocs' })
    .lookup({
      from: COLL.cases,
      pipeline: pipeline()
        .match(
          _.and([
            { applicantId: openid },
            _.or([{ status: _.in([...OPEN_STATUSES]) }, { submittedAt: _.gte(dayStart) }]),
          ]) as object,
        )
        .project({ status: 1, submittedAt: 1, requestKey: 1 })
        .limit(500)
        .done(),
      as: 'mine',
    })
    .end();
  const found = list[0] as { version?: string; settingsDocs?: Record<string, unknown>[]; mine?: OwnCase[] } | undefined;
  return {
    consented: found?.version === PRIVACY_VERSION,
    settings: settingsOf(found?.settingsDocs?.[0]),
    mine: found?.mine ?? [],
  };
}

/** Applicant actions act as the applicant even when the caller is also staff. */
export function applicantOnly<C extends ActionContext<Database>>(ctx: C): C {
  return { ...ctx, caller: { ...ctx.caller, staff: null } };
}

/**
 * A change the applicant makes to their own case outside the state machine (a signature, a
 * confirmation): read in a transaction, refuse someone else's case as NOT_FOUND, write the patch
 * with the next version so a staff screen holding the old version sees CONFLICT.
 */
export async function applicantUpdate<A>(
  ctx: ActionContext<Database>,
  caseId: string,
  decide: (c: ApplicantCase) => { patch: Partial<ApplicantCase>; answer: A },
): Promise<A> {
  return ctx.transaction(async (t) => {
    const c = (await t
      .collection(COLL.cases)
      .doc(caseId)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )) as ApplicantCase | null;
    if (!c || c.applicantId !== ctx.caller.openid) throw new AppError('NOT_FOUND', '没有找到这条申请');
    const { patch, answer } = decide(c);
    await t
      .collection(COLL.cases)
      .doc(caseId)
      .update({ data: { ...patch, version: c.version + 1, updatedAt: ctx.now } });
    return answer;
  });
}
