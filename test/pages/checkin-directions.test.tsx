import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Book from '../../src/pages/book/index';
import Desk from '../../src/packages/staff/pages/desk/index';
import CenterDirections from '../../src/components/CenterDirections';
import { listMyBookings, listSlots, type BookingView } from '../../src/services/bookings';
import { listMyApplications } from '../../src/services/cases';
import { getCenterLocation } from '../../src/services/center';
import { checkInByCode, listDayBookings, type DeskDay } from '../../src/services/deskBookings';

jest.mock('../../src/services/bookings', () => ({
  ...jest.requireActual('../../src/services/bookings'),
  listMyBookings: jest.fn(),
  listSlots: jest.fn(),
}));
jest.mock('../../src/services/cases', () => ({
  ...jest.requireActual('../../src/services/cases'),
  listMyApplications: jest.fn(),
}));
jest.mock('../../src/services/applicant', () => ({
  ...jest.requireActual('../../src/services/applicant'),
  getSubscribeTemplates: jest.fn(() => Promise.resolve({})),
}));
jest.mock('../../src/services/center', () => ({
  ...jest.requireActual('../../src/services/center'),
  getCenterLocation: jest.fn(),
}));
jest.mock('../../src/services/deskBookings', () => ({
  ...jest.requireActual('../../src/services/deskBookings'),
  listDayBookings: jest.fn(),
  checkInBooking: jest.fn(),
  checkInByCode: jest.fn(),
  bookForApplicant: jest.fn(),
  findCaseByNo: jest.fn(),
}));

const location = {
  name: '和硕县政务服务中心',
  address: '和硕县团结路1号政务服务中心',
  latitude: 42.27,
  longitude: 86.87,
};
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const mine = (over: Partial<BookingView> = {}): BookingView => ({
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
  place: '政务服务中心一楼帮办代办服务岗',
  bring: [],
  homeAddress: null,
  caseId: null,
  cancelReason: null,
  canChange: true,
  checkInCode: '031415',
  ...over,
});
const click = async (el: Element | null) => act(async () => void fireEvent.click(el!));

let router: jest.SpyInstance;
beforeEach(() => {
  jest.mocked(getCenterLocation).mockResolvedValue(location);
  jest.mocked(listSlots).mockResolvedValue({ days: [], missingYears: [] });
  jest.mocked(listMyApplications).mockResolvedValue({ items: [] } as never);
  router = jest
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .spyOn(require('@tarojs/taro') as { useRouter: () => unknown }, 'useRouter')
    .mockReturnValue({ params: {} });
});
afterEach(() => router.mockRestore());

describe('签到码 on the applicant’s bookings (issue 16 item 5)', () => {
  it('an active booking at the center shows its code in large digits; a home visit shows none', async () => {
    jest.mocked(listMyBookings).mockResolvedValue({
      items: [mine(), mine({ bookingId: 'b2', kind: 'home_visit', kindLabel: '上门', checkInCode: '999999' })],
    } as never);
    const { container } = render(<Book />);
    await screen.findAllByText(/10:00–10:30/);
    const codes = [...container.querySelectorAll('.t-checkin-code')];
    expect(codes).toHaveLength(1);
    expect(codes[0].textContent).toContain('031 415');
    expect(codes[0].getAttribute('aria-label')).toBe('签到码 0 3 1 4 1 5');
  });
});

describe('the desk types the code in (issue 16 item 5)', () => {
  const day: DeskDay = { date: today, canCheckIn: true, canChange: true, windows: [], slots: [] };
  it('six digits mark the booking arrived and say whose; no code is refused before any call', async () => {
    jest.mocked(listDayBookings).mockResolvedValue(day);
    jest.mocked(checkInByCode).mockResolvedValue({
      bookingId: 'b1',
      status: 'attended',
      statusLabel: '已到场',
      contactName: '阿***',
      start: '10:00',
      end: '10:30',
      windowLabel: '上午',
    });
    const { container } = render(<Desk />);
    await screen.findByText('签到码签到');
    // Taro's H5 input renders its inner <input> a moment later: type into that one
    await waitFor(() => expect(container.querySelector('.t-code-input input')).not.toBeNull());
    const input = container.querySelector('.t-code-input input')!;
    await click(container.querySelector('.t-code-submit'));
    expect(checkInByCode).not.toHaveBeenCalled();
    expect(container.querySelector('.t-desk-error')?.textContent).toContain('6位数字');
    await act(async () => void fireEvent.input(input, { target: { value: '031415' } }));
    await click(container.querySelector('.t-code-submit'));
    expect(checkInByCode).toHaveBeenCalledWith('031415');
    expect(container.querySelector('.t-desk-done')?.textContent).toContain('阿***（10:00–10:30 上午）：已到场');
  });

  it('a leader (no check-in) gets no code entry', async () => {
    jest.mocked(listDayBookings).mockResolvedValue({ ...day, canCheckIn: false });
    const { container } = render(<Desk />);
    await act(async () => {});
    expect(container.querySelector('.t-code-checkin')).toBeNull();
  });
});

describe('directions to the center (issue 16 item 5)', () => {
  it('the address and hours in words; WeChat opens the map at the center’s point', async () => {
    const open = jest
      .spyOn(Taro, 'openLocation')
      .mockImplementation((() => Promise.resolve({ errMsg: 'openLocation:ok' })) as never);
    process.env.TARO_ENV = 'weapp';
    try {
      const { container } = render(<CenterDirections />);
      await act(async () => {});
      expect(container.querySelector('.t-center-address')?.textContent).toBe(
        '和硕县政务服务中心：和硕县团结路1号政务服务中心',
      );
      expect(container.querySelector('.t-directions')?.textContent).toContain('开放时间');
      await click(container.querySelector('.t-open-map'));
      expect(open).toHaveBeenCalledWith({
        latitude: 42.27,
        longitude: 86.87,
        name: '和硕县政务服务中心',
        address: '和硕县团结路1号政务服务中心',
        scale: 17,
      });
    } finally {
      process.env.TARO_ENV = 'h5';
      open.mockRestore();
    }
  });

  it('the browser build opens a map page at the same point instead', async () => {
    const win = jest.spyOn(window, 'open').mockImplementation(() => null);
    const { container } = render(<CenterDirections />);
    await act(async () => {});
    await click(container.querySelector('.t-open-map'));
    expect(win).toHaveBeenCalledWith(expect.stringContaining('position=86.87,42.27'), '_blank');
    win.mockRestore();
  });
});
