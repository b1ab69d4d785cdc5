import { act, render, screen } from '@testing-library/react';
import My from '../../src/pages/my/index';
import Workbench from '../../src/packages/staff/pages/workbench/index';
import { listMyApplications } from '../../src/services/cases';
import { listWorkbenchCases } from '../../src/services/workbench';
import { getMyProfile } from '../../src/services/session';
import { CloudCallError } from '../../src/services/errors';

jest.mock('../../src/services/cases', () => ({
  ...jest.requireActual('../../src/services/cases'),
  listMyApplications: jest.fn(),
}));
jest.mock('../../src/services/workbench', () => ({
  ...jest.requireActual('../../src/services/workbench'),
  listWorkbenchCases: jest.fn(),
}));
jest.mock('../../src/services/session', () => ({
  ...jest.requireActual('../../src/services/session'),
  getMyProfile: jest.fn(),
}));

const mine = jest.mocked(listMyApplications);
const cases = jest.mocked(listWorkbenchCases);
const whoami = jest.mocked(getMyProfile);

describe('my applications', () => {
  it('lists cases with their status written out and the time in China time', async () => {
    mine.mockResolvedValue({
      items: [
        {
          caseId: 'c1',
          caseNo: 'HS2024-000123',
          matter: '办理高龄津贴',
          category: 'livelihood',
          status: 'accepted',
          statusLabel: '已受理',
          submittedAt: '2024-05-06T17:30:00Z',
          agentName: '陈静',
          version: 1,
          categoryLabel: '民生保障类事项',
          unitName: '',
        },
      ],
    });
    render(<My />);
    expect(await screen.findByText('已受理')).toBeTruthy();
    expect(screen.getByText(/HS2024-000123/)).toBeTruthy();
    expect(screen.getByText(/2024-05-07 01:30/)).toBeTruthy();
    expect(screen.getByText(/民生保障类事项/)).toBeTruthy();
  });

  it('says so when there is nothing yet', async () => {
    mine.mockResolvedValue({ items: [] });
    render(<My />);
    expect(await screen.findByText(/还没有提交过/)).toBeTruthy();
  });

  it('shows a readable error and a retry when the backend is down', async () => {
    mine.mockRejectedValue(new CloudCallError('FUNCTION_NOT_FOUND', 'function cases not found'));
    render(<My />);
    expect(await screen.findByText(/服务暂时不可用/)).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
  });
});

describe('workbench', () => {
  it('tells a citizen 无权访问 without asking for cases', async () => {
    whoami.mockResolvedValue({ roles: ['applicant'], staff: null });
    render(<Workbench />);
    expect(await screen.findByText(/无权访问/)).toBeTruthy();
    expect(cases).not.toHaveBeenCalled();
  });

  it('lists cases with masked applicant data for an agent', async () => {
    whoami.mockResolvedValue({
      roles: ['agent'],
      staff: { name: '陈静', unitName: '政务服务中心', role: 'agent', admin: false },
    });
    cases.mockResolvedValue({
      items: [
        {
          caseId: 'c1',
          caseNo: 'HS2024-000123',
          matter: '办理高龄津贴',
          category: 'livelihood',
          status: 'accepted',
          statusLabel: '已受理',
          submittedAt: '2024-05-06T02:30:00Z',
          applicantName: '张*兰',
          contactPhone: '138****1234',
          unitName: '政务服务中心',
          version: 1,
          categoryLabel: '民生保障类事项',
          agentName: null,
          firstAgentName: null,
          dueOn: null,
          deadline: { level: 'on_track', label: '' },
          applicantAsks: [],
        },
      ],
      total: 1,
      counts: {},
      today: '2024-05-06',
      queue: 'open',
    });
    render(<Workbench />);
    expect(await screen.findByText(/张\*兰/)).toBeTruthy();
    expect(screen.getByText('已受理')).toBeTruthy();
    await act(async () => {});
  });
});
