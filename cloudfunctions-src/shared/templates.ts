import type { TemplateRegistry } from '../../core';
import type { Database } from './cloud';
import { COLL } from './db';

/**
 * Subscribe-message templates: which WeChat template each message purpose is pushed with. The
 * environment's configuration (functionEnv BANGBAN_SUBSCRIBE_TEMPLATES), overridden per purpose by
 * what the center administrator set in the settings screen.
 */

/** Template ids and keywords come from the environment's configuration, never from code. */
export function templateRegistry(): TemplateRegistry {
  const raw = process.env.BANGBAN_SUBSCRIBE_TEMPLATES;
  if (!raw) return {};
  try {
    return JSON.parse(raw) as TemplateRegistry;
  } catch {
    console.error(JSON.stringify({ outbox: 'BANGBAN_SUBSCRIBE_TEMPLATES is not valid JSON' }));
    return {};
  }
}

/**
 * The registry in force: the environment's configuration, with each purpose the center
 * administrator set in the settings screen (settings/subscribeTemplates) taking its place.
 */
export async function loadTemplateRegistry(db: Database): Promise<TemplateRegistry> {
  const stored = await db
    .collection(COLL.settings)
    .doc('subscribeTemplates')
    .get()
    .then(
      (r) => r.data as { templates?: TemplateRegistry } | null,
      () => null,
    );
  return registryWith(stored);
}

/** The registry in force given the stored settings/subscribeTemplates document (or none). */
export function registryWith(stored: { templates?: TemplateRegistry } | null | undefined): TemplateRegistry {
  return { ...templateRegistry(), ...(stored?.templates ?? {}) };
}
