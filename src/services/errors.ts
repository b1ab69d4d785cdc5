import { AppError } from './result'

/**
 * A failure below the function's own answer: network, gateway, or the platform's
 * `cloud.callFunction:fail` (which carries a numeric or string errCode).
 */
export class CloudCallError extends Error {
  readonly errCode: string | number

  constructor(errCode: string | number, message: string) {
    super(message)
    this.name = 'CloudCallError'
    this.errCode = errCode
  }
}

const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s)

const CODE_TEXT: Record<string, string> = {
  NETWORK: '无法连接到服务，请检查网络后重试。',
  FORBIDDEN: '无权访问。',
  UNAUTHORIZED: '无权访问。',
  NOT_FOUND: '没有找到相关记录。',
  INVALID_INPUT: '填写的内容有误，请按提示修改。',
}

/**
 * One readable Chinese sentence for any error a page may meet, so no page shows a stack
 * trace or an English platform message to a citizen. The code stays visible for staff.
 */
export function describeError(err: unknown): string {
  if (err instanceof AppError) {
    if (hasChinese(err.message)) return err.message
    return CODE_TEXT[err.code] ?? `操作没有成功，请稍后再试。（代码：${err.code}）`
  }
  if (err instanceof CloudCallError) {
    const text = CODE_TEXT[String(err.errCode)]
    return text ?? `服务暂时不可用，请稍后再试。（代码：${err.errCode}）`
  }
  return '出了点问题，请稍后再试。'
}

export function isForbidden(err: unknown): boolean {
  const code = err instanceof AppError ? err.code : err instanceof CloudCallError ? String(err.errCode) : ''
  return code === 'FORBIDDEN' || code === 'UNAUTHORIZED'
}
