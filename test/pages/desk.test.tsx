import { act, fireEvent, render, screen } from '@testing-library/react'
import Desk from '../../src/packages/staff/pages/desk/index'
import { bookForApplicant, checkInBooking, listDayBookings, type DeskBooking, type DeskDay } from '../../src/services/deskBookings'
import { listSlots } from '../../src/services/listSlots'
import { AppError } from '../../src/services/result'

jest.mock('../../src/services/deskBookings', () => ({ listDayBookings: jest.fn(), checkInBooking: jest.fn(), bookForApplicant: jest.fn() }))
jest.mock('../../src/services/listSlots', () => ({ listSlots: jest.fn() }))

const day = jest.mocked(listDayBookings)
const checkIn = jest.mocked(checkInBooking)
const bookFor = jest.mocked(bookForApplicant)
const slots = jest.mocked(listSlots)
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

const booking = (over: Partial<DeskBooking> = {}): DeskBooking => ({
  bookingId: 'b1', date: today, weekday: '星期一', start: '10:00', end: '10:30', kind: 'regular', kindLabel: '常规', windowLabel: '上午', status: 'active', statusLabel: '已预约',
  place: '', bring: [], homeAddress: null, caseId: null, canChange: false, categoryLabel: '民生保障类事项', contactName: '阿***', contactPhone: '137****2222', bookedByStaff: true, canCheckIn: true, ...over,
})
const dayWith = (bookings: DeskBooking[], canCheckIn = true): DeskDay => ({ date: today, canCheckIn, windows: [{ windowId: 'am', label: '上午', kindLabel: '常规' }, { windowId: 'eve', label: '延时服务', kindLabel: '延时' }], slots: [{ slotId: `${today}@am@10:00`, windowId: 'am', label: '上午', kindLabel: '常规', start: '10:00', end: '10:30', capacity: 4, bookings }] })

beforeEach(() => jest.resetAllMocks())
const click = async (el: Element) => act(async () => void fireEvent.click(el))
const type = async (el: Element, value: string) => act(async () => void fireEvent.input(el.querySelector('input') ?? el, { target: { value } }))

it('lists the day per slot with masked people, checks one in, and says so in words', async () => {
  day.mockResolvedValueOnce(dayWith([booking()])).mockResolvedValue(dayWith([booking({ status: 'attended', statusLabel: '已到场', canCheckIn: false })]))
  checkIn.mockResolvedValue({ status: 'attended', statusLabel: '已到场' })
  const { container } = render(<Desk />)
  expect(await screen.findByText(/阿\*\*\* 137\*\*\*\*2222/)).toBeTruthy()
  expect(screen.getByText(/已约 1\/4/)).toBeTruthy()
  // a window whose label already says its kind is not repeated
  expect(screen.getByText('延时服务')).toBeTruthy()
  await click(container.querySelector('.t-checkin-yes')!)
  expect(checkIn).toHaveBeenCalledWith('b1', true)
  expect(await screen.findByText(/阿\*\*\*：已到场/)).toBeTruthy()
})

it('a leader reads the list: no check-in, no booking for others', async () => {
  day.mockResolvedValue(dayWith([booking({ canCheckIn: false })], false))
  const { container } = render(<Desk />)
  await screen.findByText(/阿\*\*\*/)
  expect(container.querySelector('.t-checkin-yes')).toBeNull()
  expect(container.querySelector('.t-walkin-open')).toBeNull()
})

it('an empty day and a closed day are said in words', async () => {
  day.mockResolvedValue({ date: today, canCheckIn: true, windows: [], slots: [] })
  render(<Desk />)
  expect(await screen.findByText(/不开放预约/)).toBeTruthy()
})

it('the booking form says what is missing, field by field, and clears a message once answered; the server’s refusal is shown', async () => {
  day.mockResolvedValue(dayWith([]))
  slots.mockResolvedValue({ missingYears: [], days: [{ date: today, weekday: '星期一', slots: [{ slotId: `${today}@am@10:00`, kind: 'regular', kindLabel: '常规', label: '上午', start: '10:00', end: '10:30', capacity: 4, remaining: 4 }] }] })
  const { container } = render(<Desk />)
  await screen.findByText(/还没有人预约/)
  await click(container.querySelector('.t-walkin-open')!)
  await screen.findByText(/10:00 常规 剩4/)
  await click(container.querySelector('.t-walkin-submit')!)
  expect(container.querySelector('.t-error-name')!.textContent).toContain('请填写申请人姓名')
  expect(container.querySelector('.t-error-phone')!.textContent).toContain('11位手机号码')
  expect(container.querySelector('.t-error-category')!.textContent).toContain('类别')
  expect(container.querySelector('.t-error-slotId')!.textContent).toContain('时段')
  expect(bookFor).not.toHaveBeenCalled()
  await click(container.querySelector('.t-walkin-category-livelihood')!)
  expect(container.querySelector('.t-error-category')).toBeNull()
  // 上门 asks for the address
  await click(container.querySelector('.t-walkin-home')!)
  expect(slots).toHaveBeenLastCalledWith({ kind: 'home_visit' })
  await click(container.querySelector('.t-walkin-submit')!)
  expect(container.querySelector('.t-error-homeAddress')!.textContent).toContain('详细地址')
  await click(container.querySelector('.t-walkin-home')!)
  await type(container.querySelector('.t-walkin-name')!, '吐尔逊')
  await type(container.querySelector('.t-walkin-phone')!, '13700001111')
  await screen.findByText(/10:00 常规 剩4/)
  await click(container.querySelector('.t-walkin-slot')!)
  bookFor.mockRejectedValue(new AppError('RULE_REFUSED', '该时段已约满，请选择其他时段。', { SLOT_FULL: '该时段已约满，请选择其他时段。' }))
  await click(container.querySelector('.t-walkin-submit')!)
  expect(bookFor).toHaveBeenCalledWith({ slotId: `${today}@am@10:00`, phone: '13700001111', name: '吐尔逊', category: 'livelihood' })
  expect(await screen.findByText(/该时段已约满/)).toBeTruthy()
})
