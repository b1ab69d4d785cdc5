/**
 * The weapp harness itself, on a hand-written fixture mini-program (test/weapp-harness/fixtures/
 * mini, not part of the app): broken pages fail with a message naming what broke; the page
 * stack, tab bar and subpackages follow app.json; the modelled wx APIs behave as documented and
 * reach a local CloudBase as the launch identity.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { CloudBase } from '../../local-cloud/src';
import { startTestCloud } from '../support/cloud';
import {
  HarnessError,
  type LaunchOptions,
  MiniProgram,
  OfficialRenderer,
  applySetData,
  parsePath,
  wxApiList,
  MODELLED_WX_APIS,
} from '../weapp-harness';

const FIXTURE = path.join(__dirname, '..', 'weapp-harness', 'fixtures', 'mini');
const FILES = path.join(__dirname, '..', 'weapp-harness', 'fixtures', 'files');
const DIST = path.join(__dirname, '..', '..', 'dist');

let cloud: CloudBase;
const opened: MiniProgram[] = [];

beforeAll(async () => {
  cloud = await startTestCloud({
    project: {
      envId: 'fixture-env',
      subscribeTemplates: {
        TPL_PROGRESS: { title: '办理进度通知', keywords: ['thing1'] },
        TPL_RESULT: { title: '办理结果通知', keywords: ['thing1'] },
      },
    },
  });
});
afterEach(async () => {
  for (const mp of opened.splice(0)) await mp.close();
});
afterAll(() => cloud?.stop());

async function launch(pagePath: string, options: Partial<LaunchOptions> = {}): Promise<MiniProgram> {
  // the user agreed to WeChat's privacy popup before, unless a test says otherwise (the privacy tests)
  const mp = await MiniProgram.launch({
    dist: FIXTURE,
    cloud,
    openid: 'o_fixture',
    path: pagePath,
    privacy: { agreed: true },
    ...options,
  });
  opened.push(mp);
  return mp;
}

const out = (mp: MiniProgram) => mp.page.byClass('out')[0].text;

describe('a page that would break in WeChat fails the test, naming the cause', () => {
  test('touching document', async () => {
    const err = await launch('pages/dom/index').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HarnessError);
    expect((err as HarnessError).message).toMatch(
      /pages\/dom\/index onLoad touched `document`, which does not exist in a mini-program/,
    );
    expect((err as HarnessError).problems.map((p) => p.kind)).toEqual(['browser-global']);
  });

  test('a browser global used later, from a timer', async () => {
    const mp = await launch('pages/later/index');
    await expect(mp.tap('.save')).rejects.toThrow(/setTimeout callback touched `localStorage`/);
  });

  test('a wx API the harness does not model, even when the page swallows the error', async () => {
    const mp = await launch('pages/api/index');
    await expect(mp.tap('.scan')).rejects.toThrow(
      /\[unmodelled-api\] pages\/api\/index: called wx\.scanCode, which the weapp harness does not model/,
    );
    expect(mp.apiCalls.get('scanCode')).toBe(1);
    // WeChat hands uncaught errors to App.onError; this one was caught by the page
    expect(mp.appInstance?.errors).toBeUndefined();
  });

  test('a wx API WeChat does not have, a page method nobody modelled', async () => {
    const mp = await launch('pages/api/index');
    await expect(mp.tap('.typo')).rejects.toThrow(/called wx\.shwoToast, which WeChat does not have/);
    expect(mp.appInstance?.errors).toEqual([expect.stringContaining('shwoToast')]);
    await expect(mp.tap('.selector')).rejects.toThrow(/this\.createSelectorQuery\(\) on page pages\/api\/index/);
  });

  test('a rejection nobody handles', async () => {
    // jest fails any test with an unhandled rejection by itself; its listener steps aside here to
    // show the harness naming it, which is what runs outside jest (npm run bench, scripts)
    const real = vm.runInThisContext('process') as NodeJS.Process;
    const jestListeners = real.listeners('unhandledRejection');
    real.removeAllListeners('unhandledRejection');
    try {
      const mp = await launch('pages/api/index');
      await expect(mp.tap('.reject')).rejects.toThrow(
        /\[unhandled-rejection\] pages\/api\/index: unhandled rejection: Error: nobody catches this/,
      );
    } finally {
      for (const l of jestListeners) real.on('unhandledRejection', l as NodeJS.UnhandledRejectionListener);
    }
  });

  test('requiring a subpackage file from the main package', async () => {
    const mp = await launch('pages/api/index');
    await expect(mp.tap('.require-sub')).rejects.toThrow(/subpackage pkg cannot be required from the main package/);
  });

  test('one setData over 1 MB', async () => {
    await expect(launch('pages/big/index')).rejects.toThrow(
      /\[setdata-limit\] pages\/big\/index: one setData of 1100 KB exceeds WeChat's 1 MB limit/,
    );
  });
});

describe('page stack, tab bar and subpackages follow app.json', () => {
  test('launch and navigateTo run the lifecycles in WeChat order; queries stay raw', async () => {
    const mp = await launch('pages/home/index', { scene: 1047 });
    expect(mp.appInstance?.launch).toMatchObject({ path: 'pages/home/index', scene: 1047 });
    expect(mp.lifecycleLog).toEqual([
      'App onLaunch',
      'App onShow',
      'pages/home/index onLoad',
      'pages/home/index onShow',
      'pages/home/index onReady',
    ]);
    mp.lifecycleLog.length = 0;
    await mp.tap('.go-detail');
    expect(mp.lifecycleLog).toEqual([
      'pages/home/index onHide',
      'pages/detail/index onLoad',
      'pages/detail/index onShow',
      'pages/detail/index onReady',
    ]);
    expect(mp.page.options).toEqual({ id: '7', name: '%E5%BC%A0' });
    expect(mp.page.title).toBe('详情');
    expect(mp.page.byClass('id')[0].text).toBe('id=7 name=%E5%BC%A0');
  });

  test('the stack holds 10 pages; back unloads the top and shows the one below', async () => {
    const mp = await launch('pages/detail/index?id=1');
    for (let i = 0; i < 9; i++) await mp.tap('.deeper');
    expect(mp.pages()).toHaveLength(10);
    await mp.tap('.deeper');
    expect(mp.page.byClass('nav-error')[0].text).toBe('navigateTo:fail webview count limit exceed');
    mp.lifecycleLog.length = 0;
    await mp.tap('.back');
    expect(mp.lifecycleLog).toEqual(['pages/detail/index onUnload', 'pages/detail/index onShow']);
    expect(mp.page.options.id).toBe('9');
  });

  test('redirectTo replaces the page; reLaunch closes every page', async () => {
    const mp = await launch('pages/home/index');
    await mp.tap('.go-detail');
    await mp.tap('.redirect');
    expect(mp.pages().map((p) => p.route)).toEqual(['pages/home/index', 'pages/tools/index']);
    await mp.back();
    await mp.tap('.go-me');
    await mp.tap('.relaunch');
    expect(mp.pages().map((p) => p.route)).toEqual(['pages/detail/index']);
  });

  test('switchTab keeps tab pages alive and closes the others; tab and unknown pages cannot be navigated to', async () => {
    const mp = await launch('pages/home/index');
    await mp.tap('.go-tab-wrongly');
    expect(mp.page.byClass('nav-error')[0].text).toBe('navigateTo:fail can not navigateTo a tabbar page');
    await mp.tap('.go-missing');
    expect(mp.page.byClass('nav-error')[0].text).toBe('navigateTo:fail page "pages/nope/index" is not found');
    await mp.tap('.go-detail');
    await mp.back();
    await mp.tap('.go-me');
    expect(mp.pages().map((p) => p.route)).toEqual(['pages/me/index']);
    expect(mp.page.byClass('visits')[0].text).toBe('第 1 次');
    mp.lifecycleLog.length = 0;
    await mp.tap('.go-home');
    // the home tab was hidden, not unloaded: it shows again with its state
    expect(mp.lifecycleLog).toEqual(['pages/me/index onHide', 'pages/home/index onShow']);
    expect(mp.page.byClass('nav-error')[0].text).toContain('is not found');
    await mp.tap('.go-me');
    expect(mp.page.byClass('visits')[0].text).toBe('第 2 次');
  });

  test('a subpackage page opens by a relative url and loads its package', async () => {
    const mp = await launch('pages/home/index');
    await mp.tap('.go-sub');
    expect(mp.page.route).toBe('pkg/pages/sub/index');
    expect(mp.subpackagesLoaded).toEqual(new Set(['pkg']));
    expect(mp.page.text()).toBe('分包页面');
  });

  test('pull-down refresh only where the page enables it', async () => {
    const mp = await launch('pages/home/index');
    await expect(mp.pullDownRefresh()).rejects.toThrow(/does not enable pull-down refresh/);
    await mp.tap('.go-detail');
    await mp.pullDownRefresh();
    expect(mp.page.byClass('refreshed')[0].text).toBe('刷新 1');
    expect(mp.page.refreshing).toBe(false);
  });
});

describe('taps, input and queries go through the page like WeChat', () => {
  test('a tap bubbles to the nearest bound ancestor; hidden or unbound nodes cannot be tapped', async () => {
    const mp = await launch('pages/home/index');
    expect(mp.page.query('.hidden-note')).toEqual([]);
    await expect(mp.tap('.hidden-note')).rejects.toThrow(/0 visible matches/);
    await expect(mp.tap('.title')).rejects.toThrow(/nothing handles it/);
    expect(mp.page.byText('点里面的字也算').map((n) => n.className)).toEqual(['card-body']);
    await mp.tap('.card-body');
    expect(mp.page.options.id).toBe('8');
  });

  test('change and submit: a switch, a form-type="submit" button, a form submitted directly', async () => {
    const mp = await launch('pages/form/index');
    await mp.input('.who', '张桂兰');
    await mp.change('.agree', true);
    expect(mp.page.byClass('agree')[0].attr('checked')).toBe(true);
    await mp.tap('.send');
    expect(JSON.parse(out(mp))).toEqual({ who: '张桂兰', agree: true });
    await mp.change('.agree', false);
    await mp.submit('.form');
    expect(JSON.parse(out(mp))).toEqual({ who: '张桂兰', agree: false });
    await expect(mp.change('.who', 'x')).rejects.toThrow(/nothing listens to change/);
  });

  test('input honours maxlength and the keyboard type', async () => {
    const mp = await launch('pages/tools/index');
    await mp.input('.note', '一二三四五六七');
    expect(out(mp)).toBe('typed 一二三四五');
    expect(mp.page.byTag('input')[0].attr('value')).toBe('一二三四五');
    await expect(mp.input('.phone', '138-0000')).rejects.toThrow(/cannot be typed on WeChat's number keyboard/);
  });
});

describe('modelled wx APIs behave as WeChat documents them', () => {
  test('showModal answers come from the test; an unscripted one fails; long button labels fail as in WeChat', async () => {
    const mp = await launch('pages/tools/index');
    await expect(mp.tap('.confirm')).rejects.toThrow(/\[unscripted\].*showModal\("确认提交", "提交后不能修改"\)/);
    mp.answerModal({ confirm: true }, { confirm: false });
    await mp.tap('.confirm');
    expect(out(mp)).toBe('confirmed');
    await mp.tap('.confirm');
    expect(out(mp)).toBe('cancelled');
    await mp.tap('.long-label');
    expect(out(mp)).toBe('showModal:fail confirmText length should not larger than 4 Chinese characters');
    await mp.tap('.toast');
    expect(mp.ui.toast).toMatchObject({ title: '已保存', icon: 'success' });
    expect(mp.ui.log.map((e) => e.api)).toEqual(['showModal', 'showModal', 'showToast']);
  });

  test('requestSubscribeMessage: the test chooses, the local CloudBase records the grant, only inside a tap', async () => {
    const mp = await launch('pages/tools/index');
    mp.answerSubscribe({ TPL_PROGRESS: 'accept', TPL_RESULT: 'reject' });
    await mp.tap('.subscribe');
    expect(JSON.parse(out(mp))).toEqual({ progress: 'accept', result: 'reject' });
    expect(cloud.messages.remaining('o_fixture', 'TPL_PROGRESS')).toBe(1);
    expect(cloud.messages.remaining('o_fixture', 'TPL_RESULT')).toBe(0);
    await mp.tap('.subscribe-late');
    await mp.waitFor(() => out(mp) !== '' && !out(mp).startsWith('{'));
    expect(out(mp)).toBe('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
  });

  test('chooseMedia returns the picked fixture; wx.cloud.uploadFile stores it in the local CloudBase', async () => {
    const mp = await launch('pages/tools/index');
    mp.pickMedia([path.join(FILES, 'photo.png')]);
    await mp.tap('.photo');
    expect(JSON.parse(out(mp))).toEqual({
      size: 71,
      width: 3,
      type: 'image',
      fileID: 'cloud://fixture-env.local/photos/p.png',
      http: true,
    });
    expect(cloud.storage.get('photos/p.png')).toEqual(fs.readFileSync(path.join(FILES, 'photo.png')));
    mp.pickMedia('cancel');
    await mp.tap('.photo');
    expect(out(mp)).toBe('chooseMedia:fail cancel');
    // with callbacks, uploadFile answers an UploadTask that reports progress
    mp.pickMedia([path.join(FILES, 'photo.png')]);
    await mp.tap('.photo-progress');
    expect(JSON.parse(out(mp))).toEqual({ fileID: 'cloud://fixture-env.local/photos/q.png', seen: [100] });
  });

  test('chooseMessageFile filters by type, and by extension only with type file, as WeChat documents', async () => {
    const mp = await launch('pages/tools/index');
    mp.pickMessageFiles([path.join(FILES, '申请材料.pdf')]);
    await mp.tap('.doc');
    expect(out(mp)).toBe('申请材料.pdf 55');
    mp.pickMessageFiles([path.join(FILES, 'photo.png')]);
    await expect(mp.tap('.doc')).rejects.toThrow(/chooseMessageFile\(type file\) cannot return/);
    // type 'all': WeChat ignores extension and the user sees every file, so the call is a misuse
    mp.pickMessageFiles([path.join(FILES, 'photo.png')]);
    await expect(mp.tap('.doc-all')).rejects.toThrow(/extension \(pdf\) is ignored with type 'all'/);
  });

  test('chooseMedia fails a value WeChat does not take; compressImage and getFileInfo give a temp file and its size', async () => {
    const mp = await launch('pages/tools/index');
    await mp.tap('.photo-front');
    expect(out(mp)).toBe('chooseMedia:fail parameter error: parameter.sourceType "front" is not one of album/camera');
    mp.pickMedia([path.join(FILES, 'photo.png')]);
    await mp.tap('.compress');
    expect(JSON.parse(out(mp))).toEqual({ temp: true, size: fs.statSync(path.join(FILES, 'photo.png')).size });
  });

  test('requestSubscribeMessage: acceptWithAudio is a grant; Alipay’s entityIds is a misuse', async () => {
    const mp = await launch('pages/tools/index', { openid: 'o_fixture_audio' });
    mp.answerSubscribe({ TPL_PROGRESS: 'acceptWithAudio', TPL_RESULT: 'reject' });
    await mp.tap('.subscribe');
    expect(JSON.parse(out(mp))).toEqual({ progress: 'acceptWithAudio', result: 'reject' });
    expect(cloud.messages.remaining('o_fixture_audio', 'TPL_PROGRESS')).toBe(1);
    mp.answerSubscribe({ TPL_PROGRESS: 'accept' });
    await expect(mp.tap('.subscribe-alipay')).rejects.toThrow(/entityIds is not a WeChat parameter/);
  });

  test('wx.cloud.callFunction runs as the launch identity', async () => {
    const mp = await launch('pages/tools/index', { openid: 'o_someone_else' });
    await mp.tap('.whoami');
    expect(out(mp)).toBe('o_someone_else');
  });

  test('storage keeps JSON values and Dates per user across launches; a missing key reads ""', async () => {
    const storage = new Map<string, string>();
    const mp = await launch('pages/tools/index', { storage });
    await mp.tap('.date');
    expect(out(mp)).toBe('true 1970-01-02T00:00:00.000Z ""');
    await mp.close();
    const again = await launch('pages/me/index', { storage });
    expect(again.page.byClass('visits')[0].text).toBe('第 1 次');
    expect([...storage.keys()].sort()).toEqual(['visits', 'when']);
  });

  test('getAppBaseInfo reports the device font size (large-text checks); pageScrollTo records the position', async () => {
    const mp = await launch('pages/me/index', { device: { fontSizeSetting: 24 } });
    expect(mp.page.byClass('large')).toHaveLength(1);
    expect(mp.page.byClass('font')[0].text).toBe('字号 24');
    const tools = await launch('pages/tools/index');
    await tools.tap('.scroll');
    expect(tools.page.scrollTop).toBe(480);
  });
});

describe('WeChat privacy consent (onNeedPrivacyAuthorization)', () => {
  const PDF = () => path.join(FILES, '申请材料.pdf');

  test('without a listener, a privacy API before consent is WeChat showing its own popup: a problem', async () => {
    const mp = await launch('pages/privacy/index', { privacy: { agreed: false } });
    mp.pickMessageFiles([PDF()]);
    await expect(mp.tap('.pick')).rejects.toThrow(
      /no wx.onNeedPrivacyAuthorization listener: WeChat shows its own privacy popup/,
    );
  });

  test('the listener is asked, the API waits, and the agree button lets it go on; consent is kept', async () => {
    const privacy = { agreed: false };
    const mp = await launch('pages/privacy/index?listen=1', { privacy });
    mp.pickMessageFiles([PDF()]);
    await mp.tap('.pick');
    expect(mp.page.byClass('asked')[0].text).toBe('chooseMessageFile');
    expect(out(mp)).toBe('');
    await mp.tap('.agree');
    await mp.waitFor(() => out(mp) !== '');
    expect(out(mp)).toBe('申请材料.pdf');
    expect(privacy.agreed).toBe(true);
    // consent is on record: the next call is not asked about
    mp.pickMessageFiles([PDF()]);
    await mp.tap('.pick');
    expect(out(mp)).toBe('申请材料.pdf');
  });

  test('a refusal fails the API with errno 104', async () => {
    const mp = await launch('pages/privacy/index?listen=1', { privacy: { agreed: false } });
    mp.pickMessageFiles([PDF()]);
    await mp.tap('.pick');
    await mp.tap('.refuse');
    await mp.waitFor(() => out(mp) !== '');
    expect(out(mp)).toBe('chooseMessageFile:fail privacy permission is not authorized');
  });

  test('resolving agree without the agreePrivacyAuthorization button is a misuse', async () => {
    const mp = await launch('pages/privacy/index?listen=1', { privacy: { agreed: false } });
    mp.pickMessageFiles([PDF()]);
    await mp.tap('.pick');
    await expect(mp.tap('.cheat')).rejects.toThrow(/without a tap on a <button open-type="agreePrivacyAuthorization">/);
  });
});

describe('WeChat’s own template engine and the page’s WXSS decide what is shown (renderer.ts)', () => {
  test('a tap reaches the page’s handler through the bindings WeChat renders', async () => {
    const mp = await launch('pages/render/index');
    await mp.tap('.go');
    expect(out(mp)).toBe('tapped');
    // the bindings are the rendered element's: base.wxml binds no tap on this kind, the page's template does
    expect(fs.readFileSync(path.join(FIXTURE, 'base.wxml'), 'utf8')).toMatch(
      /name="tmpl_0_b"><view style="\{\{i.st\}\}"\n/,
    );
    expect(mp.page.byClass('plain')[0].handles('tap')).toEqual({ how: 'bind', handler: 'eh' });
    await mp.tap('.plain');
    expect(out(mp)).toBe('plain tapped');
  });

  test('an element hidden by WXSS is not visible and cannot be tapped, naming the rule’s effect', async () => {
    const mp = await launch('pages/render/index');
    // WeChat renders it: only the WXSS hides it
    expect(mp.page.query('.secret', { includeHidden: true })).toHaveLength(1);
    expect(mp.page.byClass('secret')).toEqual([]);
    await expect(mp.tap('.secret')).rejects.toThrow(/hidden by WXSS: <view class="secret"> has display:none/);
    // hidden through an ancestor (a descendant selector of the page's WXSS)
    await expect(mp.tap('.inside-secret')).rejects.toThrow(/hidden by WXSS: <view class="box"> has display:none/);
    expect(out(mp)).toBe('');
  });

  test('visibility:hidden (inherited, unless set back) and a box of no size hide what is inside them', async () => {
    const mp = await launch('pages/render/index');
    expect(mp.page.byClass('ghost-label')).toEqual([]);
    await expect(mp.tap('.ghost-label')).rejects.toThrow(
      /hidden by WXSS: <view class="ghost-label"> has visibility:hidden/,
    );
    // a descendant that sets visibility back is seen and can be tapped
    await mp.tap('.seen');
    expect(out(mp)).toBe('seen tapped');
    await expect(mp.tap('.in-flat')).rejects.toThrow(
      /hidden by WXSS: <view class="flat"> has no size \(height:0 with overflow:hidden\)/,
    );
    expect(mp.page.text()).not.toMatch(/隐形|压扁|看不见的按钮/);
    expect(mp.page.text()).toContain('看得见');
  });

  test('an element with the hidden attribute is not visible and cannot be tapped', async () => {
    const mp = await launch('pages/bubble/index');
    expect(mp.page.query('.folded', { includeHidden: true })).toHaveLength(1);
    expect(mp.page.byClass('folded')).toEqual([]);
    await expect(mp.tap('.folded')).rejects.toThrow(/hidden by WXSS: <view class="folded"> has hidden/);
    expect(mp.page.text()).not.toContain('收起的');
  });

  test('a binding that names a method the page lacks fails the tap, naming it', async () => {
    const mp = await launch('pages/render/index');
    await expect(mp.tap('.unbound')).rejects.toThrow(
      /\[misuse\] pages\/render\/index: bindtap="onPress" on <view class="unbound".*the page has no method onPress/,
    );
  });

  test('a node whose template does not exist fails with the template engine’s own message', async () => {
    await expect(launch('pages/render/index?broken=1')).rejects.toThrow(
      /\[template\] pages\/render\/index: WeChat's template engine: .*Template `r1_zz` not found/,
    );
  });
});

describe('building blocks', () => {
  test("setData paths: Taro's `a.cn.[1].v` and WeChat's `a.b[1].c`", () => {
    expect(parsePath('root.cn.[0].cn.[12].v')).toEqual(['root', 'cn', 0, 'cn', 12, 'v']);
    expect(parsePath('list[2].name')).toEqual(['list', 2, 'name']);
    const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }] } };
    applySetData(data, { 'root.cn.[0].v': 'b', 'root.cn.[1]': { v: 'c', f: () => 1 }, 'x.y[1]': 2 });
    expect(data).toEqual({ root: { cn: [{ v: 'b' }, { v: 'c' }] }, x: { y: [undefined, 2] } });
  });

  test("the app build's templates, run by WeChat's engine, render an input bound to Taro's eh, and text", () => {
    const page = OfficialRenderer.forDist(DIST).render('pages/index/index', {
      root: {
        cn: [
          { nn: '33', sid: '_n1', cl: 'field' },
          { nn: '9', sid: '_n2', v: '你好' },
        ],
      },
    });
    expect(page.errors).toEqual([]);
    const [input] = page.view.byClass('field');
    expect(input.tag).toBe('input');
    expect(input.sid).toBe('_n1');
    expect(input.handles('input')).toEqual({ how: 'bind', handler: 'eh' });
    expect(input.dataset).toEqual({ sid: '_n1' });
    expect(page.view.text()).toBe('你好');
  });

  test('wx carries every API WeChat lists; each modelled one is real', () => {
    const list = wxApiList();
    expect(list.wx.size).toBeGreaterThan(400);
    for (const name of Object.keys(MODELLED_WX_APIS)) {
      if (name.startsWith('cloud.')) expect(list.cloud.has(name.slice(6))).toBe(true);
      else expect(list.wx.has(name)).toBe(true);
    }
  });
});
