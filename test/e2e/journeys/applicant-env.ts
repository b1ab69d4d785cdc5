import type { CloudBase } from '../../../local-cloud/src';
import { call } from '../../support/app';
import { PERSON_ID, submitAs } from '../../support/applicant';
import type { ApplicantJourneyEnv } from './applicant';

/** What the applicant journeys need from the test cloud, the same on both builds. */
export function applicantJourneyEnv(cloud: () => CloudBase): ApplicantJourneyEnv {
  return {
    call: (name, data, openid) => call(cloud(), name, data, openid),
    personId: PERSON_ID,
    async finishedCase(openid) {
      // a 代办 case: the mandate signed on the phone is the signature 受理 rests on
      const r = await submitAs(cloud(), openid, {
        category: 'enterprise',
        applicantType: 'enterprise',
        mode: 'proxy',
        matter: '食品经营许可',
        contactName: '李明',
        contactPhone: '13912340000',
      });
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      let version = 1;
      for (const step of [
        {
          type: 'accept',
          mandateConfirmed: true,
          processExplained: true,
          materialsChecked: true,
          applicantSigned: true,
          mandateLetterSigned: true,
        },
        { type: 'deliver', window: '市场监管窗口', committedWorkingDays: 5 },
        {
          type: 'finish',
          result: { outcome: 'approved', decidedBy: '和硕县市场监督管理局', documentNo: 'JY16528280000001' },
          resultHandedOver: true,
          originalsReturned: true,
          applicantSigned: true,
        },
      ]) {
        const a = await call(
          cloud(),
          'workbench',
          { action: 'act', input: { caseId: r.data.caseId, version, action: step } },
          'o_agent_center',
        );
        if (!a.ok) throw new Error(`${step.type}: ${a.code} ${a.message}`);
        version = a.data.version;
      }
      return r.data.caseId as string;
    },
  };
}
