/** What MiniProgram.launch takes, and the app.json it reads. */
import type { CloudTarget, DeviceProfile } from './wx';

type Options = Record<string, unknown>;

export interface SubPackage {
  root: string;
  pages: string[];
  independent?: boolean;
}

export interface AppJson {
  pages: string[];
  subPackages?: SubPackage[];
  subpackages?: SubPackage[];
  tabBar?: { list: { pagePath: string; text?: string }[] };
  window?: Options;
  entryPagePath?: string;
}

export interface LaunchOptions {
  /** the build folder: app.json, app.js, pages… (Taro's dist/) */
  dist: string;
  /** the local CloudBase wx.cloud reaches (its url and envId); without it wx.cloud calls fail */
  cloud?: CloudTarget | null;
  /** the WeChat user: wx.cloud calls run as this OPENID; it owns the device storage */
  openid?: string;
  /** launch page with optional query, e.g. "pages/apply/index?from=share" (default: the first page) */
  path?: string;
  /** launch scene (1001: from the 发现栏 list) */
  scene?: number;
  /** device storage; pass the same Map to relaunch with what the user stored before */
  storage?: Map<string, string>;
  device?: Partial<DeviceProfile>;
  /** raise recorded problems at the next action (default true) */
  strict?: boolean;
  /** print the app's console.log (default: keep quiet) */
  printConsole?: boolean;
  /**
   * WeChat's own record that this user agreed to the mini-program's privacy guide (kept by WeChat
   * per user, not in app storage); pass the same object to relaunch with it. Default: not agreed.
   */
  privacy?: PrivacyRecord;
}

/** WeChat's record of the user's consent to the privacy guide (see onNeedPrivacyAuthorization). */
export interface PrivacyRecord {
  agreed: boolean;
}
