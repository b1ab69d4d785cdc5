import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CaseDetailPage from '../../src/pages/case/index';
import { getCase, signReceipt, type CaseDetail } from '../../src/services/cases';
import { uploadSignature } from '../../src/services/uploads';
import { caseProgress, type CaseStatus } from '../../core';
import { layPaper } from '../../src/components/SignaturePad/paper';
import MatterMaterials from '../../src/components/MatterMaterials';
import { getServiceCatalogue } from '../../src/services/center';

jest.mock('../../src/services/cases', () => ({
  ...jest.requireActual('../../src/services/cases'),
  getCase: jest.fn(),
  signReceipt: jest.fn(),
}));
jest.mock('../../src/services/uploads', () => ({ uploadSignature: jest.fn() }));
jest.mock('../../src/services/center', () => ({
  ...jest.requireActual('../../src/services/center'),
  getServiceCatalogue: jest.fn(),
}));
// jsdom has no canvas: a stand-in surface that "draws" when its box is tapped and exports a blob
jest.mock('../../src/components/SignaturePad/surface.h5', () => ({
  __esModule: true,
  default: function FakeSurface({
    canvasId,
    onStroke,
    bind,
  }: {
    canvasId: string;
    onStroke: () => void;
    bind: (a: unknown) => void;
  }) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('react') as typeof import('react')).useEffect(
      () => bind({ exportImage: () => Promise.resolve({ blob: new Blob(['png']) }), clear: () => undefined }),
      [],
    );
    return <div id={canvasId} className="t-fake-canvas" onClick={onStroke} />;
  },
}));

const ev = (action: string, to: CaseStatus) => ({ action, to }) as never;
const base: CaseDetail = {
  caseId: 'c1',
  caseNo: 'BB20261128-000123',
  version: 2,
  matter: '办理高龄津贴',
  category: 'livelihood',
  categoryLabel: '民生保障类事项',
  status: 'handling',
  statusLabel: '办理中',
  submittedAt: '2026-11-28T02:00:00.000Z',
  unitName: '和硕县民政局',
  agentName: '马建军',
  mode: 'help',
  firstAgentName: '马建军',
  missingMaterials: [],
  window: null,
  contactName: '张桂兰',
  contactPhone: '139****5678',
  mandateSigned: false,
  modeLabel: '帮办',
  applicantName: '张桂兰',
  due: null,
  contacts: {
    unitName: '和硕县民政局',
    agentName: '马建军',
    agentPhone: '0996-5013101',
    firstAgentName: '马建军',
    firstAgentPhone: '0996-5013101',
    unitPhone: '0996-5013100',
  },
  needs: [],
  progress: caseProgress({
    status: 'handling',
    timeline: [ev('apply', 'applied'), ev('accept', 'accepted'), ev('deliver', 'handling')],
  }),
  timeline: [],
  result: null,
  refusalReasons: [],
  termination: null,
  materials: [],
  receipt: null,
  terminationRequest: null,
  canWithdraw: false,
  canRequestTermination: true,
  canRate: false,
};
const tap = (root: HTMLElement, cls: string) => fireEvent.click(root.querySelector(`.${cls}`)!);

const catalogue = {
  items: [
    {
      itemId: 'elderly-allowance',
      name: '高龄津贴申领',
      unitName: '和硕县政务服务中心',
      window: '民政窗口',
      committedWorkingDays: 5,
      materials: ['申请人身份证', '户口簿'],
    },
    {
      itemId: 'food-license',
      name: '食品经营许可',
      unitName: '和硕县市场监督管理局',
      window: '市场监管窗口',
      committedWorkingDays: 10,
      materials: ['营业执照', '经营场所使用证明'],
    },
    {
      itemId: 'no-list',
      name: '未填清单的事项',
      unitName: null,
      window: '综合窗口',
      committedWorkingDays: 1,
      materials: [],
    },
  ],
};

let router: jest.SpyInstance;
beforeEach(() => {
  jest.mocked(getServiceCatalogue).mockResolvedValue(catalogue);
  router = jest
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .spyOn(require('@tarojs/taro') as { useRouter: () => unknown }, 'useRouter')
    .mockReturnValue({ params: { id: 'c1' } });
});
afterEach(() => router.mockRestore());

async function show(c: Partial<CaseDetail>) {
  jest.mocked(getCase).mockResolvedValue({ case: { ...base, ...c } } as never);
  const r = render(<CaseDetailPage />);
  await act(async () => {});
  return r.container;
}
const steps = (root: HTMLElement) =>
  [...root.querySelectorAll('.t-progress-step')].map(
    (e) => `${e.textContent}:${e.className.match(/steps__step--(\w+)/)?.[1]}`,
  );

describe('applicant case page: the progress bar 申请 → 受理 → 办理 → 办结 (issue 16 item 4)', () => {
  it('shows where an open case is now', async () => {
    const root = await show({
      status: 'awaiting_materials',
      statusLabel: '待补正材料',
      progress: caseProgress({
        status: 'awaiting_materials',
        timeline: [
          ev('apply', 'applied'),
          ev('accept', 'accepted'),
          ev('deliver', 'handling'),
          ev('requestMaterials', 'awaiting_materials'),
        ],
      }),
    });
    expect(steps(root)).toEqual(['✓申请:done', '✓受理:done', '●办理:current', '○办结:todo']);
    expect(root.querySelector('.t-progress-now')?.textContent).toBe('现在：办理，待补正材料');
    expect(root.querySelector('.t-progress-handle')?.getAttribute('aria-label')).toBe('办理：当前，待补正材料');
  });

  it('a refused or withdrawn case says it ended without 办结, at the step it stopped', async () => {
    const refused = await show({
      status: 'refused',
      statusLabel: '不予受理',
      progress: caseProgress({ status: 'refused', timeline: [ev('apply', 'applied'), ev('refuse', 'refused')] }),
    });
    expect(steps(refused)).toEqual(['✓申请:done', '✕受理:stopped', '○办理:todo', '○办结:todo']);
    expect(refused.querySelector('.t-progress-now')?.textContent).toBe(
      '已结束：不予受理（停在“受理”这一步，没有办结）',
    );
    const withdrawn = await show({
      status: 'terminated',
      statusLabel: '已终止',
      progress: caseProgress({
        status: 'terminated',
        timeline: [ev('apply', 'applied'), ev('withdraw', 'terminated')],
      }),
    });
    expect(withdrawn.querySelector('.t-progress-now')?.textContent).toContain('已撤回');
    expect(withdrawn.querySelector('.t-progress-finish')?.className).toContain('steps__step--todo');
  });

  it('a finished case has every step done', async () => {
    const root = await show({
      status: 'finished',
      statusLabel: '已办结',
      progress: caseProgress({
        status: 'finished',
        timeline: [
          ev('apply', 'applied'),
          ev('accept', 'accepted'),
          ev('deliver', 'handling'),
          ev('finish', 'finished'),
        ],
      }),
    });
    expect(steps(root)).toEqual(['✓申请:done', '✓受理:done', '✓办理:done', '✓办结:done']);
    expect(root.querySelector('.t-progress-now')?.textContent).toBe('✓ 已办结');
  });
});

describe('applicant case page: 签收 in one tap after drawing (issue 16 item 4)', () => {
  const finished = {
    status: 'finished' as const,
    statusLabel: '已办结',
    needs: [{ kind: 'receipt' as const }],
    result: { outcome: 'approved' as const, outcomeLabel: '准予办理', decidedBy: '和硕县民政局', documentNo: null },
  };

  it('there is no separate 确认签名 button; drawing then 确认签收 saves the drawing and signs with it', async () => {
    jest.mocked(uploadSignature).mockResolvedValue('cloud://env/u/signatures/1.png');
    jest.mocked(signReceipt).mockResolvedValue({ receipt: { signedAt: '2026-11-28T03:00:00.000Z' } } as never);
    const root = await show(finished);
    expect(root.querySelector('.t-signature-confirm-receipt')).toBeNull();
    await act(async () => tap(root, 't-fake-canvas'));
    await act(async () => tap(root, 't-sign-receipt'));
    expect(uploadSignature).toHaveBeenCalledTimes(1);
    expect(signReceipt).toHaveBeenCalledWith({ caseId: 'c1', signatureFileID: 'cloud://env/u/signatures/1.png' });
  });

  it('an empty pad is refused with a message, and nothing is sent', async () => {
    const root = await show(finished);
    await act(async () => tap(root, 't-sign-receipt'));
    expect(root.querySelector('.t-error-signature-receipt')?.textContent).toContain('请先在方框内写下您的姓名');
    expect(uploadSignature).not.toHaveBeenCalled();
    expect(signReceipt).not.toHaveBeenCalled();
  });
});

describe('signature paper: black ink on white, so a preview on a dark viewer is readable (issue 16 item 4)', () => {
  it('fills the pad white before drawing and at each clear, and inks in near-black', () => {
    const calls: string[] = [];
    const ctx = {
      fillStyle: '' as unknown,
      strokeStyle: '' as unknown,
      lineWidth: 0,
      lineCap: '',
      lineJoin: '',
      fillRect: (x: number, y: number, w: number, h: number) =>
        calls.push(`fill ${String(ctx.fillStyle)} ${x},${y},${w},${h}`),
    };
    layPaper(ctx, 600, 320);
    expect(calls).toEqual(['fill #ffffff 0,0,600,320']);
    expect(ctx.strokeStyle).toBe('#111111');
  });
});

describe('材料清单 per matter from the center’s catalogue (issue 16 item 4)', () => {
  it('the case page lists what its matter needs', async () => {
    const root = await show({ matter: '高龄津贴申领' });
    const card = root.querySelector('.t-matter-materials');
    expect(card?.textContent).toContain('办理“高龄津贴申领”需要准备：');
    expect(card?.textContent).toContain('1. 申请人身份证');
    expect(card?.textContent).toContain('2. 户口簿');
    expect(card?.textContent).toContain('民政窗口，承诺 5 个工作日');
  });

  it('a case whose matter is not in the catalogue shows no list', async () => {
    const root = await show({ matter: '咨询社保转移' });
    expect(root.querySelector('.t-matter-materials')).toBeNull();
  });

  it('on the form every matter with a list is one tap away; a typed matter picks its own', async () => {
    const { container } = render(<MatterMaterials matter="" browse />);
    await act(async () => {});
    expect([...container.querySelectorAll('.t-matter-item')].map((e) => e.textContent)).toEqual([
      '高龄津贴申领',
      '食品经营许可',
    ]);
    expect(container.querySelector('.t-matter-materials-list')).toBeNull();
    await act(async () => tap(container as HTMLElement, 't-matter-item-food-license'));
    expect(container.querySelector('.t-matter-materials-list')?.textContent).toContain('营业执照');
    const typed = render(<MatterMaterials matter="我想办理 高龄津贴申领" browse />);
    await act(async () => {});
    expect(typed.container.querySelector('.t-matter-materials-list')?.textContent).toContain('户口簿');
  });
});

void Taro;
