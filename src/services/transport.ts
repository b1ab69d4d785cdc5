import Taro from '@tarojs/taro'
import { CloudCallError } from './errors'

type Caller = <T>(name: string, data: object) => Promise<T>

// Decided at module load by a plain ternary, not inside the async function: Babel turns
// async bodies into a state machine where webpack can no longer see a dead `if`. Here the
// weapp build folds the condition to false, never parses the `require`, and the local
// gateway code and its URL stay out of the mini-program bundle.
const h5Gateway: Caller | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./h5Gateway') as typeof import('./h5Gateway')).callGateway
    : null

async function callWxCloud<T>(name: string, data: object): Promise<T> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as TaroGeneral.IAnyObject })
    return res.result as T
  } catch (e) {
    const err = e as { errCode?: number | string; errMsg?: string; message?: string }
    throw new CloudCallError(err.errCode ?? 'CALL_FAILED', err.errMsg ?? err.message ?? 'cloud.callFunction:fail')
  }
}

/**
 * The one way the app reaches a cloud function. Pages never import this: they import a
 * service from this folder, so every backend call is listed there.
 */
export function callCloud<T>(name: string, data: object): Promise<T> {
  return h5Gateway ? h5Gateway<T>(name, data) : callWxCloud<T>(name, data)
}
