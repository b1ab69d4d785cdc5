import { Text, View } from '@tarojs/components';
import { isMessageKey, isolate, useLang, type Lang } from '../../i18n';
import type { BookingView } from '../../services/bookings';
import { windowTitle } from '../../utils/format';
import { a11yRole } from '../../utils/a11y';

type T = ReturnType<typeof useLang>['t'];

/** The day of the week of a YYYY-MM-DD date, 0 = Sunday (the date is a civil date, no zone). */
const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The weekday as the server says it in Chinese (星期一), or in the reader's language. */
export const weekdayOf = (t: T, lang: Lang, date: string, server: string) =>
  lang === 'zh' ? server : t(`weekday.${dayOfWeek(date)}`);

/** 周一 under a day's button, in either language. */
export const shortWeekday = (t: T, date: string) => t(`weekday.${dayOfWeek(date)}`);

/** A slot's kind (常规 / 延时 / 错时 / 上门) by its code; the server's word if the code is new. */
export const kindWord = (t: T, lang: Lang, kind: string, server: string) =>
  lang === 'zh' || !isMessageKey(`slot.${kind}`) ? server : t(`slot.${kind as 'regular'}`);

/** A booking's state (已预约, 已取消 …) by its code. */
export const bookingStatusWord = (t: T, lang: Lang, status: string, server: string) =>
  lang === 'zh' || !isMessageKey(`booking.${status}`) ? server : t(`booking.${status as 'active'}`);

/** 2026-12-03（星期四）10:00–10:30 (translate keeps the date and the range left to right in Uyghur). */
export function when(t: T, lang: Lang, b: Pick<BookingView, 'date' | 'weekday' | 'start' | 'end'>) {
  return t('book.when', {
    date: b.date,
    weekday: weekdayOf(t, lang, b.date, b.weekday),
    // one range, isolated as a whole: separately the two times swap places in a right-to-left line
    time: `${b.start}–${b.end}`,
  });
}

/** 签到码: big digits to show at the desk, where staff type them in to mark arrival. */
export function CheckInCode({ code }: { code: string }) {
  const { t, lang } = useLang();
  return (
    <View className="checkin t-checkin-code" aria-label={t('book.checkin', { code: code.split('').join(' ') })}>
      <View className="muted">{t('book.checkin.show')}</View>
      <View className="checkin__code">{isolate(lang, code.replace(/(\d{3})(\d{3})/, '$1 $2'))}</View>
      <View className="muted">{t('book.checkin.today')}</View>
    </View>
  );
}

/** The booking confirmation: date, time, place and what to bring, in words. */
export function Confirmation({ b }: { b: BookingView }) {
  const { t, lang } = useLang();
  // the center names its windows in Chinese (下午, 晚间窗口): other readers get the kind in their words
  const kind = kindWord(t, lang, b.kind, b.kindLabel);
  return (
    <View className="card t-booking-confirmed" {...a11yRole('status')}>
      <View className="title">{t('book.done')}</View>
      <View className="strong t-booking-when">{when(t, lang, b)}</View>
      <View className="t-booking-kind">
        {t('book.kind')}
        <Text className="tag tag--kind">{lang === 'zh' ? windowTitle(kind, b.windowLabel) : kind}</Text>
      </View>
      <View className="t-booking-place">
        {t('book.place', { place: b.kind === 'home_visit' ? t('book.place.home') : b.place })}
      </View>
      {b.checkInCode && b.kind !== 'home_visit' ? <CheckInCode code={b.checkInCode} /> : null}
      {b.homeAddress ? <View>{t('book.homeAddress', { address: b.homeAddress })}</View> : null}
      <View className="card__title">{t('book.bring')}</View>
      {/* names of documents stay as the center lists them */}
      {b.bring.map((x) => (
        <View key={x}>· {x}</View>
      ))}
      <View className="muted">{t('book.changeRule')}</View>
    </View>
  );
}
