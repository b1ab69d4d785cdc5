/**
 * What a journey may do, whatever build it runs on. A journey is written once against this
 * interface; the H5 driver (Playwright, Chromium) and the weapp driver (test/weapp-harness, the
 * WeChat build in Node) carry it out. Classes are the pages' `t-*` test hooks, without the dot,
 * and every query looks at what is visible on the current page only.
 */
export type Build = 'h5' | 'weapp';

export interface OpenOptions {
  lang?: 'zh' | 'ug';
}

/** The stroke both drivers draw for a signature: a zigzag like a quickly written name, css px from its start. */
export const ZIGZAG: [number, number][] = Array.from({ length: 12 }, (_, i) => [(i + 1) * 18, i % 2 ? -30 : 30]);

export interface Driver {
  readonly build: Build;
  /**
   * Opens the app at `path` (e.g. /pages/index/index) as the person `openid`. `lang`: the reading
   * language, as the person chose it (H5: `?lang=` in the address; WeChat: the stored setting).
   */
  open(path: string, openid: string, options?: OpenOptions): Promise<Session>;
  /** Steps a journey skipped on this build, with the reason (see `only`). */
  readonly skipped: string[];
  /**
   * A few seconds pass: the notify function's timer runs once, settling what answered calls left
   * (台账 rows, 差评 records) and delivering messages. A person waits that long anyway.
   */
  moment(): Promise<void>;
}

/**
 * A file the app opened for the person: images in the image viewer (WeChat's previewImage, Taro's
 * overlay on H5), or a document (WeChat's openDocument after downloadFile; a new tab on H5).
 */
export type Opened = { kind: 'images'; urls: string[]; current: string } | { kind: 'document'; url: string };

/** One person's phone (weapp) or browser tab (H5). */
export interface Session {
  /**
   * Taps the one visible element with this class; with `index`, the index-th of those visible
   * (negative counts from the end: -1 is the last), for lists whose rows share a class.
   */
  tap(cls: string, index?: number): Promise<void>;
  /**
   * How the person answers the next subscribe-message prompt (WeChat asks at a tap: submit, book).
   * H5 has no such dialog: its gateway records every requested template as accepted.
   * 'acceptWithAudio': accepted with WeChat's sound reminder turned on.
   */
  willAnswerSubscribe(answer: 'accept' | 'acceptWithAudio' | 'reject'): void;
  /**
   * Picks files (paths on this machine) with the file picker that has this class: the person
   * chooses them in the browser's file dialog (H5) or from a WeChat chat (weapp, chooseMessageFile).
   * Answers once the picker has handed them over (on WeChat it may first wait for privacy consent).
   */
  chooseFiles(cls: string, files: string[]): Promise<void>;
  /**
   * Takes photos (image files on this machine) with the photo picker that has this class: the
   * phone's camera or album (weapp, chooseMedia), or the browser's file dialog for images (H5).
   */
  takePhotos(cls: string, photos: string[]): Promise<void>;
  /** Draws a stroke with a finger (or the mouse) across the one canvas inside the element with this class. */
  draw(cls: string): Promise<void>;
  /** Types into the input or textarea with this class (or inside it). */
  fill(cls: string, value: string): Promise<void>;
  /** Waits until an element with this class is visible. */
  waitFor(cls: string): Promise<void>;
  /** Text of the first visible element with this class. */
  text(cls: string): Promise<string>;
  texts(cls: string): Promise<string[]>;
  count(cls: string): Promise<number>;
  /** The files opened so far (image viewer, document viewer or tab), oldest first. */
  opened(): Promise<Opened[]>;
  /**
   * weapp only (call it inside `only(d, 'weapp', …)`): the numbers handed to the phone's dialer
   * (wx.makePhoneCall), oldest first. Taro H5 hands a tel: link to the operating system, which a
   * headless browser has not.
   */
  dialed(): Promise<string[]>;
  /** Everything the page shows, as text. */
  pageText(): Promise<string>;
  /** H5: a PNG in test-results/screenshots; weapp: the rendered tree in test-results/weapp. */
  shot(name: string): Promise<void>;
  /**
   * H5 only (the weapp harness does no layout; call it inside `only(d, 'h5', …)`): how many css px
   * the current page's content or the document is wider than the screen, 0 when nothing overflows.
   */
  overflowX(): Promise<number>;
  /** Script errors and harness problems seen so far (empty when all is well). */
  errors(): string[];
  close(): Promise<void>;
}

/**
 * A step only one build can take, with the reason written where the journey is read. The other
 * build records `why` in driver.skipped instead of silently doing nothing.
 */
export async function only(driver: Driver, build: Build, why: string, step: () => Promise<void>): Promise<void> {
  if (driver.build === build) await step();
  else driver.skipped.push(`${build}-only: ${why}`);
}

export interface Journey {
  name: string;
  /** `cloud`: the local CloudBase the driver reaches (its url), for setup over its gateway */
  run(driver: Driver, cloud: { url: string }): Promise<unknown>;
}

/** Runs the local CloudBase's notify timer once over its console API (what `moment()` does). */
export async function runNotifyTimer(cloudUrl: string): Promise<void> {
  const res = await fetch(`${cloudUrl.replace(/\/$/, '')}/_/api/triggers/notify/fire`, { method: 'POST' });
  const body = (await res.json()) as { ok: boolean; error?: string; result?: { ok?: boolean } };
  if (!body.ok || !body.result?.ok) throw new Error(`the notify timer failed: ${JSON.stringify(body)}`);
}
