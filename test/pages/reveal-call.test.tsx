import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Desk from '../../src/packages/staff/pages/desk/index';
import BadRatingsPage from '../../src/packages/staff/pages/bad-ratings/index';
import { listDayBookings, type DeskBooking, type DeskDay } from '../../src/services/deskBookings';
import { listSlots } from '../../src/services/bookings';
import { listBadRatings, type BadRatingItem } from '../../src/services/badRatings';
import { revealBookingContact, revealContact } from '../../src/services/workbench';
import { AppError } from '../../src/services/result';

jest.mock('../../src/services/deskBookings', () => ({
  ...jest.requireActual('../../src/services/deskBookings'),
  listDayBookings: jest.fn(),
  checkInBooking: jest.fn(),
  bookForApplicant: jest.fn(),
  findCaseByNo: jest.fn(),
}));
jest.mock('../../src/services/bookings', () => ({
  ...jest.requireActual('../../src/services/bookings'),
  listSlots: jest.fn(),
}));
jest.mock('../../src/services/badRatings', () => ({
  ...jest.requireActual('../../src/services/badRatings'),
  listBadRatings: jest.fn(),
  handleBadRating: jest.fn(),
}));
jest.mock('../../src/services/workbench', () => ({
  ...jest.requireActual('../../src/services/workbench'),
  revealContact: jest.fn(),
  revealBookingContact: jest.fn(),
}));

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const booking = (over: Partial<DeskBooking> = {}): DeskBooking => ({
  bookingId: 'b1',
  rescheduleCount: 0,
  date: today,
  weekday: '星期一',
  start: '16:30',
  end: '18:30',
  kind: 'home_visit',
  kindLabel: '上门',
  windowLabel: '上门服务',
  status: 'active',
  statusLabel: '已预约',
  place: '',
  bring: [],
  homeAddress: '特吾里克镇幸福路8号',
  caseId: 'c1',
  cancelReason: null,
  canChange: false,
  canCancel: false,
  canReschedule: false,
  categoryLabel: '民生保障类事项',
  contactName: '阿***',
  contactPhone: '137****2222',
  bookedByStaff: false,
  canCheckIn: false,
  ...over,
});
const dayWith = (bookings: DeskBooking[]): DeskDay => ({
  date: today,
  canCheckIn: true,
  canChange: true,
  windows: [{ windowId: 'home', label: '上门服务', kindLabel: '上门' }],
  slots: [
    {
      slotId: `${today}@home@16:30`,
      windowId: 'home',
      label: '上门服务',
      kindLabel: '上门',
      start: '16:30',
      end: '18:30',
      capacity: 2,
      bookings,
    },
  ],
});
const click = async (el: Element | null) => act(async () => void fireEvent.click(el!));

let dial: jest.SpyInstance;
beforeEach(() => {
  jest.resetAllMocks();
  jest.mocked(listSlots).mockResolvedValue({ days: [], missingYears: [] });
  dial = jest
    .spyOn(Taro, 'makePhoneCall')
    .mockImplementation((() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })) as never);
});
afterEach(() => dial.mockRestore());

describe('the desk: reveal and call before a home visit (issue 16 item 3)', () => {
  it('the masked number becomes the full one on a recorded tap, and one more tap dials it', async () => {
    jest.mocked(listDayBookings).mockResolvedValue(dayWith([booking()]));
    jest.mocked(revealBookingContact).mockResolvedValue({
      contactName: '阿依古丽',
      contactPhone: '13700002222',
      revealedAt: '2026-11-28T08:00:00.000Z',
    });
    const { container } = render(<Desk />);
    await screen.findByText(/阿\*\*\* 137\*\*\*\*2222/);
    expect(container.textContent).not.toContain('13700002222');
    await click(container.querySelector('.t-reveal-booking-b1 .t-reveal-phone'));
    expect(revealBookingContact).toHaveBeenCalledWith('b1');
    expect(container.querySelector('.t-reveal-booking-b1')?.textContent).toContain('已留记录');
    await click(container.querySelector('.t-reveal-booking-b1 .t-call-applicant'));
    expect(dial).toHaveBeenCalledWith({ phoneNumber: '13700002222' });
  });

  it('staff the booking is not theirs to call are told who may, and nothing is dialled; ended bookings offer no reveal', async () => {
    jest
      .mocked(listDayBookings)
      .mockResolvedValue(
        dayWith([booking(), booking({ bookingId: 'b2', status: 'cancelled', statusLabel: '已取消' })]),
      );
    jest.mocked(revealBookingContact).mockRejectedValue(new AppError('NOT_FOUND', '没有找到这个预约'));
    const { container } = render(<Desk />);
    await screen.findAllByText(/阿\*\*\*/);
    expect(container.querySelector('.t-reveal-booking-b2')).toBeNull();
    await click(container.querySelector('.t-reveal-booking-b1 .t-reveal-phone'));
    expect(container.querySelector('.t-reveal-error')?.textContent).toContain('只有经办的帮代办员');
    expect(dial).not.toHaveBeenCalled();
  });
});

describe('the 差评 call-back form: reveal and call the rater (issue 16 item 3)', () => {
  const item = (over: Partial<BadRatingItem> = {}): BadRatingItem => ({
    id: 'c1-0',
    version: 1,
    raterHidden: false,
    caseId: 'c1',
    caseNo: 'BB20261128-000123',
    matter: '办理高龄津贴',
    unitName: '和硕县民政局',
    agentName: '马建军',
    followUp: false,
    level: 'dissatisfied',
    levelLabel: '不满意',
    tags: [],
    comment: '补正通知没收到',
    openedAt: '2026-11-28T02:00:00.000Z',
    status: 'awaiting_call_back',
    statusLabel: '待回访',
    dueOn: null,
    warning: null,
    appeal: null,
    history: [],
    actions: [{ type: 'callBack', label: '登记回访' }],
    ...over,
  });

  it('opening 回访 offers the recorded reveal of the case’s applicant, then a call', async () => {
    jest.mocked(listBadRatings).mockResolvedValue({ items: [item()], total: 1, counts: { open: 1, closed: 0 } });
    jest.mocked(revealContact).mockResolvedValue({
      contactName: '张桂兰',
      contactPhone: '13900001111',
      revealedAt: '2026-11-28T08:00:00.000Z',
    });
    const { container } = render(<BadRatingsPage />);
    await screen.findByText(/补正通知没收到/);
    await click(container.querySelector('.t-bad-action-callBack'));
    await click(container.querySelector('.t-reveal-callback .t-reveal-phone'));
    expect(revealContact).toHaveBeenCalledWith('c1');
    await click(container.querySelector('.t-reveal-callback .t-call-applicant'));
    expect(dial).toHaveBeenCalledWith({ phoneNumber: '13900001111' });
  });

  it('with the rater hidden from the unit there is no case, and no reveal', async () => {
    jest.mocked(listBadRatings).mockResolvedValue({
      items: [item({ raterHidden: true, caseId: null, caseNo: null })],
      total: 1,
      counts: { open: 1, closed: 0 },
    });
    const { container } = render(<BadRatingsPage />);
    await screen.findByText(/待回访/);
    await click(container.querySelector('.t-bad-action-callBack'));
    expect(container.querySelector('.t-bad-form')).not.toBeNull();
    expect(container.querySelector('.t-reveal-callback')).toBeNull();
  });
});
