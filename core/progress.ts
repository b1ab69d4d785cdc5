import type { CaseStatus } from './case-status';
import type { TimelineEvent } from './lifecycle';

/**
 * The applicant's progress bar (申请 → 受理 → 办理 → 办结): which steps are behind, which one the
 * case is at, and — for a case that ended without 办结 — the step it stopped at and why, so a
 * refused, withdrawn or terminated case never reads as finished.
 */
export type ProgressStepState = 'done' | 'current' | 'todo' | 'stopped';
export interface ProgressStep {
  key: 'apply' | 'accept' | 'handle' | 'finish';
  label: string;
  state: ProgressStepState;
  /** a few words under the step: how it stands now (待受理, 待补正…) or why it stopped */
  note: string | null;
}
export interface CaseProgress {
  steps: ProgressStep[];
  /** set when the case ended short of 办结: 不予受理 / 已撤回 / 已终止 */
  ended: { kind: 'refused' | 'withdrawn' | 'terminated'; label: string } | null;
}

const STEPS: { key: ProgressStep['key']; label: string }[] = [
  { key: 'apply', label: '申请' },
  { key: 'accept', label: '受理' },
  { key: 'handle', label: '办理' },
  { key: 'finish', label: '办结' },
];

/** How many steps are behind a case in this (open or finished) state. */
const DONE: Partial<Record<CaseStatus, number>> = {
  applied: 1,
  accepted: 2,
  handling: 2,
  awaiting_materials: 2,
  suspended: 2,
  finished: 4,
};

const CURRENT_NOTE: Partial<Record<CaseStatus, string>> = {
  applied: '等待帮代办员受理',
  accepted: '待送达窗口',
  handling: '在审批窗口办理',
  awaiting_materials: '待补正材料',
  suspended: '已中止',
};

export function caseProgress(c: {
  status: CaseStatus;
  timeline: Pick<TimelineEvent, 'action' | 'to'>[];
}): CaseProgress {
  let done: number;
  let ended: CaseProgress['ended'] = null;
  if (c.status === 'refused') {
    done = 1;
    ended = { kind: 'refused', label: '不予受理' };
  } else if (c.status === 'terminated') {
    // the furthest open state it reached before it ended tells which step it stopped at
    done = Math.max(1, ...c.timeline.filter((e) => e.to !== 'terminated').map((e) => DONE[e.to] ?? 1));
    const last = c.timeline[c.timeline.length - 1];
    ended =
      last?.action === 'withdraw' ? { kind: 'withdrawn', label: '已撤回' } : { kind: 'terminated', label: '已终止' };
  } else {
    done = DONE[c.status] ?? 1;
  }
  const steps = STEPS.map((s, i): ProgressStep => {
    if (i < done) return { ...s, state: 'done', note: null };
    if (i === done)
      return ended
        ? { ...s, state: 'stopped', note: ended.label }
        : { ...s, state: 'current', note: CURRENT_NOTE[c.status] ?? null };
    return { ...s, state: 'todo', note: null };
  });
  return { steps, ended };
}
