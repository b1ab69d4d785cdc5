import { getDevOpenid } from '../dev/devIdentity';
import { CloudCallError } from './errors';

interface GatewayOk<T> {
  result: T;
  errMsg: string;
  requestID?: string;
}

interface GatewayFail {
  errCode?: string | number;
  errMsg?: string;
}

/**
 * H5 only: the local CloudBase gateway stands in for `wx.cloud.callFunction`. The browser
 * has no WeChat identity, so it sends the demo openid picked in the identity switcher.
 * Not named `transport.h5.ts` on purpose: Taro would resolve `./transport` to that file.
 */
export async function callGateway<T>(name: string, data: object): Promise<T> {
  let res: Response;
  try {
    res = await fetch(LOCAL_CLOUD_URL + '/gateway/callFunction', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, data, openid: getDevOpenid() }),
    });
  } catch (e) {
    throw new CloudCallError('NETWORK', `cannot reach ${LOCAL_CLOUD_URL}: ${String(e)}`);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // A proxy error page or an empty body: fall through to the status code.
  }
  if (!res.ok) {
    const fail = (body ?? {}) as GatewayFail;
    throw new CloudCallError(fail.errCode ?? `HTTP_${res.status}`, fail.errMsg ?? `HTTP ${res.status}`);
  }
  return (body as GatewayOk<T>).result;
}

/**
 * H5 only: the gateway's stand-in for `wx.cloud.uploadFile` (raw body → {fileID}), with upload
 * progress from XMLHttpRequest, which fetch does not give.
 */
export function uploadGateway(
  cloudPath: string,
  body: Blob,
  onProgress?: (percent: number) => void,
): Promise<{ fileID: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const q = `openid=${encodeURIComponent(getDevOpenid())}&cloudPath=${encodeURIComponent(cloudPath)}`;
    xhr.open('POST', `${LOCAL_CLOUD_URL}/gateway/uploadFile?${q}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new CloudCallError('NETWORK', 'upload failed'));
    xhr.onload = () => {
      let answer: { fileID?: string; errCode?: string | number; errMsg?: string } = {};
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        // fall through to the status code
      }
      if (xhr.status === 200 && answer.fileID) {
        onProgress?.(100);
        resolve({ fileID: answer.fileID });
      } else reject(new CloudCallError(answer.errCode ?? `HTTP_${xhr.status}`, answer.errMsg ?? `HTTP ${xhr.status}`));
    };
    xhr.send(body);
  });
}

/** H5 only: the gateway's stand-in for `wx.requestSubscribeMessage` (the local cloud records the grant). */
export async function subscribeGateway(tmplIds: string[]): Promise<Record<string, string>> {
  const res = await fetch(LOCAL_CLOUD_URL + '/gateway/requestSubscribeMessage', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: getDevOpenid(), tmplIds }),
  });
  if (!res.ok) throw new CloudCallError(`HTTP_${res.status}`, `HTTP ${res.status}`);
  return (await res.json()) as Record<string, string>;
}
