import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface CatalogueItem {
  itemId: string;
  name: string;
  unitName: string | null;
  window: string;
  committedWorkingDays: number;
  /** 材料清单 the center keeps for this matter */
  materials: string[];
}

/** 服务事项目录与材料清单（公开信息） */
export async function getServiceCatalogue(): Promise<{ items: CatalogueItem[] }> {
  return unwrap(
    await callCloud<CloudAnswer<{ items: CatalogueItem[] }>>('center', { action: 'serviceCatalogue', input: {} }),
  );
}

/** The catalogue item a case's matter names (the applicant typed it; the center's name may be part of it). */
export function itemForMatter(items: CatalogueItem[], matter: string): CatalogueItem | null {
  const m = matter.replace(/\s/g, '');
  return items.find((i) => m === i.name) ?? items.find((i) => m.includes(i.name)) ?? null;
}
