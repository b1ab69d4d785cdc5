// first: before any page renders, Taro's runtime must know the aria attributes WeChat reads
import './utils/weappAria';
import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { installWxPrivacy } from './utils/wxPrivacy';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // H5 has no wx.cloud: it reaches the local CloudBase through services/h5Gateway.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
      installWxPrivacy();
    }
  });

  // children are the pages
  return children;
}

export default App;
