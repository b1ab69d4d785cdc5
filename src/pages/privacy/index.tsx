import { View } from '@tarojs/components'
import PageShell from '../../components/PageShell'

/**
 * 用户隐私保护指引: what is collected, why, how it is kept, and the applicant's rights (PIPL). The
 * phone functions listed are what WeChat requires the guide to declare for the privacy APIs the app
 * calls (chooseMedia: 摄像头 and 选中的照片; chooseMessageFile: 选中的文件); the same list goes into the
 * mini-program's privacy settings on mp.weixin.qq.com.
 */
export default function Privacy() {
  const items: [string, string][] = [
    ['收集哪些信息', '申请帮办代办时：申请人姓名或企业名称、身份证号或统一社会信用代码、联系人姓名和电话、您上传的材料和手写签名；预约上门服务时：上门地址。'],
    ['使用手机的哪些功能', '只在您点按钮上传材料时使用：摄像头（拍下证件、执照等材料）；相册，即您选中的照片（选择已拍好的材料照片）；您选中的文件（从微信聊天中选择 PDF 文件）。不会在您不知道时打开摄像头或读取相册和文件。'],
    ['用来做什么', '只用于为您办理帮办代办：确认身份、联系您、把材料送到审批窗口、预约和上门服务、通知办理进度。不用于其他用途，不向无关单位提供。'],
    ['怎样保护', '信息保存在政务服务中心的云开发环境中；工作人员只看到与其工作有关的申请，页面上的证件号和电话隐去部分号码；系统日志不记录个人信息。'],
    ['订阅消息', '只有您点“允许”后，才会给您发送受理结果、办理进度、预约提醒和办结通知。'],
    ['您的权利', '您可以随时查看自己的申请，撤回未受理的申请或申请终止委托；如需更正或删除信息，请联系政务服务中心。'],
  ]
  return (
    <PageShell>
      <View className='title'>用户隐私保护指引</View>
      {items.map(([h, t]) => (
        <View key={h} className='card'>
          <View className='card__title'>{h}</View>
          <View>{t}</View>
        </View>
      ))}
    </PageShell>
  )
}
