import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface CenterLocation {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
}

/** 政务服务中心的地址与地图位置（中心在设置中维护） */
export async function getCenterLocation(): Promise<CenterLocation> {
  return unwrap(await callCloud<CloudAnswer<CenterLocation>>('center', { action: 'centerLocation', input: {} }));
}
