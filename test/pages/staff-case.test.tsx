import { act, render } from '@testing-library/react'
import StaffCase from '../../src/packages/staff/pages/case/index'
import { getStaffCase, type StaffCaseAnswer, type StaffCaseDetail } from '../../src/services/getStaffCase'
import { getMyProfile } from '../../src/services/getMyProfile'

jest.mock('../../src/services/getStaffCase', () => ({ getStaffCase: jest.fn() }))
jest.mock('../../src/services/getMyProfile', () => ({ ...jest.requireActual('../../src/services/getMyProfile'), getMyProfile: jest.fn() }))

const detail: StaffCaseDetail = {
  caseId: 'c1',
  caseNo: 'BB20261128-000123',
  version: 3,
  matter: '年产5万吨番茄酱加工项目备案',
  category: 'investment',
  categoryLabel: '500万元以上（含）投资项目',
  status: 'handling',
  statusLabel: '办理中',
  mode: 'help',
  unitId: 'fgw',
  unitName: '和硕县发展和改革委员会',
  agentName: '马建军',
  firstAgentName: '马建军',
  contactName: '周强',
  contactPhone: '139****1111',
  application: {
    applicantType: 'enterprise',
    applicantName: '和硕县天山番茄制品有限公司',
    rows: [
      { key: 'applicantName', label: '企业名称', value: '和硕县天山番茄制品有限公司' },
      { key: 'uscc', label: '统一社会信用代码', value: '91652828MA78K3L2P5' },
      { key: 'projectName', label: '项目名称', value: '番茄酱加工项目' },
      { key: 'investmentWan', label: '总投资', value: '12,000 万元' },
      { key: 'approvalLevel', label: '审批层级', value: '县级部门审批' },
    ],
  },
  window: null,
  missingMaterials: [],
  refusalReasons: [],
  dueOn: null,
  deadline: { level: 'none', label: '' },
  nextFeedbackOn: null,
  feedbackOverdue: false,
  suspensionReason: null,
  result: null,
  termination: null,
  tasks: [],
  meetings: [],
  escalations: [],
  supervisions: [],
  timeline: [],
  materials: [],
  signatures: [],
  supplementSentAt: null,
  terminationRequest: null,
  phoneSignedAt: null,
  acceptSignature: null,
}
const answer = (c: Partial<StaffCaseDetail> = {}): StaffCaseAnswer => ({ case: { ...detail, ...c }, actions: [], units: [] })

beforeEach(() => {
  jest.mocked(getMyProfile).mockResolvedValue({ roles: ['applicant', 'agent'], staff: { name: '马建军', role: 'agent', unitId: 'fgw', unitName: '和硕县发展和改革委员会' } } as never)
})

async function renderPage() {
  const r = render(<StaffCase />)
  await act(async () => {})
  return r
}

describe('staff case page: what the case is about (item 2)', () => {
  it('shows every answer of the application with its label', async () => {
    jest.mocked(getStaffCase).mockResolvedValue(answer())
    const { container } = await renderPage()
    const card = container.querySelector('.t-application')
    expect(card?.textContent).toContain('申请内容')
    expect(container.querySelector('.t-app-projectName')?.textContent).toBe('项目名称番茄酱加工项目')
    expect(container.querySelector('.t-app-investmentWan')?.textContent).toContain('12,000 万元')
    expect(container.querySelector('.t-app-approvalLevel')?.textContent).toContain('县级部门审批')
    expect(container.querySelector('.t-app-uscc')?.textContent).toContain('91652828MA78K3L2P5')
    expect(container.querySelector('.t-app-applicantName')?.textContent).toContain('和硕县天山番茄制品有限公司')
  })
})
