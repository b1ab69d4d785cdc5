import { getDevOpenid } from '../dev/devIdentity'
import { CloudCallError } from './errors'

interface GatewayOk<T> {
  result: T
  errMsg: string
  requestID?: string
}

interface GatewayFail {
  errCode?: string | number
  errMsg?: string
}

/**
 * H5 only: the local CloudBase gateway stands in for `wx.cloud.callFunction`. The browser
 * has no WeChat identity, so it sends the demo openid picked in the identity switcher.
 * Not named `transport.h5.ts` on purpose: Taro would resolve `./transport` to that file.
 */
export async function callGateway<T>(name: string, data: object): Promise<T> {
  let res: Response
  try {
    res = await fetch(LOCAL_CLOUD_URL + '/gateway/callFunction', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, data, openid: getDevOpenid() }),
    })
  } catch (e) {
    throw new CloudCallError('NETWORK', `cannot reach ${LOCAL_CLOUD_URL}: ${String(e)}`)
  }
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    // A proxy error page or an empty body: fall through to the status code.
  }
  if (!res.ok) {
    const fail = (body ?? {}) as GatewayFail
    throw new CloudCallError(fail.errCode ?? `HTTP_${res.status}`, fail.errMsg ?? `HTTP ${res.status}`)
  }
  return (body as GatewayOk<T>).result
}
