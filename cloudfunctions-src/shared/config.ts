import {
  createWorkCalendar,
  DEFAULT_SETTINGS,
  resolveSettings,
  type CenterCalendar,
  type Settings,
  type WorkCalendar,
} from '../../core';
import type { Database } from './cloud';
import { COLL } from './db';

/**
 * The center's configuration as the functions read it: its settings (collection settings, document
 * "center", completed with the defaults) and its working calendar (document "calendar").
 */

/** The center's settings (collection settings, document "center"), completed with defaults. */
export async function loadSettings(db: Database): Promise<Settings> {
  const stored = await db
    .collection(COLL.settings)
    .doc('center')
    .get()
    .then(
      (r) => r.data as Record<string, unknown> | null,
      () => null,
    );
  return settingsOf(stored);
}

export function settingsOf(stored: Record<string, unknown> | null | undefined): Settings {
  if (!stored) return DEFAULT_SETTINGS;
  const { _id, ...rest } = stored;
  const resolved = resolveSettings(rest);
  return resolved.ok ? resolved.value : DEFAULT_SETTINGS;
}

/**
 * The center's settings and its working calendar in ONE database round trip (both live in the
 * `settings` collection): the actions an applicant waits for need both and have four round trips.
 */
export async function loadCenterConfig(db: Database): Promise<{ settings: Settings; calendar: WorkCalendar }> {
  const { data } = await db
    .collection(COLL.settings)
    .where({ _id: db.command.in(['center', 'calendar']) })
    .limit(2)
    .get();
  const byId = new Map(data.map((d) => [String(d._id), d]));
  const { _id, ...calendar } = (byId.get('calendar') ?? {}) as Record<string, unknown>;
  return {
    settings: settingsOf(byId.get('center')),
    calendar: createWorkCalendar(byId.has('calendar') ? (calendar as CenterCalendar) : {}),
  };
}

/** The working calendar alone (chinese-days plus what the center entered). */
export async function loadCalendar(db: Database): Promise<ReturnType<typeof createWorkCalendar>> {
  const stored = await db
    .collection(COLL.settings)
    .doc('calendar')
    .get()
    .then(
      (r) => r.data as CenterCalendar | null,
      () => null,
    );
  return createWorkCalendar(stored ?? {});
}
