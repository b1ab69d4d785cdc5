import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import { ug } from './ug';
import { zh, type MessageKey, type Messages } from './zh';

export type { MessageKey } from './zh';
export type Lang = 'zh' | 'ug';

const DICTIONARIES: Record<Lang, Messages> = { zh, ug };

/**
 * How each language is laid out, in one place. Traditional Mongolian (the prefecture's own script)
 * would add `writing: 'vertical-lr'` here and a class for it; see docs/i18n.md.
 */
export const LAYOUT: Record<Lang, { dir: 'ltr' | 'rtl'; className: string }> = {
  zh: { dir: 'ltr', className: 'lang-zh' },
  ug: { dir: 'rtl', className: 'lang-ug' },
};

export const LANG_STORAGE_KEY = 'bangban.lang';

const isLang = (v: unknown): v is Lang => v === 'zh' || v === 'ug';

let current: Lang | null = null;
const listeners = new Set<() => void>();

/** H5 links and tests: `?lang=ug` anywhere in the address chooses the language and remembers it. */
function fromAddress(): Lang | null {
  if (process.env.TARO_ENV !== 'h5' || typeof location === 'undefined') return null;
  const m = /[?&]lang=(zh|ug)\b/.exec(`${location.search}${location.hash}`);
  return m ? (m[1] as Lang) : null;
}

function read(): Lang {
  if (current === null) {
    const asked = fromAddress();
    if (asked) {
      current = asked;
      remember(asked);
    } else {
      let stored: unknown;
      try {
        stored = Taro.getStorageSync(LANG_STORAGE_KEY);
      } catch {
        stored = undefined;
      }
      current = isLang(stored) ? stored : 'zh';
    }
  }
  return current;
}

function remember(lang: Lang): void {
  try {
    Taro.setStorageSync(LANG_STORAGE_KEY, lang);
  } catch {
    // storage full or refused: the choice holds until the app closes
  }
}

export function setLang(lang: Lang): void {
  current = lang;
  remember(lang);
  listeners.forEach((l) => l());
}

/** For tests: forget the cached choice so the next read looks at storage again. */
export function resetLangCache(): void {
  current = null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Numbers, dates, case and phone numbers inside right-to-left text: isolated left to right
 * (Unicode LRI … PDI), so "BB20261203-330027" and "0996-5012345" read as written in Uyghur lines.
 */
export function ltr(text: string | number): string {
  return `\u2066${text}\u2069`;
}

/** Whether a key built from a server code (an event, a status) has words in the dictionary. */
export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

/** A number, date or code standing alone: isolated left to right in Uyghur, as it is in Chinese. */
export function isolate(lang: Lang, text: string | number): string {
  return lang === 'zh' ? String(text) : ltr(text);
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in params ? (lang === 'zh' ? String(params[name]) : ltrIfNeeded(params[name])) : all,
  );
}

/** In Uyghur text a value that is not Arabic script (a number, a Chinese name) keeps its own direction. */
function ltrIfNeeded(value: string | number): string {
  const s = String(value);
  return /[\u0600-\u06ff]/.test(s) ? s : ltr(s);
}

/** Staff, center and 台账 screens (the subpackages) stay Chinese whatever the phone chose. */
function onStaffScreen(): boolean {
  const path = Taro.getCurrentInstance()?.router?.path ?? '';
  return /(^|\/)packages\//.test(path);
}

/** The reader's language, shared by every open page, and its words. */
export function useLang(): {
  lang: Lang;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
} {
  const chosen = useSyncExternalStore(subscribe, read, read);
  const lang = onStaffScreen() ? 'zh' : chosen;
  return { lang, t: (key, params) => translate(lang, key, params), setLang };
}
