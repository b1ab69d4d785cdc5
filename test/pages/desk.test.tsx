import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Desk from '../../src/packages/staff/pages/desk/index';
import {
  bookForApplicant,
  checkInBooking,
  findCaseByNo,
  listDayBookings,
  staffCancelBooking,
  staffRescheduleBooking,
  type DeskBooking,
  type DeskDay,
} from '../../src/services/deskBookings';
import { listSlots } from '../../src/services/bookings';
import { AppError } from '../../src/services/result';

jest.mock('../../src/services/deskBookings', () => ({
  ...jest.requireActual('../../src/services/deskBookings'),
  listDayBookings: jest.fn(),
  checkInBooking: jest.fn(),
  bookForApplicant: jest.fn(),
  findCaseByNo: jest.fn(),
  staffCancelBooking: jest.fn(),
  staffRescheduleBooking: jest.fn(),
}));
jest.mock('../../src/services/bookings', () => ({
  ...jest.requireActual('../../src/services/bookings'),
  listSlots: jest.fn(),
}));

const day = jest.mocked(listDayBookings);
const checkIn = jest.mocked(checkInBooking);
const bookFor = jest.mocked(bookForApplicant);
const findCase = jest.mocked(findCaseByNo);
const slots = jest.mocked(listSlots);
const staffCancel = jest.mocked(staffCancelBooking);
const staffMove = jest.mocked(staffRescheduleBooking);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const booking = (over: Partial<DeskBooking> = {}): DeskBooking => ({
  bookingId: 'b1',
  rescheduleCount: 0,
  date: today,
  weekday: '星期一',
  start: '10:00',
  end: '10:30',
  kind: 'regular',
  kindLabel: '常规',
  windowLabel: '上午',
  status: 'active',
  statusLabel: '已预约',
  place: '',
  bring: [],
  homeAddress: null,
  caseId: null,
  cancelReason: null,
  canChange: false,
  canCancel: false,
  canReschedule: false,
  categoryLabel: '民生保障类事项',
  contactName: '阿***',
  contactPhone: '137****2222',
  bookedByStaff: true,
  canCheckIn: true,
  ...over,
});
const dayWith = (bookings: DeskBooking[], canCheckIn = true): DeskDay => ({
  date: today,
  canCheckIn,
  canChange: canCheckIn,
  windows: [
    { windowId: 'am', label: '上午', kindLabel: '常规' },
    { windowId: 'eve', label: '延时服务', kindLabel: '延时' },
  ],
  slots: [
    {
      slotId: `${today}@am@10:00`,
      windowId: 'am',
      label: '上午',
      kindLabel: '常规',
      start: '10:00',
      end: '10:30',
      capacity: 4,
      bookings,
    },
  ],
});

beforeEach(() => jest.resetAllMocks());
const click = async (el: Element) => act(async () => void fireEvent.click(el));
const type = async (el: Element, value: string) =>
  act(async () => void fireEvent.input(el.querySelector('input') ?? el, { target: { value } }));
// Taro's H5 textarea answers onInput with e.detail.value
const typeArea = async (el: Element, value: string) =>
  act(async () => void el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })));

it('lists the day per slot with masked people, checks one in, and says so in words', async () => {
  day
    .mockResolvedValueOnce(dayWith([booking()]))
    .mockResolvedValue(dayWith([booking({ status: 'attended', statusLabel: '已到场', canCheckIn: false })]));
  checkIn.mockResolvedValue({ status: 'attended', statusLabel: '已到场' });
  const { container } = render(<Desk />);
  expect(await screen.findByText(/阿\*\*\* 137\*\*\*\*2222/)).toBeTruthy();
  expect(screen.getByText(/已约 1\/4/)).toBeTruthy();
  // a window whose label already says its kind is not repeated
  expect(screen.getByText('延时服务')).toBeTruthy();
  await click(container.querySelector('.t-checkin-yes')!);
  expect(checkIn).toHaveBeenCalledWith('b1', true);
  expect(await screen.findByText(/阿\*\*\*：已到场/)).toBeTruthy();
});

it('a leader reads the list: no check-in, no booking for others', async () => {
  day.mockResolvedValue(dayWith([booking({ canCheckIn: false })], false));
  const { container } = render(<Desk />);
  await screen.findByText(/阿\*\*\*/);
  expect(container.querySelector('.t-checkin-yes')).toBeNull();
  expect(container.querySelector('.t-walkin-open')).toBeNull();
});

it('an empty day and a closed day are said in words', async () => {
  day.mockResolvedValue({ date: today, canCheckIn: true, canChange: true, windows: [], slots: [] });
  render(<Desk />);
  expect(await screen.findByText(/不开放预约/)).toBeTruthy();
});

it('the booking form says what is missing, field by field, and clears a message once answered; the server’s refusal is shown', async () => {
  day.mockResolvedValue(dayWith([]));
  slots.mockResolvedValue({
    missingYears: [],
    days: [
      {
        date: today,
        weekday: '星期一',
        slots: [
          {
            slotId: `${today}@am@10:00`,
            kind: 'regular',
            kindLabel: '常规',
            label: '上午',
            start: '10:00',
            end: '10:30',
            capacity: 4,
            remaining: 4,
          },
        ],
      },
    ],
  });
  const { container } = render(<Desk />);
  await screen.findByText(/还没有人预约/);
  await click(container.querySelector('.t-walkin-open')!);
  await screen.findByText(/10:00 常规 剩4/);
  await click(container.querySelector('.t-walkin-submit')!);
  expect(container.querySelector('.t-error-name')!.textContent).toContain('请填写申请人姓名');
  expect(container.querySelector('.t-error-phone')!.textContent).toContain('11位手机号码');
  expect(container.querySelector('.t-error-category')!.textContent).toContain('类别');
  expect(container.querySelector('.t-error-slotId')!.textContent).toContain('时段');
  expect(bookFor).not.toHaveBeenCalled();
  await click(container.querySelector('.t-walkin-category-livelihood')!);
  expect(container.querySelector('.t-error-category')).toBeNull();
  // 上门 asks for the address
  await click(container.querySelector('.t-walkin-home')!);
  expect(slots).toHaveBeenLastCalledWith({ kind: 'home_visit' });
  await click(container.querySelector('.t-walkin-submit')!);
  expect(container.querySelector('.t-error-homeAddress')!.textContent).toContain('详细地址');
  await click(container.querySelector('.t-walkin-home')!);
  await type(container.querySelector('.t-walkin-name')!, '吐尔逊');
  await type(container.querySelector('.t-walkin-phone')!, '13700001111');
  await screen.findByText(/10:00 常规 剩4/);
  await click(container.querySelector('.t-walkin-slot')!);
  bookFor.mockRejectedValue(
    new AppError('RULE_REFUSED', '该时段已约满，请选择其他时段。', { SLOT_FULL: '该时段已约满，请选择其他时段。' }),
  );
  await click(container.querySelector('.t-walkin-submit')!);
  expect(bookFor).toHaveBeenCalledWith({
    slotId: `${today}@am@10:00`,
    walkIn: { phone: '13700001111', name: '吐尔逊', category: 'livelihood' },
  });
  expect(await screen.findByText(/该时段已约满/)).toBeTruthy();
});

it(
  '§二(四) a caller with an application is booked by its case number: found masked,' +
    ' confirmed with the caller, then booked for that case (never by phone)',
  async () => {
    day.mockResolvedValue(dayWith([]));
    slots.mockResolvedValue({
      missingYears: [],
      days: [
        {
          date: today,
          weekday: '星期一',
          slots: [
            {
              slotId: `${today}@am@10:00`,
              kind: 'regular',
              kindLabel: '常规',
              label: '上午',
              start: '10:00',
              end: '10:30',
              capacity: 4,
              remaining: 4,
            },
          ],
        },
      ],
    });
    findCase.mockResolvedValue({
      case: {
        caseId: 'c1',
        caseNo: 'BB20261128-073852',
        category: 'enterprise',
        categoryLabel: '企业开办与变更',
        statusLabel: '已提交，待受理',
        open: true,
        applicantName: '天***',
        contactName: '王*',
        contactPhone: '138****1122',
      },
    });
    const { container } = render(<Desk />);
    await screen.findByText(/还没有人预约/);
    await click(container.querySelector('.t-walkin-open')!);
    await click(container.querySelector('.t-walkin-mode-case')!);
    expect(container.querySelector('.t-walkin-phone')).toBeNull();
    // the web component renders its inner <input> a moment after it appears
    await waitFor(() => expect(container.querySelector('.t-walkin-caseno input')).not.toBeNull());
    await type(container.querySelector('.t-walkin-caseno')!, '13899001122');
    await click(container.querySelector('.t-walkin-find')!);
    expect(container.querySelector('.t-error-caseNo')!.textContent).toContain('申请编号');
    expect(findCase).not.toHaveBeenCalled();
    await type(container.querySelector('.t-walkin-caseno')!, 'bb20261128-073852');
    await click(container.querySelector('.t-walkin-find')!);
    expect(findCase).toHaveBeenCalledWith('BB20261128-073852');
    expect((await screen.findByText(/138\*\*\*\*1122/)).closest('.t-walkin-found')).not.toBeNull();
    await screen.findByText(/10:00 常规 剩4/);
    await click(container.querySelector('.t-walkin-slot')!);
    await click(container.querySelector('.t-walkin-submit')!);
    expect(container.querySelector('.t-error-confirmed')!.textContent).toContain('核对');
    expect(bookFor).not.toHaveBeenCalled();
    await click(container.querySelector('.t-walkin-confirm')!);
    bookFor.mockResolvedValue({
      booking: {
        bookingId: 'b9',
        date: today,
        weekday: '星期一',
        start: '10:00',
        end: '10:30',
        kind: 'regular',
        kindLabel: '常规',
        status: 'active',
        place: '',
        bring: ['身份证'],
        homeAddress: null,
        caseId: 'c1',
        canChange: true,
      } as never,
    });
    await click(container.querySelector('.t-walkin-submit')!);
    expect(bookFor).toHaveBeenCalledWith({ slotId: `${today}@am@10:00`, caseId: 'c1' });
    expect((await screen.findByText(/已为 王\*（BB20261128-073852） 预约/)).className).toContain('t-desk-done');
  },
);

const later = booking({
  bookingId: 'b2',
  start: '15:00',
  end: '15:30',
  canCheckIn: false,
  canChange: true,
  canCancel: true,
  canReschedule: true,
});

it('a leader sees no 改约 or 取消预约; a booking that has begun offers neither', async () => {
  day.mockResolvedValue(
    dayWith([booking(), { ...later, canChange: false, canCancel: false, canReschedule: false }], false),
  );
  const { container } = render(<Desk />);
  await screen.findAllByText(/阿\*\*\*/);
  expect(container.querySelector('.t-desk-move')).toBeNull();
  expect(container.querySelector('.t-desk-cancel')).toBeNull();
});

it(
  '取消预约 asks for a reason, then to confirm; the server’s refusal is shown ' +
    'next to it; the booking then shows as cancelled with its reason',
  async () => {
    day.mockResolvedValueOnce(dayWith([later])).mockResolvedValue(
      dayWith([
        {
          ...later,
          status: 'cancelled',
          statusLabel: '已取消',
          cancelReason: '临时闭厅',
          canChange: false,
          canCancel: false,
          canReschedule: false,
        },
      ]),
    );
    const { container } = render(<Desk />);
    await screen.findByText('取消预约');
    // the row has both buttons
    expect(container.querySelector('.t-desk-move-b2')!.textContent).toBe('改约');
    await click(container.querySelector('.t-desk-cancel-b2')!);
    await click(container.querySelector('.t-cancel-next')!);
    expect(container.querySelector('.t-change-error')!.textContent).toContain('请填写取消原因');
    await typeArea(container.querySelector('.t-cancel-reason')!, '好');
    await click(container.querySelector('.t-cancel-next')!);
    expect(container.querySelector('.t-cancel-confirm-step')!.textContent).toContain('申请人会收到：好');
    staffCancel.mockRejectedValueOnce(
      new AppError('INVALID_INPUT', '填写的内容有误，请按提示修改。', { reason: '请填写取消原因，申请人会收到' }),
    );
    await click(container.querySelector('.t-cancel-confirm')!);
    // a reason the server refused goes back to the reason, said in its words
    expect(container.querySelector('.t-cancel-reason')).toBeTruthy();
    expect(container.querySelector('.t-change-error')!.textContent).toContain('请填写取消原因，申请人会收到');
    await typeArea(container.querySelector('.t-cancel-reason')!, '临时闭厅');
    await click(container.querySelector('.t-cancel-next')!);
    staffCancel.mockRejectedValueOnce(
      new AppError('RULE_REFUSED', '该预约已取消或已结束。', { BOOKING_NOT_ACTIVE: '该预约已取消或已结束。' }),
    );
    await click(container.querySelector('.t-cancel-confirm')!);
    expect(container.querySelector('.t-cancel-confirm-step .t-change-error')!.textContent).toContain(
      '该预约已取消或已结束',
    );
    staffCancel.mockResolvedValueOnce({
      booking: { ...later, status: 'cancelled', statusLabel: '已取消', cancelReason: '临时闭厅' },
    });
    await click(container.querySelector('.t-cancel-confirm')!);
    expect(staffCancel).toHaveBeenLastCalledWith({ bookingId: 'b2', reason: '临时闭厅' });
    expect(await screen.findByText(/已取消 阿\*\*\* .* 15:00 的预约/)).toBeTruthy();
    expect(container.querySelector('.t-desk-booking-cancelled .t-desk-cancel-reason')!.textContent).toContain(
      '临时闭厅',
    );
    expect(container.querySelector('.t-desk-cancel')).toBeNull();
  },
);

it('改约 offers only other slots with seats left; SLOT_FULL is said next to the button; the booking moves', async () => {
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10);
  const slot = (date: string, start: string, remaining: number, kind: 'regular' | 'after_hours' = 'regular') => ({
    slotId: `${date}@w@${start}`,
    kind,
    kindLabel: kind === 'regular' ? '常规' : '延时',
    label: '窗口',
    start,
    end: `${start.slice(0, 3)}30`,
    capacity: 4,
    remaining,
  });
  day.mockResolvedValue(dayWith([later]));
  slots.mockResolvedValue({
    missingYears: [],
    days: [
      {
        date: today,
        weekday: '星期一',
        slots: [{ ...slot(today, '10:00', 3), slotId: `${today}@am@10:00` }, slot(today, '11:00', 0)],
      },
      {
        date: tomorrow,
        weekday: '星期二',
        slots: [slot(tomorrow, '09:00', 2), slot(tomorrow, '19:00', 1, 'after_hours')],
      },
    ],
  });
  const { container } = render(<Desk />);
  await screen.findByText('改约');
  await click(container.querySelector('.t-desk-move-b2')!);
  await screen.findByText(/改到哪个时段/);
  // today: its own slot and the full one are not offered, so the first day is tomorrow
  expect(container.querySelectorAll('.t-move-day')).toHaveLength(1);
  expect(Array.from(container.querySelectorAll('.t-move-slot')).map((x) => x.textContent)).toEqual([
    '常规09:00–09:30剩余2个',
    '延时19:00–19:30剩余1个',
  ]);
  await click(container.querySelector('.t-move-confirm')!);
  expect(container.querySelector('.t-change-error')!.textContent).toContain('请先选择');
  await click(container.querySelectorAll('.t-move-slot')[1]);
  expect(container.querySelector('.t-move-summary')!.textContent).toContain('改到');
  staffMove.mockRejectedValueOnce(
    new AppError('RULE_REFUSED', '该时段已约满，请选择其他时段。', { SLOT_FULL: '该时段已约满，请选择其他时段。' }),
  );
  await click(container.querySelector('.t-move-confirm')!);
  expect(container.querySelector('.t-move-form .t-change-error')!.textContent).toContain('该时段已约满');
  expect(slots).toHaveBeenCalledTimes(2);
  staffMove.mockResolvedValueOnce({
    booking: { ...later, date: tomorrow, weekday: '星期二', start: '19:00', end: '19:30', kindLabel: '延时' },
  });
  await click(container.querySelector('.t-move-confirm')!);
  expect(staffMove).toHaveBeenLastCalledWith({ bookingId: 'b2', slotId: `${tomorrow}@w@19:00` });
  expect(await screen.findByText(/已将 阿\*\*\* 的预约改到 .*19:00–19:30（延时）/)).toBeTruthy();
  expect(container.querySelector('.t-move-form')).toBeNull();
});
