import type { CaseDoc } from './db/documents';
import { COLL } from './db';
import { OPEN_STATUSES, planReassignments, releaseCase, type AgentCandidate } from '../../core';
import { AppError, type ActionContext } from './action';
import type { Database } from './cloud';
import { loadCalendar } from './config';
import { putLedgerRow } from './ledger';
import { enqueue } from './effects';
import { actorOf, transitionCase, caseFacts } from './cases';

/**
 * A unit's roster for routing: its agents with their open-case counts (for the core's pickAgent) and
 * the unit's name, which every staff record of the unit carries (center.saveUnit keeps it). Two
 * queries side by side; the unit document is read only for a unit without any staff.
 */
export async function unitRoster(
  db: Database,
  unitId: string,
): Promise<{ unitName: string | null; candidates: AgentCandidate[] }> {
  const _ = db.command;
  const [{ data: staff }, load] = await Promise.all([
    db
      .collection(COLL.staff)
      .where({ unitId, role: _.in(['agent', 'leader']), active: true })
      .limit(200)
      .get(),
    db
      .collection(COLL.cases)
      .aggregate()
      .match({ unitId, status: _.in([...OPEN_STATUSES]) })
      .group({ _id: '$agentId', n: _.aggregate.sum(1) })
      .end(),
  ]);
  const open = new Map<string, number>(load.list.map((r) => [String(r._id), Number(r.n)]));
  const named = staff.find((s) => typeof s.unitName === 'string' && s.unitName);
  const unitName = named
    ? String(named.unitName)
    : await db
        .collection(COLL.units)
        .doc(unitId)
        .get()
        .then(
          (r) => ((r.data as { name?: string } | null)?.name ?? null) as string | null,
          () => null,
        );
  const candidates = staff
    .filter((s) => s.role === 'agent')
    .map((s) => ({
      id: String(s._id),
      name: String(s.name),
      unitId: String(s.unitId),
      active: s.active === true,
      onDuty: s.onDuty === true,
      skills: Array.isArray(s.skills) ? s.skills.map(String) : [],
      openCases: open.get(String(s._id)) ?? 0,
    }));
  return { unitName, candidates };
}

/** The unit's agents with their open-case counts, for the core's pickAgent. */
export async function agentCandidates(db: Database, unitId: string): Promise<AgentCandidate[]> {
  return (await unitRoster(db, unitId)).candidates;
}

// ─── Reassignment when an agent is unbound or goes off duty ──────────────────────────────────────

/**
 * 待分派 (core releaseCase) in one transaction with its message to the unit's leader. The version
 * check keeps it from overwriting a step someone took meanwhile.
 */
export async function releaseOne(
  ctx: ActionContext<Database>,
  caseId: string,
  expectedVersion: number,
  reason: string,
): Promise<string[]> {
  const calendar = await loadCalendar(ctx.db);
  return ctx.transaction(async (t) => {
    const current = (await t
      .collection(COLL.cases)
      .doc(caseId)
      .get()
      .then(
        (r) => r.data,
        () => null,
      )) as CaseDoc | null;
    if (!current) throw new AppError('NOT_FOUND', '没有找到这条申请');
    if (current.version !== expectedVersion) throw new AppError('CONFLICT', '这条申请刚被他人更新，请刷新后再操作');
    const decision = releaseCase(current, actorOf(ctx.caller), ctx.now, reason);
    if (!decision.ok) throw new AppError('RULE_REFUSED', decision.message, { [decision.code]: decision.message });
    const next: CaseDoc = {
      ...current,
      ...decision.value.case,
      agentName: null,
      version: current.version + 1,
      updatedAt: ctx.now,
    };
    const { _id, ...body } = next;
    await t.collection(COLL.cases).doc(_id).set({ data: body });
    await putLedgerRow(t, next, null, [], calendar, ctx.now);
    return enqueue(t, decision.value.notifications, caseFacts(next), ctx.now);
  });
}

export interface ReassignOutcome {
  moved: number;
  waiting: number;
  /** cases someone else changed first (another step, a leader's own reassignment): left as they are */
  skipped: number;
}

/**
 * §四(三) and 首问负责: every open case an agent works moves to an eligible colleague of its unit
 * (core planReassignments: on duty, skilled, fewest open cases), as a 转派 on its timeline that
 * tells the new agent and, once accepted, the applicant; the first agent stays recorded. A case
 * nobody eligible can take waits for the unit's leader (core releaseCase), like a new case does
 * when nobody is on duty. Call it after the agent's binding or duty change has committed, so the
 * agent is no longer a candidate; running it again finds nothing left to move.
 */
export async function reassignCasesOf(
  ctx: ActionContext<Database>,
  staffId: string,
  reason: string,
): Promise<ReassignOutcome> {
  const _ = ctx.db.command;
  const out: ReassignOutcome = { moved: 0, waiting: 0, skipped: 0 };
  const { data } = await ctx.db
    .collection(COLL.cases)
    .where({ agentId: staffId, status: _.in([...OPEN_STATUSES]) })
    .field({ _id: true, unitId: true, category: true, version: true })
    // oldest first: the longest-waiting applicant gets the least busy colleague
    .orderBy('submittedAt', 'asc')
    .limit(1000)
    .get();
  const cases = data as Pick<CaseDoc, '_id' | 'unitId' | 'category' | 'version'>[];
  if (cases.length === 0) return out;
  const units = [...new Set(cases.map((c) => c.unitId))];
  const candidates = (await Promise.all(units.map((u) => agentCandidates(ctx.db, u))))
    .flat()
    .filter((a) => a.id !== staffId);
  const plan = planReassignments(
    cases.map((c) => ({ caseId: c._id, unitId: c.unitId, skill: c.category })),
    candidates,
  );
  const outboxIds: string[] = [];
  for (const [i, p] of plan.entries()) {
    try {
      if (p.agentId) {
        const r = await transitionCase(
          ctx,
          p.caseId,
          cases[i].version,
          { type: 'reassign', toAgentId: p.agentId, reason },
          { [p.agentId]: p.name! },
        );
        outboxIds.push(...r.outboxIds);
        // a scheduler run alongside made the very same move: it is that run's to count
        if (r.replayed) out.skipped++;
        else out.moved++;
      } else {
        outboxIds.push(...(await releaseOne(ctx, p.caseId, cases[i].version, reason)));
        out.waiting++;
      }
    } catch (e) {
      // changed meanwhile: whoever changed it has it in hand; a later run (scheduler) looks again
      if (e instanceof AppError && (e.code === 'CONFLICT' || e.code === 'RULE_REFUSED' || e.code === 'NOT_FOUND'))
        out.skipped++;
      else throw e;
    }
  }
  return out;
}
