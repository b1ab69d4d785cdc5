import { callApi, type ApiInput } from './transport';

/** The applicant's own settings (function `applicant`): privacy consent and subscribe-message templates. */
type PrivacyVersion = ApiInput<'applicant', 'agreePrivacy'>['version'];

/** 是否已同意用户隐私保护指引 */
export const getPrivacyStatus = () => callApi('applicant', 'privacyStatus');
/**
 * 同意用户隐私保护指引. `version` is the one privacyStatus answered: the server answers its current
 * version only, the one agreePrivacy accepts (privacyStatus declares it a plain string, hence the type).
 */
export const agreePrivacy = (version: string) =>
  callApi('applicant', 'agreePrivacy', { version: version as PrivacyVersion });
/** 订阅消息模板编号 */
export const getSubscribeTemplates = () => callApi('applicant', 'subscribeTemplates');
