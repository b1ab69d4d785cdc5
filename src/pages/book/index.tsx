import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import ActionButton from '../../components/ActionButton';
import ChoiceGroup from '../../components/ChoiceGroup';
import FieldError from '../../components/FieldError';
import Notice from '../../components/Notice';
import PageShell from '../../components/PageShell';
import SubscribeNote from '../../components/SubscribeNote';
import { CATEGORIES, type Category } from '../../constants/categories';
import { useAsync } from '../../hooks/useAsync';
import {
  bookSlot,
  cancelBooking,
  listMyBookings,
  listSlots,
  requestHomeVisit,
  rescheduleBooking,
  type BookingView,
  type SlotView,
} from '../../services/bookings';
import { describeError } from '../../services/errors';
import { getSubscribeTemplates } from '../../services/applicant';
import { listMyApplications } from '../../services/cases';
import { askToSubscribe } from '../../services/notify';
import { a11yRole } from '../../utils/a11y';
import CenterDirections from '../../components/CenterDirections';
import { isolate, useLang } from '../../i18n';
import { bookingStatusWord, CheckInCode, Confirmation, kindWord, shortWeekday, when } from './parts';

type Way = 'center' | 'home';
/** Today in Beijing, YYYY-MM-DD (the center keeps Beijing time). */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export default function Book() {
  const params = useRouter().params;
  const [way, setWay] = useState<Way | undefined>(params.way === 'home' ? 'home' : undefined);
  const [category, setCategory] = useState<Category | undefined>((params.category as Category) || undefined);
  const [caseId, setCaseId] = useState<string | undefined>(params.caseId || undefined);
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [address, setAddress] = useState('');
  const [moving, setMoving] = useState<BookingView | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BookingView | null>(null);
  const templates = useAsync(getSubscribeTemplates);
  const { t, lang } = useLang();
  const WAYS = [
    { value: 'center' as Way, label: t('book.way.center'), description: t('book.way.center.desc') },
    { value: 'home' as Way, label: t('book.way.home'), description: t('book.way.home.desc') },
  ];
  const mine = useAsync(listMyBookings);
  const cases = useAsync(listMyApplications);
  const kind = way === 'home' ? 'home_visit' : undefined;
  const slots = useAsync(() => listSlots(kind ? { kind } : {}), kind ?? 'all');
  const livelihoodCases = (cases.data?.items ?? []).filter(
    (c) => c.category === 'livelihood' && !['refused', 'finished', 'terminated'].includes(c.status),
  );

  const chooseWay = (w: Way) => {
    setWay(w);
    setSlot(null);
    setDay(null);
    setErrors({});
  };
  const days = slots.data?.days ?? [];
  const shownDay = days.find((d) => d.date === day) ?? days[0];

  const confirm = async () => {
    const e: Record<string, string> = {};
    if (!moving && !way) e.way = t('book.err.way');
    if (!slot) e.slot = t('book.err.slot');
    if (!moving && way === 'center' && !caseId && !category) e.category = t('book.err.category');
    if (!moving && way === 'home' && !caseId) e.caseId = t('book.err.case');
    if (!moving && way === 'home' && address.trim().length < 5) e.address = t('book.err.address');
    setErrors(e);
    if (Object.keys(e).length > 0 || !slot) {
      setFormError(t('book.err.form'));
      return;
    }
    const reminder = templates.status === 'ok' ? templates.data.bookingReminder : null;
    const asking = askToSubscribe(reminder ? [reminder] : []);
    setBusy(true);
    setFormError('');
    try {
      await asking;
      const r = moving
        ? await rescheduleBooking({ bookingId: moving.bookingId, slotId: slot.slotId })
        : way === 'home'
          ? await requestHomeVisit({ slotId: slot.slotId, caseId: caseId!, address: address.trim() })
          : await bookSlot({ slotId: slot.slotId, ...(caseId ? { caseId } : { category }) });
      setDone(r.booking);
      setMoving(null);
      mine.reload();
      slots.reload();
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (err) {
      setFormError(describeError(err, lang));
      slots.reload();
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (b: BookingView) => {
    const ok = await Taro.showModal({
      title: t('book.cancel.title'),
      content: t('book.cancel.ask', { date: b.date, start: b.start }),
      confirmText: t('book.cancel.yes'),
      cancelText: t('book.cancel.no'),
    }).then(
      (r) => r.confirm,
      () => true,
    );
    if (!ok) return;
    try {
      await cancelBooking({ bookingId: b.bookingId });
      setDone(null);
      // an earlier failure's red text does not outlive this success
      setFormError('');
      mine.reload();
      slots.reload();
    } catch (err) {
      setFormError(describeError(err, lang));
    }
  };

  const active = (mine.data?.items ?? []).filter((b) => b.status === 'active');
  // what the center cancelled and why (their message says to look here), until that day has passed
  const today = beijingToday();
  const cancelledByCenter = (mine.data?.items ?? []).filter(
    (b) => b.status === 'cancelled' && b.cancelReason && b.date >= today,
  );
  // a message about a booking opens this page with its id: that booking stands out
  const focus = (b: BookingView) =>
    params.bookingId && b.bookingId === params.bookingId ? ' booking--focus t-booking-focus' : '';

  return (
    <PageShell>
      <View className="title">{t('book.title')}</View>
      {done ? <Confirmation b={done} /> : null}

      <View className="card t-my-bookings">
        <View className="card__title">{t('book.mine')}</View>
        {mine.status === 'loading' && !mine.data ? <View className="muted">{t('common.loading')}</View> : null}
        {mine.status === 'error' ? <View className="field-error">⚠ {describeError(mine.error, lang)}</View> : null}
        {mine.status === 'ok' && active.length === 0 ? <View className="muted">{t('book.none')}</View> : null}
        {cancelledByCenter.map((b) => (
          <View key={b.bookingId} className={`booking t-booking-cancelled${focus(b)}`}>
            <View className="strong">
              {when(t, lang, b)}{' '}
              <View className="tag tag--warn">{bookingStatusWord(t, lang, b.status, b.statusLabel)}</View>
            </View>
            <View>{t('book.cancelledBy', { reason: b.cancelReason ?? '' })}</View>
            <View className="muted">{t('book.rebook')}</View>
          </View>
        ))}
        {active.map((b) => (
          <View key={b.bookingId} className={`booking t-booking${focus(b)}`}>
            <View className="strong">
              {when(t, lang, b)} <View className="tag tag--kind">{kindWord(t, lang, b.kind, b.kindLabel)}</View>
            </View>
            <View className="muted">{b.kind === 'home_visit' ? t('book.place.home') : b.place}</View>
            {b.checkInCode && b.kind !== 'home_visit' ? <CheckInCode code={b.checkInCode} /> : null}
            {b.canChange ? (
              <View className="row-buttons">
                <ActionButton
                  kind="secondary"
                  className="t-booking-move"
                  onClick={() => {
                    setMoving(b);
                    setDone(null);
                    setSlot(null);
                  }}
                >
                  {t('book.move')}
                </ActionButton>
                <ActionButton kind="secondary" className="t-booking-cancel" onClick={() => cancel(b)}>
                  {t('book.cancel')}
                </ActionButton>
              </View>
            ) : (
              <View className="muted">{t('book.tooLate')}</View>
            )}
          </View>
        ))}
      </View>
      {/* where the center is and how to get there, under the bookings it is for */}
      <CenterDirections />

      {moving ? (
        <View className="notice t-moving">
          {t('book.moving', { date: moving.date, start: moving.start })}
          <ActionButton kind="secondary" onClick={() => setMoving(null)}>
            {t('book.moving.stop')}
          </ActionButton>
        </View>
      ) : (
        <View>
          <ChoiceGroup
            name="way"
            label={t('book.q.way')}
            options={WAYS}
            value={way}
            onChange={chooseWay}
            error={errors.way}
          />
          {way === 'center' && !caseId ? (
            <ChoiceGroup
              name="category"
              label={t('book.q.category')}
              options={CATEGORIES.map((c) => ({
                ...c,
                label: t(`category.${c.value}`),
                description: t(`category.${c.value}.desc`),
              }))}
              value={category}
              onChange={setCategory}
              error={errors.category}
            />
          ) : null}
          {way === 'home' ? (
            <View>
              {cases.status === 'ok' && livelihoodCases.length === 0 ? (
                <Notice kind="empty">{t('book.noCase')}</Notice>
              ) : (
                <ChoiceGroup
                  name="caseId"
                  label={t('book.q.case')}
                  options={livelihoodCases.map((c) => ({
                    value: c.caseId,
                    label: `${c.caseNo} ${c.matter}`,
                    description: t(`status.${c.status}`),
                  }))}
                  value={caseId}
                  onChange={setCaseId}
                  error={errors.caseId}
                />
              )}
              <View className={`field${errors.address ? ' field--invalid' : ''}`}>
                <View className="field__label">{t('book.q.address')}</View>
                <Textarea
                  className="textarea t-address"
                  value={address}
                  maxlength={200}
                  placeholder={t('book.ph.address')}
                  aria-label={t('book.aria.address')}
                  onInput={(e) => setAddress(e.detail.value)}
                />
                <FieldError name="address" text={errors.address} />
              </View>
            </View>
          ) : null}
        </View>
      )}

      {way || moving ? (
        <View className={`field${errors.slot ? ' field--invalid' : ''}`}>
          <View className="field__label">{t('book.q.slot')}</View>
          {slots.status === 'loading' && !slots.data ? <Notice kind="loading">{t('book.loadingSlots')}</Notice> : null}
          {slots.status === 'error' ? (
            <Notice
              kind="error"
              action={
                <ActionButton kind="secondary" onClick={slots.reload}>
                  {t('common.retry')}
                </ActionButton>
              }
            >
              {describeError(slots.error, lang)}
            </Notice>
          ) : null}
          {slots.status === 'ok' && days.length === 0 ? <Notice kind="empty">{t('book.noSlots')}</Notice> : null}
          <View className="days" {...a11yRole('tablist')} aria-label={t('book.days')}>
            {days.map((d) => {
              const on = d.date === shownDay?.date;
              const left = d.slots.reduce((n, s) => n + s.remaining, 0);
              return (
                <View
                  key={d.date}
                  className={`day t-day t-day-${d.date}${on ? ' day--on' : ''}`}
                  {...a11yRole('tab')}
                  aria-selected={on ? 'true' : 'false'}
                  onClick={() => {
                    setDay(d.date);
                    setSlot(null);
                  }}
                >
                  <View className="strong">{t('book.day', { m: d.date.slice(5, 7), d: d.date.slice(8) })}</View>
                  <View>{shortWeekday(t, d.date)}</View>
                  <View className="day__left">{left > 0 ? t('book.left', { n: left }) : t('book.full')}</View>
                </View>
              );
            })}
          </View>
          {shownDay ? (
            <View className="slots" {...a11yRole('radiogroup')} aria-label={t('book.slotsOf', { date: shownDay.date })}>
              {shownDay.slots.map((s) => {
                const on = slot?.slotId === s.slotId;
                const full = s.remaining === 0;
                return (
                  <View
                    key={s.slotId}
                    className={`slot t-slot t-slot-${s.kind}${on ? ' slot--on' : ''}${full ? ' slot--full' : ''}`}
                    {...a11yRole('radio')}
                    aria-checked={on ? 'true' : 'false'}
                    aria-disabled={full ? 'true' : 'false'}
                    onClick={() => (full ? undefined : setSlot(s))}
                  >
                    <View className="tag tag--kind">{kindWord(t, lang, s.kind, s.kindLabel)}</View>
                    <View className="slot__time">{isolate(lang, `${s.start}–${s.end}`)}</View>
                    <View className="slot__left">
                      {full ? t('book.slotFull') : t('book.slotLeft', { n: s.remaining })}
                      {on ? t('common.chosen') : ''}
                    </View>
                  </View>
                );
              })}
            </View>
          ) : null}
          <FieldError name="slot" text={errors.slot} />
        </View>
      ) : null}

      {formError ? (
        <View className="form-error t-form-error" {...a11yRole('alert')}>
          ⚠ {formError}
        </View>
      ) : null}
      {way || moving ? (
        <View>
          <SubscribeNote>{t('book.subscribe')}</SubscribeNote>
          <ActionButton className="t-book-confirm" disabled={busy} onClick={confirm}>
            {busy
              ? t('book.booking')
              : moving
                ? t('book.confirm.move')
                : way === 'home'
                  ? t('book.confirm.home')
                  : t('book.confirm')}
          </ActionButton>
        </View>
      ) : null}
    </PageShell>
  );
}
