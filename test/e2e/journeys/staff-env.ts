import type { CloudBase } from '../../../local-cloud/src';
import { call } from '../../support/app';
import { submitAs } from '../../support/applicant';
import type { StaffJourneyEnv } from './staff';

/** The applications the staff journeys start from (submitted through cases.submit by the test). */
export const STAFF_FORMS = {
  enterprise: { category: 'enterprise', applicantType: 'enterprise', mode: 'proxy', matter: '天山食品有限公司设立登记及食品经营许可', contactName: '王海', contactPhone: '13899001122' },
  investment: { category: 'investment', applicantType: 'enterprise', mode: 'proxy', matter: '年产5万吨番茄酱加工项目（投资1.2亿元）', contactName: '李明', contactPhone: '13999887766', details: { projectName: '番茄酱加工项目', investmentWan: 12000, approvalLevel: 'county', industry: 'manufacturing' } },
} as const;

/** What the staff journeys need from the test cloud, the same on both builds. */
export function staffJourneyEnv(cloud: () => CloudBase): StaffJourneyEnv {
  return {
    async newCase(openid, kind) {
      const r = await submitAs(cloud(), openid, STAFF_FORMS[kind]);
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      const d = await call(cloud(), 'workbench', { action: 'get', input: { caseId: r.data.caseId } }, 'o_center_admin');
      if (!d.ok) throw new Error(d.message);
      return d.data.case.caseNo as string;
    },
  };
}
