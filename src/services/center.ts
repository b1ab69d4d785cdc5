import { callApi, type ApiOutput } from './transport';

/** What the center publishes to everyone (function `center`): where it is, and its service catalogue. */
export type CenterLocation = ApiOutput<'center', 'centerLocation'>;
export type CatalogueItem = ApiOutput<'center', 'serviceCatalogue'>['items'][number];

/** 政务服务中心的地址与地图位置（中心在设置中维护） */
export const getCenterLocation = () => callApi('center', 'centerLocation');
/** 服务事项目录与材料清单（公开信息） */
export const getServiceCatalogue = () => callApi('center', 'serviceCatalogue');

/** The catalogue item a case's matter names (the applicant typed it; the center's name may be part of it). */
export function itemForMatter(items: CatalogueItem[], matter: string): CatalogueItem | null {
  const m = matter.replace(/\s/g, '');
  return items.find((i) => m === i.name) ?? items.find((i) => m.includes(i.name)) ?? null;
}
