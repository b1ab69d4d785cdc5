import { View } from '@tarojs/components';

/** The one clear line said before WeChat asks about notifications, so the question is not a surprise. */
export default function SubscribeNote({ children }: { children: string }) {
  return <View className="subscribe-note t-subscribe-note">ⓘ {children}</View>;
}
