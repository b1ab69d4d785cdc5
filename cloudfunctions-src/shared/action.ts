import type { StaffRecord } from './db/documents';
import type { z } from 'zod';
import type { Role } from '../../core';
import type { Transaction } from './cloud';

/** Stable error codes every function may answer with; the client maps them to Chinese messages. */
export const ERROR_CODES = {
  INVALID_INPUT: '输入有误：fields 列出每个有问题的字段',
  UNKNOWN_ACTION: '没有这个操作',
  FORBIDDEN: '当前身份无权执行此操作',
  NOT_FOUND: '记录不存在或不属于当前身份',
  CONFLICT: '记录已被他人修改，请刷新后重试',
  RULE_REFUSED: '按帮办代办工作制度不能执行此操作：fields 给出规则代码与说明',
  IDEMPOTENCY_KEY_REUSED:
    '这个请求编号（requestId）已用于内容不同的另一份申请：不写入任何内容，也不答复那份申请的结果；请换一个新的请求编号再提交',
  FILE_REJECTED:
    '上传的文件不符合要求（不存在、不是本人上传、类型或大小不符）：fields 按文件位置给出说明，并列出问题代码（FILE_MISSING、FILE_NOT_YOURS、' +
    'FILE_TYPE、FILE_TYPE_MISMATCH、FILE_TOO_LARGE、FILE_EMPTY）；不写入任何内容',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export type Result<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string> };

/** What an action knows about its caller: taken from getWXContext and the staff binding only. */
export interface Caller {
  openid: string;
  staff: StaffRecord | null;
  roles: Role[];
}

export interface ActionContext<Db> {
  caller: Caller;
  db: Db;
  /** a transaction that retries conflicts with backoff (see shared/cloud.ts) */
  transaction: <T>(fn: (t: Transaction) => Promise<T>) => Promise<T>;
  /** server clock at the start of the call */
  now: Date;
  /** what the action's `prefetch` started reading while the caller was being identified */
  prefetched?: Promise<unknown>;
}

export interface ActionSpec<I extends z.ZodType, O extends z.ZodType, Db = unknown> {
  summary: string;
  /** roles allowed to call; 'applicant' means any WeChat user */
  roles: Role[];
  input: I;
  /**
   * The answer's `data`, declared once: `run` must return it (checked by tsc), the client's typed
   * call infers it (cloudfunctions-src/api.ts), docs/api.md shows it, and under test the wrapper
   * parses every answer with it (BANGBAN_CHECK_OUTPUTS). No transforms: production sends `run`'s value as is.
   */
  output: O;
  /** a short note on the answer for docs/api.md, where the schema alone does not say enough */
  returns?: string;
  /** error codes this action can answer besides INVALID_INPUT/UNKNOWN_ACTION/INTERNAL */
  errors?: ErrorCode[];
  /**
   * The personal data this action answers in full, on purpose (e.g. a phone number to call): only
   * such actions may, each call is recorded by the action, and the privacy tests exempt them alone.
   */
  reveals?: string;
  /**
   * Reads that do not depend on who calls, started while the caller's staff record is read (one
   * round trip less to wait for). `run` gets the promise as `ctx.prefetched` and still decides
   * what the caller may see or do; a refused caller's prefetch is dropped unread.
   */
  prefetch?(db: Db, input: z.infer<I>, now: Date): Promise<unknown>;
  run(ctx: ActionContext<Db>, input: z.infer<I>): Promise<z.output<O>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable<Db = any> = Record<string, ActionSpec<z.ZodType, z.ZodType, Db>>;

/** Keeps each action's input and output types while collecting them into one table. */
export function action<I extends z.ZodType, O extends z.ZodType, Db>(spec: ActionSpec<I, O, Db>): ActionSpec<I, O, Db> {
  return spec;
}
