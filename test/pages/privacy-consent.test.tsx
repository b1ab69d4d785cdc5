import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Privacy from '../../src/pages/privacy/index';
import WxPrivacyPrompt from '../../src/components/WxPrivacyPrompt';
import { answerPrivacy, installWxPrivacy, PRIVACY_AGREE_BUTTON_ID, privacyPending } from '../../src/utils/wxPrivacy';

type Listener = (resolve: (r: unknown) => void, info: { referrer: string }) => void;

/** What WeChat would do at launch: keeps the listener the app registers (the H5 shim has none). */
function installWithFakeWechat(): Listener {
  let listener: Listener | null = null;
  const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (l: Listener) => void };
  const before = taro.onNeedPrivacyAuthorization;
  taro.onNeedPrivacyAuthorization = (l) => {
    listener = l;
  };
  try {
    installWxPrivacy();
  } finally {
    taro.onNeedPrivacyAuthorization = before;
  }
  if (!listener) throw new Error('installWxPrivacy registered no listener');
  return listener;
}

afterEach(() => answerPrivacy(false));

describe('用户隐私保护指引', () => {
  it('declares the phone functions the privacy APIs use: 摄像头, 相册 (选中的照片), 选中的文件', () => {
    const { container } = render(<Privacy />);
    const text = container.textContent ?? '';
    for (const what of ['摄像头', '相册', '选中的照片', '您选中的文件']) expect(text).toContain(what);
  });
});

describe('one consent: WeChat asks the app, the app asks the applicant', () => {
  it('opens the card when WeChat asks, and an agree tap lets WeChat’s waiting API go on with the button’s id', async () => {
    const listener = installWithFakeWechat();
    const { container } = render(<WxPrivacyPrompt uses="选择文件需要使用您选中的文件" />);
    expect(container.querySelector('.t-wx-privacy')).toBeNull();
    const resolve = jest.fn();
    act(() => listener(resolve, { referrer: 'chooseMessageFile' }));
    expect(container.querySelector('.t-wx-privacy')?.textContent).toContain('选择文件需要使用您选中的文件');
    expect(resolve).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(container.querySelector('.t-wx-privacy-agree')!);
    });
    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
    expect(container.querySelector('.t-wx-privacy')).toBeNull();
    expect(privacyPending()).toBe(false);
  });

  it('a refusal is passed on to WeChat (its API fails) and the card closes', async () => {
    const listener = installWithFakeWechat();
    const { container } = render(<WxPrivacyPrompt uses="拍照" />);
    const resolve = jest.fn();
    act(() => listener(resolve, { referrer: 'chooseMedia' }));
    await act(async () => {
      fireEvent.click(container.querySelector('.t-wx-privacy-decline')!);
    });
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(container.querySelector('.t-wx-privacy')).toBeNull();
  });

  it('with no card on screen to ask with, WeChat gets a refusal at once instead of waiting for ever', () => {
    const listener = installWithFakeWechat();
    const resolve = jest.fn();
    listener(resolve, { referrer: 'chooseMedia' });
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(privacyPending()).toBe(false);
  });
});
