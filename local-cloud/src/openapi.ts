import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export interface TemplateSpec {
  title: string;
  /** one-time templates need one grant per message; long-term ones one grant ever */
  kind?: 'one-time' | 'long-term';
  /** keyword names as WeChat lists them, e.g. thing1, time2, character_string3 */
  keywords: string[];
}

export interface InboxMessage {
  msgid: string;
  touser: string;
  templateId: string;
  templateTitle: string;
  page?: string;
  data: Record<string, string>;
  sentAt: number;
  functionName?: string;
}

export class WxError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(errmsg);
  }
}

/** Value rules WeChat applies to subscribe-message keywords (by keyword type = name without digits). */
const RULES: Record<string, (v: string) => string | null> = {
  thing: (v) => (len(v) <= 20 ? null : 'thing 不能超过 20 个字符'),
  short_thing: (v) => (len(v) <= 5 ? null : 'short_thing 不能超过 5 个字符'),
  number: (v) => (/^\d+(\.\d+)?$/.test(v) && v.length <= 32 ? null : 'number 须为 32 位以内数字'),
  letter: (v) => (/^[A-Za-z]{1,32}$/.test(v) ? null : 'letter 须为 32 位以内字母'),
  symbol: (v) => (len(v) <= 5 && !/[\p{L}\p{N}]/u.test(v) ? null : 'symbol 须为 5 位以内符号'),
  character_string: (v) =>
    len(v) <= 32 && /^[\x21-\x7e]+$/.test(v) ? null : 'character_string 须为 32 位以内数字、字母或符号',
  time: (v) =>
    /^(\d{4}年\d{1,2}月\d{1,2}日\s*|\d{4}-\d{2}-\d{2}\s+)?\d{1,2}:\d{2}(:\d{2})?$|^\d{4}年\d{1,2}月\d{1,2}日$|^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2}(:\d{2})?)?$/.test(
      v,
    )
      ? null
      : 'time 须为时间格式，如 15:01 或 2019年10月1日 15:01',
  date: (v) =>
    /^\d{4}年\d{1,2}月\d{1,2}日(\s*\d{1,2}:\d{2})?$|^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?$/.test(v)
      ? null
      : 'date 须为日期格式，如 2019年10月1日',
  amount: (v) => (/^[¥$€]?\d{1,10}(\.\d{1,2})?元?$/.test(v) ? null : 'amount 格式不正确'),
  phone_number: (v) => (/^[\d+\-() ]{1,17}$/.test(v) ? null : 'phone_number 须为 17 位以内数字或符号'),
  car_number: (v) => (len(v) <= 8 ? null : 'car_number 不能超过 8 位'),
  name: (v) =>
    /^\p{Script=Han}{1,10}$/u.test(v) || /^[A-Za-z ]{1,20}$/.test(v) ? null : 'name 须为 10 个以内汉字或 20 个以内字母',
  phrase: (v) => (/^\p{Script=Han}{1,5}$/u.test(v) ? null : 'phrase 须为 5 个以内汉字'),
};
const len = (v: string) => [...v].length;

/**
 * subscribeMessage.send as WeChat checks it, and the grants that `wx.requestSubscribeMessage`
 * records. Sent messages land in an inbox (persisted with the database) instead of a phone.
 */
export class SubscribeMessages {
  constructor(
    private readonly db: Database.Database,
    private readonly templates: Record<string, TemplateSpec>,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS subscribe_grants (openid TEXT NOT NULL, template_id TEXT NOT NULL, remaining INTEGER NOT NULL, PRIMARY KEY (openid, template_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS subscribe_inbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, msgid TEXT NOT NULL, touser TEXT NOT NULL, body TEXT NOT NULL);
    `);
  }

  templateList(): (TemplateSpec & { id: string })[] {
    return Object.entries(this.templates).map(([id, t]) => ({ id, ...t }));
  }

  /** What `wx.requestSubscribeMessage` answers: accept or reject per template id. */
  grant(openid: string, tmplIds: string[], rejected: string[] = []): Record<string, string> {
    const out: Record<string, string> = {};
    const upsert = this.db.prepare(`INSERT INTO subscribe_grants (openid, template_id, remaining) VALUES (?, ?, 1)
      ON CONFLICT (openid, template_id) DO UPDATE SET remaining = remaining + 1`);
    for (const id of tmplIds) {
      if (!this.templates[id]) out[id] = 'filter';
      else if (rejected.includes(id)) out[id] = 'reject';
      else {
        upsert.run(openid, id);
        out[id] = 'accept';
      }
    }
    return out;
  }

  remaining(openid: string, templateId: string): number {
    const row = this.db
      .prepare('SELECT remaining FROM subscribe_grants WHERE openid = ? AND template_id = ?')
      .get(openid, templateId) as { remaining: number } | undefined;
    return row?.remaining ?? 0;
  }

  private faults: { remaining: number; errcode: number } = { remaining: 0, errcode: -1 };

  /** Makes the next `times` sends fail with `errcode` (-1 = WeChat's "system busy"), for retry tests. */
  failNext(times: number, errcode = -1): void {
    this.faults = { remaining: Math.max(0, Math.floor(times)), errcode };
  }

  /** Validates and delivers one message; throws WxError with WeChat's errcode. */
  send(req: Record<string, unknown>, functionName?: string): { msgid: string } {
    if (this.faults.remaining > 0) {
      this.faults.remaining--;
      throw new WxError(this.faults.errcode, 'system error (injected fault)');
    }
    const touser = req.touser;
    const templateId = req.template_id;
    if (typeof touser !== 'string' || touser === '') throw new WxError(40003, 'invalid openid');
    const tmpl = typeof templateId === 'string' ? this.templates[templateId] : undefined;
    if (!tmpl) throw new WxError(40037, 'invalid template_id');
    if (req.page !== undefined && (typeof req.page !== 'string' || req.page.length > 1024))
      throw new WxError(41030, 'invalid page');
    const data = req.data;
    if (!data || typeof data !== 'object') throw new WxError(47003, 'argument invalid! data is empty');
    const values: Record<string, string> = {};
    for (const keyword of tmpl.keywords) {
      const item = (data as Record<string, { value?: unknown }>)[keyword];
      const value = item?.value;
      if (typeof value !== 'string' || value === '')
        throw new WxError(47003, `argument invalid! data.${keyword}.value is empty`);
      const type = keyword.replace(/\d+$/, '');
      const problem = RULES[type]?.(value);
      if (problem) throw new WxError(47003, `argument invalid! data.${keyword}.value invalid: ${problem}`);
      values[keyword] = value;
    }
    for (const k of Object.keys(data))
      if (!tmpl.keywords.includes(k))
        throw new WxError(47003, `argument invalid! data.${k} is not a keyword of the template`);

    const msgid = String(BigInt(`0x${crypto.randomBytes(7).toString('hex')}`));
    const message: InboxMessage = {
      msgid,
      touser,
      templateId: templateId as string,
      templateTitle: tmpl.title,
      page: req.page as string | undefined,
      data: values,
      sentAt: Date.now(),
      functionName,
    };
    this.db.transaction(() => {
      if (tmpl.kind !== 'long-term') {
        const used = this.db
          .prepare(
            'UPDATE subscribe_grants SET remaining = remaining - 1 WHERE openid = ? AND template_id = ? AND remaining > 0',
          )
          .run(touser, templateId);
        if (used.changes === 0) throw new WxError(43101, 'user refuse to accept the msg');
      } else if (this.remaining(touser, templateId as string) === 0) {
        throw new WxError(43101, 'user refuse to accept the msg');
      }
      this.db
        .prepare('INSERT INTO subscribe_inbox (msgid, touser, body) VALUES (?, ?, ?)')
        .run(msgid, touser, JSON.stringify(message));
    })();
    return { msgid };
  }

  inbox(filter: { touser?: string; limit?: number } = {}): InboxMessage[] {
    const limit = Math.min(filter.limit ?? 200, 1000);
    const rows = (
      filter.touser
        ? this.db
            .prepare('SELECT body FROM subscribe_inbox WHERE touser = ? ORDER BY seq DESC LIMIT ?')
            .all(filter.touser, limit)
        : this.db.prepare('SELECT body FROM subscribe_inbox ORDER BY seq DESC LIMIT ?').all(limit)
    ) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as InboxMessage);
  }
}
