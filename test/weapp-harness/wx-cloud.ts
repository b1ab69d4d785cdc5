/** wx.cloud: init, callFunction, uploadFile, getTempFileURL, reaching the local CloudBase as the launch OPENID. */
import fs from 'node:fs';
import { ApiFail, type WxFn, type WxKit, transferTask } from './wx-kit';

export function cloudApis(kit: WxKit): Record<string, WxFn> {
  const { host, realm, opts, asyncApi, gateway } = kit;
  let cloudEnv: string | null = null;

  const requireInit = (api: string) => {
    if (cloudEnv === null) throw new ApiFail(`${api}:fail wx.cloud.init has not been called`);
    if (host.cloud?.envId && cloudEnv !== host.cloud.envId)
      throw new ApiFail(
        `${api}:fail Error: errCode: -501000 | errMsg: [ResourceNotFound] Environment ${cloudEnv} not found`,
        -501000,
      );
  };

  return {
    'cloud.init': (config) => {
      const c = opts(config);
      cloudEnv = typeof c.env === 'string' ? c.env : (host.cloud?.envId ?? 'default');
    },
    'cloud.callFunction': (o) =>
      asyncApi(
        'cloud.callFunction',
        o,
        async (x) => {
          requireInit('cloud.callFunction');
          if (typeof x.name !== 'string' || x.name === '')
            throw new ApiFail('cloud.callFunction:fail parameter.name should be String');
          const res = await gateway('callFunction', { name: x.name, data: x.data ?? {}, openid: host.openid });
          return { result: res.result, requestID: res.requestID };
        },
        'cloud',
      ),
    'cloud.uploadFile': (o) => {
      // with callbacks WeChat returns an UploadTask: progress events and abort
      const { task, progress, aborted } = transferTask();
      const result = asyncApi(
        'cloud.uploadFile',
        o,
        async (x) => {
          requireInit('cloud.uploadFile');
          const local = typeof x.filePath === 'string' ? host.tempFiles.get(x.filePath) : undefined;
          if (!local) throw new ApiFail(`cloud.uploadFile:fail file not found: ${String(x.filePath)}`);
          if (typeof x.cloudPath !== 'string')
            throw new ApiFail('cloud.uploadFile:fail parameter.cloudPath should be String');
          if (aborted()) throw new ApiFail('cloud.uploadFile:fail abort');
          const bytes = fs.readFileSync(local);
          const res = await gateway(
            'uploadFile',
            bytes,
            `?openid=${encodeURIComponent(host.openid)}&cloudPath=${encodeURIComponent(x.cloudPath)}`,
          );
          for (const cb of progress)
            host.guard('cloud.uploadFile progress callback', () =>
              cb(realm.data({ progress: 100, totalBytesSent: bytes.length, totalBytesExpectedToSend: bytes.length })),
            );
          return { fileID: res.fileID, statusCode: 200 };
        },
        'cloud',
      );
      return result === undefined ? task : result;
    },
    'cloud.getTempFileURL': (o) =>
      asyncApi(
        'cloud.getTempFileURL',
        o,
        async (x) => {
          requireInit('cloud.getTempFileURL');
          const fileList = (Array.isArray(x.fileList) ? x.fileList : []).map((f: unknown) =>
            f && typeof f === 'object' ? (f as { fileID: unknown }).fileID : f,
          );
          const res = await gateway('getTempFileURL', { fileList });
          const list = (res.fileList as { fileID: string; tempFileURL: string; code: string }[]).map((f) => ({
            fileID: f.fileID,
            tempFileURL: f.tempFileURL,
            maxAge: 3600,
            status: f.code === 'SUCCESS' ? 0 : -1,
            errMsg: f.code === 'SUCCESS' ? 'ok' : f.code,
          }));
          return { fileList: list };
        },
        'cloud',
      ),
  };
}
