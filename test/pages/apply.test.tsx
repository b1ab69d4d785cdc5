import { act, fireEvent, render, screen } from '@testing-library/react'
import Apply from '../../src/pages/apply/index'
import { submitApplication } from '../../src/services/submitApplication'
import { unwrap } from '../../src/services/result'
import { CloudCallError } from '../../src/services/errors'

jest.mock('../../src/services/submitApplication', () => ({ submitApplication: jest.fn() }))

const submit = jest.mocked(submitApplication)

function tap(container: HTMLElement, hook: string) {
  const el = container.querySelector(`.${hook}`)
  if (!el) throw new Error(`no element .${hook}`)
  fireEvent.click(el)
}

function chooseAll(container: HTMLElement) {
  tap(container, 't-category-livelihood')
  tap(container, 't-applicantType-person')
  tap(container, 't-mode-proxy')
}

describe('apply page', () => {
  it('shows the field errors of an INVALID_INPUT answer next to their fields, in words', async () => {
    // The service's real unwrap turns the answer into the AppError a page receives.
    submit.mockImplementation(async () =>
      unwrap({
        ok: false,
        code: 'INVALID_INPUT',
        message: 'input is invalid',
        fields: { contactPhone: '请填写11位手机号码', 'input.matter': '请写明要办理的事情' },
      }),
    )
    const { container } = render(<Apply />)
    chooseAll(container)
    await act(async () => tap(container, 't-submit'))

    expect(submit).toHaveBeenCalledTimes(1)
    expect(submit.mock.calls[0][0]).toMatchObject({ category: 'livelihood', applicantType: 'person', mode: 'proxy' })
    expect((await screen.findByText(/请填写11位手机号码/)).closest('.t-error-contactPhone')).not.toBeNull()
    expect(container.querySelector('.t-error-matter')?.textContent).toContain('请写明要办理的事情')
    expect(container.querySelector('.t-form-error')?.textContent).toContain('请按红字提示修改')
  })

  it('asks for the three choices before sending anything', async () => {
    const { container } = render(<Apply />)
    await act(async () => tap(container, 't-submit'))

    expect(submit).not.toHaveBeenCalled()
    expect(container.querySelector('.t-error-category')?.textContent).toContain('请选择要办理的事项类别')
    expect(container.querySelector('.t-error-applicantType')).not.toBeNull()
    expect(container.querySelector('.t-error-mode')).not.toBeNull()
  })

  it('turns a transport failure into a readable Chinese sentence', async () => {
    submit.mockRejectedValue(new CloudCallError('NETWORK', 'ECONNREFUSED'))
    const { container } = render(<Apply />)
    chooseAll(container)
    await act(async () => tap(container, 't-submit'))

    expect(container.querySelector('.t-form-error')?.textContent).toContain('无法连接到服务')
  })

  it('shows the case number after a successful submission', async () => {
    submit.mockResolvedValue({ caseId: 'c1', caseNo: 'HS2024-000001', status: 'submitted' })
    const { container } = render(<Apply />)
    chooseAll(container)
    await act(async () => tap(container, 't-submit'))

    expect(container.querySelector('.t-case-no')?.textContent).toBe('HS2024-000001')
    expect(screen.getByText('查看我的申请')).toBeTruthy()
  })
})
