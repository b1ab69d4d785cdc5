/**
 * The applicant journeys' env over the local CloudBase's HTTP gateway only (no CloudBase object):
 * for runs that get just the cloud's url, as docs:wx-apis and the bench do (on-weapp.ts).
 * finishedCase is not offered: the journeys run here do not need it.
 */
import { idNumberCheckDigit } from '../../../core/identity';
import type { ApplicantJourneyEnv } from './applicant';

export function gatewayApplicantEnv(cloud: { url: string }): ApplicantJourneyEnv {
  return {
    async call(name, data, openid) {
      const res = await fetch(`${cloud.url.replace(/\/$/, '')}/gateway/callFunction`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, data, openid }),
      });
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      // parsed by this realm's JSON: under jest, fetch's own objects fail deepStrictEqual against the test's
      return (JSON.parse(await res.text()) as { result: never }).result;
    },
    personId: '65282819550312002' + idNumberCheckDigit('65282819550312002'),
    finishedCase: () =>
      Promise.reject(new Error('gatewayApplicantEnv: finishedCase is not available over the gateway')),
  };
}
