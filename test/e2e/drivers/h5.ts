/**
 * Journeys on the H5 build in Chromium. Taro H5 keeps earlier pages of the stack in the DOM,
 * hidden, so every locator asks for :visible; an input's class sits on Taro's wrapper element.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { pageSettled, shot } from '../../support/browser';
import { runNotifyTimer, ZIGZAG, type Driver, type OpenOptions, type Opened, type Session } from '../journeys/driver';

export class H5Driver implements Driver {
  readonly build = 'h5' as const;
  readonly skipped: string[] = [];

  constructor(
    private readonly browser: BrowserContext,
    /** where serveApp serves the H5 build */
    private readonly appUrl: string,
    /** the local CloudBase the build talks to, whose notify timer `moment()` runs */
    private readonly cloudUrl: string,
  ) {}

  async moment(): Promise<void> {
    await runNotifyTimer(this.cloudUrl);
  }

  async open(path: string, openid: string, options: OpenOptions = {}): Promise<Session> {
    const page = await this.browser.newPage();
    const errors: string[] = [];
    // E2E_STACKS=1: each page error's stack as well (the message alone rarely says where)
    page.on('pageerror', (e) => {
      errors.push(e.message);
      if (process.env.E2E_STACKS) console.log('PAGEERROR', path, e.stack);
    });
    const lang = options.lang ? `&lang=${options.lang}` : '';
    await page.goto(`${this.appUrl}/#${path}${path.includes('?') ? '&' : '?'}as=${openid}${lang}`);
    return new H5Session(page, errors);
  }
}

class H5Session implements Session {
  /** tabs the page opened (window.open), in order */
  private readonly tabs: Page[] = [];

  constructor(
    private readonly page: Page,
    private readonly pageErrors: string[],
  ) {
    page.on('popup', (p) => void this.tabs.push(p));
  }

  async opened(): Promise<Opened[]> {
    // Taro H5's previewImage: a full-screen .preview-image overlay with a swiper of <img>
    const viewers = await this.page.evaluate(() =>
      [...document.querySelectorAll('.preview-image')].map((el) => {
        const urls = [...el.querySelectorAll('img')].map((i) => i.src);
        const at = Number(
          (el.querySelector('taro-swiper-core') as unknown as { current?: number } | null)?.current ?? 0,
        );
        return { urls, current: urls[at] ?? urls[0] ?? '' };
      }),
    );
    const docs: Opened[] = [];
    for (const t of this.tabs) {
      // opened blank inside the tap, then pointed at the file
      await t.waitForURL((u) => u.href !== 'about:blank', { timeout: 10_000 }).catch(() => undefined);
      docs.push({ kind: 'document', url: t.url() });
    }
    return [...docs, ...viewers.map((v) => ({ kind: 'images' as const, ...v }))];
  }

  willAnswerSubscribe(): void {
    // the H5 gateway has no dialog: it records what was requested as accepted
  }

  private visible(cls: string) {
    return this.page.locator(`.${cls}:visible`);
  }

  async tap(cls: string, index?: number): Promise<void> {
    await (index === undefined ? this.visible(cls) : this.visible(cls).nth(index)).click();
  }

  async chooseFiles(cls: string, files: string[]): Promise<void> {
    await this.visible(cls).locator('input[type=file]').setInputFiles(files);
  }

  // the browser has no camera API the app calls: the photo button is an image file input
  async takePhotos(cls: string, photos: string[]): Promise<void> {
    await this.visible(cls).locator('input[type=file]').setInputFiles(photos);
  }

  async draw(cls: string): Promise<void> {
    const canvas = this.visible(cls).locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error(`h5: the canvas in .${cls} has no box`);
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + 30, y);
    await this.page.mouse.down();
    for (const [dx, dy] of ZIGZAG) await this.page.mouse.move(box.x + 30 + dx, y + dy);
    await this.page.mouse.up();
  }

  async fill(cls: string, value: string): Promise<void> {
    await this.visible(cls).locator('input, textarea').fill(value);
  }

  async waitFor(cls: string): Promise<void> {
    await this.visible(cls).first().waitFor();
  }

  async text(cls: string): Promise<string> {
    return (await this.visible(cls).first().innerText()).trim();
  }

  async texts(cls: string): Promise<string[]> {
    return (await this.visible(cls).allInnerTexts()).map((t) => t.trim());
  }

  count(cls: string): Promise<number> {
    return this.visible(cls).count();
  }

  pageText(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  shot(name: string): Promise<void> {
    return shot(this.page, name);
  }

  async dialed(): Promise<string[]> {
    throw new Error(
      "h5: Taro H5 dials by pointing the page at a tel: link, which a headless browser cannot follow (a weapp-only check: wrap it in only(d, 'weapp', …))",
    );
  }

  async overflowX(): Promise<number> {
    await pageSettled(this.page);
    // a page scrolls inside its .taro_page, which clips (overflow-x: hidden): measure both
    return this.page.evaluate(() => {
      const doc = document.documentElement;
      const current = [...document.querySelectorAll<HTMLElement>('.taro_router > .taro_page')]
        .filter((p) => getComputedStyle(p).display !== 'none')
        .pop();
      return Math.max(doc.scrollWidth - doc.clientWidth, current ? current.scrollWidth - current.clientWidth : 0);
    });
  }

  errors(): string[] {
    return [...this.pageErrors];
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
