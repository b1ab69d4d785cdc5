/**
 * Demo identities for the H5 build only: in WeChat the cloud supplies the OPENID, here the
 * local gateway takes it from the request. These openids match the local seed data.
 */
export interface DemoIdentity {
  openid: string
  label: string
}

export const DEMO_IDENTITIES: ReadonlyArray<DemoIdentity> = [
  { openid: 'o_citizen_elder', label: '张桂兰(群众·行动不便)' },
  { openid: 'o_citizen_young', label: '李明(群众·新办企业)' },
  { openid: 'o_enterprise', label: '王海(企业经办人·天山食品)' },
  { openid: 'o_agent_center', label: '陈静(帮代办员·政务服务中心)' },
  { openid: 'o_agent_fgw', label: '马建军(帮代办员·发改委)' },
  { openid: 'o_leader_fgw', label: '刘志强(责任领导·发改委)' },
  { openid: 'o_center_admin', label: '赵敏(政务服务中心)' },
]

export const DEFAULT_DEMO_OPENID = DEMO_IDENTITIES[0].openid
