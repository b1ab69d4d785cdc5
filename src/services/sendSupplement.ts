import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';
import type { MaterialMeta } from './uploadMaterial';

/** 提交补正材料 */
export async function sendSupplement(input: {
  caseId: string;
  materials: MaterialMeta[];
}): Promise<{ sentAt: string; count: number }> {
  return unwrap(
    await callCloud<CloudAnswer<{ sentAt: string; count: number }>>('cases', {
      action: 'sendSupplement',
      input: input,
    }),
  );
}
