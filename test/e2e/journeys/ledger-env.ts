import type { CloudBase } from '../../../local-cloud/src';
import { call } from '../../support/app';
import { deskSignature, submitAs } from '../../support/applicant';
import type { LedgerJourneyEnv } from './ledger';

const FORM = {
  category: 'enterprise',
  applicantType: 'enterprise',
  mode: 'help',
  matter: '天山食品有限公司食品经营许可',
  contactName: '王海',
  contactPhone: '13899001122',
};

/** What the ledger journey needs from the test cloud: a case taken to 办结 by 陈静 through the workbench. */
export function ledgerJourneyEnv(cloud: () => CloudBase): LedgerJourneyEnv {
  return {
    async finishedCase(openid) {
      const r = await submitAs(cloud(), openid, FORM);
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      let version = 1;
      for (const action of [
        {
          type: 'accept',
          mandateConfirmed: true,
          processExplained: true,
          materialsChecked: true,
          applicantSigned: true,
        },
        { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
        {
          type: 'finish',
          result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局' },
          resultHandedOver: true,
          originalsReturned: true,
          applicantSigned: true,
        },
      ]) {
        const a = await call(
          cloud(),
          'workbench',
          {
            action: 'act',
            input: {
              caseId: r.data.caseId,
              version,
              action,
              ...(action.type === 'accept' ? { signatureFileID: await deskSignature(cloud(), 'o_agent_center') } : {}),
            },
          },
          'o_agent_center',
        );
        if (!a.ok) throw new Error(`${a.code} ${a.message}`);
        version = a.data.version;
      }
      return r.data.caseNo as string;
    },
  };
}
