import type { MessageDoc, OutboxDoc, PushStatus } from './db/documents';
import { COLL, isDuplicateKey, type CollectionName } from './db';
import crypto from 'node:crypto';
import {
  draftMessage,
  grantsToKeep,
  isBookingFacts,
  templateData,
  type MessagePages,
  type Notification,
  type Recipient,
  type TemplateConfig,
  type TemplateRegistry,
} from '../../core';
import { cloud, type Database } from './cloud';
import { loadTemplateRegistry } from './templates';

/**
 * 消息 delivery: the last stage of a command's effects (shared/effects.ts). Outbox entries reach
 * the `outbox` collection only through effects.ts — from a one-write command's `pending` when the
 * timer settles it, or from a transaction that writes them with its change — so a message is never
 * sent for a change that did not happen, nor a change kept without its messages. Here they are
 * expanded into inbox messages (one per recipient) and pushed, retried with backoff; delivery never
 * rolls back or blocks the case. Every recipient gets the inbox message whatever WeChat does with the push.
 */

/** Pages messages open: the applicant's case detail, or the staff case page. */
export const MESSAGE_PAGES: MessagePages = {
  case: 'pages/case/index?id=',
  workbench: 'packages/staff/pages/case/index?caseId=',
  booking: 'pages/book/index?bookingId=',
  settings: 'packages/center/pages/admin/index?tab=settings',
};
const MAX_ATTEMPTS = 5;
/** a claim on a message keeps a second dispatcher off it for this long */
const CLAIM_MS = 60_000;

export const fromNotifications = (ns: Notification[]) => ns.map((n) => ({ kind: n.kind, to: n.to }));

/** The openids behind a recipient; staff who are unbound or inactive get nothing. */
async function resolve(db: Database, to: Recipient, memo?: Map<string, Promise<string[]>>): Promise<string[]> {
  if (!memo) return lookup(db, to);
  // one dispatch round resolves each recipient once (a hundred reminders to one agent: one read)
  const k = JSON.stringify(to);
  if (!memo.has(k)) memo.set(k, lookup(db, to));
  return memo.get(k)!;
}

async function lookup(db: Database, to: Recipient): Promise<string[]> {
  const openids = (rows: { openid?: string }[]) => rows.map((r) => String(r.openid ?? '')).filter(Boolean);
  switch (to.kind) {
    case 'applicant':
      // someone staff booked for by phone (tel:…) has no WeChat identity to message
      return to.id.startsWith('tel:') ? [] : [to.id];
    case 'staff': {
      const s = await db
        .collection(COLL.staff)
        .doc(to.id)
        .get()
        .then(
          (r) => r.data as { openid?: string; active?: boolean } | null,
          () => null,
        );
      return s?.openid && s.active ? [s.openid] : [];
    }
    case 'unit_leader': {
      const leaders = openids(
        (await db.collection(COLL.staff).where({ unitId: to.unitId, role: 'leader', active: true }).limit(20).get())
          .data,
      );
      // a unit without a bound leader (the center itself often has none): the center hears it, so an
      // alert meant for "the leader" never goes to nobody
      return leaders.length ? leaders : lookup(db, { kind: 'center' });
    }
    case 'center':
      return openids((await db.collection(COLL.staff).where({ role: 'center', active: true }).limit(50).get()).data);
    case 'leader_in_charge': {
      const s = await db
        .collection(COLL.settings)
        .doc('leaderInCharge')
        .get()
        .then(
          (r) => r.data as { openid?: string } | null,
          () => null,
        );
      return s?.openid ? [s.openid] : [];
    }
  }
}

/** Claims a document for this dispatcher: an atomic conditional update that only one caller wins. */
async function claim(
  db: Database,
  collection: CollectionName,
  id: string,
  field: string,
  extra: object,
  now: Date,
): Promise<boolean> {
  const _ = db.command;
  const r = await db
    .collection(collection)
    .where({ _id: id, [field]: _.lte(now), ...extra })
    .update({ data: { [field]: new Date(now.getTime() + CLAIM_MS) } });
  return r.stats.updated === 1;
}

/** Expands outbox entries into inbox messages (one per recipient, idempotent by id). */
/**
 * Claims a page of outbox entries at once: one conditional update marks the unclaimed ones with this
 * dispatcher's token, one read tells which it got. Another dispatcher gets the rest or none.
 */
async function claimEntries(db: Database, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const _ = db.command;
  const token = crypto.randomBytes(8).toString('hex');
  await db
    .collection(COLL.outbox)
    .where({ _id: _.in(ids), status: 'pending', claimedUntil: _.lte(now) })
    .update({ data: { claimedUntil: new Date(now.getTime() + CLAIM_MS), claimedBy: token } });
  const { data } = await db
    .collection(COLL.outbox)
    .where({ _id: _.in(ids), claimedBy: token })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  return new Set(data.map((d) => String(d._id)));
}

/** The inbox messages of one claimed outbox entry (one per recipient, idempotent by id). */
async function expand(
  db: Database,
  entry: OutboxDoc,
  now: Date,
  memo: Map<string, Promise<string[]>> | undefined,
  registry: TemplateRegistry,
): Promise<string[]> {
  const draft = draftMessage(entry.kind, entry.facts, new Date(entry.at), MESSAGE_PAGES, entry.to.kind);
  // a booking's messages show on its case when it has one
  const caseId = isBookingFacts(entry.facts)
    ? (entry.facts.caseId ?? `booking:${entry.facts.bookingId}`)
    : entry.facts.caseId;
  const ids: string[] = [];
  for (const openid of await resolve(db, entry.to, memo)) {
    const _id = `${entry._id}-${crypto.createHash('sha1').update(openid).digest('hex').slice(0, 12)}`;
    const message: Omit<MessageDoc, '_id'> = {
      outboxId: entry._id,
      caseId,
      openid,
      title: draft.title,
      fields: draft.fields,
      page: draft.page,
      createdAt: now,
      seq: new Date(entry.at).getTime(),
      kind: entry.kind,
      audience: entry.to.kind,
      facts: entry.facts,
      read: false,
      push: {
        status: registry[draft.purpose] ? 'pending' : 'no_template',
        purpose: draft.purpose,
        attempts: 0,
        nextAttemptAt: now,
        claimedUntil: new Date(0),
        lastError: null,
        msgid: null,
        sentAt: null,
        keep: grantsToKeep(entry.kind, draft.purpose),
      },
    };
    // an earlier, interrupted expansion may have written it already: the same id means the same message
    await db
      .collection(COLL.messages)
      .add({ data: { _id, ...message } })
      .catch((e: unknown) => {
        if (!isDuplicateKey(e)) throw e;
      });
    ids.push(_id);
  }
  return ids;
}

/** One push attempt: spend a one-time grant, send, and record what happened. */
async function push(db: Database, m: MessageDoc, template: TemplateConfig, now: Date): Promise<PushStatus> {
  const _ = db.command;
  if (!(await claim(db, COLL.messages, m._id, 'push.claimedUntil', { 'push.status': 'pending' }, now)))
    return m.push.status;
  // one grants document per person (id = openid): `counts.<templateId>` grants left
  const field = `counts.${template.id}`;
  const finish = (status: PushStatus, extra: Record<string, unknown> = {}) =>
    db
      .collection(COLL.messages)
      .doc(m._id)
      .update({
        data: {
          'push.status': status,
          'push.attempts': m.push.attempts + 1,
          'push.claimedUntil': new Date(0),
          ...extra,
        },
      })
      .then(() => status);
  // nothing goes out without a grant: one-time grants are spent, long-term ones only checked
  const granted =
    template.kind === 'long-term'
      ? ((
          await db
            .collection(COLL.grants)
            .doc(m.openid)
            .get()
            .then(
              (r) => r.data as { counts?: Record<string, number> } | null,
              () => null,
            )
        )?.counts?.[template.id] ?? 0) > 0
      : (
          await db
            .collection(COLL.grants)
            .where({ _id: m.openid, [field]: _.gt(m.push.keep ?? 0) })
            .update({ data: { [field]: _.inc(-1) } })
        ).stats.updated === 1;
  if (!granted) return finish('no_grant', { 'push.lastError': '用户未授权或授权次数已用完' });
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const res = await (cloud as any).openapi.subscribeMessage.send({
      touser: m.openid,
      templateId: template.id,
      page: m.page,
      data: templateData(template, m.fields),
      miniprogramState: process.env.BANGBAN_MP_STATE || 'formal',
    });
    return finish('sent', { 'push.msgid': String(res?.msgid ?? ''), 'push.sentAt': now, 'push.lastError': null });
  } catch (e) {
    const err = e as { errCode?: number; errMsg?: string; message?: string };
    const reason = `${err.errCode ?? ''} ${err.errMsg ?? err.message ?? String(e)}`.trim();
    if (template.kind !== 'long-term')
      await db
        .collection(COLL.grants)
        .doc(m.openid)
        .update({ data: { [field]: _.inc(1) } })
        .catch(() => undefined);
    if (err.errCode === 43101) {
      // the user refused or used up the grant on WeChat's side: recorded, not retried
      await db
        .collection(COLL.grants)
        .doc(m.openid)
        .update({ data: { [field]: 0 } })
        .catch(() => undefined);
      return finish('no_grant', { 'push.lastError': reason });
    }
    const attempts = m.push.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) return finish('failed', { 'push.lastError': reason });
    // back off 1, 2, 4, 8 minutes
    return finish('pending', {
      'push.lastError': reason,
      'push.nextAttemptAt': new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
    });
  }
}

/** Records "no grant" on pending messages nobody else is pushing right now; answers how many. */
async function noGrant(db: Database, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const _ = db.command;
  const r = await db
    .collection(COLL.messages)
    .where({ _id: _.in(ids), 'push.status': 'pending', 'push.claimedUntil': _.lte(now) })
    .update({
      data: { 'push.status': 'no_grant', 'push.attempts': _.inc(1), 'push.lastError': '用户未授权或授权次数已用完' },
    });
  return r.stats.updated;
}

/**
 * Delivers what is due: expands pending outbox entries (optionally only the given ones) and pushes
 * pending messages whose next attempt has come. Safe to run from several places at once.
 */
export async function dispatch(
  db: Database,
  now: Date,
  only?: string[],
): Promise<{ expanded: number; claimed: number; pushed: Record<string, number> }> {
  const _ = db.command;
  // read only when there is something to expand or push: an idle timer run costs two reads here
  let registryRead: Promise<TemplateRegistry> | null = null;
  const templates = () => (registryRead ??= loadTemplateRegistry(db));
  const entries = (
    await db
      .collection(COLL.outbox)
      .where(only ? { _id: _.in(only), status: 'pending' } : { status: 'pending' })
      .limit(100)
      .get()
  ).data as OutboxDoc[];
  const fresh: string[] = [];
  const mine = await claimEntries(
    db,
    entries.map((e) => e._id),
    now,
  );
  const memo = new Map<string, Promise<string[]>>();
  const done: string[] = [];
  for (const e of entries.filter((x) => mine.has(x._id))) {
    fresh.push(...(await expand(db, e, now, memo, await templates())));
    done.push(e._id);
  }
  // an entry interrupted before this line is expanded again after its claim lapses: same message ids, no duplicates
  if (done.length)
    await db
      .collection(COLL.outbox)
      .where({ _id: _.in(done) })
      .update({ data: { status: 'expanded' } });
  const claimed = done.length;
  const due = (
    await db
      .collection(COLL.messages)
      .where(
        only
          ? { _id: _.in(fresh.length ? fresh : ['-']), 'push.status': 'pending' }
          : { 'push.status': 'pending', 'push.nextAttemptAt': _.lte(now) },
      )
      .limit(100)
      .get()
  ).data as MessageDoc[];
  const pushed: Record<string, number> = {};
  if (due.length === 0) return { expanded: entries.length, claimed, pushed };
  const registry = await templates();
  // most people hold no grant for most templates: one read finds who does, and the rest are
  // settled with a single conditional write each instead of claim, grant check and finish
  const people = [
    ...new Set(due.filter((m) => registry[m.push.purpose as keyof TemplateRegistry]).map((m) => m.openid)),
  ];
  const granted = new Set<string>();
  if (people.length) {
    const { data } = await db
      .collection(COLL.grants)
      .where({ _id: _.in(people) })
      .limit(1000)
      .get();
    for (const g of data)
      for (const [templateId, n] of Object.entries((g.counts as Record<string, number> | undefined) ?? {}))
        if (n > 0) granted.add(`${g._id}_${templateId}`);
  }
  const ungranted: string[] = [];
  for (const m of due) {
    const template = registry[m.push.purpose as keyof TemplateRegistry];
    if (template && !granted.has(`${m.openid}_${template.id}`)) {
      ungranted.push(m._id);
      continue;
    }
    const status = template ? await push(db, m, template, now) : 'no_template';
    pushed[status] = (pushed[status] ?? 0) + 1;
  }
  const settled = await noGrant(db, ungranted, now);
  if (settled) pushed.no_grant = (pushed.no_grant ?? 0) + settled;
  // the rest of them another dispatcher is pushing right now
  if (ungranted.length > settled) pushed.pending = (pushed.pending ?? 0) + ungranted.length - settled;
  return { expanded: entries.length, claimed, pushed };
}
