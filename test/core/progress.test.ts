import { caseProgress, type CaseStatus } from '../../core';

const ev = (action: string, to: CaseStatus) => ({ action, to }) as never;
const states = (p: ReturnType<typeof caseProgress>) => p.steps.map((s) => `${s.label}:${s.state}`).join(' ');

describe('caseProgress: 申请 → 受理 → 办理 → 办结', () => {
  it('an open case is at the first step not behind it, with how it stands', () => {
    expect(states(caseProgress({ status: 'applied', timeline: [ev('apply', 'applied')] }))).toBe(
      '申请:done 受理:current 办理:todo 办结:todo',
    );
    const waiting = caseProgress({
      status: 'awaiting_materials',
      timeline: [
        ev('apply', 'applied'),
        ev('accept', 'accepted'),
        ev('deliver', 'handling'),
        ev('requestMaterials', 'awaiting_materials'),
      ],
    });
    expect(states(waiting)).toBe('申请:done 受理:done 办理:current 办结:todo');
    expect(waiting.steps[2].note).toBe('待补正材料');
    expect(waiting.ended).toBeNull();
  });

  it('a finished case has every step behind it', () => {
    const p = caseProgress({
      status: 'finished',
      timeline: [ev('apply', 'applied'), ev('accept', 'accepted'), ev('deliver', 'handling'), ev('finish', 'finished')],
    });
    expect(states(p)).toBe('申请:done 受理:done 办理:done 办结:done');
    expect(p.ended).toBeNull();
  });

  it('refused, withdrawn and terminated cases stop where they ended and never show 办结 as done', () => {
    const refused = caseProgress({ status: 'refused', timeline: [ev('apply', 'applied'), ev('refuse', 'refused')] });
    expect(states(refused)).toBe('申请:done 受理:stopped 办理:todo 办结:todo');
    expect(refused.ended).toEqual({ kind: 'refused', label: '不予受理' });

    const withdrawn = caseProgress({
      status: 'terminated',
      timeline: [ev('apply', 'applied'), ev('withdraw', 'terminated')],
    });
    expect(states(withdrawn)).toBe('申请:done 受理:stopped 办理:todo 办结:todo');
    expect(withdrawn.ended?.label).toBe('已撤回');

    // ended while at the window, after a 补正 round: it stopped at 办理
    const terminated = caseProgress({
      status: 'terminated',
      timeline: [
        ev('apply', 'applied'),
        ev('accept', 'accepted'),
        ev('deliver', 'handling'),
        ev('requestMaterials', 'awaiting_materials'),
        ev('terminate', 'terminated'),
      ],
    });
    expect(states(terminated)).toBe('申请:done 受理:done 办理:stopped 办结:todo');
    expect(terminated.ended).toEqual({ kind: 'terminated', label: '已终止' });
  });
});
