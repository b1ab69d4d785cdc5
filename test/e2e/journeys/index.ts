/**
 * Every journey, for tools that run them all on the weapp build (docs/wx-apis.md observes the
 * wx APIs they call; npm run bench measures their setData). Add new journeys here.
 */
import { pdfAfterWechatConsentJourney, photographedIdCardJourney } from './applicant';
import type { Journey } from './driver';
import { gatewayApplicantEnv } from './gateway-env';
import { ELDER_MODE, SLICE } from './slice';

/** Issue 18: the camera (chooseMedia) and WeChat's privacy question before a PDF (chooseMessageFile). */
const ID_CARD_PHOTO: Journey = {
  name: 'id-card-photo',
  run: (d, cloud) => photographedIdCardJourney(d, gatewayApplicantEnv(cloud)),
};
const PDF_AFTER_CONSENT: Journey = {
  name: 'pdf-after-consent',
  run: (d, cloud) => pdfAfterWechatConsentJourney(d, gatewayApplicantEnv(cloud)),
};

export const JOURNEYS: readonly Journey[] = [SLICE, ELDER_MODE, ID_CARD_PHOTO, PDF_AFTER_CONSENT];
export { only, type Build, type Driver, type Journey, type Session } from './driver';
