import { callCloud } from './transport';
import { unwrap, type CloudAnswer } from './result';

export interface AgentLoad {
  staffId: string;
  name: string;
  onDuty: boolean;
  open: number;
  overdue: number;
  waiting: number;
}

export interface UnitLoad {
  unitId: string;
  agents: AgentLoad[];
  unassigned: number;
}

/** 本单位帮代办员工作量（责任领导、政务服务中心） */
export async function getUnitLoad(unitId?: string): Promise<UnitLoad> {
  return unwrap(
    await callCloud<CloudAnswer<UnitLoad>>('workbench', { action: 'unitLoad', input: unitId ? { unitId } : {} }),
  );
}
