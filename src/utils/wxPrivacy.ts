import Taro from '@tarojs/taro';

type Answer = { event: 'agree'; buttonId: string } | { event: 'disagree' };
type Resolve = (answer: Answer) => void;
type Watcher = (needed: boolean) => void;

/** The id of our agree button: WeChat wants it back with an 'agree' answer. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

let pending: Resolve | null = null;
const watchers = new Set<Watcher>();

/**
 * Registered once at launch (weapp only). Since 2023-10-17 WeChat checks consent before a privacy
 * API (chooseMedia, chooseMessageFile…); with this listener it asks us instead of showing its own
 * popup, so the applicant consents once, in our gate. The API waits until we answer.
 */
export function installWxPrivacy(): void {
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // no gate on screen to ask with: refuse now rather than leave the API waiting for ever
    if (watchers.size === 0) return resolve({ event: 'disagree' });
    pending = resolve as Resolve;
    watchers.forEach((w) => w(true));
  });
}

/** A gate listens for WeChat asking; it hears at once if a question is already waiting. */
export function watchPrivacyNeeded(watcher: Watcher): () => void {
  watchers.add(watcher);
  if (pending) watcher(true);
  return () => {
    watchers.delete(watcher);
  };
}

/** Whether WeChat is waiting for the applicant's answer. */
export const privacyPending = (): boolean => pending !== null;

/** The applicant answered in our gate: WeChat's waiting API goes on (agree) or fails (disagree). */
export function answerPrivacy(agreed: boolean): void {
  const resolve = pending;
  pending = null;
  resolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
  watchers.forEach((w) => w(false));
}
