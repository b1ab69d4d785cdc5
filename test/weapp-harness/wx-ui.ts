/** wx APIs of what the person sees and answers: navigation, toasts, dialogs, subscriptions, calls, maps. */
import { ApiFail, type ModalRequest, type NavApi, type WxFn, type WxKit } from './wx-kit';

const NAV_APIS: readonly NavApi[] = ['navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'reLaunch'];

export function uiApis(kit: WxKit): Record<string, WxFn> {
  const { host, asyncApi, gateway } = kit;
  const toast = (title: string, icon: string, duration: number) => {
    host.ui.toast = { title, icon, until: Date.now() + duration };
    host.ui.loading = null;
  };

  return {
    onNeedPrivacyAuthorization: (listener) => {
      if (typeof listener !== 'function')
        throw new ApiFail('onNeedPrivacyAuthorization:fail parameter error: listener should be Function');
      host.privacyListener = listener as (...args: unknown[]) => unknown;
    },
    // navigation: the page stack lives in MiniProgram
    ...(Object.fromEntries(
      NAV_APIS.map((api) => [api, (o: unknown) => asyncApi(api, o, (x) => host.navigate(api, x))]),
    ) as Record<NavApi, (o: unknown) => unknown>),
    showToast: (o) =>
      asyncApi('showToast', o, (x) => {
        const title = String(x.title ?? '');
        const icon = String(x.icon ?? 'success');
        if ((icon === 'success' || icon === 'error' || icon === 'loading') && [...title].length > 7) {
          host.warn(`showToast "${title}": with icon "${icon}" WeChat shows at most 7 characters`);
        }
        toast(title, icon, typeof x.duration === 'number' ? x.duration : 1500);
        host.ui.log.push({ api: 'showToast', route: host.route(), title, icon });
        return {};
      }),
    hideToast: (o) =>
      asyncApi(
        'hideToast',
        o,
        () => ((host.ui.toast = null), host.ui.log.push({ api: 'hideToast', route: host.route() }), {}),
      ),
    showLoading: (o) =>
      asyncApi('showLoading', o, (x) => {
        if (typeof x.title !== 'string')
          throw new ApiFail('showLoading:fail parameter error: parameter.title should be String');
        host.ui.loading = { title: x.title };
        host.ui.toast = null;
        host.ui.log.push({ api: 'showLoading', route: host.route(), title: x.title });
        return {};
      }),
    hideLoading: (o) =>
      asyncApi(
        'hideLoading',
        o,
        () => ((host.ui.loading = null), host.ui.log.push({ api: 'hideLoading', route: host.route() }), {}),
      ),
    showModal: (o) =>
      asyncApi('showModal', o, (x) => {
        const modal: ModalRequest = {
          title: String(x.title ?? ''),
          content: String(x.content ?? ''),
          showCancel: x.showCancel !== false,
          confirmText: String(x.confirmText ?? '确定'),
          cancelText: String(x.cancelText ?? '取消'),
          editable: x.editable === true,
        };
        if ([...modal.confirmText].length > 4)
          throw new ApiFail('showModal:fail confirmText length should not larger than 4 Chinese characters');
        if ([...modal.cancelText].length > 4)
          throw new ApiFail('showModal:fail cancelText length should not larger than 4 Chinese characters');
        const answer = host.scripts.modals.shift();
        if (answer === undefined) {
          host.problem(
            'unscripted',
            `showModal("${modal.title}", "${modal.content}") opened but the test scripted no answer (answerModal)`,
          );
          throw new ApiFail('showModal:fail no answer scripted by the test');
        }
        const reply = typeof answer === 'function' ? answer(modal) : answer;
        const confirm = reply.confirm && true;
        host.ui.log.push({
          api: 'showModal',
          route: host.route(),
          title: modal.title,
          content: modal.content,
          answer: reply,
        });
        return { confirm, cancel: !confirm, ...(modal.editable ? { content: reply.content ?? '' } : {}) };
      }),
    requestSubscribeMessage: (o) => {
      // WeChat only honours the call inside a tap; decided now, before the async part
      const tapped = host.inTap();
      return asyncApi('requestSubscribeMessage', o, async (x) => {
        if (!tapped) {
          host.warn('requestSubscribeMessage called outside a tap: WeChat refuses it');
          throw new ApiFail('requestSubscribeMessage:fail can only be invoked by user TAP gesture.');
        }
        // WeChat's parameters; anything else (Alipay's entityIds, a typo) is a misuse
        const unknown = Object.keys(x).filter((k) => !['tmplIds', 'success', 'fail', 'complete'].includes(k));
        if (unknown.length > 0)
          host.problem(
            'misuse',
            `requestSubscribeMessage: ${unknown.join(', ')} is not a WeChat parameter (entityIds is Alipay's)`,
          );
        const ids = Array.isArray(x.tmplIds) ? x.tmplIds.map(String) : [];
        if (ids.length === 0) throw new ApiFail("requestSubscribeMessage:fail TmplIds can't be empty", 10001);
        if (ids.length > 3) throw new ApiFail('requestSubscribeMessage:fail Templates count out of max bounds', 20003);
        const answer = host.scripts.subscribe.shift();
        if (answer === undefined) {
          host.problem(
            'unscripted',
            `requestSubscribeMessage(${ids.join(', ')}) asked the user but the test chose no answer (answerSubscribe)`,
          );
          throw new ApiFail('requestSubscribeMessage:fail no answer scripted by the test');
        }
        const decided = typeof answer === 'function' ? answer(ids) : answer;
        const reject = ids.filter((id) => (decided[id] ?? 'reject') === 'reject');
        const res = await gateway('requestSubscribeMessage', { openid: host.openid, tmplIds: ids, reject });
        delete res.errMsg;
        // the local CloudBase records a grant either way; WeChat tells the app which kind of yes
        for (const id of ids)
          if (decided[id] === 'acceptWithAudio' && res[id] === 'accept') res[id] = 'acceptWithAudio';
        host.ui.log.push({ api: 'requestSubscribeMessage', route: host.route(), answer: res });
        return res;
      });
    },
    makePhoneCall: (o) =>
      asyncApi('makePhoneCall', o, (x) => {
        if (typeof x.phoneNumber !== 'string' || x.phoneNumber === '')
          throw new ApiFail('makePhoneCall:fail parameter error: parameter.phoneNumber should be String');
        if (!/^\+?\d+$/.test(x.phoneNumber)) host.warn(`makePhoneCall: "${x.phoneNumber}" is not only digits`);
        host.ui.log.push({ api: 'makePhoneCall', route: host.route(), phoneNumber: x.phoneNumber });
        return {};
      }),
    openLocation: (o) =>
      asyncApi('openLocation', o, (x) => {
        if (typeof x.latitude !== 'number' || x.latitude < -90 || x.latitude > 90)
          throw new ApiFail('openLocation:fail parameter error: parameter.latitude should be Number');
        if (typeof x.longitude !== 'number' || x.longitude < -180 || x.longitude > 180)
          throw new ApiFail('openLocation:fail parameter error: parameter.longitude should be Number');
        host.ui.log.push({
          api: 'openLocation',
          route: host.route(),
          latitude: x.latitude,
          longitude: x.longitude,
          name: typeof x.name === 'string' ? x.name : undefined,
          address: typeof x.address === 'string' ? x.address : undefined,
        });
        return {};
      }),
    pageScrollTo: (o) =>
      asyncApi('pageScrollTo', o, (x) => {
        if (typeof x.scrollTop !== 'number' && typeof x.selector !== 'string')
          throw new ApiFail('pageScrollTo:fail scrollTop or selector is required');
        host.scrollTo(typeof x.scrollTop === 'number' ? x.scrollTop : 0);
        return {};
      }),
    startPullDownRefresh: (o) =>
      asyncApi('startPullDownRefresh', o, () => (host.refreshApi('startPullDownRefresh'), {})),
    stopPullDownRefresh: (o) => asyncApi('stopPullDownRefresh', o, () => (host.refreshApi('stopPullDownRefresh'), {})),
  };
}
