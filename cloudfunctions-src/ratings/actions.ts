import type { BadRatingDoc, RatingDoc } from '../shared/db/documents';
import { COLL, isDuplicateKey, type CollectionName } from '../shared/db';
import { z } from 'zod';
import {
  applyBadRatingAction,
  authorize,
  BAD_RATING_OPEN_STATES,
  BAD_RATING_STATE_LABELS,
  BAD_RATING_TRANSITIONS,
  badRatingDueOn,
  caseViewTarget,
  badRatingNotices,
  badRatingStepText,
  beijingDate,
  CONTACT_CHANNELS,
  deadlineLevel,
  followUpRating,
  maskPersonalDataInText,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  BAD_RATING_STATES,
  RATING_TAGS,
  rateService,
  ratingAttribution,
  RATING_MESSAGES,
  ratingVisibleTo,
  ROLE_LABELS,
  WARNING_LEVEL_LABELS,
  type Actor,
  type BadRatingAction,
  type BadRatingActionType,
  type BadRatingCase,
  type RatableCase,
  type RatingAttribution,
  type Rating,
  type RatingTag,
  type Settings,
  type WorkCalendar,
} from '../../core';
import { action, AppError, type ActionContext, type ActionTable } from '../shared/action';
import type { Database, Transaction } from '../shared/cloud';
import { loadCenterConfig, loadSettings } from '../shared/config';
import { actorOf, caseFacts, type CaseDoc } from '../shared/cases';
import { loadCalendar } from '../shared/config';
import { outboxSeeds, pendingForInsert, pendingForUpdate, type PendingEffects } from '../shared/effects';
import { putLedgerRow } from '../shared/ledger';
import { enqueue } from '../shared/outbox';

/**
 * 好差评 (§五(五)). The applicant rates an ended service once and may add one 追评, decided by the
 * core (core/rating.ts). Ratings are stored in `ratings` with the case id as document id, so "once
 * per case" holds even for two taps at once; staff have no action that writes a rating. A 差评
 * opens a record in `badRatings` (`<caseId>-0`, or `-1` for a 追评) that the unit handles here:
 * call-back, rectification, the center's verification, or an appeal the center reviews.
 *
 * The applicant's rating and 追评 answer after ONE write (issue 9: at most four round trips; they
 * take three): the case with its rating and 差评 records is read in one aggregation beside the
 * settings, then the rating is inserted (its fixed id makes "once" atomic against a second tap and
 * the scheduler's default rating) or its 追评 set by a conditional update (only while it has none).
 * The 差评 record, its messages and the case's 台账 row ride on that write in `pending`
 * (shared/effects.ts) and are made real by the notify timer within seconds, so a 差评 can never
 * stand without its handling record. Staff handling keeps its transaction, which writes the
 * record, the ledger row and the outbox together.
 */

const level = z.enum(RATING_LEVELS, { message: '请选择评价等级' });
const entryInput = z.object({
  level,
  dimensions: z.partialRecord(z.enum(RATING_DIMENSIONS), level).optional(),
  tags: z
    .array(z.enum(Object.keys(RATING_TAGS) as [RatingTag, ...RatingTag[]]))
    .max(12)
    .optional(),
  comment: z.string().max(600).optional(),
});
const caseRef = z.object({ caseId: z.string().trim().min(1).max(64) });
const text = (max: number) => z.string().trim().max(max, `不超过${max}字`);

const BAD_RATING_ACTION_TYPES = [
  'callBack',
  'rectify',
  'verify',
  'appeal',
  'reviewAppeal',
] as const satisfies readonly BadRatingActionType[];

// what the rater and the staff are answered (entryView, badRatingView, answerFor, staffBadView)
const entrySchema = z.object({
  level: z.enum(RATING_LEVELS),
  levelLabel: z.string(),
  dimensions: z.array(z.object({ dimension: z.string(), label: z.string(), levelLabel: z.string() })),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  at: z.string(),
});
const ratingStateSchema = z.object({
  canRate: z.boolean(),
  noServiceReason: z.string().nullable(),
  canFollowUp: z.boolean(),
  rating: entrySchema.extend({ source: z.enum(['applicant', 'default']), followUp: entrySchema.nullable() }).nullable(),
  badRatings: z.array(
    z.object({
      followUp: z.boolean(),
      status: z.enum(BAD_RATING_STATES),
      statusLabel: z.string(),
      history: z.array(z.object({ label: z.string(), statusLabel: z.string(), at: z.string(), note: z.string() })),
    }),
  ),
});
const option = z.object({ value: z.string(), label: z.string() });
const optionsSchema = z.object({
  levels: z.array(option),
  dimensions: z.array(option),
  tags: z.array(option.extend({ polarity: z.string() })),
});
const staffBadSchema = z.object({
  id: z.string(),
  version: z.number(),
  raterHidden: z.boolean(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  matter: z.string().nullable(),
  unitName: z.string().nullable(),
  agentName: z.string().nullable(),
  followUp: z.boolean(),
  level: z.enum(RATING_LEVELS),
  levelLabel: z.string(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  openedAt: z.string(),
  status: z.enum(BAD_RATING_STATES),
  statusLabel: z.string(),
  dueOn: z.string().nullable(),
  warning: z.object({ level: z.string(), label: z.string() }).nullable(),
  appeal: z.object({ on: z.string(), grounds: z.string() }).nullable(),
  history: z.array(
    z.object({ label: z.string(), text: z.string(), at: z.string(), calledAt: z.string().nullable(), by: z.string() }),
  ),
  actions: z.array(z.object({ type: z.enum(BAD_RATING_ACTION_TYPES), label: z.string() })),
});

/**
 * The case as rating sees it: whom a rating is about (core ratingAttribution, §五(五)): the agents who
 * served, the agent or unit that owed an answer the applicant gave up waiting for, or nobody when the
 * applicant withdrew before anyone acted and before an answer was due (then there is nothing to rate).
 */
function ratable(
  c: CaseDoc,
  config: { settings: Settings; calendar: WorkCalendar },
): RatableCase & { attribution: RatingAttribution | null } {
  const base = {
    caseId: c._id,
    applicantId: c.applicantId,
    status: c.status,
    endedAt: c.endedAt ? new Date(c.endedAt) : null,
    unitId: c.unitId,
  };
  const a = ratingAttribution(c, config.calendar, config.settings);
  if (!a.ok) return { ...base, agentIds: [], serviceGiven: false, attribution: null };
  return { ...base, agentIds: a.value.agentIds, unitId: a.value.unitId, attribution: a.value };
}

function entryView(e: {
  level: Rating['level'];
  dimensions: Rating['dimensions'];
  tags: RatingTag[];
  comment: string | null;
  at: Date;
}) {
  return {
    level: e.level,
    levelLabel: RATING_LEVEL_LABELS[e.level],
    dimensions: Object.entries(e.dimensions ?? {}).map(([d, l]) => ({
      dimension: d,
      label: RATING_DIMENSION_LABELS[d as keyof typeof RATING_DIMENSION_LABELS],
      levelLabel: RATING_LEVEL_LABELS[l as Rating['level']],
    })),
    tags: e.tags.map((t) => RATING_TAGS[t]?.label ?? t),
    comment: e.comment,
    at: new Date(e.at).toISOString(),
  };
}

/** What the rater may see of a 差评's handling: state, steps and what was done, never staff ids. */
function badRatingView(b: BadRatingCase) {
  return {
    followUp: b.followUp,
    status: b.status,
    statusLabel: BAD_RATING_STATE_LABELS[b.status],
    history: b.history.map((h) => ({
      label: BAD_RATING_TRANSITIONS[h.action]?.label ?? h.action,
      statusLabel: BAD_RATING_STATE_LABELS[h.to],
      at: new Date(h.at).toISOString(),
      note: badRatingStepText(h),
    })),
  };
}

const readDoc = <T>(t: Pick<Transaction, 'collection'>, coll: CollectionName, id: string) =>
  t
    .collection(coll)
    .doc(id)
    .get()
    .then(
      (r) => (r.data as T) ?? null,
      () => null,
    );

const asRating = (r: RatingDoc | null): Rating | null =>
  r ? { ...r, at: new Date(r.at), followUp: r.followUp ? { ...r.followUp, at: new Date(r.followUp.at) } : null } : null;
const asBad = (b: BadRatingDoc | null): BadRatingDoc | null =>
  b
    ? {
        ...b,
        openedAt: new Date(b.openedAt),
        history: b.history.map((h) => ({
          ...h,
          at: new Date(h.at),
          ...(h.data?.calledAt ? { data: { ...h.data, calledAt: new Date(h.data.calledAt) } } : {}),
        })),
      }
    : null;

type StoredRating = RatingDoc & { pending?: PendingEffects };

/**
 * The case with its rating and its 差评 records in ONE round trip (an aggregation that looks both
 * up by the case id), visible to the applicant calling or answered as not found. A 差评 record the
 * rating still carries in `pending` (not yet created by the notify timer) counts as existing: the
 * applicant sees it at once, and a 追评 answers with it.
 */
async function load(
  ctx: ActionContext<Database>,
  caseId: string,
): Promise<{ c: CaseDoc; rating: Rating | null; bads: BadRatingCase[] }> {
  const { list } = await ctx.db
    .collection(COLL.cases)
    .aggregate()
    .match({ _id: caseId })
    .lookup({ from: COLL.ratings, localField: '_id', foreignField: '_id', as: 'ratingDocs' })
    .lookup({ from: COLL.badRatings, localField: '_id', foreignField: 'caseId', as: 'badRatingDocs' })
    .end();
  const found = list[0] as unknown as
    (CaseDoc & { ratingDocs?: StoredRating[]; badRatingDocs?: BadRatingDoc[] }) | undefined;
  const { ratingDocs = [], badRatingDocs = [], ...c } = found ?? ({} as NonNullable<typeof found>);
  const applicant = actorOf({ ...ctx.caller, staff: null });
  if (!found || !authorize(applicant, 'case.view', caseViewTarget(c as CaseDoc)).ok)
    throw new AppError('NOT_FOUND', '没有找到这条申请');
  const stored = ratingDocs[0] ?? null;
  const bads = new Map(badRatingDocs.map((b) => [String(b._id), asBad(b)!]));
  for (const ins of stored?.pending?.inserts ?? [])
    if (ins.collection === COLL.badRatings && !bads.has(ins._id))
      bads.set(ins._id, asBad({ ...(ins.data as BadRatingCase), _id: ins._id })!);
  return { c: c as CaseDoc, rating: asRating(stored), bads: [...bads.values()] };
}

function answerFor(c: RatableCase, rating: Rating | null, bads: readonly BadRatingCase[]) {
  const sorted = [...bads].sort((a, b) => Number(a.followUp) - Number(b.followUp));
  return {
    canRate: ['finished', 'terminated', 'refused'].includes(c.status) && c.serviceGiven !== false && !rating,
    noServiceReason: c.serviceGiven === false ? RATING_MESSAGES.NO_SERVICE_GIVEN : null,
    canFollowUp: !!rating && !rating.followUp,
    rating: rating
      ? { ...entryView(rating), source: rating.source, followUp: rating.followUp ? entryView(rating.followUp) : null }
      : null,
    badRatings: sorted.map(badRatingView),
  };
}

const refused = (d: { code: string; message: string }) =>
  new AppError('RULE_REFUSED', d.message, { [d.code]: d.message });
const levelsAndTags = {
  levels: RATING_LEVELS.map((l) => ({ value: l, label: RATING_LEVEL_LABELS[l] })),
  dimensions: RATING_DIMENSIONS.map((d) => ({ value: d, label: RATING_DIMENSION_LABELS[d] })),
  tags: Object.entries(RATING_TAGS).map(([value, t]) => ({ value, label: t.label, polarity: t.polarity })),
};

/**
 * What follows a rating entry, carried in the rating document's `pending` and made real by the
 * notify timer (shared/effects.ts settle): the case's 台账 row recomputed, and for a 差评 its
 * handling record (`<caseId>-0`, `-1` for a 追评) and the messages to the unit. Never one without
 * the other: they are written in the same single-document write as the rating itself.
 */
function effectsOf(c: CaseDoc, badRating: BadRatingCase | null, now: Date) {
  if (!badRating) return { ledger: c._id };
  return {
    ledger: c._id,
    inserts: [
      {
        collection: COLL.badRatings,
        _id: `${c._id}-${badRating.followUp ? 1 : 0}`,
        data: { ...badRating, version: 1 } as Record<string, unknown>,
      },
    ],
    outbox: outboxSeeds(badRatingNotices(null, badRating, c.applicantId), caseFacts(c), now),
  };
}

// ─── staff: 差评 handling ────────────────────────────────────────────────────────────────────────

const badActionInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('callBack'),
    note: text(500),
    calledAt: z.coerce.date().optional(),
    channel: z.enum(CONTACT_CHANNELS).optional(),
  }),
  z.object({ type: z.literal('rectify'), measures: text(1000), result: text(500) }),
  z.object({ type: z.literal('verify'), accepted: z.boolean(), note: text(500) }),
  z.object({ type: z.literal('appeal'), grounds: text(1000) }),
  z.object({ type: z.literal('reviewAppeal'), upheld: z.boolean(), note: text(500) }),
]) satisfies z.ZodType<BadRatingAction, unknown>;

const badId = z
  .string()
  .trim()
  .regex(/^[\w-]{1,64}-[01]$/, '差评编号不正确');

/** Staff may see a 差评 as they may see its case: the agents on it, the unit's leader, the center. */
function visibleTo(actor: Actor, b: BadRatingCase): boolean {
  return authorize(actor, 'case.view', b.owners).ok;
}

function scopeFilter(actor: Actor): Record<string, unknown> | null {
  if (actor.role === 'center') return {};
  if (actor.role === 'leader') return actor.unitId ? { 'owners.unitIds': actor.unitId } : null;
  if (actor.role === 'agent') return { 'owners.agentIds': actor.id };
  return null;
}

function offered(actor: Actor, b: BadRatingCase, settings: Settings): BadRatingActionType[] {
  return (Object.keys(BAD_RATING_TRANSITIONS) as BadRatingActionType[]).filter((type) => {
    const spec = BAD_RATING_TRANSITIONS[type];
    if (!spec.from.includes(b.status) || !authorize(actor, spec.permission, b.owners).ok) return false;
    if (type === 'appeal' && b.appeal) return false;
    return !(type === 'callBack' && actor.role !== 'center' && settings.rating.hideRaterFromStaff);
  });
}

async function staffNames(db: Database, ids: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return {};
  const { data } = await db
    .collection(COLL.staff)
    .where({ _id: db.command.in(wanted) })
    .limit(100)
    .get();
  return Object.fromEntries(data.map((s) => [String(s._id), String(s.name)]));
}

/** A 差评 as the staff page shows it; with the rater hidden, nothing that tells which case it was. */
function staffBadView(
  b: BadRatingDoc,
  rating: Rating | null,
  c: Pick<CaseDoc, '_id' | 'caseNo' | 'matter' | 'unitName' | 'agentName'> | null,
  actor: Actor,
  settings: Settings,
  cal: WorkCalendar,
  now: Date,
  names: Record<string, string>,
) {
  const entry = b.followUp ? rating?.followUp : rating;
  const shown = ratingVisibleTo(actor.role, rating, [b.status], now, settings);
  const dueOn = badRatingDueOn(cal, b, settings);
  let warning: { level: string; label: string } | null = null;
  if (dueOn) {
    try {
      const l = deadlineLevel(cal, beijingDate(now), dueOn, settings.calendar).level;
      warning = { level: l, label: `${WARNING_LEVEL_LABELS[l]} · ${dueOn}前` };
    } catch {
      warning = null;
    }
  }
  return {
    id: b._id,
    version: b.version ?? 0,
    raterHidden: !shown,
    caseId: shown ? (c?._id ?? null) : null,
    caseNo: shown ? (c?.caseNo ?? null) : null,
    matter: shown ? (c?.matter ?? null) : null,
    unitName: c?.unitName ?? null,
    agentName: shown ? (c?.agentName ?? null) : null,
    followUp: b.followUp,
    level: b.level,
    levelLabel: RATING_LEVEL_LABELS[b.level],
    tags: (entry?.tags ?? []).map((t) => RATING_TAGS[t]?.label ?? t),
    comment: entry?.comment ? maskPersonalDataInText(entry.comment) : null,
    openedAt: new Date(b.openedAt).toISOString(),
    status: b.status,
    statusLabel: BAD_RATING_STATE_LABELS[b.status],
    dueOn,
    warning,
    appeal: b.appeal ? { on: b.appeal.on, grounds: b.appeal.grounds } : null,
    history: b.history.map((h) => ({
      label: BAD_RATING_TRANSITIONS[h.action]?.label ?? h.action,
      text: badRatingStepText(h),
      at: new Date(h.at).toISOString(),
      calledAt: h.data?.calledAt ? new Date(h.data.calledAt).toISOString() : null,
      by: `${ROLE_LABELS[h.by.role]}${names[h.by.id] ? ` ${names[h.by.id]}` : ''}`,
    })),
    actions: offered(actor, b, settings).map((type) => ({ type, label: BAD_RATING_TRANSITIONS[type].label })),
  };
}

export const BAD_RATING_FILTERS = ['open', 'closed', 'all'] as const;

export const actions = {
  getForCase: action({
    summary: '某条申请的评价：能否评价或追评、已给的评价和追评、差评的回访整改进度；以及可选的等级、维度、标签',
    roles: ['applicant'],
    input: caseRef,
    output: ratingStateSchema.extend({ options: optionsSchema }),
    errors: ['NOT_FOUND'],
    async run(ctx, input) {
      const [{ c, rating, bads }, config] = await Promise.all([load(ctx, input.caseId), loadCenterConfig(ctx.db)]);
      return { ...answerFor(ratable(c, config), rating, bads), options: levelsAndTags };
    },
  }),

  submit: action({
    summary:
      '评价（好差评）：服务结束后由申请人本人评价一次，五个等级，可选维度、标签和意见；差评须说明原因并转责任单位回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: ratingStateSchema,
    errors: ['NOT_FOUND', 'RULE_REFUSED'],
    async run(ctx, input) {
      // the case with any rating ∥ the settings and calendar (one query), then one insert: 3 round trips
      const [{ c, rating: existing }, config] = await Promise.all([load(ctx, input.caseId), loadCenterConfig(ctx.db)]);
      const { settings } = config;
      const rater = { id: ctx.caller.openid, role: 'applicant' as const };
      const subject = ratable(c, config);
      const d = rateService(rater, subject, existing, input, ctx.now, settings);
      if (!d.ok) throw refused(d);
      const { rating, badRating } = d.value;
      // kept with the rating: the 台账 and the 差评 count it against these agents and this unit only
      const attributedTo = subject.attribution;
      try {
        await ctx.db.collection(COLL.ratings).add({
          data: {
            _id: c._id,
            ...rating,
            attributedTo,
            pending: pendingForInsert(ctx.now, effectsOf(c, badRating, ctx.now)),
          },
        });
      } catch (e) {
        // the case id is the rating's id: a second tap, or the scheduler's default rating, committed first
        if (!isDuplicateKey(e)) throw e;
        const again = rateService(rater, subject, rating, input, ctx.now, settings);
        throw refused(again.ok ? { code: 'ALREADY_RATED', message: '该服务已评价过，可以追评一次。' } : again);
      }
      return answerFor(subject, rating, badRating ? [badRating] : []);
    },
  }),

  followUp: action({
    summary: '追评：评价后可追加一次评价（默认90天内）；追评为差评同样转回访整改',
    roles: ['applicant'],
    input: caseRef.extend(entryInput.shape),
    output: ratingStateSchema,
    errors: ['NOT_FOUND', 'RULE_REFUSED', 'CONFLICT'],
    async run(ctx, input) {
      // the case with its rating and 差评 records ∥ the settings and calendar, then one conditional update: 3 round trips
      const [{ c, rating: current, bads }, config] = await Promise.all([
        load(ctx, input.caseId),
        loadCenterConfig(ctx.db),
      ]);
      const { settings } = config;
      const rater = { id: ctx.caller.openid, role: 'applicant' as const };
      const subject = ratable(c, config);
      const d = followUpRating(rater, subject, current, input, ctx.now, settings);
      if (!d.ok) throw refused(d);
      const { rating, badRating } = d.value;
      const _ = ctx.db.command;
      // only while the rating has no 追评: of two at once, one is written and the other refused
      const { stats } = await ctx.db
        .collection(COLL.ratings)
        .where({ _id: c._id, followUp: null })
        .update({
          data: {
            followUp: _.set(rating.followUp),
            ...pendingForUpdate(ctx.db, ctx.now, effectsOf(c, badRating, ctx.now)),
          },
        });
      if (stats.updated !== 1) {
        const again = followUpRating(rater, subject, rating, input, ctx.now, settings);
        throw refused(again.ok ? { code: 'FOLLOW_UP_ALREADY_GIVEN', message: '每项服务只能追评一次。' } : again);
      }
      return answerFor(subject, rating, badRating ? [...bads.filter((b) => !b.followUp), badRating] : bads);
    },
  }),

  listBad: action({
    summary:
      '差评处理列表（工作人员）：帮代办员看经办案件的差评，责任领导看本单位的，政务服务中心看全部；含当前环节的期限与预警、处理记录、可执行的操作',
    roles: ['agent', 'leader', 'center'],
    input: z.object({
      filter: z.enum(BAD_RATING_FILTERS).default('open'),
      limit: z.number().int().min(1).max(50).default(20),
      offset: z.number().int().min(0).max(5000).default(0),
    }),
    output: z.object({
      items: z.array(staffBadSchema),
      total: z.number(),
      counts: z.object({ open: z.number(), closed: z.number() }),
    }),
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const scope = scopeFilter(actor);
      if (!scope) return { items: [], total: 0, counts: { open: 0, closed: 0 } };
      const _ = ctx.db.command;
      const byFilter = (f: (typeof BAD_RATING_FILTERS)[number]) =>
        f === 'all'
          ? scope
          : { ...scope, status: f === 'open' ? _.in([...BAD_RATING_OPEN_STATES]) : _.in(['closed', 'voided']) };
      const [page, total, open, closed, cal, settings] = await Promise.all([
        ctx.db
          .collection(COLL.badRatings)
          .where(byFilter(input.filter))
          .orderBy('openedAt', 'desc')
          .skip(input.offset)
          .limit(input.limit)
          .get(),
        ctx.db.collection(COLL.badRatings).where(byFilter(input.filter)).count(),
        ctx.db.collection(COLL.badRatings).where(byFilter('open')).count(),
        ctx.db.collection(COLL.badRatings).where(byFilter('closed')).count(),
        loadCalendar(ctx.db),
        loadSettings(ctx.db),
      ]);
      const bads = (page.data as BadRatingDoc[]).map((b) => asBad(b)!);
      const caseIds = [...new Set(bads.map((b) => b.caseId))];
      const [cases, ratings] = caseIds.length
        ? await Promise.all([
            ctx.db
              .collection(COLL.cases)
              .where({ _id: _.in(caseIds) })
              .field({ caseNo: true, matter: true, unitName: true, agentName: true })
              .limit(50)
              .get(),
            ctx.db
              .collection(COLL.ratings)
              .where({ _id: _.in(caseIds) })
              .limit(50)
              .get(),
          ])
        : [{ data: [] }, { data: [] }];
      const caseById = new Map(cases.data.map((c) => [String(c._id), c as CaseDoc]));
      const ratingById = new Map(ratings.data.map((r) => [String(r._id), asRating(r as RatingDoc)]));
      const names = await staffNames(
        ctx.db,
        bads.flatMap((b) => b.history.map((h) => h.by.id)),
      );
      return {
        items: bads.map((b) =>
          staffBadView(
            b,
            ratingById.get(b.caseId) ?? null,
            caseById.get(b.caseId) ?? null,
            actor,
            settings,
            cal,
            ctx.now,
            names,
          ),
        ),
        total: total.total,
        counts: { open: open.total, closed: closed.total },
      };
    },
  }),

  handleBad: action({
    summary:
      '处理差评（§五(五)）：回访（谁、何时、方式、申请人所说）、整改（措施与结果，告知评价人）、中心核实整改、单位对不实差评申诉、中心复核；每步记入处理记录，期限按工作日计',
    roles: ['agent', 'leader', 'center'],
    input: z.object({ id: badId, version: z.number().int().min(0), action: badActionInput }),
    output: z.object({ item: staffBadSchema, notified: z.array(z.string()) }),
    errors: ['NOT_FOUND', 'CONFLICT', 'RULE_REFUSED'],
    async run(ctx, input) {
      const actor = actorOf(ctx.caller);
      const [cal, settings] = await Promise.all([loadCalendar(ctx.db), loadSettings(ctx.db)]);
      const out = await ctx.transaction(async (t) => {
        const current = asBad(await readDoc<BadRatingDoc>(t, COLL.badRatings, input.id));
        // someone else's 差评 answers like a missing one
        if (!current || !visibleTo(actor, current)) throw new AppError('NOT_FOUND', '没有找到这条差评');
        if ((current.version ?? 0) !== input.version)
          throw new AppError('CONFLICT', '这条差评刚被他人处理，请刷新后再操作');
        const d = applyBadRatingAction(cal, current, input.action, actor, ctx.now, settings);
        if (!d.ok) throw refused(d);
        const next: BadRatingDoc = { ...d.value, _id: current._id, version: (current.version ?? 0) + 1 };
        const { _id, ...body } = next;
        await t.collection(COLL.badRatings).doc(_id).set({ data: body });
        const c = await readDoc<CaseDoc>(t, COLL.cases, current.caseId);
        if (!c) throw new AppError('NOT_FOUND', '没有找到这条差评');
        const rating = asRating(await readDoc<RatingDoc>(t, COLL.ratings, current.caseId));
        const other = asBad(
          await readDoc<BadRatingDoc>(t, COLL.badRatings, `${current.caseId}-${current.followUp ? 0 : 1}`),
        );
        await putLedgerRow(t, c, rating, [next, ...(other ? [other] : [])], cal, ctx.now, settings);
        const notices = badRatingNotices(current, next, c.applicantId);
        const outboxIds = await enqueue(t, notices, caseFacts(c), ctx.now);
        return { next, c, rating, notices, outboxIds };
      });
      const names = await staffNames(
        ctx.db,
        out.next.history.map((h) => h.by.id),
      );
      return {
        item: staffBadView(out.next, out.rating, out.c, actor, settings, cal, ctx.now, names),
        notified: out.notices.map((n) => n.kind),
      };
    },
  }),
} satisfies ActionTable<Database>;
