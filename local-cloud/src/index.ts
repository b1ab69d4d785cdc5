export { startCloudBase, loadProject, LIMITS } from './server';
export type { CloudBase, CloudBaseOptions, DatabaseFault, ProjectConfig } from './server';
export type { InvocationRecord } from './functions/host';
export type { InboxMessage, TemplateSpec } from './openapi';
export { envReads } from '../runtime/env-reads';
