import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import ActionButton from '../../../../components/ActionButton';
import LoadError from '../../../../components/LoadError';
import Notice from '../../../../components/Notice';
import PageShell from '../../../../components/PageShell';
import { useAsync } from '../../../../hooks/useAsync';
import { checkInBooking, checkInByCode, listDayBookings, type DeskBooking } from '../../../../services/deskBookings';
import { describeError, isForbidden } from '../../../../services/errors';
import { AppError } from '../../../../services/result';
import '../../../../styles/staffScreens.css';
import { windowTitle } from '../../../../utils/format';
import '../../staff.css';
import { a11yRole } from '../../../../utils/a11y';
import BookingList from './BookingList';
import { beijingDay, dayLabel, type DeskError } from './dates';
import { useBookingChange } from './useBookingChange';
import { EMPTY, useWalkIn } from './useWalkIn';
import WalkInForm from './WalkInForm';

/**
 * The desk (§二(四) 预约、延时、错时): the day's appointments per window with check-in once a slot
 * has begun, and booking on behalf of someone who walks in or calls. Agents and center staff act;
 * leaders see the list. Names and phones arrive masked from the server.
 */
export default function DeskPage() {
  const [offset, setOffset] = useState(0);
  const [windowId, setWindowId] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<DeskError | null>(null);
  const date = beijingDay(offset);
  const day = useAsync(() => listDayBookings({ date, ...(windowId ? { windowId } : {}) }), `${date}|${windowId}`);

  async function run(what: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone('');
    try {
      setDone(await what());
      day.reload();
    } catch (e) {
      setError({ text: describeError(e), fields: e instanceof AppError ? e.fields : {} });
    } finally {
      setBusy(false);
    }
  }

  const walkIn = useWalkIn({ setError, run, setOffset });
  const change = useBookingChange({ busy, setBusy, setDone, setError, setOffset, reloadDay: day.reload });
  const { form } = walkIn;
  const d = day.data;
  const denied = day.status === 'error' && isForbidden(day.error);

  const checkIn = (b: DeskBooking, attended: boolean) =>
    run(async () => {
      const r = await checkInBooking(b.bookingId, attended);
      return `${b.contactName ?? '申请人'}：${r.statusLabel}`;
    });

  return (
    <PageShell>
      <View className="title">预约签到与代客预约</View>
      {denied ? (
        <Notice kind="forbidden">无权访问：只有帮代办员、责任领导和政务服务中心工作人员可以查看预约名单。</Notice>
      ) : null}
      {day.status === 'error' && !denied ? <LoadError error={day.error} onRetry={day.reload} /> : null}

      <View className="queues" {...a11yRole('tablist')} aria-label="日期">
        {Array.from({ length: 7 }, (_, i) => (
          <View
            key={i}
            className={`queue t-desk-day-${i}${offset === i ? ' queue--on' : ''}`}
            onClick={() => setOffset(i)}
            {...a11yRole('tab')}
            aria-selected={offset === i ? 'true' : 'false'}
          >
            {dayLabel(beijingDay(i), i)}
          </View>
        ))}
      </View>
      {d && d.windows.length > 1 ? (
        <View className="chips t-desk-windows" aria-label="窗口">
          <View
            className={`chip t-desk-window-all${windowId === '' ? ' chip--on' : ''}`}
            onClick={() => setWindowId('')}
            {...a11yRole('radio')}
            aria-checked={windowId === '' ? 'true' : 'false'}
          >
            全部窗口
          </View>
          {d.windows.map((w) => (
            <View
              key={w.windowId}
              className={`chip t-desk-window-${w.windowId}${windowId === w.windowId ? ' chip--on' : ''}`}
              onClick={() => setWindowId(w.windowId)}
              {...a11yRole('radio')}
              aria-checked={windowId === w.windowId ? 'true' : 'false'}
            >
              {windowTitle(w.kindLabel, w.label)}
            </View>
          ))}
        </View>
      ) : null}

      {/* 签到码: the applicant shows six digits, the desk types them; marking by hand below stays */}
      {d?.canCheckIn && offset === 0 ? (
        <View className="card t-code-checkin">
          <View className="card__title">签到码签到</View>
          <View className="row-buttons">
            <Input
              className="input t-code-input"
              type="digit"
              maxlength={6}
              value={code}
              placeholder="申请人出示的6位签到码"
              aria-label="签到码"
              onInput={(e) => setCode(String(e.detail?.value ?? '').replace(/\D/g, ''))}
            />
            <ActionButton
              className="t-code-submit"
              disabled={busy}
              onClick={() =>
                /^\d{6}$/.test(code)
                  ? run(async () => {
                      const r = await checkInByCode(code);
                      setCode('');
                      return `${r.contactName ?? '申请人'}（${r.start}–${r.end} ${r.windowLabel}）：${r.statusLabel}`;
                    })
                  : setError({ text: '请输入6位数字签到码', fields: {} })
              }
            >
              签到
            </ActionButton>
          </View>
        </View>
      ) : null}

      {done ? (
        <View className="ok t-desk-done" {...a11yRole('status')}>
          ✓ {done}
        </View>
      ) : null}
      {error ? (
        <View className="field-error t-desk-error" {...a11yRole('alert')}>
          ⚠ {error.text}
        </View>
      ) : null}

      {d?.canCheckIn ? (
        form ? (
          <WalkInForm form={form} ctl={walkIn} busy={busy} fields={error?.fields} date={date} offset={offset} />
        ) : (
          <ActionButton
            className="t-walkin-open desk__open"
            onClick={() => {
              setError(null);
              setDone('');
              walkIn.setForm(EMPTY);
            }}
          >
            代客预约（来人、来电）
          </ActionButton>
        )
      ) : null}

      {day.status === 'loading' && !d ? <Notice kind="loading">正在加载预约名单…</Notice> : null}
      {d ? <BookingList d={d} date={date} offset={offset} busy={busy} ctl={change} checkIn={checkIn} /> : null}
    </PageShell>
  );
}
