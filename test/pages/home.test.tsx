import { act, fireEvent, render, screen } from '@testing-library/react';
import Index from '../../src/pages/index/index';
import { getMyProfile } from '../../src/services/session';
import Taro from '@tarojs/taro';
import { ELDER_MODE_STORAGE_KEY, resetElderModeCache, setElderMode } from '../../src/hooks/useElderMode';

jest.mock('../../src/services/session', () => ({
  ...jest.requireActual('../../src/services/session'),
  getMyProfile: jest.fn(),
}));

const whoami = jest.mocked(getMyProfile);

beforeEach(() => {
  localStorage.clear();
  act(() => setElderMode(false));
});

describe('home page', () => {
  it('names the four kinds of matter in plain words, free and voluntary, and the hours', async () => {
    whoami.mockResolvedValue({ roles: ['applicant'], staff: null });
    render(<Index />);

    for (const label of ['民生保障类事项', '企业开办与变更', '500万元以上（含）投资项目', '重大项目']) {
      expect(screen.getByText(label)).toBeTruthy();
    }
    expect(screen.getByText(/行动不便的群众/)).toBeTruthy();
    expect(screen.getByText(/食品经营许可/)).toBeTruthy();
    expect(screen.getByText('免费')).toBeTruthy();
    expect(screen.getByText('自愿')).toBeTruthy();
    expect(screen.getByText(/10:00–14:00/)).toBeTruthy();
    for (const kind of ['常规', '延时', '错时', '上门']) expect(screen.getAllByText(kind).length).toBeGreaterThan(0);
    expect(screen.getByText(/咨询热线：0996-/)).toBeTruthy();
    expect(screen.getByText(/地址：和硕县/)).toBeTruthy();
    expect(screen.getByText('先测一测能不能申请')).toBeTruthy();
    expect(screen.getByText(/预约到中心办理/)).toBeTruthy();
    expect(screen.getByText('申请帮办代办')).toBeTruthy();
    expect(screen.getByText('我的申请')).toBeTruthy();
    await act(async () => {});
    expect(screen.queryByText('进入工作台')).toBeNull();
  });

  it('offers the workbench to staff only', async () => {
    whoami.mockResolvedValue({
      roles: ['agent'],
      staff: { name: '陈静', unitName: '政务服务中心', role: 'agent', admin: false },
    });
    render(<Index />);
    expect(await screen.findByText('进入工作台')).toBeTruthy();
  });

  it('still renders when whoami fails, just without the workbench', async () => {
    whoami.mockRejectedValue(new Error('down'));
    render(<Index />);
    await act(async () => {});
    expect(screen.getByText('申请帮办代办')).toBeTruthy();
    expect(screen.queryByText('进入工作台')).toBeNull();
  });

  it('switches 长辈版 on, says so in words, and remembers it', async () => {
    whoami.mockResolvedValue({ roles: ['applicant'], staff: null });
    const { container } = render(<Index />);
    expect(screen.getByText('未开启')).toBeTruthy();

    fireEvent.click(container.querySelector('.t-elder-toggle')!);

    expect(screen.getByText('已开启')).toBeTruthy();
    expect(container.querySelector('.page.elder')).not.toBeNull();
    expect(localStorage.getItem(ELDER_MODE_STORAGE_KEY)).toContain('true');
    await act(async () => {});
  });
});

describe('长辈版 follows WeChat’s own font size until the user chooses', () => {
  afterEach(() => {
    delete (Taro as unknown as Record<string, unknown>).getAppBaseInfo;
    localStorage.clear();
    resetElderModeCache();
  });

  it('turns on by itself when WeChat’s font size is large, and says why', async () => {
    whoami.mockResolvedValue({ roles: ['applicant'], staff: null });
    localStorage.clear();
    resetElderModeCache();
    (Taro as unknown as Record<string, unknown>).getAppBaseInfo = () => ({
      fontSizeSetting: 24,
      fontSizeScaleFactor: 1.4,
    });
    const { container } = render(<Index />);
    expect(container.querySelector('.page.elder')).not.toBeNull();
    expect(screen.getByText('已开启')).toBeTruthy();
    expect(container.querySelector('.t-elder-follows')?.textContent).toContain('字体大小');
    await act(async () => {});
  });

  it('stays off at WeChat’s standard size, and the user’s own choice wins over the setting', async () => {
    whoami.mockResolvedValue({ roles: ['applicant'], staff: null });
    localStorage.clear();
    resetElderModeCache();
    (Taro as unknown as Record<string, unknown>).getAppBaseInfo = () => ({
      fontSizeSetting: 17,
      fontSizeScaleFactor: 1,
    });
    const first = render(<Index />);
    expect(first.container.querySelector('.page.elder')).toBeNull();
    first.unmount();
    resetElderModeCache();
    (Taro as unknown as Record<string, unknown>).getAppBaseInfo = () => ({ fontSizeSetting: 24 });
    act(() => setElderMode(false));
    const second = render(<Index />);
    expect(second.container.querySelector('.page.elder')).toBeNull();
    await act(async () => {});
  });
});
