/**
 * Journeys on the WeChat build (dist/) in the weapp harness. Each open() is a phone launching
 * the mini-program at that page as one WeChat user; a user's wx storage lives on across their
 * launches, like a phone's. Every action fails on the first harness problem, naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type CloudTarget,
  type DeviceProfile,
  type Interaction,
  MiniProgram,
  type PrivacyRecord,
  formatProblems,
} from '../../weapp-harness';
import { runNotifyTimer, ZIGZAG, type Driver, type OpenOptions, type Opened, type Session } from '../journeys/driver';

export interface WeappDriverOptions {
  dist: string;
  cloud: CloudTarget;
  /** folder for shot(): the rendered tree as text; none = no files */
  snapshots?: string;
  device?: Partial<DeviceProfile>;
}

export class WeappDriver implements Driver {
  readonly build = 'weapp' as const;
  readonly skipped: string[] = [];
  readonly sessions: { openid: string; mp: MiniProgram }[] = [];
  private readonly storages = new Map<string, Map<string, string>>();
  /** WeChat's own privacy consent per user, which outlives a launch like storage does */
  private readonly privacies = new Map<string, PrivacyRecord>();

  constructor(private readonly options: WeappDriverOptions) {}

  async moment(): Promise<void> {
    await runNotifyTimer(this.options.cloud.url);
  }

  async open(path: string, openid: string, options: OpenOptions = {}): Promise<Session> {
    if (!this.storages.has(openid)) this.storages.set(openid, new Map());
    // the language setting as the app stores it (wx.setStorageSync('bangban.lang', 'ug'))
    if (options.lang) this.storages.get(openid)!.set('bangban.lang', JSON.stringify(options.lang));
    if (!this.privacies.has(openid)) this.privacies.set(openid, { agreed: false });
    const mp = await MiniProgram.launch({
      dist: this.options.dist,
      cloud: this.options.cloud,
      openid,
      path: path.replace(/^\//, ''),
      storage: this.storages.get(openid),
      privacy: this.privacies.get(openid),
      device: this.options.device,
    });
    this.sessions.push({ openid, mp });
    return new WeappSession(mp, this.options.snapshots);
  }

  /** Every interaction of every session, labelled with who did it. */
  interactions(): Interaction[] {
    return this.sessions.flatMap(({ openid, mp }) =>
      mp.interactions.map((i) => ({ ...i, label: `${openid}: ${i.label}` })),
    );
  }

  /** wx APIs called by any session. */
  apiCalls(): Set<string> {
    return new Set(this.sessions.flatMap(({ mp }) => [...mp.apiCalls.keys()]));
  }

  async close(): Promise<void> {
    for (const { mp } of this.sessions) await mp.close();
  }
}

class WeappSession implements Session {
  constructor(
    readonly mp: MiniProgram,
    private readonly snapshots?: string,
  ) {}

  tap(cls: string, index?: number): Promise<void> {
    if (index === undefined) return this.mp.tap(`.${cls}`);
    const hits = this.mp.page.byClass(cls);
    const hit = hits.at(index);
    if (!hit)
      throw new Error(`weapp: no visible .${cls} at index ${index} on ${this.mp.page.route} (${hits.length} visible)`);
    return this.mp.tap(hit);
  }

  willAnswerSubscribe(answer: 'accept' | 'acceptWithAudio' | 'reject'): void {
    this.mp.answerSubscribe((ids) => Object.fromEntries(ids.map((id) => [id, answer])));
  }

  chooseFiles(cls: string, files: string[]): Promise<void> {
    this.mp.pickMessageFiles(files);
    return this.mp.tap(`.${cls}`);
  }

  takePhotos(cls: string, photos: string[]): Promise<void> {
    this.mp.pickMedia(photos);
    return this.mp.tap(`.${cls}`);
  }

  draw(cls: string): Promise<void> {
    // the same zigzag as in Chromium, from (30, middle) of WeChat's default 300×150 canvas
    return this.mp.draw(`.${cls}`, [[30, 75], ...ZIGZAG.map(([dx, dy]): [number, number] => [30 + dx, 75 + dy])]);
  }

  fill(cls: string, value: string): Promise<void> {
    return this.mp.input(`.${cls}`, value);
  }

  async waitFor(cls: string): Promise<void> {
    await this.mp.waitFor(`.${cls}`);
  }

  async text(cls: string): Promise<string> {
    const hit = this.mp.page.byClass(cls)[0];
    if (!hit) throw new Error(`weapp: no visible .${cls} on ${this.mp.page.route}`);
    return hit.text;
  }

  async texts(cls: string): Promise<string[]> {
    return this.mp.page.byClass(cls).map((n) => n.text);
  }

  async count(cls: string): Promise<number> {
    return this.mp.page.byClass(cls).length;
  }

  async pageText(): Promise<string> {
    return this.mp.page.text();
  }

  async opened(): Promise<Opened[]> {
    return this.mp.ui.log.flatMap((e): Opened[] => {
      if (e.api === 'previewImage') return [{ kind: 'images', urls: e.urls ?? [], current: e.current ?? '' }];
      if (e.api === 'openDocument') return [{ kind: 'document', url: e.url ?? e.filePath ?? '' }];
      return [];
    });
  }

  async dialed(): Promise<string[]> {
    return this.mp.ui.log.filter((e) => e.api === 'makePhoneCall').map((e) => e.phoneNumber ?? '');
  }

  async shot(name: string): Promise<void> {
    if (!this.snapshots) return;
    fs.mkdirSync(this.snapshots, { recursive: true });
    const page = this.mp.page;
    fs.writeFileSync(
      path.join(this.snapshots, `${name}.wxml.txt`),
      `<!-- ${page.route} (${page.title}) -->\n${page.outline(10000)}\n`,
    );
  }

  async overflowX(): Promise<number> {
    throw new Error(
      "weapp: the harness does no layout, so it cannot measure widths (an H5-only check: wrap it in only(d, 'h5', …))",
    );
  }

  errors(): string[] {
    return [...this.mp.raised, ...this.mp.problems].map((p) => formatProblems([p]).trim());
  }

  close(): Promise<void> {
    return this.mp.close();
  }
}
