import { isMessageKey, type Lang, type MessageKey, type useLang } from '../../i18n';
import type { Message } from '../../services/notify';
import { formatChinaDateTime } from '../../utils/format';

type T = ReturnType<typeof useLang>['t'];

/** The words of one inbox message: title, note, matter and time (the page shows no status line). */
export interface MessageWords {
  title: string;
  note: string;
  matter: string;
  time: string;
}

/**
 * An inbox message in the reader's language, by its codes. Chinese readers, messages stored before
 * the codes, and kinds the dictionary does not know (staff reminders) read the stored Chinese, which
 * is also what the WeChat push said.
 */
export function messageWords(m: Message, t: T, lang: Lang): MessageWords {
  const stored = { title: m.title, note: m.note, matter: m.matter, time: m.time };
  const f = m.facts;
  if (lang === 'zh' || !m.kind || !f) return stored;
  // a booking's facts carry its id, slot kind and time; a case's its category and mode (core MessageFacts)
  const booking = 'bookingId' in f ? f : null;
  // the applicant's own wording of a step (core APPLICANT_MESSAGES); staff read theirs in Chinese
  if (m.kind === 'case_reassigned' && m.audience !== 'applicant') return stored;
  const noteKey = `msg.${m.kind}${booking?.kind === 'home_visit' ? '.home' : ''}`;
  const purposeKey = `msg.purpose.${m.purpose}`;
  if (!isMessageKey(noteKey) || !isMessageKey(purposeKey)) return stored;
  const say = (key: string, fallback: string) => (isMessageKey(key) ? t(key as MessageKey) : fallback);
  return {
    title: t(purposeKey),
    note: t(noteKey),
    matter: t('msg.matter', {
      a: booking ? say(`slot.${booking.kind}`, m.matter) : say(`category.${f.category}`, m.matter),
      b: booking ? say(`category.${booking.category}`, '') : 'mode' in f ? say(`mode.${f.mode}`, '') : '',
    }),
    // a booking's message is about the appointment's time; a case's about when it happened
    time:
      booking?.date && booking.start ? `${booking.date} ${booking.start}` : m.at ? formatChinaDateTime(m.at) : m.time,
  };
}
