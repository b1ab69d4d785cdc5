import Taro from '@tarojs/taro';
import type { ApiAction, ApiFunction, ApiInput, ApiOutput } from '../../cloudfunctions-src/api';
import { CloudCallError } from './errors';
import { unwrap, type CloudAnswer } from './result';

type Caller = <T>(name: string, data: object) => Promise<T>;

// Decided at module load by a plain ternary, not inside the async function: Babel turns
// async bodies into a state machine where webpack can no longer see a dead `if`. Here the
// weapp build folds the condition to false, never parses the `require`, and the local
// gateway code and its URL stay out of the mini-program bundle.
const h5Gateway: Caller | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./h5Gateway') as typeof import('./h5Gateway')).callGateway
    : null;

type Gateway = typeof import('./h5Gateway');
const h5Files: Pick<Gateway, 'uploadGateway' | 'subscribeGateway'> | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./h5Gateway') as Gateway)
    : null;

async function callWxCloud<T>(name: string, data: object): Promise<T> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as TaroGeneral.IAnyObject });
    return res.result as T;
  } catch (e) {
    const err = e as { errCode?: number | string; errMsg?: string; message?: string };
    throw new CloudCallError(err.errCode ?? 'CALL_FAILED', err.errMsg ?? err.message ?? 'cloud.callFunction:fail');
  }
}

/** The contract's types for the services: what an action takes, and the `data` it answers. */
export type { ApiInput, ApiOutput };

function callCloud<T>(name: string, data: object): Promise<T> {
  return h5Gateway ? h5Gateway<T>(name, data) : callWxCloud<T>(name, data);
}

/** An action whose input may be left out (every field optional) takes it as an optional argument. */
type InputArg<F extends ApiFunction, A extends ApiAction<F>> =
  Record<string, never> extends ApiInput<F, A> ? [input?: ApiInput<F, A>] : [input: ApiInput<F, A>];

/**
 * The one way the app reaches a cloud function, typed by the server's action tables
 * (cloudfunctions-src/api.ts): a wrong function or action name, a wrong input or a misuse of the
 * answer does not compile. Answers `data`; a refusal throws AppError, a platform failure CloudCallError.
 * Pages never import this: they call a service from this folder, grouped by function.
 */
export async function callApi<F extends ApiFunction, A extends ApiAction<F>>(
  fn: F,
  action: A,
  ...[input]: InputArg<F, A>
): Promise<ApiOutput<F, A>> {
  return unwrap(await callCloud<CloudAnswer<ApiOutput<F, A>>>(fn, { action, input: input ?? {} }));
}

/**
 * What to upload: in the browser a Blob (a picked file, a canvas drawing); in WeChat a temp file
 * path (chooseMessageFile, chooseMedia, canvasToTempFilePath).
 */
export type UploadSource = { blob: Blob } | { filePath: string };

/**
 * The one way the app puts a file into cloud storage (materials, signatures). Answers the fileID
 * the functions store; `onProgress` gets 0–100.
 */
export function uploadFile(
  cloudPath: string,
  source: UploadSource,
  onProgress?: (percent: number) => void,
): Promise<{ fileID: string }> {
  if (h5Files) {
    if (!('blob' in source)) return Promise.reject(new CloudCallError('BAD_SOURCE', 'H5 uploads need a Blob'));
    return h5Files.uploadGateway(cloudPath, source.blob, onProgress);
  }
  if (!('filePath' in source))
    return Promise.reject(new CloudCallError('BAD_SOURCE', 'WeChat uploads need a file path'));
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath: source.filePath,
      success: (r) => resolve({ fileID: r.fileID }),
      fail: (e) =>
        reject(
          new CloudCallError(
            (e as { errCode?: number }).errCode ?? 'UPLOAD_FAILED',
            e.errMsg ?? 'cloud.uploadFile:fail',
          ),
        ),
    });
    // a test double may answer no task
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress));
  });
}

/**
 * Asks for subscribe-message permission (must run inside a tap). Answers template id → accept |
 * acceptWithAudio | reject | ban | filter; a refusal or failure is never an error for the page: it just goes on.
 */
export async function requestSubscribe(tmplIds: string[]): Promise<Record<string, string>> {
  if (tmplIds.length === 0) return {};
  try {
    if (h5Files) return await h5Files.subscribeGateway(tmplIds);
    // Taro's type also demands Alipay's entityIds; WeChat takes tmplIds only, so nothing else is sent
    const option = { tmplIds } as Pick<
      Taro.requestSubscribeMessage.Option,
      'tmplIds'
    > as Taro.requestSubscribeMessage.Option;
    const answers: Record<string, string> = {};
    for (const [key, value] of Object.entries(await Taro.requestSubscribeMessage(option)))
      if (typeof value === 'string') answers[key] = value;
    return answers;
  } catch {
    return {};
  }
}
