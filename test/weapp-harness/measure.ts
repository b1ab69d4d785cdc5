/**
 * setData cost, the mini-program's main performance lever: every call serialises its payload
 * from the logic thread to the view thread. WeChat advises keeping a call under 256 KB and
 * fails one over about 1 MB, so the harness measures each call and groups them by interaction.
 */

/** WeChat's advice for one setData call. */
export const SETDATA_ADVISED_BYTES = 256 * 1024;
/** Beyond this one setData call fails in WeChat (the view layer refuses the payload). */
export const SETDATA_LIMIT_BYTES = 1024 * 1024;

/** Bytes of one setData payload as serialised for the view layer (UTF-8 of its JSON). */
export function setDataBytes(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
}

export interface SetDataCall {
  route: string;
  bytes: number;
  /** number of top-level keys (paths) in the payload */
  keys: number;
}

/** One user action (launch, tap, input, back…) and every setData it caused until the next. */
export interface Interaction {
  label: string;
  route: string;
  calls: SetDataCall[];
}

export interface InteractionSummary {
  label: string;
  route: string;
  setDataCalls: number;
  largestBytes: number;
  totalBytes: number;
}

export function summarize(interactions: readonly Interaction[]): InteractionSummary[] {
  return interactions.map((i) => ({
    label: i.label,
    route: i.route,
    setDataCalls: i.calls.length,
    largestBytes: Math.max(0, ...i.calls.map((c) => c.bytes)),
    totalBytes: i.calls.reduce((n, c) => n + c.bytes, 0),
  }));
}

/** The largest single setData call over all interactions. */
export function largestCall(interactions: readonly Interaction[]): (SetDataCall & { label: string }) | null {
  let best: (SetDataCall & { label: string }) | null = null;
  for (const i of interactions)
    for (const c of i.calls) if (!best || c.bytes > best.bytes) best = { ...c, label: i.label };
  return best;
}
