import { COLL } from './db';
import { z } from 'zod';
import { STAFF_ROLES, validationMessage, type Role, type ValidationIssue } from '../../core';
import { AppError, type ActionTable, type Caller, type Result } from './action';
import { cloud, db, transaction, type Database } from './cloud';
import type { StaffRecord } from './db';

// every rule without a message of its own answers in plain Chinese, never in zod's English
z.config({ customError: (issue) => validationMessage(issue as ValidationIssue) });

/**
 * Tests set BANGBAN_CHECK_OUTPUTS=1 (test/support/app.ts) so every answer is parsed with its action's
 * output schema; production sets 0 (cloudbase.json functionEnv) and pays one comparison per call.
 */
const checkOutputs = process.env.BANGBAN_CHECK_OUTPUTS === '1';

/** An answer that breaks its declared output fails the call loudly (INTERNAL, logged) under test. */
function checkOutput(schema: z.ZodType, data: unknown): void {
  const r = schema.safeParse(data);
  if (!r.success)
    throw new Error(
      `output does not match its schema: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
}

const envelope = z.object({ action: z.string().min(1), input: z.unknown().optional() });

/**
 * The one wrapper every function uses: validates the envelope and the action's input (zod), takes
 * the caller from getWXContext (never from the payload), loads the staff binding when the action is
 * for staff, checks the role, runs the use case and answers `{ok, data}` or `{ok:false, code,
 * message}`. Logs are one JSON line per call, without personal data.
 */
export function createMain(functionName: string, actions: ActionTable<Database>) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    const started = Date.now();
    let actionName = '?';
    const answer = (result: Result<unknown>) => {
      console.log(
        JSON.stringify({
          fn: functionName,
          action: actionName,
          ok: result.ok,
          code: result.ok ? undefined : result.code,
          ms: Date.now() - started,
        }),
      );
      return result;
    };
    try {
      const env = envelope.safeParse(event);
      if (!env.success) throw new AppError('INVALID_INPUT', '请求格式不正确', { action: '缺少 action' });
      actionName = env.data.action;
      const spec = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
      if (!spec) throw new AppError('UNKNOWN_ACTION', `没有这个操作：${actionName}`);
      const parsed = spec.input.safeParse(env.data.input ?? {});
      if (!parsed.success)
        throw new AppError('INVALID_INPUT', '填写的内容有误，请按提示修改', fieldErrors(parsed.error));

      const { OPENID } = cloud.getWXContext();
      if (!OPENID) throw new AppError('FORBIDDEN', '请在微信中打开');
      const needsStaff = spec.roles.some((r) => r !== 'applicant');
      const now = new Date();
      const prefetched = spec.prefetch?.(db, parsed.data, now);
      // a refused caller never reads it: its failure must not surface as an unhandled rejection
      prefetched?.catch(() => undefined);
      const staff = needsStaff ? await findStaff(String(OPENID)) : null;
      const roles: Role[] = ['applicant', ...(staff ? [staff.role] : [])];
      if (!spec.roles.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN', '当前身份无权执行此操作');
      const caller: Caller = { openid: String(OPENID), staff, roles };
      // messages are not delivered here: the notify timer settles and delivers after the answer
      const data = await spec.run({ caller, db, transaction, now, prefetched }, parsed.data);
      if (checkOutputs) checkOutput(spec.output, data);
      return answer({ ok: true, data });
    } catch (e) {
      if (e instanceof AppError)
        return answer({ ok: false, code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) });
      console.error(
        JSON.stringify({ fn: functionName, action: actionName, error: (e as Error)?.message ?? String(e) }),
      );
      return answer({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    }
  };
}

async function findStaff(openid: string): Promise<StaffRecord | null> {
  const { data } = await db.collection(COLL.staff).where({ openid, active: true }).limit(1).get();
  const staff = (data[0] as StaffRecord | undefined) ?? null;
  return staff && (STAFF_ROLES as readonly string[]).includes(staff.role) ? staff : null;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
