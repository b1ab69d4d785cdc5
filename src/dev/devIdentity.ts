import { DEFAULT_DEMO_OPENID } from './demoIdentities';

/** localStorage key; browser tests may preset it instead of using `?as=`. */
export const DEV_OPENID_STORAGE_KEY = 'bangban.devOpenid';

/**
 * Any well-formed openid is accepted, not only the listed demo ones, so tests can act as
 * identities seeded later; the gateway decides what each may do.
 */
function isWellFormed(openid: string | null | undefined): openid is string {
  return !!openid && /^[A-Za-z0-9_-]{1,64}$/.test(openid);
}

/** `?as=` may sit in the real query or, with Taro's hash router, after the `#/path?`. */
function readQueryAs(): string | null {
  const fromSearch = new URLSearchParams(window.location.search).get('as');
  if (fromSearch) return fromSearch;
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  return q >= 0 ? new URLSearchParams(hash.slice(q + 1)).get('as') : null;
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(DEV_OPENID_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setDevOpenid(openid: string): void {
  try {
    window.localStorage.setItem(DEV_OPENID_STORAGE_KEY, openid);
  } catch {
    // Private mode may refuse storage; the query parameter still works.
  }
}

/** The identity the H5 gateway should act as: `?as=` wins and is remembered. */
export function getDevOpenid(): string {
  const fromQuery = readQueryAs();
  if (isWellFormed(fromQuery)) {
    if (readStored() !== fromQuery) setDevOpenid(fromQuery);
    return fromQuery;
  }
  const stored = readStored();
  return isWellFormed(stored) ? stored : DEFAULT_DEMO_OPENID;
}
