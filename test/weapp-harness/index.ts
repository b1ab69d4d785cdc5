/**
 * A WeChat mini-program harness in Node: runs the production weapp build (dist/) with modelled
 * wx APIs, a page stack and WeChat's own template engine as the view, so journeys run on the code WeChat runs.
 * See README.md in this folder.
 */
export {
  MiniProgram,
  PageHandle,
  type LaunchOptions,
  type PrivacyRecord,
  type Target,
  type AppJson,
  type PageState,
} from './mini-program';
export { applySetData, parsePath, type RawNode } from './tree';
export { WxNode, PageView, componentSelector, type Binding } from './view';
export { OfficialRenderer, type RenderedPage, type NativeState } from './renderer';
export { HarnessError, BROWSER_GLOBALS, explain, formatProblems, type Problem, type ProblemKind } from './problems';
export {
  SETDATA_ADVISED_BYTES,
  SETDATA_LIMIT_BYTES,
  setDataBytes,
  summarize,
  largestCall,
  type Interaction,
  type InteractionSummary,
  type SetDataCall,
} from './measure';
export {
  MODELLED_WX_APIS,
  DEFAULT_DEVICE,
  createWx,
  type DeviceProfile,
  type ModalAnswer,
  type ModalRequest,
  type SubscribeAnswer,
  type UiEvent,
  type CloudTarget,
  type ModelledApi,
} from './wx';
export { wxApiList, type ApiInfo, type WxApiList } from './api-list';
export { renderWxApisDoc, type WxApiUse } from './wx-apis-doc';
export { scanDistForWxApis } from './static-scan';
