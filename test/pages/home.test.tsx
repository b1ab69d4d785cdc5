import { act, fireEvent, render, screen } from '@testing-library/react'
import Index from '../../src/pages/index/index'
import { getMyProfile } from '../../src/services/getMyProfile'
import { ELDER_MODE_STORAGE_KEY, setElderMode } from '../../src/hooks/useElderMode'

jest.mock('../../src/services/getMyProfile', () => ({
  ...jest.requireActual('../../src/services/getMyProfile'),
  getMyProfile: jest.fn(),
}))

const whoami = jest.mocked(getMyProfile)

beforeEach(() => {
  localStorage.clear()
  act(() => setElderMode(false))
})

describe('home page', () => {
  it('names the four kinds of matter in plain words, free and voluntary, and the hours', async () => {
    whoami.mockResolvedValue({ roles: ['applicant'] })
    render(<Index />)

    for (const label of ['民生保障类事项', '企业开办与变更', '500万元以上（含）投资项目', '重大项目']) {
      expect(screen.getByText(label)).toBeTruthy()
    }
    expect(screen.getByText(/行动不便的群众/)).toBeTruthy()
    expect(screen.getByText(/食品经营许可/)).toBeTruthy()
    expect(screen.getByText('免费')).toBeTruthy()
    expect(screen.getByText('自愿')).toBeTruthy()
    expect(screen.getByText(/9:30–13:30，16:00–19:30/)).toBeTruthy()
    expect(screen.getByText('申请帮办代办')).toBeTruthy()
    expect(screen.getByText('我的申请')).toBeTruthy()
    await act(async () => {})
    expect(screen.queryByText('进入工作台')).toBeNull()
  })

  it('offers the workbench to staff only', async () => {
    whoami.mockResolvedValue({ roles: ['agent'], staff: { name: '陈静', unitName: '政务服务中心', role: 'agent' } })
    render(<Index />)
    expect(await screen.findByText('进入工作台')).toBeTruthy()
  })

  it('still renders when whoami fails, just without the workbench', async () => {
    whoami.mockRejectedValue(new Error('down'))
    render(<Index />)
    await act(async () => {})
    expect(screen.getByText('申请帮办代办')).toBeTruthy()
    expect(screen.queryByText('进入工作台')).toBeNull()
  })

  it('switches 长辈版 on, says so in words, and remembers it', async () => {
    whoami.mockResolvedValue({ roles: ['applicant'] })
    const { container } = render(<Index />)
    expect(screen.getByText('未开启')).toBeTruthy()

    fireEvent.click(container.querySelector('.t-elder-toggle')!)

    expect(screen.getByText('已开启')).toBeTruthy()
    expect(container.querySelector('.page.elder')).not.toBeNull()
    expect(localStorage.getItem(ELDER_MODE_STORAGE_KEY)).toContain('true')
    await act(async () => {})
  })
})
